"""The bench's pure helpers (bench/stats.py, bench/report.py): spreads of runs, the
line fit, the README between markers, the escape-free terminal text, the probe
phrase, the process tree. The bench itself is not run here (`make bench` is)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "bench"))

from report import Growth, at_most, first_frame_row, growth_summary, not_slower  # noqa: E402
from stats import (  # noqa: E402
    Spread,
    figure,
    fit_line,
    probe_of,
    process_tree,
    replace_between,
    spread_text,
    stat_fields,
    visible_text,
)

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def test_a_spread_is_the_median_the_least_and_the_greatest() -> None:
    spread = Spread.of([0.7, 0.5, 0.9, 0.6, 0.55])
    assert spread == Spread(0.6, 0.5, 0.9, 5)
    assert spread.format("s") == "0.600 s (0.500–0.900, n=5)"


def test_an_even_count_takes_the_middle_two() -> None:
    spread = Spread.of([20.0, 30.0, 24.0, 26.0])
    assert spread is not None and spread.median == 25.0
    assert spread.format("ms") == "25.0 ms (20.0–30.0, n=4)"


def test_nothing_measured_says_so() -> None:
    assert Spread.of([]) is None
    assert spread_text([], "ms") == "not measured"


def test_figures_keep_three_significant_digits() -> None:
    assert [figure(x) for x in (0.0, 0.01234, 1.234, 12.34, 123.4, 1234.5)] == [
        "0",
        "0.0123",
        "1.23",
        "12.3",
        "123",
        "1234",
    ]


def test_a_scale_turns_seconds_into_milliseconds() -> None:
    assert spread_text([0.021, 0.024, 0.022], "ms", scale=1000) == "22.0 ms (21.0–24.0, n=3)"


@given(
    st.floats(-50, 50, allow_nan=False),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.lists(st.integers(0, 1000), min_size=2, max_size=8, unique=True),
)
def test_the_fit_finds_the_line_the_points_lie_on(
    slope: float, intercept: float, sizes: list[int]
) -> None:
    # Character counts of documents from 0 to 100 MB, at least 100,000 apart.
    xs = [size * 100_000 for size in sizes]
    line = fit_line([float(x) for x in xs], [slope * x + intercept for x in xs])
    assert line.slope == pytest.approx(slope, rel=1e-6, abs=1e-6)
    assert line.intercept == pytest.approx(intercept, rel=1e-6, abs=1e-3 + abs(slope) * 1e-2)


def test_the_fit_of_scattered_points_is_least_squares() -> None:
    line = fit_line([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 2.0, 4.0])
    assert line.slope == pytest.approx(0.8)
    assert line.intercept == pytest.approx(1.3)


def test_a_line_needs_two_distinct_points() -> None:
    with pytest.raises(ValueError):
        fit_line([1.0], [2.0])
    with pytest.raises(ValueError):
        fit_line([3.0, 3.0], [1.0, 2.0])


def test_the_text_between_the_markers_is_replaced_and_the_rest_kept() -> None:
    text = f"# Title\n\n## Performance\n\n{BEGIN}\n| old | table |\n{END}\n\nAfter.\n"
    new = replace_between(text, BEGIN, END, "| new | table |\n| 1 | 2 |\n")
    assert (
        new
        == f"# Title\n\n## Performance\n\n{BEGIN}\n| new | table |\n| 1 | 2 |\n{END}\n\nAfter.\n"
    )


@given(st.text(), st.text(), st.text(), st.text())
def test_replacing_keeps_what_is_outside_and_twice_is_once(
    head: str, old: str, body: str, tail: str
) -> None:
    assume(all("<!--" not in part for part in (head, old, body, tail)))
    text = f"{head}{BEGIN}{old}{END}{tail}"
    once = replace_between(text, BEGIN, END, body)
    assert once.startswith(head + BEGIN) and once.endswith(END + tail)
    assert body.strip("\n") in once
    assert replace_between(once, BEGIN, END, body) == once


@pytest.mark.parametrize(
    "text",
    [
        "no markers at all",
        f"{BEGIN} but no end",
        f"{END} before {BEGIN}",
        f"{BEGIN} twice {BEGIN} {END}",
    ],
)
def test_markers_missing_doubled_or_reversed_are_an_error(text: str) -> None:
    with pytest.raises(ValueError):
        replace_between(text, BEGIN, END, "body")


def test_the_readme_has_one_pair_of_bench_markers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(BEGIN) == 1 and readme.count(END) == 1
    assert readme.index(BEGIN) < readme.index(END)


def test_styled_runs_of_one_row_join_up_without_escapes() -> None:
    stream = (
        "\x1b[?1049h\x1b]22;default\x07\x1b[1;1H\x1b[1;38;5;253;48;5;17m这是\x1b[0m"
        "\x1b[38;5;222;48;5;233m新时期\x1b[0m\x1b[30;160H\r\n\x1b(B"
    )
    assert visible_text(stream) == "这是新时期\n"


def test_the_probe_is_the_start_of_the_first_body_paragraph() -> None:
    lines = [
        "今天是2025年07月04日 星期五",
        "以优良作风谱写中国梦“苏州篇章”——全市开展党的群众路线教育实践活动综述，一个很长的标题行",
        "  这是新时期的苏州“双面绣”:在姑苏大地这块人民群众勤劳智慧、党员干部创先争优的底料上",
    ]
    assert probe_of(lines) == "这是新时期的"


def test_a_paragraph_after_a_blank_line_is_body_too() -> None:
    lines = [
        "THE BOOK",
        "",
        "CHAPTER 1.",
        "",
        "It was the best of times, it was the worst of times, it",
    ]
    assert probe_of(lines) == "It was"


def test_short_hard_wrapped_lines_are_found_by_the_second_rule() -> None:
    lines = [
        "书名",
        "第1章　开头",
        "　　这是新时期的苏州“双面绣”:在姑苏大地这块人民群众",
        "勤劳智慧",
    ]
    assert probe_of(lines) == "这是新时期的"


def test_a_document_without_a_body_paragraph_has_no_probe() -> None:
    with pytest.raises(ValueError):
        probe_of(["short", "lines", "only"])


def test_the_tree_is_the_root_and_every_descendant() -> None:
    parents = {1: 0, 10: 1, 11: 10, 12: 10, 13: 12, 20: 1, 21: 20}
    assert process_tree(10, parents) == [10, 11, 12, 13]
    assert process_tree(13, parents) == [13]


def test_stat_fields_are_counted_after_the_command_name() -> None:
    # A command name may hold spaces and parentheses.
    stat = "4242 (a (b) c) S 4200 4242 4242 0 -1 4194560 500 0 0 0 37 5 2 1 20 0 3 0 99 1000 2560"
    assert stat_fields(stat) == (4200, 37, 5, 2, 1, 2560)


def test_a_median_within_the_limit_is_met() -> None:
    assert at_most([0.3, 0.5, 0.4], 0.4) is True
    assert at_most([0.3, 0.5, 0.45], 0.4) is False
    assert at_most([], 0.4) is False
    assert at_most([0.3], None) is None


def test_the_first_frame_target_is_the_bare_apps_median_plus_the_slack() -> None:
    frames = {"reader": [0.40, 0.38, 0.42], "less": [0.01], "bare Textual": [0.29, 0.30, 0.28]}
    row = first_frame_row("10 MB", frames, 0.10)
    assert row.target == "≤ bare + 0.1 s (0.390 s)"
    assert row.met is False
    assert first_frame_row("10 MB", frames, 0.15).met is True


def test_keys_while_busy_are_not_slower_within_ten_percent_or_two_ms() -> None:
    assert not_slower([22.0, 23.0], [21.0, 22.0]) is True
    assert not_slower([44.0, 112.0, 60.0], [23.0, 28.0]) is False
    assert not_slower([3.5], [2.0]) is True
    assert not_slower([], [2.0]) is None


def test_the_growth_slope_is_bytes_per_character() -> None:
    points = [
        Growth(
            mb, chars, [0.3 + mb / 1000], [40 + 10 * chars / 2**20], [40 + 10 * chars / 2**20], []
        )
        for mb, chars in ((1, 350_000), (10, 3_500_000), (50, 17_500_000))
    ]
    summary = growth_summary(points)
    assert summary[0].startswith("- RSS slope, reader + children: 10.0 bytes per character")
    assert summary[0].endswith("MISSED")
    assert "first frame from 1 MB to 50 MB: 0.301 s → 0.350 s, +0.05 s" in summary[2]
    assert summary[2].endswith("ok")
