"""The footer shows whole hints and always ? Help; side panes never squeeze the text."""

from __future__ import annotations

import re

import pytest

from reader.app import ReaderApp
from reader.widgets.key_bar import KeyBar
from tests.ui.helpers import long_document, main_screen, make_app, settle

SIZES = [(160, 45), (100, 30), (80, 24), (60, 20), (40, 15)]


def footer_text(app: ReaderApp) -> str:
    bar = app.screen.query_one(KeyBar)
    return "".join(segment.text for segment in bar.render_line(0))


@pytest.mark.parametrize("size", SIZES)
async def test_the_footer_shows_whole_hints_and_always_help(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        text = footer_text(app)
        assert len(text) <= size[0]
        assert text.rstrip().endswith("? Help")
        every = {f"{hint.key} {hint.description}" for hint in bar.hints()}
        shown = [part for part in re.split(r"\s{2,}", text.strip()) if part]
        # Each piece on the row is one whole hint, none cut.
        assert shown and all(part in every for part in shown), shown
        if size[0] >= 80:
            assert "space Page down" in shown and "] Next section" in shown


async def test_the_footer_keeps_the_most_important_hints_when_narrow() -> None:
    app = make_app()
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot)
        text = footer_text(app)
        assert "space Page down" in text
        assert "? Help" in text
        assert "q Quit" not in text


@pytest.mark.parametrize("size", SIZES)
async def test_opening_panes_never_leaves_the_text_under_24_cells(size: tuple[int, int]) -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for key in ("o", "f", "o"):
            await pilot.press(key)
            await settle(pilot)
            assert screen.reading.text_width >= 24, (key, screen.reading.text_width)
            assert screen.outline.display or screen.facts.display
        # The pane asked for last is the one shown.
        assert screen.outline.display


async def test_side_panes_shrink_with_the_terminal() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        wide = (screen.outline.size.width, screen.facts.size.width)
        await pilot.resize_terminal(110, 30)
        await settle(pilot)
        assert screen.outline.display and screen.facts.display
        assert screen.outline.size.width < wide[0] and screen.facts.size.width < wide[1]
        assert screen.reading.text_width >= 24


async def test_a_pane_opened_on_a_narrow_terminal_closes_on_escape() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("o")
        await pilot.pause()
        assert screen.outline.display
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.outline.display
        assert app.focused is screen.reading


async def test_a_pane_opened_on_a_narrow_terminal_closes_on_going_to_a_section() -> None:
    document = long_document()
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("o", "j", "j", "enter")
        await pilot.pause()
        assert not screen.outline.display
        assert screen.outline.current == document.sections[2].id
        assert app.focused is screen.reading


async def test_a_pane_opened_on_a_wide_terminal_stays_after_escape() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("f2", "o", "escape")
        await pilot.pause()
        assert screen.outline.display
        assert app.focused is screen.reading


async def test_enter_in_the_outline_returns_focus_to_the_text() -> None:
    document = long_document()
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("o", "j", "enter")
        await pilot.pause()
        assert app.focused is screen.reading
        top = screen.reading.current_offset
        # The next space pages the text; it does not fold the outline.
        await pilot.press("space")
        await pilot.pause()
        assert screen.reading.current_offset > top
