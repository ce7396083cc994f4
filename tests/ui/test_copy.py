"""y, Y and ctrl+c copy the passage (or the selection) to the clipboard."""

from __future__ import annotations

from reader.screens.main import MainScreen
from reader.view.copying import trimmed_span
from tests.ui.helpers import main_screen, make_app, settle


def current_passage(screen: MainScreen) -> str:
    paragraph = screen.reading.current_paragraph
    assert paragraph is not None
    start, end = trimmed_span(screen.document.text, *paragraph.span)
    return screen.document.text[start:end]


async def test_y_copies_the_passage_at_the_reading_line() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("right_square_bracket", "j", "j", "j")
        expected = current_passage(screen)
        assert len(expected) > 20
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == expected


async def test_Y_adds_the_citation() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j")
        expected = current_passage(screen)
        section = screen.document.section_at(screen.reading.current_offset)
        assert section is not None
        await pilot.press("Y")
        await pilot.pause()
        quote, citation = app.clipboard.split("\n\n")
        assert quote == expected
        assert citation.startswith("— " + screen.document.title)
        assert "苏州日报" in citation and "2014-07-22" in citation
        assert f"section “{section.title}”" in citation


async def test_ctrl_c_in_the_text_copies_instead_of_asking_to_quit() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("right_square_bracket", "j", "j")
        expected = current_passage(screen)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == expected
        assert app.is_running
        assert not any("quit" in str(n.message).lower() for n in app._notifications)


async def test_y_after_v_copies_the_selection() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("right_square_bracket", "j", "j", "j", "v", "j")
        selection = screen.marking.selection
        assert selection is not None
        start, end = selection.span
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == screen.document.text[start:end]
        assert screen.marking.selection is None
