"""Work that competes with the text for the interpreter waits for its first frame.

The panes lay out when they learn their size, which is a frame after the
screen's first one: the facts and the full parse of a big text start only once
a frame with the text in it has been drawn (``MainScreen.after_text_shown``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.strip import Strip

from reader.app import ReaderApp
from reader.model.opening import open_document
from reader.model.text.loading import HEAD_MIN_BYTES
from reader.paths import bookmarks_file
from reader.screens.fact_finder import FactFinder
from reader.screens.keeper import BookmarkKeeper
from reader.screens.main import MainScreen
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from tests.ui.helpers import SEED, make_app, wait_until


def _record_text_drawn(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    draw = ReadingPane.render_line

    def render_line(self: ReadingPane, y: int) -> object:
        strip = draw(self, y)
        if strip.text.strip() and "text drawn" not in events:
            events.append("text drawn")
        return strip

    monkeypatch.setattr(ReadingPane, "render_line", render_line)


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (40, 15)])
async def test_facts_are_sought_only_after_the_text_is_drawn(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    events: list[str] = []
    _record_text_drawn(monkeypatch, events)
    find = FactFinder.find

    def record_find(self: FactFinder, document: object) -> None:
        events.append("facts sought")
        find(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(FactFinder, "find", record_find)
    app = make_app(SEED)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.wait_for_scheduled_animations()
        for _ in range(50):
            if screen.fact_index is not None:
                break
            await pilot.pause(0.05)
        assert screen.fact_index is not None  # the facts came all the same
    assert events[:2] == ["text drawn", "facts sought"]


async def test_the_full_parse_of_a_big_text_starts_after_its_head_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    body = seed_text.split("\n", 4)[4]
    path = tmp_path / "big.txt"
    path.write_text(seed_text + body * (HEAD_MIN_BYTES // len(body.encode("utf-8")) + 1))
    head = open_document(path, head=True)
    assert not head.complete
    events: list[str] = []
    _record_text_drawn(monkeypatch, events)
    parse_in_full = ReaderApp._parse_in_full

    def record_parse(self: ReaderApp, screen: MainScreen, document: object) -> None:
        events.append("full parse")
        parse_in_full(self, screen, document)  # type: ignore[arg-type]

    monkeypatch.setattr(ReaderApp, "_parse_in_full", record_parse)
    app = make_app(None, document=head)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(100):
            if screen.document.complete:
                break
            await pilot.pause(0.05)
        assert screen.document.complete  # the full parse came and replaced the head
    assert events[:2] == ["text drawn", "full parse"]


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20), (40, 15)])
async def test_the_panes_draw_their_text_in_their_very_first_frame(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # The panes lay out as soon as their size is known, not on the Resize that
    # follows the frame: no frame with empty panes is drawn (and thrown away).
    first: dict[str, str] = {}
    for pane in (ReadingPane, OutlinePane):
        draw = pane.render_line

        def render_line(
            self: ReadingPane | OutlinePane, y: int, draw: Any = draw, name: str = pane.__name__
        ) -> Strip:
            strip: Strip = draw(self, y)
            first.setdefault(name, strip.text)
            return strip

        monkeypatch.setattr(pane, "render_line", render_line)
    app = make_app(SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        outline_shown = app.screen.query_one(OutlinePane).display
    assert first["ReadingPane"].strip()
    if outline_shown:
        assert first["OutlinePane"].strip()
    assert outline_shown or size[0] < 100  # wide enough, the outline shows


@pytest.mark.parametrize("stored", [False, True])
async def test_a_store_file_is_read_before_the_first_frame_and_none_after_it(
    monkeypatch: pytest.MonkeyPatch, stored: bool
) -> None:
    # With a file, the first frame is at the saved position; without one there
    # is nothing to restore, and the store's modules load after the frame.
    if stored:
        bookmarks_file().parent.mkdir(parents=True, exist_ok=True)
        bookmarks_file().write_text("version: 1\ndocuments: []\n", encoding="utf-8")
    events: list[str] = []
    threads: list[bool] = []
    _record_text_drawn(monkeypatch, events)
    load = BookmarkKeeper.load

    def record_load(self: BookmarkKeeper) -> list[str]:
        events.append("store read")
        threads.append(threading.current_thread() is threading.main_thread())
        return load(self)

    monkeypatch.setattr(BookmarkKeeper, "load", record_load)
    app = make_app(SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: app.bookmarks.loaded, "the store was never read")
        await pilot.press("m")
        await pilot.press("enter")
        await pilot.pause()
        app.bookmarks.wait()
        records = app.bookmarks.call(lambda store: store.documents())
        assert records is not None and len(records[0].bookmarks) == 1
    expected = ["store read", "text drawn"] if stored else ["text drawn", "store read"]
    assert events[:2] == expected
    # Read after the first frame, the store (and its modules, ~0.1 s) never holds
    # up the UI thread: it is read in the store's own thread.
    assert threads == [stored]
