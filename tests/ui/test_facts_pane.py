"""Pilot tests of the facts sidebar: loading, groups, scope, jumping, paging, palette."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import pytest

from reader.app import ReaderApp
from reader.commands import FactsProvider
from reader.model.document import Document, FactKind
from reader.model.facts.extract import extract_facts
from reader.view.fact_index import FactIndex
from reader.view.fact_rows import KIND_LABELS, fact_row
from reader.widgets.fact_list import PAGE, FactList
from tests.ui.helpers import build_document, main_screen, make_app, settle

FILL = ["这是一段没有任何要点的正文，只用来占满屏幕，让读者需要向下翻页才能看到后面的内容。"] * 12
"""A paragraph without facts, repeated so that each section is longer than a screen."""


def facts_document() -> Document:
    """Four sections; 服务绿卡 only in the second, the markup-like term only in the third."""
    return build_document(
        "测试报告",
        [
            ("一、学习教育", None, ["会议指出，要坚决反对“四风”，全年开展调研1.2万余次。", *FILL]),
            ("二、整改落实", None, [*FILL, "各地推出“服务绿卡”制度，“四风”问题明显减少。"]),
            ("三、制度建设", None, [*FILL, "有关部门发起“[bold]x[/]”行动，共有3200余人参加。"]),
        ],
        lead=["本报讯 会议于6月13日在苏州召开。"],
    )


def fact_lines(app: ReaderApp) -> list[str]:
    """The fact list's visible lines, as the user sees them."""
    fact_list = main_screen(app).facts.fact_list
    return [fact_list.render_line(y).text.rstrip() for y in range(fact_list.size.height)]


def reading_lines(app: ReaderApp) -> list[str]:
    reading = main_screen(app).reading
    return [reading.render_line(y).text for y in range(reading.size.height)]


