"""The outline: rows as drawn, nesting and folding, following the text, jumping, speed."""

from __future__ import annotations

import time

from rich.color import Color
from textual.app import App, ComposeResult
from textual.strip import Strip

from reader.model.document import Section
from reader.model.layout.cells import cell_len
from reader.screens.main import MainScreen
from reader.view.outline_rows import SUBTITLE, TITLE, TITLE_MORE, OutlineRows, title_lines
from reader.widgets.outline import OutlinePane
from tests.ui.helpers import build_document, long_document, make_app

LONG_TITLE = "苏州市委常委会召开会议深入学习贯彻中央八项规定精神推进作风建设常态化长效化"
"""A Chinese title far wider than the 28-column outline."""


def shown(pane: OutlinePane) -> list[str]:
    """The rows the pane draws, as the user sees them (trailing spaces dropped)."""
    return [pane.render_line(y).text.rstrip() for y in range(pane.scrollable_content_region.height)]


def row_background(pane: OutlinePane, y: int) -> Color | None:
    """The background colour of the first cell of row ``y``."""
    style = pane.render_line(y)._segments[0].style
    return None if style is None else style.bgcolor


def many_sections(count: int) -> tuple[Section, ...]:
    """``count`` one-line sections: a lead, then "H1", "H2", ... (like tiny-sections.md)."""
    return tuple(
        Section(i, f"h{i}", 1 if i else 0, f"H{i}", None, i * 10, i * 10 + 10, None, i, i + 1)
        for i in range(count)
    )


class Harness(App[None]):
    """The outline alone, 28 columns wide like the app's, recording what it posts."""

    CSS = "OutlinePane { width: 28; }"

    def __init__(self, sections: tuple[Section, ...]) -> None:
        super().__init__()
        self.sections = sections
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield OutlinePane(self.sections)

    def on_outline_pane_section_selected(self, event: OutlinePane.SectionSelected) -> None:
        self.selected.append(event.section_id)


