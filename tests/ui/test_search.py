"""Search with `/`: the bar, the count, highlights, n/N, regex, errors, Esc, outline counts."""

from __future__ import annotations

import re
import threading

import pytest
from rich.style import Style
from textual.command import Hit, Provider
from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.app import ReaderApp
from reader.commands import ViewProvider
from reader.model.document import Section
from reader.screens import searching
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.screens.searching import CHUNK_CHARS, count_label, section_counts, stopped_label
from reader.widgets.reading import ReadingPane
from reader.widgets.search_bar import SearchBar
from tests.ui.helpers import build_document, main_screen, make_app, wait_until
from tests.ui.keys import burst


def bar_status(screen: MainScreen) -> str:
    """What the bar's status shows."""
    return str(screen.search_bar.query_one("#search-status", Static).render())


def view_lines(pane: ReadingPane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def runs_with_background(pane: ReadingPane, y: int, style: Style) -> list[str]:
    """Texts of row ``y``'s segments drawn on ``style``'s background."""
    return [
        s.text
        for s in pane.render_line(y)
        if s.style is not None and s.style.bgcolor == style.bgcolor
    ]


def highlighted(pane: ReadingPane) -> list[str]:
    """Every piece of text in view drawn as a search match (current or not)."""
    styles = [
        pane.get_component_rich_style("reading-pane--search"),
        pane.get_component_rich_style("reading-pane--search-current"),
    ]
    rows = range(pane.scrollable_content_region.height)
    return [text for y in rows for style in styles for text in runs_with_background(pane, y, style)]


async def search(pilot: Pilot[None], *keys: str) -> None:
    """Open the bar, press ``keys`` and wait for the search to finish."""
    await pilot.press("slash", *keys)
    await searched(pilot)


async def searched(pilot: Pilot[None]) -> None:
    """Wait for the search worker only (the background wrap may go on)."""
    for worker in list(pilot.app.workers):
        if worker.group == "search":
            await worker.wait()
    await pilot.pause()


def test_count_labels() -> None:
    assert count_label(0) == "no matches"
    assert count_label(1) == "1 match"
    assert count_label(17) == "17 matches"
    assert count_label(5, done=False) == "5 matches…"


async def test_typing_shows_the_count_and_enter_shows_the_first_match() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "四", "风")
        assert screen.search_bar.display
        assert bar_status(screen) == "4 matches"
        # What is typed shows: the focused field keeps a text row (no tall border).
        field = screen.search_bar.query_one(Input)
        assert app.focused is field
        assert field.content_region.height == 1
        assert "四风" in "".join(s.text for s in field.render_line(0))
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.search_bar.display
        assert app.focused is screen.reading
        assert screen.highlights.cycle is not None and screen.highlights.cycle.index == 0
        assert any("四风" in line for line in view_lines(screen.reading))
        assert "四风" in highlighted(screen.reading)
        assert "四风 1/4" in screen.title_bar.position


async def test_n_three_times_makes_the_fourth_match_current_and_visible() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "四", "风", "enter")
        await pilot.press("n", "n", "n")
        await pilot.pause()
        cycle = screen.highlights.cycle
        assert cycle is not None and cycle.index == 3
        start, _ = cycle.spans[3]
        assert start == screen.document.text.rfind("四风")
        current = screen.reading.get_component_rich_style("reading-pane--search-current")
        rows = range(screen.reading.scrollable_content_region.height)
        runs = [t for y in rows for t in runs_with_background(screen.reading, y, current)]
        assert runs == ["四风"]
        assert "四风 4/4" in screen.title_bar.position
        # Reopening the bar shows where n/N stand.
        await pilot.press("slash")
        assert bar_status(screen) == "4/4"


async def test_a_regex_search_counts_what_re_finds() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "ctrl+r", "backslash", "d", "plus", "个")
        mode = str(screen.search_bar.query_one("#search-mode", Static).render())
        assert mode == "regex"
        expected = len(re.findall(r"\d+个", screen.document.text))
        assert expected > 0
        assert bar_status(screen) == f"{expected} matches"
        assert screen.highlights.cycle is not None and len(screen.highlights.cycle) == expected