def scope_line(app: ReaderApp) -> str:
    return str(main_screen(app).facts.query_one("#facts-scope").render())


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the fact extraction until the test sets the event (a slow, huge document)."""
    event = threading.Event()
    build = FactIndex.build

    def held(document: Document) -> FactIndex:
        event.wait(10)
        return build(document)

    monkeypatch.setattr(FactIndex, "build", held)
    yield event
    event.set()


async def test_the_first_frame_does_not_wait_and_keys_work_while_facts_are_found(
    gate: threading.Event,
) -> None:
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert any("Finding facts…" in line for line in fact_lines(app))
        reading = main_screen(app).reading
        await pilot.press("space")
        assert reading.scroll_y > 0, "the reading pane scrolls while the worker runs"
        gate.set()
        await settle(pilot)
        lines = fact_lines(app)
        assert not any("Finding facts…" in line for line in lines)
        assert "Figures (2)" in lines


async def test_facts_of_the_seed_are_grouped_with_counts() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert scope_line(app).startswith("Facts · whole document")
        lines = fact_lines(app)
        assert lines[0].startswith("Figures (")
        await pilot.press("f", "end")
        fact_list = main_screen(app).facts.fact_list
        headings = [str(o.prompt) for o in fact_list.options if o.disabled]
        # The extractor's own counts (the rules keep improving; the sidebar must follow).
        counts = Counter(fact.kind for fact in extract_facts(main_screen(app).document))
        assert headings == [f"{KIND_LABELS[kind]} ({counts[kind]})" for kind in FactKind]
        assert all(counts[kind] for kind in FactKind), "the seed has facts of every kind"
        # End reached the last term: the list scrolled to it.
        last = fact_list.options[-1]
        assert fact_list.highlighted == len(fact_list.options) - 1
        shown = fact_lines(app)[-1].rstrip("…")
        assert shown and str(last.prompt).split("\n")[-1].startswith(shown)
        # The seed's 四风 is said four times.
        assert any(str(option.prompt) == "四风 ×4" for option in fact_list.options)


async def test_rows_show_value_counted_and_literal_markup() -> None:
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        lines = fact_lines(app)
        index = main_screen(app).facts.index
        assert index is not None
        first = index.facts[0]
        assert first.text == "1.2万余次" and first.counted
        assert lines[:3] == ["Figures (2)", "1.2万余次  >12,000 次", "  " + first.counted]
        assert "四风 ×2" in lines
        # Document text is never markup: the term shows its brackets.
        assert "[bold]x[/]" in lines


async def test_t_toggles_between_this_section_and_the_whole_document() -> None:
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert "服务绿卡" in fact_lines(app)
        await pilot.press("t")
        assert scope_line(app).startswith("Facts · this section")
        lines = fact_lines(app)
        assert "苏州" in lines and "服务绿卡" not in lines and "[bold]x[/]" not in lines
        # Reading on to the third section refilters the list.
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        lines = fact_lines(app)
        assert "[bold]x[/]" in lines and "苏州" not in lines
        await pilot.press("t")
        assert scope_line(app).startswith("Facts · whole document")
        lines = fact_lines(app)
        assert "服务绿卡" in lines and "苏州" in lines


async def test_enter_jumps_to_the_first_mention_and_n_walks_the_mentions() -> None:
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("f", "end")
        assert isinstance(app.focused, FactList)
        assert not any("[bold]x[/]”行动" in line for line in reading_lines(app))
        await pilot.press("enter")
        await pilot.pause()
        assert any("[bold]x[/]”行动" in line for line in reading_lines(app))
        assert screen.highlights.cycle is not None and screen.highlights.cycle.layer == "facts"
        # Up to 四风 (two mentions, in sections one and two).
        await pilot.press("k", "k", "enter")
        await pilot.pause()
        assert screen.highlights.cycle.label == "四风" and screen.highlights.cycle.index == 0
        assert any("要坚决反对“四风”" in line for line in reading_lines(app))
        await pilot.press("n")
        await pilot.pause()
        assert screen.highlights.cycle.index == 1
        assert any("服务绿卡”制度，“四风”" in line for line in reading_lines(app))
        await pilot.press("escape")
        focused: object = app.focused
        assert focused is screen.reading


async def test_a_document_without_facts_says_so() -> None:
    app = make_app(document=build_document("Empty", [], lead=["nothing here"]))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert "No facts found" in fact_lines(app)
        await pilot.press("f", "enter", "t", "n")
        assert "No facts found" in fact_lines(app)
        assert main_screen(app).highlights.cycle is None


async def test_an_extractor_error_is_a_notification(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: Document) -> FactIndex:
        raise ValueError("bad rule")

    monkeypatch.setattr(FactIndex, "build", broken)
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert "Facts unavailable" in fact_lines(app)
        assert any("ValueError" in str(n.message) for n in app._notifications)
        await pilot.press("space")
        assert main_screen(app).reading.scroll_y > 0


async def test_long_groups_show_more_on_enter() -> None:
    count = PAGE + 50
    lines = [f"第{n}批共有{n}个单位参加。" for n in range(1, count + 1)]
    app = make_app(document=build_document("Many", [("一、数字", None, lines)]))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        fact_list = main_screen(app).facts.fact_list
        assert fact_lines(app)[0] == f"Figures ({count})"
        await pilot.press("f", "end")
        assert any(line.strip() == "… 50 more" for line in fact_lines(app))
        await pilot.press("enter")
        # The cursor is on the first row that was hidden, and the rest is listed.
        fact = fact_list.highlighted_fact
        assert fact is not None and fact.text == f"{PAGE + 1}个"
        assert f"{PAGE + 1}个" in fact_lines(app)
        assert not any("more" in str(option.prompt) for option in fact_list.options)


async def test_long_rows_end_with_an_ellipsis() -> None:
    slogan = "标准定得高、尺子把得严、功夫下得深、措施抓得实"
    app = make_app(document=build_document("Long", [("一、口号", None, [f"提出“{slogan}”。"])]))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        row = next(line for line in fact_lines(app) if line.startswith("标准"))
        assert row.endswith("…") and slogan not in row
        assert str(fact_row(main_screen(app).facts.index.facts[0])) == slogan  # type: ignore[union-attr]


async def test_palette_goes_to_a_fact() -> None:
    app = make_app(document=facts_document())
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        provider = FactsProvider(screen)
        hits = [hit async for hit in provider.search("服务绿卡")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Go to fact: 服务绿卡"
        listed = [hit.text async for hit in provider.discover()]
        assert "Go to fact: [bold]x[/]" in listed
        assert "Go to fact: 1.2万余次 >12,000 次" not in listed  # figures only when searched
        figures = [hit.text async for hit in provider.search("12,000")]
        assert "Go to fact: 1.2万余次 >12,000 次" in figures
        best.command()
        await pilot.pause()
        assert screen.highlights.cycle is not None and screen.highlights.cycle.label == "服务绿卡"
        assert any("服务绿卡”制度" in line for line in reading_lines(app))


def repeated_term_document() -> Document:
    """“四风” once in the first section and twice in the second (three in all)."""
    return build_document(
        "测试报告",
        [
            ("一、学习教育", None, ["会议指出，要坚决反对“四风”。", *FILL * 4]),
            ("二、整改落实", None, [*FILL, "“四风”问题明显减少，纠治“四风”成效明显。", *FILL * 3]),
        ],
        lead=["本报讯 会议在苏州召开。"],
    )


@pytest.mark.parametrize("size", [(100, 24), (160, 45)])
async def test_this_section_counts_only_the_mentions_in_the_section(
    size: tuple[int, int],
) -> None:
    app = make_app(document=repeated_term_document())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f", "end")
        assert "四风 ×3" in fact_lines(app)
        await pilot.press("t", "escape", "right_square_bracket")
        await pilot.pause()
        lines = fact_lines(app)
        assert scope_line(app).startswith("Facts · this section")
        assert "四风" in lines and not any(line.startswith("四风 ×") for line in lines)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "四风 ×2" in fact_lines(app)
        # Enter walks the section's own mentions: the first is in this section.
        await pilot.press("f", "end", "enter")
        await pilot.pause()
        screen = main_screen(app)
        cycle = screen.highlights.cycle
        assert cycle is not None and cycle.label == "四风"
        assert any("“四风”问题明显减少" in line for line in reading_lines(app))