class CountingOutline(OutlinePane):
    """An outline that records which view rows it draws."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        super().__init__(sections)
        self.drawn: list[int] = []

    def render_line(self, y: int) -> Strip:
        self.drawn.append(y)
        return super().render_line(y)


class CountingHarness(Harness):
    """The harness with a :class:`CountingOutline`."""

    def compose(self) -> ComposeResult:
        yield CountingOutline(self.sections)


# -- pure row logic -------------------------------------------------------------


def test_a_long_title_wraps_over_two_lines_at_most() -> None:
    lines = title_lines(LONG_TITLE, 26, 2)
    assert len(lines) == 2
    assert all(cell_len(line) <= 26 for line in lines)
    assert lines[0] + lines[1][:-1] == LONG_TITLE[: len(lines[0]) + len(lines[1]) - 1]
    assert lines[1].endswith("…")
    # A title that fits stays whole on one line; one row only means an ellipsis.
    assert title_lines("第一节", 26, 2) == ["第一节"]
    assert title_lines(LONG_TITLE, 26, 1)[0].endswith("…")
    # Wide enough for all of it in two rows: nothing is cut.
    assert "".join(title_lines(LONG_TITLE, 40, 2)) == LONG_TITLE


def test_rows_fold_and_unfold_without_losing_their_place() -> None:
    # Lead; A (with a subtitle) > A.1 > A.1.a; B.
    shape = [("Lead", None, None), ("A", "sub", None), ("A.1", None, 1), ("A.1.a", None, 2)]
    sections = [
        Section(i, f"s{i}", 1, title, subtitle, i, i + 1, None, i, i + 1, parent)
        for i, (title, subtitle, parent) in enumerate([*shape, ("B", None, None)])
    ]
    rows = OutlineRows(sections)
    rows.layout(26)
    assert list(rows.depth) == [0, 0, 1, 2, 0]
    # Lead, A + its subtitle, A.1, A.1.a, B.
    assert [(row.section, row.part) for r in range(6) if (row := rows.row(r))] == [
        (0, TITLE),
        (1, TITLE),
        (1, SUBTITLE),
        (2, TITLE),
        (3, TITLE),
        (4, TITLE),
    ]
    assert rows.has_children(1) and rows.has_children(2) and not rows.has_children(4)
    assert rows.set_collapsed(2, True)
    assert rows.total_rows == 5 and rows.first_row(3) is None and rows.first_row(4) == 4
    assert rows.set_collapsed(1, True)
    assert rows.total_rows == 4 and rows.first_row(4) == 3
    assert rows.shown_at_or_before(3) == 1
    # Revealing A.1.a unfolds both of its folded ancestors.
    assert rows.reveal(3) and rows.first_row(3) == 4
    # A long title takes two rows at 26 cells, one at 80.
    wide = OutlineRows(build_document("Doc", [(LONG_TITLE, None, [])]).sections)
    wide.layout(26)
    assert wide.total_rows == 3 and wide.row(2) == (1, TITLE_MORE, 1)
    wide.layout(80)
    assert wide.total_rows == 2


# -- the pane on its own ---------------------------------------------------------


async def test_markup_in_a_section_title_shows_literally() -> None:
    document = build_document(
        "Markup [b]test[/b]",
        [("[bold red]Budget[/]", "[i]not italic[/i]", ["Body."]), ("Plain", None, ["x"])],
    )
    app = Harness(document.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        assert shown(pane)[:4] == [
            "Markup [b]test[/b]",
            "[bold red]Budget[/]",
            "——[i]not italic[/i]",
            "Plain",
        ]
        for segment in pane.render_line(1)._segments:
            style = segment.style
            assert style is None or not (style.italic or style.link or style.meta), segment


async def test_sections_nest_by_parent_and_fold() -> None:
    document = build_document(
        "Nested",
        [("Part A", None, ["a"]), ("A.1", None, ["b"]), ("A.2", None, ["c"]), ("Part B", None, [])],
        levels=[1, 2, 2, 1],
    )
    app = Harness(document.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        # A gutter for the marker, two cells a level.
        assert shown(pane)[:5] == ["  Nested", "▾ Part A", "    A.1", "    A.2", "  Part B"]
        pane.focus()
        await pilot.press("down", "left")
        assert shown(pane)[:3] == ["  Nested", "▸ Part A", "  Part B"]
        assert pane.is_collapsed(document.sections[1].id)
        # Down from the folded section skips its children.
        await pilot.press("down")
        assert pane.cursor_section == document.sections[4]
        await pilot.press("up", "right")
        assert shown(pane)[2] == "    A.1"
        # Left on a child goes to its parent; space folds and unfolds.
        await pilot.press("down", "left")
        assert pane.cursor_section == document.sections[1]
        await pilot.press("space")
        assert shown(pane)[2] == "  Part B"
        # The reading pane entering a folded section unfolds it.
        pane.current = document.sections[3].id
        await pilot.pause()
        assert shown(pane)[3] == "    A.2"
        assert pane.cursor_section == document.sections[3]
        # A click on the marker folds; the section is not selected.
        await pilot.click(pane, offset=(0, 1))
        assert shown(pane)[2] == "  Part B" and app.selected == []


async def test_a_long_title_wraps_to_two_rows_and_its_subtitle_stays_one() -> None:
    document = build_document(
        "Doc", [(LONG_TITLE, LONG_TITLE, ["x"]), ("Next", None, ["y"])], lead=["lead"]
    )
    app = Harness(document.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        rows = shown(pane)
        width = pane.scrollable_content_region.width
        assert rows[1] + rows[2][:-1] == LONG_TITLE[: len(rows[1]) + len(rows[2]) - 1]
        assert rows[2].endswith("…")
        assert rows[3].startswith("——苏州") and rows[3].endswith("…")
        assert rows[4] == "Next"
        assert all(cell_len(row) <= width for row in rows)


async def test_match_counts_show_right_aligned_and_clear() -> None:
    document = build_document("Doc", [(LONG_TITLE, None, ["x"]), ("Short", None, ["y"])])
    app = Harness(document.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        width = pane.scrollable_content_region.width
        pane.match_counts = {document.sections[1].id: 12, document.sections[2].id: 3}
        await pilot.pause()
        rows = [pane.render_line(y).text for y in range(4)]
        # On the title row, at the right edge: a long title does not hide it.
        assert rows[1].endswith(" 12") and cell_len(rows[1]) == width
        assert "苏州" in rows[1] and rows[2].rstrip().endswith("…")
        assert rows[3].startswith("Short") and rows[3].endswith(" 3")
        pane.match_counts = {}
        await pilot.pause()
        assert shown(pane)[3] == "Short"


async def test_cursor_follows_current_without_taking_focus_or_posting() -> None:
    document = long_document(sections=4)
    app = Harness(document.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        app.set_focus(None)
        pane.current = document.sections[3].id
        await pilot.pause()
        assert pane.cursor_section == document.sections[3]
        assert app.focused is None
        assert app.selected == []
        # The section being read is highlighted: Lead, then two rows a part.
        current_row = 1 + 2 * 2
        assert row_background(pane, current_row) != row_background(pane, 1)
        # Enter in the pane does post the selection.
        pane.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [document.sections[3].id]


async def test_new_sections_rebuild_the_rows() -> None:
    first = long_document(sections=2)
    second = long_document(sections=5)
    app = Harness(first.sections)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OutlinePane)
        assert pane.rows.visible_count == 3
        pane.sections = second.sections
        await pilot.pause()
        assert pane.rows.visible_count == 6
        assert "Part 5 heading" in shown(pane)


async def test_a_hundred_thousand_sections_open_fast_and_end_shows_the_last() -> None:
    sections = many_sections(100_000)
    app = Harness(sections)
    start = time.perf_counter()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(OutlinePane)
        while not pane.virtual_size.height:
            await pilot.pause()
        rows = shown(pane)
        opened = time.perf_counter() - start
        assert rows[:3] == ["H0", "H1", "H2"]
        # Was ~6 s with a Tree; now ~0.2 s on this machine (generous for CI).
        assert opened < 2.0, opened
        pane.focus()
        await pilot.press("end")
        assert pane.cursor_section == sections[-1]
        assert shown(pane)[-1] == "H99999"
        await pilot.press("pageup", "up")
        assert pane.cursor_section is not None and pane.cursor_section.index < 99_990
        await pilot.press("home")
        assert shown(pane)[0] == "H0"

        # Counts for 50,000 sections, drawn, then cleared: no work per section.
        counts = {section.id: 7 for section in sections[::2]}
        t0 = time.perf_counter()
        pane.match_counts = counts
        with_counts = shown(pane)
        pane.match_counts = {}
        cleared = shown(pane)
        elapsed = time.perf_counter() - t0
        assert with_counts[0].endswith(" 7") and not with_counts[1].endswith(" 7")
        assert cleared[0] == "H0"
        assert elapsed < 0.1, elapsed  # was ~4 s each way with a Tree


# -- in the app ---------------------------------------------------------------------


async def test_enter_in_the_outline_jumps_to_the_section() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        target = document.sections[2]
        # Lead, Part 1, Part 2: the cursor moves by section, over subtitle rows.
        await pilot.press("o", "down", "down")
        assert screen.outline.cursor_section == target
        await pilot.press("enter")
        await pilot.pause()
        assert document.section_at(screen.reading.current_offset) == target
        assert screen.outline.current == target.id
        assert "section 3/5" in screen.title_bar.position
        # Back to the text, so the next space pages (issue 15).
        assert app.focused is screen.reading


async def test_click_in_the_outline_jumps_to_the_section() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        pane = screen.outline
        target = document.sections[3]
        y = shown(pane).index(target.title)
        await pilot.click(pane, offset=(6, y))
        await pilot.pause()
        assert document.section_at(screen.reading.current_offset) == target
        assert pane.current == target.id


async def test_the_subtitle_row_jumps_to_its_section() -> None:
    document = long_document(sections=3)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        pane = screen.outline
        target = document.sections[2]
        y = shown(pane).index(f"——{target.subtitle}")
        await pilot.click(pane, offset=(6, y))
        await pilot.pause()
        assert pane.current == target.id
        assert document.section_at(screen.reading.current_offset) == target
        # The cursor then rests on that section.
        assert pane.cursor_section == target


async def test_the_outline_follows_the_reading_pane() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        pane = screen.outline
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        target = document.sections[3]
        assert pane.current == target.id and pane.cursor_section == target
        assert app.focused is screen.reading
        y = shown(pane).index(target.title)
        assert row_background(pane, y) != row_background(pane, 0)


async def test_a_new_current_section_repaints_only_the_rows_whose_highlight_changed() -> None:
    # Each page turn in the reading pane sets `current`: repainting all 43
    # rows of a tall outline for it was most of a PageDown's drawing.
    app = CountingHarness(many_sections(200))
    async with app.run_test(size=(40, 45)) as pilot:
        await pilot.pause()
        pane = app.query_one(CountingOutline)
        app.set_focus(None)
        pane.current = "h3"
        await pilot.pause()
        assert len(set(pane.drawn)) >= 40  # the first frame draws every row
        pane.drawn.clear()
        pane.current = "h4"
        await pilot.pause()
        assert sorted(set(pane.drawn)) == [3, 4]
        assert row_background(pane, 4) != row_background(pane, 3)
        pane.drawn.clear()
        pane.current = "h4"  # the same section again: nothing to repaint
        await pilot.pause()
        assert pane.drawn == []


def test_rows_before_any_layout_have_no_first_row() -> None:
    # A hidden outline (no width yet) asked where a section is: nowhere, no error.
    rows = OutlineRows(many_sections(5))
    assert rows.first_row(1) is None
    rows.layout(20)
    assert rows.first_row(1) == 1