async def test_an_invalid_regex_shows_the_message_and_nothing_breaks() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "ctrl+r", "left_parenthesis")
        status = screen.search_bar.query_one("#search-status", Static)
        assert "missing )" in bar_status(screen)
        assert status.has_class("-error")
        assert highlighted(screen.reading) == []
        # Typing on makes it valid again; Enter and n work.
        await search(pilot, "right_parenthesis")
        assert not status.has_class("-error")
        await pilot.press("backspace", "backspace", "四", "enter", "n")
        await searched(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)


async def test_a_match_across_a_wrap_is_highlighted_on_both_lines() -> None:
    # Distinct ideographs, two cells each and free to break anywhere: the wrap
    # falls after text_width // 2 characters, whatever the pane's width.
    body = "".join(chr(0x4E00 + i) for i in range(120))
    document = build_document("Wrap", [("Only section", None, [body])])
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        pane = screen.reading
        per_line = pane.text_width // 2
        first = body[:per_line]
        query = body[per_line - 2 : per_line + 2]
        await search(pilot, *query, "enter")
        await pilot.pause()
        lines = view_lines(pane)
        row = next(y for y, line in enumerate(lines) if first in line)
        assert query not in lines[row] and query[2:] in lines[row + 1]
        current = pane.get_component_rich_style("reading-pane--search-current")
        assert runs_with_background(pane, row, current) == [query[:2]]
        assert runs_with_background(pane, row + 1, current) == [query[2:]]


async def test_escape_clears_the_search_from_the_bar_and_from_the_text() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        # 苏州 is on the first screen: its matches show while typing.
        await search(pilot, "苏", "州")
        assert "苏州" in highlighted(screen.reading)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.search_bar.display
        assert app.focused is screen.reading
        assert highlighted(screen.reading) == []
        assert screen.highlights.cycle is None and screen.outline.match_counts == {}
        # Again, closing with Enter; then Esc in the reading pane clears.
        await search(pilot, "enter")
        assert highlighted(screen.reading)
        await pilot.press("escape")
        await pilot.pause()
        assert highlighted(screen.reading) == [] and screen.highlights.cycle is None
        # Escape from another pane still just comes back to the text.
        await search(pilot, "enter")
        await pilot.press("o", "escape")
        assert app.focused is screen.reading
        assert highlighted(screen.reading)


async def test_the_outline_shows_matches_per_section() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = main_screen(app)
        document = screen.document
        await search(pilot, "四", "风")
        expected = {
            s.id: document.text.count("四风", s.start, s.end)
            for s in document.sections
            if document.text.count("四风", s.start, s.end)
        }
        assert screen.outline.match_counts == expected
        pane = screen.outline

        def title_row(section: Section) -> str:
            first = pane.rows.first_row(section.index)
            assert first is not None
            return pane.render_line(first - pane.scroll_offset.y).text.rstrip()

        for section in document.sections:
            count = expected.get(section.id)
            if count:
                assert title_row(section).endswith(f" {count}")
            elif section.parent is None:
                assert not title_row(section)[-1].isdigit()
        await pilot.press("escape")
        await pilot.pause()
        for section_id, count in expected.items():
            section = document.section_by_id(section_id)
            assert section is not None and not title_row(section).endswith(f" {count}")


def test_section_counts_leaves_out_sections_without_matches() -> None:
    from array import array

    document = build_document("T", [("A", None, ["x y x"]), ("B", None, ["none"])])
    starts = array("i", [m.start() for m in re.finditer("x", document.text)])
    assert section_counts(document.sections, starts) == {"1-s": 2}


async def test_typing_on_replaces_a_running_search_on_a_big_document() -> None:
    paragraph = "苏州市委常委带头作示范，督导组层层严格把关。" * 20
    document = build_document("Big", [(f"Part {n}", None, [paragraph] * 140) for n in range(8)])
    assert len(document.text) > 2 * CHUNK_CHARS
    app = make_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "苏", "州", "市")
        assert bar_status(screen) == count_label(document.text.count("苏州市"))


async def test_help_lists_the_search_keys() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row for group in help_screen.groups for row in group.rows}
        assert ("/", "Search") in rows
        assert ("n", "Next match") in rows and ("N", "Prev match") in rows
        bar = next(g for g in help_screen.groups if g.title == "Search bar")
        descriptions = {description for _, description in bar.rows}
        for binding in SearchBar.BINDINGS:
            assert not isinstance(binding, tuple) and binding.description in descriptions
        # The field's editing keys would bury the bar's own.
        assert "Delete character left" not in descriptions


