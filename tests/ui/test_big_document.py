"""A big document opens on its head at once; the full parse replaces it in place.

In place means the same screen and panes: what the reader set up while the
rest was being parsed (hidden panes, an open search, focus) is still there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import reader.app
from reader.app import ReaderApp
from reader.model.document import Document
from reader.model.opening import full_document, open_document
from reader.model.structure.parse import parse_head
from reader.screens.main import MainScreen
from tests.ui.helpers import SEED, make_app


def big_text(repeats: int = 120) -> str:
    """The sample's body under numbered headings, ~1 MB."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[4:])
    parts = ["\n".join(lines[:4])]
    for n in range(1, repeats + 1):
        parts.append(f"{n}. 第{n}篇\n{body}")
    return "\n".join(parts) + "\n"


async def until(pilot: Pilot[None], check: Callable[[], bool], seconds: float = 20) -> None:
    """Let the app run until ``check()`` holds (the full parse runs in a thread)."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)
    await pilot.pause()


def hold_the_full_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make the app's full parse wait until the returned event is set."""
    gate = threading.Event()

    def held_parse(head: Document) -> Document:
        gate.wait(timeout=30)  # the test acts on the head first
        return full_document(head)

    monkeypatch.setattr(reader.app, "full_document", held_parse)
    return gate


def full_screen_shown(app: ReaderApp) -> Callable[[], bool]:
    return lambda: isinstance(app.screen, MainScreen) and app.screen.document.complete


def write_big(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    path.write_text(big_text(), encoding="utf-8")
    return path


def test_opening_a_big_file_for_the_app_parses_only_its_head(tmp_path: Path) -> None:
    path = write_big(tmp_path)
    head = open_document(path, head=True)
    full = open_document(path)
    assert not head.complete and full.complete
    assert head.fingerprint == full.fingerprint
    assert len(head.sections) < len(full.sections)


async def test_the_full_parse_replaces_the_head_and_keeps_the_reader_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_big(tmp_path)
    head = open_document(path, head=True)
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.screen
        assert isinstance(first, MainScreen) and not first.document.complete
        await pilot.press("right_square_bracket", "right_square_bracket", "space")
        offset = first.reading.current_offset
        assert offset > 0
        gate.set()
        await until(pilot, full_screen_shown(app))
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen is first
        assert screen.document.complete
        assert screen.document.fingerprint == head.fingerprint
        assert len(screen.document.sections) > len(head.sections)
        assert screen.reading.current_offset == offset
        # The facts of the whole document arrive on the new screen.
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Finding facts" not in str(screen.facts.query_one("#facts-scope").render())


async def test_a_position_beyond_the_head_is_restored_after_the_full_parse(
    tmp_path: Path,
) -> None:
    path = write_big(tmp_path)
    full = open_document(path)
    far = full.sections[-2].start
    # A first session read far into the document and saved the position there.
    app = make_app(None, document=full)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, MainScreen)
        app.screen.reading.scroll_to_offset(far)
        await pilot.pause()
        app.screen.marking.save_position(wait=True)
    head = parse_head(full.text, path=full.path)
    assert far > len(head.text[: head.paragraphs[-1].end])
    app = make_app(None, document=head)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, full_screen_shown(app))
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until(pilot, lambda: screen.reading.current_offset == far)


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20), (40, 15)])
async def test_the_full_parse_keeps_hidden_panes_an_open_search_and_focus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # The case of issue 14: hide the facts, type /四风 before the full parse
    # lands. The swap used to bring the pane back, close the bar with its query
    # and focus the text, so the next letter was a command (q quit).
    path = write_big(tmp_path)
    head = open_document(path, head=True)
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen) and not screen.document.complete
        await pilot.press("right_square_bracket", "space")
        offset = screen.reading.current_offset
        await pilot.press("f3")  # wide: hides the facts; narrow: shows them
        facts_shown = screen.facts.display
        assert facts_shown is (size[0] < 100)
        outline_shown = screen.outline.display
        await pilot.press("slash", "四", "风")
        field = screen.search_bar.query_one(Input)
        assert app.focused is field and field.value == "四风"
        gate.set()
        await until(pilot, full_screen_shown(app))
        assert app.screen is screen and screen.document.complete
        assert len(screen.document.sections) > len(head.sections)
        assert screen.facts.display is facts_shown
        assert screen.outline.display is outline_shown
        assert screen.search_bar.display and app.focused is field
        assert field.value == "四风"
        assert screen.reading.current_offset == offset
        # The query is searched in the full document: a count for all of it.
        await until(
            pilot, lambda: "matches" in str(screen.search_bar.query_one("#search-status").render())
        )
        full_count = screen.document.text.count("四风")
        assert screen.highlights.cycle is not None and len(screen.highlights.cycle) == full_count
        # The next letter is typed, not a command: q does not quit.
        await pilot.press("q")
        assert app.is_running and field.value == "四风q"


async def test_the_picker_opens_a_big_file_head_first_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_big(tmp_path)
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, folder_documents=[path, SEED])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert not screen.document.complete and screen.document.path == str(path)
        gate.set()
        await until(pilot, full_screen_shown(app))
        assert app.screen is screen
        # Backspace still goes back to the list the document was opened from.
        await pilot.press("backspace")
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)


async def test_a_big_markdown_head_is_rendered_and_its_full_parse_keeps_the_reader_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.md"
    body = "".join(
        f"## Part {n}\n\nSome **strong** words and a [link](https://example.com/{n}).\n\n"
        + "".join(f"- item {k} of part {n}\n" for k in range(8))
        + "\n"
        for n in range(1, 1501)
    )
    path.write_text(f"---\ntitle: Big notes\n---\n\n{body}", encoding="utf-8")
    head = open_document(path, head=True)
    assert not head.complete and head.source is not None
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.screen
        assert isinstance(first, MainScreen)
        await pilot.press("right_square_bracket", "right_square_bracket", "space")
        offset = first.reading.current_offset
        assert offset > 0
        shown = first.document.text[: first.document.paragraphs[-1].end]
        assert "**" not in shown and "## " not in shown and "](" not in shown
        gate.set()
        await until(pilot, full_screen_shown(app))
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen is first
        assert screen.document.source_text == head.source_text
        assert "**" not in screen.document.text and "## " not in screen.document.text
        # The head was rendered as the full text is: the reader stays where they were.
        assert screen.reading.current_offset == offset
        assert screen.document.text[:offset] == head.text[:offset]
        # The swap is no new document: no reading position is saved for the head.
        screen.marking.save_position(wait=True)
        await app.workers.wait_for_complete()
        fingerprints = {record.fingerprint for record in screen.bookmark_records()}
        assert head.fingerprint not in fingerprints
