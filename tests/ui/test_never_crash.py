"""Issue 11, the UI side: panes that are hidden or not laid out, positions restored at
every size, keys that arrive together. Each test reproduces a crash that was seen.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.app import ReaderApp
from reader.model.document import Document
from reader.model.opening import open_document
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from reader.store.bookmarks import BookmarkStore
from reader.widgets.fact_list import FactList
from reader.widgets.title_bar import TitleBar
from tests.ui.helpers import SEED, main_screen, make_app
from tests.ui.keys import burst

NARROW = [(80, 24), (60, 20), (40, 15), (99, 30)]
"""Sizes at which both side panes start hidden."""


def header(app: ReaderApp) -> str:
    """What the title bar shows."""
    bar = app.screen.query_one(TitleBar)
    return "".join(segment.text for segment in bar.render_line(0)).strip()


def reading_text(app: ReaderApp) -> str:
    """Every visible row of the reading pane, joined."""
    reading = main_screen(app).reading
    height = reading.scrollable_content_region.height
    return "".join(reading.render_line(y).text for y in range(height)).strip()


def shows_section_of_the_reading_line(app: ReaderApp) -> None:
    """The title bar names the section that holds the reading position."""
    screen = main_screen(app)
    document = screen.document
    offset = screen.reading.current_offset
    assert 0 <= offset <= len(document.text)
    section = document.section_at(offset)
    assert section is not None
    # Narrow title bars drop the word: "2/4 · 19%".
    assert re.search(
        rf"(^|[ —])(section )?{section.index + 1}/{len(document.sections)} ·", header(app)
    )


def save_position(document: Document, offset: int) -> None:
    """Write ``offset`` as the saved reading position of ``document``."""
    BookmarkStore().set_position(document, offset)


# -- items 1-2: a hidden outline (or facts sidebar) is told the section ----------


@pytest.mark.parametrize("size", NARROW)
@pytest.mark.parametrize("key", ["space", "pagedown", "G", "end", "right_square_bracket"])
async def test_a_section_change_with_the_side_panes_hidden(size: tuple[int, int], key: str) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert not screen.outline.display and not screen.facts.display
        for _ in range(3):
            await pilot.press(key)
        shows_section_of_the_reading_line(app)
        assert reading_text(app)
        assert screen.outline.current == screen.reading._section_id


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 15)])
async def test_a_saved_position_in_the_last_section_opens_there(size: tuple[int, int]) -> None:
    document = open_document(SEED)
    last = document.sections[-1]
    save_position(document, last.start + 5)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.reading.current_offset >= last.start
        assert document.section_at(screen.reading.current_offset) == last
        last_of = f"{len(document.sections)}/{len(document.sections)}"
        assert re.search(rf"(^|[ —])(section )?{last_of} ·", header(app))
        assert reading_text(app)
        # The hidden outline follows, and shows the section once it is opened.
        await pilot.press("F2")
        await pilot.pause()
        assert screen.outline.current == last.id
        assert screen.outline.cursor_section == last


def report(sections: int) -> str:
    """A plain-text report of ``sections`` numbered sections."""
    body = "Running text of the section, long enough to wrap on a narrow screen. " * 4
    parts = ["Annual report", "", body]
    for number in range(1, sections + 1):
        parts += ["", f"{number}. Part {number}", "", body, "", body]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 15)])
async def test_a_saved_position_past_the_end_of_a_changed_text_opens_at_its_end(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report(6), encoding="utf-8")
    longer = open_document(path)
    assert len(longer.sections) >= 6
    save_position(longer, len(longer.text) - 3)
    path.write_text(report(2), encoding="utf-8")  # the file changed: its end went
    shorter = open_document(path)
    assert len(shorter.text) < len(longer.text) - 3
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        opened_at = screen.reading.current_offset
        opened_scroll = screen.reading.scroll_y
        assert 0 < opened_at <= len(shorter.text)
        shows_section_of_the_reading_line(app)
        assert reading_text(app)
        # The nearest valid place is the end: the view is where G puts it.
        await pilot.press("g", "G")
        assert screen.reading.scroll_y == opened_scroll


# -- item 9: keys that arrive together ------------------------------------------


async def test_note_prompt_enter_three_times_in_a_burst_dismisses_once() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        burst(app, "m", "enter", "enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert reading_text(app)
        await pilot.press("m")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press("escape")
        assert app.screen is screen


async def test_note_prompt_submitted_twice_dismisses_once() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        prompt = app.screen
        assert isinstance(prompt, NotePrompt)
        note = prompt.query_one(Input)
        note.value = "twice"
        note.post_message(Input.Submitted(note, "twice"))
        note.post_message(Input.Submitted(note, "twice"))
        prompt.action_cancel()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        # The reading screen is the app's first: the prompt went, and only once.
        assert app.screen_stack == [app.screen]


async def test_facts_enter_then_t_in_a_burst() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f")
        fact_list = app.screen.query_one(FactList)
        assert fact_list.has_focus
        await pilot.press("end")
        whole = fact_list.option_count
        assert fact_list.highlighted == whole - 1
        # Enter selects the last row of the whole document's list; t, handled
        # before the selection, lists this section's few facts instead.
        burst(app, "enter", "t")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert fact_list.option_count < whole


async def test_a_stale_fact_selection_is_ignored() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        fact_list = app.screen.query_one(FactList)
        rows = fact_list.option_count
        assert rows > 2
        fact_list.highlighted = rows - 1
        fact_list.action_select()  # posts OptionSelected for the last row...
        fact_list.show_message("No facts in this section")  # ...then the list shrinks
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert main_screen(app).highlights.cycle is None


# -- found by the fuzz test (tests/hostile_app/test_fuzz.py) ---------------------


@pytest.mark.parametrize("size", [(147, 19), (80, 24), (20, 6)])
async def test_palette_pageup_before_its_list_is_laid_out(size: tuple[int, int]) -> None:
    # Seed 11: "burst ... ctrl+p pageup" raised KeyError in OptionList._move_page.
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for keys in (("ctrl+p", "pageup"), ("pagedown", "pageup", "escape")):
            burst(app, *keys)
            await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_fact_list_pages_in_a_terminal_two_rows_high() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f")
        await pilot.resize_terminal(40, 4)
        await pilot.press("pagedown", "pageup", "pagedown")
        assert isinstance(app.screen, MainScreen)


# -- every pane takes every attribute while hidden or squeezed to nothing --------


@pytest.mark.parametrize("size", [(80, 24), (20, 6), (4, 3)])
async def test_every_pane_accepts_what_the_screen_sets_while_hidden_or_tiny(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = main_screen(app)
        document = screen.document
        index = screen.facts.index
        assert index is not None
        end = len(document.text)
        for section in (*document.sections, *reversed(document.sections)):
            screen.outline.current = section.id
            screen.outline.match_counts = {section.id: 3}
            screen.facts.section = section.id
            screen.facts.whole_document = not screen.facts.whole_document
            screen.facts.show_facts(index)
            screen.reading.scroll_to_section(section.id)
            screen.reading.set_highlights("search", [(section.start, section.start + 2)], 0)
            screen.reading.set_marks([(section.start, section.end)])
        for offset in (-5, 0, end // 2, end, end + 10_000):
            screen.reading.scroll_to_offset(offset)
            screen.reading.scroll_to_offset(offset, center=True)
        screen.outline.current = None
        screen.facts.fact_list.show_message("nothing")
        await pilot.pause()
        assert 0 <= screen.reading.current_offset <= end
        # Shown again at a usable size, the panes draw the state they were given.
        await pilot.resize_terminal(160, 45)
        # A key that moves the reading line (] does not, at the end): the panes
        # follow it in the same call (before, queued messages did, after the test's
        # own `outline.current = None`).
        await pilot.press("pageup")
        await pilot.pause()
        shows_section_of_the_reading_line(app)
        assert screen.outline.current == screen.reading._section_id


@pytest.mark.parametrize("typed", ["k", "k]k", "四风"])
async def test_quitting_while_the_palette_searches(typed: str) -> None:
    # Seed 11: the app ended with the palette open and its search running;
    # Textual's gathering worker raised NoMatches for its list (WorkerFailed).
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "ctrl+p", *typed)
        await asyncio.sleep(0)
        app.exit()
    assert app.return_code == 0


async def test_keys_queued_behind_quit_are_dropped() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "q", "space", "right_square_bracket", "G", "m", "enter")
        await pilot.pause()
    assert app.return_code == 0