async def hits(provider: Provider, query: str) -> list[Hit]:
    return [hit async for hit in provider.search(query) if isinstance(hit, Hit)]


async def test_the_palette_toggles_panes_and_switches_theme() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        provider = ViewProvider(screen)
        discovered = [hit.text async for hit in provider.discover()]
        assert discovered == ["Toggle outline", "Toggle facts", "Wider text", "Narrower text"]
        toggle = next(h for h in await hits(provider, "toggle outline"))
        assert toggle.text == "Toggle outline"
        toggle.command()
        await pilot.pause()
        assert not screen.outline.display
        theme = next(h for h in await hits(provider, "switch theme nord") if "nord" in str(h.text))
        theme.command()
        await pilot.pause()
        assert app.theme == "nord"


def _engine_threads() -> list[threading.Thread]:
    """Daemon threads still running a scan."""
    return [t for t in threading.enumerate() if t.name == "reader-detached" and t.is_alive()]


CATASTROPHIC = "字" * 3000
"""A long run of non-space; with an "x" in a later paragraph, ``(\\S+)+x`` backtracks."""

PATTERN_KEYS = ("left_parenthesis", "backslash", "S", "plus", "right_parenthesis", "plus", "x")


def _catastrophic_app() -> ReaderApp:
    document = build_document("Slow", [("Only section", None, [CATASTROPHIC, "x marks it"])])
    return make_app(document=document)


async def test_a_catastrophic_regex_is_stopped_and_the_bar_says_so() -> None:
    app = _catastrophic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await search(pilot, "ctrl+r", *PATTERN_KEYS)
        assert screen.search_bar.query_text == r"(\S+)+x"
        assert bar_status(screen) == stopped_label() == "pattern too slow: stopped after 0.5 s"
        assert screen.search_bar.query_one("#search-status", Static).has_class("-error")
        assert highlighted(screen.reading) == []
        # The app goes on: Enter closes the bar, a new query searches again.
        await pilot.press("enter")
        await searched(pilot)
        assert app.is_running and screen.reading.has_focus
        await search(pilot, "ctrl+r", "ctrl+a", "ctrl+k", "m", "a", "r", "k", "s")
        assert bar_status(screen) == "1 match"


ENGINE_SECONDS = 3.0
"""The engine's budget in the tests that act while it runs: its thread is surely
still matching when the key is handled (a few event-loop turns after it started,
under 0.1 s on a loaded machine), and the test's teardown waits for it to stop."""


async def _start_the_catastrophic_search(pilot: Pilot[None]) -> None:
    """Type the pattern; return once the engine runs on its last key.

    The last key is queued without Pilot's wait for an idle process (which takes
    up to 2 s while the engine runs); the engine thread is awaited instead.
    """
    await pilot.press("slash", "ctrl+r", *PATTERN_KEYS[:-1])
    assert not _engine_threads()
    burst(pilot.app, PATTERN_KEYS[-1])
    await wait_until(lambda: bool(_engine_threads()), "the engine never started")


async def test_escape_answers_while_a_catastrophic_regex_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "SEARCH_SECONDS", ENGINE_SECONDS)
    app = _catastrophic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        await _start_the_catastrophic_search(pilot)
        burst(app, "escape")
        await wait_until(lambda: not screen.search_bar.display, "Escape never closed the bar")
        # Handled while the engine is still matching in its daemon thread.
        assert _engine_threads()
        assert not screen.searching.active
        await pilot.press("j")
        assert app.is_running


async def test_quitting_does_not_wait_for_a_catastrophic_regex(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "SEARCH_SECONDS", ENGINE_SECONDS)
    app = _catastrophic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _start_the_catastrophic_search(pilot)
        screen = main_screen(app)
        # Escape, then q, each without waiting for the busy process to go idle.
        burst(app, "escape")
        await wait_until(lambda: not screen.search_bar.display, "Escape never closed the bar")
        burst(app, "q")
        await wait_until(lambda: not app.is_running, "q never ended the app")
    # The app has exited while the engine still runs (it stops at its deadline).
    assert not app.is_running
    assert _engine_threads()
