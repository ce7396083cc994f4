"""m twice at the same place edits the note instead of adding a twin bookmark."""

from __future__ import annotations

from typing import Any

import yaml
from textual.widgets import Input

from reader import paths
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from tests.ui.helpers import make_app


def on_disk() -> list[dict[str, Any]]:
    data = yaml.safe_load(paths.bookmarks_file().read_text(encoding="utf-8"))
    return [b for record in data["documents"].values() for b in record.get("bookmarks", [])]


async def test_m_twice_at_one_place_offers_to_edit_the_note() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "m", *"grass", "enter")
        await pilot.pause()
        assert [b["note"] for b in on_disk()] == ["grass"]
        await pilot.press("m")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, NotePrompt)
        assert "Already bookmarked" in prompt.box_title
        assert prompt.query_one(Input).value == "grass"
        await pilot.press("end", *" land", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert [b["note"] for b in on_disk()] == ["grass land"]


async def test_an_empty_list_says_how_to_add_a_bookmark() -> None:
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        empty = app.screen.query_one("#bookmarks-empty", Static)
        assert empty.display
        assert "press m" in str(empty.render())
