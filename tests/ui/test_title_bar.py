"""TitleBar: what it draws, and which cells a change repaints."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.geometry import Region

from reader.widgets.title_bar import TitleBar, changed_span, line_cells

TITLES = [
    "人民日报评论员：以优良作风谱写中国梦",
    "A Report on Wages",
    "[b]x[/b] 年报",
    "é́ combining",
    "a\ttab and\na break",
]
POSITIONS = ["section 1/4 · 0%", "section 2/4 · 37%", "section 12/40 · 100% · 四风 3/17", ""]


class BarApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TitleBar()


def _drawn(bar: TitleBar) -> str:
    return "".join(segment.text for segment in bar.render_line(0))


async def test_the_cells_it_tracks_are_the_cells_it_draws() -> None:
    for width in (40, 59, 60, 81, 160):
        app = BarApp()
        async with app.run_test(size=(width, 3)) as pilot:
            bar = app.query_one(TitleBar)
            for title in TITLES:
                for section in ("", "第二节 市委常委带头作示范", "Part 3"):
                    for position in POSITIONS:
                        bar.title, bar.section, bar.position = title, section, position
                        await pilot.pause()
                        drawn = _drawn(bar)
                        assert bar._shown is not None
                        assert "".join(char for char, _ in bar._shown) == drawn


async def test_a_new_percentage_repaints_only_its_cells() -> None:
    app = BarApp()
    async with app.run_test(size=(160, 3)) as pilot:
        bar = app.query_one(TitleBar)
        bar.title, bar.section, bar.position = TITLES[0], "Part 3", "section 2/4 · 37%"
        await pilot.pause()
        bar.position = "section 2/4 · 38%"
        regions = bar._exchange_repaint_regions()
        assert regions and all(region.width <= 4 for region in regions)
        await pilot.pause()
        assert "38%" in _drawn(bar)


async def test_show_sets_section_and_position_in_one_repaint_of_the_changed_cells() -> None:
    app = BarApp()
    async with app.run_test(size=(160, 3)) as pilot:
        bar = app.query_one(TitleBar)
        bar.title, bar.section, bar.position = TITLES[0], "Part 3", "section 3/4 · 37%"
        await pilot.pause()
        bar.show(section="Part 4", position="section 4/4 · 38%")
        regions = list(bar._exchange_repaint_regions())
        assert len(regions) == 1
        (region,) = regions
        assert 0 < region.width < 160
        await pilot.pause()
        drawn = _drawn(bar)
        assert "Part 4" in drawn and "section 4/4 · 38%" in drawn
        assert (bar.section, bar.position) == ("Part 4", "section 4/4 · 38%")


async def test_a_tab_or_line_break_in_a_title_is_drawn_as_a_space() -> None:
    app = BarApp()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(TitleBar)
        bar.title, bar.section, bar.position = "a\ttab", "one\ntwo", "section 1/2 · 0%"
        await pilot.pause()
        drawn = _drawn(bar)
        assert "a tab · one two — section 1/2 · 0%" in drawn
        assert not any(char in drawn for char in "\t\n\r")
        assert len(drawn) == 80


async def test_a_longer_title_repaints_the_line() -> None:
    app = BarApp()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(TitleBar)
        bar.title, bar.position = "Short", "section 1/2 · 0%"
        await pilot.pause()
        bar.title = "A much longer title than before"
        assert Region(0, 0, 80, 1).contains_region(
            Region.from_union(list(bar._exchange_repaint_regions()))
        )
        await pilot.pause()
        assert "A much longer title than before" in _drawn(bar)


cells = st.lists(st.tuples(st.sampled_from("ab年 "), st.sampled_from(["", "dim"])), max_size=30)


@settings(max_examples=200)
@given(cells, cells)
def test_cells_outside_the_changed_span_are_the_same(
    old: list[tuple[str, str]], new: list[tuple[str, str]]
) -> None:
    width = max(len(old), len(new))
    old_line = line_cells([("".join(c for c, _ in old), "")], width)
    new_line = line_cells([("".join(c for c, _ in new), "")], width)
    span = changed_span(old_line, new_line)
    if span is None:
        assert old_line == new_line
    else:
        start, end = span
        assert old_line[:start] == new_line[:start] and old_line[end:] == new_line[end:]
        assert old_line[start] != new_line[start] and old_line[end - 1] != new_line[end - 1]
