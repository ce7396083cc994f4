"""The app with a hostile store path or hostile text from the store or a paste."""

from __future__ import annotations

import asyncio
import os
import stat

from textual import events
from textual.widgets import Input

from reader import paths
from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from tests.ui.helpers import make_app

SIZE = (100, 30)


def messages(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_fifo_store_gives_one_line_and_the_app_starts() -> None:
    paths.config_dir().mkdir(parents=True)
    os.mkfifo(paths.bookmarks_file())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        # Said once, on one line (a refused save says "cannot save bookmarks: ...").
        [warning] = [m for m in messages(app) if m.startswith("bookmarks are off")]
        assert warning.startswith("bookmarks are off: bookmarks.yaml is a FIFO, not a regular file")
        assert "\n" not in warning
        # m Enter: the save is refused with a notification, the app goes on.
        await pilot.press("m", "enter")
        await asyncio.to_thread(app.bookmarks.wait)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any(
            m.startswith("cannot save bookmarks: bookmarks.yaml is a FIFO") for m in messages(app)
        )
        await pilot.press("B", "escape", "j")
        assert app.is_running
    assert stat.S_ISFIFO(os.lstat(paths.bookmarks_file()).st_mode)


async def test_a_pasted_escape_sequence_never_reaches_the_note() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, NotePrompt)
        field = app.screen.query_one(Input)
        # Bracketed paste hands over ESC as it is.
        field.post_message(events.Paste("see \x1b[5;1H\x1b]0;title\x07here\x9b2J"))
        await pilot.pause()
        assert field.value == "see here"
        await pilot.press("enter")
        await asyncio.to_thread(app.bookmarks.wait)
        text = paths.bookmarks_file().read_text(encoding="utf-8")
        assert "note: see here" in text
        assert "\\e" not in text and "\x1b" not in text
