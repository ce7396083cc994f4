"""Cut and wrapped labels: no ellipsis after an opening mark or a space, kinsoku lines."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.model.layout.cells import cell_len
from reader.model.layout.wrap import CLOSING, OPENING
from reader.view.fitting import ELLIPSIS, fit, fit_counted, fit_middle, fit_text, wrap_lines

BAD_TAIL = re.compile("[" + re.escape("".join(OPENING)) + r"\s\u3000]" + ELLIPSIS + "$")

TEXT = st.text(alphabet="以优良作风谱写中国梦“”（）《》「」苏州篇章 abc,。、", max_size=60)


def test_fit_drops_an_opening_quote_before_the_ellipsis() -> None:
    title = "以优良作风谱写中国梦“苏州篇章”"
    assert fit(title, 22) == "以优良作风谱写中国梦…"
    assert fit("Report (annex)", 9) == "Report…"
    assert fit("short", 10) == "short"


def test_wrap_lines_keeps_a_closing_quote_off_the_line_start() -> None:
    lines = wrap_lines("以优良作风谱写中国梦“苏州篇章”", 30)
    assert wrap_lines("以优良作风谱写中国梦“苏州篇章”", 28) == [
        "以优良作风谱写中国梦“苏州篇",
        "章”",
    ]
    assert all(line[:1] not in CLOSING for line in lines)
    assert "".join(lines) == "以优良作风谱写中国梦“苏州篇章”"


@given(TEXT, st.integers(1, 40))
def test_fit_is_within_width_and_never_ends_in_a_bad_ellipsis(text: str, cells: int) -> None:
    out = fit(text, cells)
    assert cell_len(out) <= cells
    assert not BAD_TAIL.search(out)
    if cell_len(text) <= cells:
        assert out == text


CLAUSES = st.lists(
    st.tuples(
        st.text(alphabet="以优良作风谱写中国梦苏州篇章abc", min_size=1, max_size=8),
        st.sampled_from(["”", "）", "》", "，", "。", "、", ""]),
    ),
    max_size=12,
).map(lambda parts: "".join(word + mark for word, mark in parts))
"""Prose: words, each followed by at most one closing mark."""


@given(CLAUSES, st.integers(4, 40))
def test_wrapped_lines_fit_and_none_starts_with_a_closing_mark(text: str, cells: int) -> None:
    lines = wrap_lines(text, cells)
    assert all(cell_len(line) <= cells for line in lines)
    assert all(line[:1] not in CLOSING for line in lines[1:])


def test_outline_titles_of_the_sample_never_end_in_a_bad_ellipsis() -> None:
    from reader.model.opening import open_document
    from reader.view.outline_rows import title_lines
    from tests.ui.helpers import SEED

    titles = [s.title for s in open_document(SEED).sections]
    titles += [s.subtitle for s in open_document(SEED).sections if s.subtitle]
    for title in titles:
        for cells in range(4, 40):
            for rows in (1, 2):
                lines = title_lines(title, cells, rows)
                assert not [line for line in lines if BAD_TAIL.search(line)], (title, cells)


def test_fit_text_cuts_each_line_and_keeps_the_styles() -> None:
    from rich.text import Text

    text = Text("以优良作风谱写中国梦“苏州篇章”")
    text.append(" ×2", style="dim")
    text.append("\n  what is counted here", style="italic")
    out = fit_text(text, 22)
    first, second = out.plain.split("\n")
    assert first == "以优良作风谱写中国梦…"
    assert second == "  what is counted here"
    assert any(span.style == "italic" for span in out.spans)


def test_fit_middle_keeps_the_end_of_a_file_name() -> None:
    assert fit_middle("zh_gov_work_report_2018_part1_bom.txt", 24) == "zh_gov_work_…rt1_bom.txt"
    assert fit_middle("Report (2024) final.txt", 17) == "Report…inal.txt"
    names = [f"zh_gov_work_report_{year}.txt" for year in (2018, 2022, 2024)]
    assert len({fit_middle(name, 16) for name in names}) == 3
    assert fit_middle("short.txt", 20) == "short.txt"


@given(TEXT, st.integers(1, 40))
def test_fit_middle_is_within_width_and_never_ends_a_head_badly(text: str, cells: int) -> None:
    out = fit_middle(text, cells)
    assert cell_len(out) <= cells
    if cell_len(text) <= cells:
        assert out == text
    else:
        head = out.split(ELLIPSIS)[0] + ELLIPSIS
        assert not BAD_TAIL.search(head)


def test_fit_counted_keeps_the_count_and_the_styles() -> None:
    from rich.text import Text

    heading = Text("Figures (2,418)", style="bold")
    assert fit_counted(heading, 12).plain == "Fig… (2,418)"
    assert all(span.style == "bold" for span in fit_counted(heading, 12).spans)
    assert fit_counted(heading, 15).plain == "Figures (2,418)"
    assert fit_counted(heading, 7).plain == "Figure…"  # no room for a label: cut as usual
    # Only a count is kept: other words in brackets are cut as fit cuts them.
    assert (
        fit_counted(Text("Report (draft)"), 10).plain == fit("Report (draft)", 10) == "Report (d…"
    )


@given(TEXT, st.integers(0, 30), st.integers(0, 99999))
def test_fit_counted_is_within_width(label: str, cells: int, count: int) -> None:
    from rich.text import Text

    out = fit_counted(Text(f"{label} ({count:,})"), cells).plain
    if cells > 0:
        assert cell_len(out) <= cells
    if f"({count:,})" not in out:
        assert cells < cell_len(f"({count:,})") + 3
