"""Pilot tests of the main screen: header, section keys, pane focus and layout."""

from __future__ import annotations

from textual.command import Hit
from textual.content import Content
from textual.widget import Widget

from reader.app import ReaderApp
from reader.commands import SectionsProvider
from reader.view.position import position_label
from reader.widgets.facts import FactsPane
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from reader.widgets.title_bar import TitleBar
from tests.ui.helpers import build_document, long_document, main_screen, make_app


def header_text(app: ReaderApp) -> str:
    """What the header shows, as plain text."""
    bar = app.screen.query_one(TitleBar)
    return "".join(segment.text for segment in bar.render_line(0)).strip()


def line_text(widget: Widget, y: int) -> str:
    """The plain text of the ``y``-th visible line of a Line-API widget."""
    return "".join(segment.text for segment in widget.render_line(y))


def pane_of(app: ReaderApp) -> str:
    """Which pane holds the focus: "outline", "reading", "facts" or the widget."""
    focused = app.focused
    assert focused is not None
    for pane_id in ("outline", "reading", "facts"):
        if any(node.id == pane_id for node in focused.ancestors_with_self):
            return pane_id
    return repr(focused)


def test_position_label() -> None:
    assert position_label(2, 4, 0.37) == "section 2/4 · 37%"
    assert position_label(1, 1, 1.7) == "section 1/1 · 100%"


async def test_header_shows_title_and_position_of_the_seed() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        document = main_screen(app).document
        text = header_text(app)
        assert document.title in text
        assert f"section 1/{len(document.sections)} · 0%" in text


async def test_next_section_twice_reaches_the_third_section_of_the_seed() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        sections = screen.document.sections
        assert len(sections) >= 3, "the sample has a lead and three sections"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert f"section 3/{len(sections)}" in header_text(app)
        assert screen.outline.current == sections[2].id
        assert screen.outline.cursor_section == sections[2]


async def test_next_section_twice_on_a_known_document() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        target = document.sections[2]
        # What the user sees: the header, the outline cursor, the heading on top.
        assert f"section 3/{len(document.sections)}" in header_text(app)
        assert screen.outline.cursor_section == target
        top = "".join(line_text(screen.reading, y) for y in range(2))
        assert target.title in top
        assert app.focused is screen.reading


async def test_position_percent_grows_when_scrolling_to_the_end() -> None:
    app = make_app(document=long_document(sections=4))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        text = header_text(app)
        assert "section 5/5" in text
        percent = int(text.rsplit("·", 1)[1].strip().rstrip("%"))
        assert percent > 50


async def test_tab_cycles_focus_over_the_visible_panes() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert pane_of(app) == "reading"
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(pane_of(app))
        assert seen == ["facts", "outline", "reading"]
        await pilot.press("shift+tab")
        assert pane_of(app) == "outline"


async def test_o_and_f_focus_panes_and_escape_returns_to_the_text() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert pane_of(app) == "outline"
        await pilot.press("escape")
        assert pane_of(app) == "reading"
        await pilot.press("f")
        assert pane_of(app) == "facts"
        await pilot.press("escape")
        assert pane_of(app) == "reading"


async def test_narrow_terminals_hide_the_side_panes() -> None:
    for size in ((80, 24), (60, 20)):
        app = make_app(document=long_document())
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = main_screen(app)
            assert not screen.outline.display
            assert not screen.facts.display
            assert screen.reading.size.width >= size[0] - 2
            # Tab has nowhere else to go.
            await pilot.press("tab")
            assert pane_of(app) == "reading"


async def test_o_and_f_show_hidden_panes_on_a_narrow_terminal() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("o")
        await pilot.pause()
        assert screen.outline.display and screen.outline.size.width > 0
        assert pane_of(app) == "outline"
        await pilot.press("f")
        await pilot.pause()
        assert screen.facts.display and pane_of(app) == "facts"


async def test_wide_terminal_shows_both_side_panes() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.outline.size.width > 20
        assert screen.facts.size.width > 20
        assert screen.reading.size.width > screen.outline.size.width


async def test_resize_across_the_threshold_hides_and_shows_panes() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.outline.display and not screen.facts.display
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert screen.outline.display and screen.facts.display


async def test_a_pane_toggled_by_hand_stays_as_the_user_left_it() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("f2")
        assert not screen.outline.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert not screen.outline.display, "the user's choice outlives a resize"
        assert screen.facts.display, "the untouched pane follows the width"
        await pilot.press("f3")
        assert not screen.facts.display
        await pilot.press("f2")
        assert screen.outline.display


async def test_hiding_the_focused_pane_returns_focus_to_the_text() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert pane_of(app) == "facts"
        await pilot.press("f3")
        assert pane_of(app) == "reading"


async def test_footer_shows_pane_keys() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        shown = {
            binding.action
            for binding in (b.binding for b in app.active_bindings.values())
            if binding.show
        }
        # The footer keeps to the keys a reader needs first; the help lists every key.
        assert {"focus_outline", "focus_facts", "next_section", "show_help", "quit"} <= shown
        assert "toggle_outline" not in shown


async def test_facts_pane_shows_the_metadata_as_plain_text() -> None:
    document = long_document()
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        facts = main_screen(app).facts
        assert isinstance(facts, FactsPane)
        text = str(facts.query_one("#facts-meta").render())
        assert "Test Gazette" in text
        assert document.title in text


async def test_section_visible_updates_outline_and_facts_scope() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        screen.reading.scroll_to_section(document.sections[3].id)
        await pilot.pause()
        assert screen.facts.section == document.sections[3].id
        outline = screen.query_one(OutlinePane)
        assert outline.current == document.sections[3].id
        assert isinstance(app.focused, ReadingPane)


async def test_q_quits() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_palette_lists_sections_and_jumps() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        provider = SectionsProvider(screen)
        hits = [hit async for hit in provider.search("part 3 heading")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Go to section: Part 3 heading"
        best.command()
        await pilot.pause()
        assert screen.outline.current == document.sections[3].id
        discovered = [hit.text async for hit in provider.discover()]
        assert discovered == [f"Go to section: {s.title}" for s in document.sections]


async def test_palette_shows_a_markup_title_literally() -> None:
    document = build_document("Doc", [("[b]Bold?[/b] no", "[i]sub", ["x"])])
    app = make_app(document=document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = SectionsProvider(main_screen(app))
        hits = [hit async for hit in provider.search("bold")]
        assert hits and isinstance(hits[0], Hit)
        assert str(hits[0].match_display) == "Go to section: [b]Bold?[/b] no"
        assert hits[0].help is not None and "[i]" in Content.from_markup(hits[0].help).plain
