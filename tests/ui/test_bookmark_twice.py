"""Bookmarks as a reader expects them: m twice at one place edits the note (no twin
bookmark), an empty list says how to add one, the open document's bookmarks come first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.widgets import Input

from reader import paths
from reader.model.opening import open_document
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from reader.store import reanchor
from reader.store.bookmarks import BookmarkStore
from reader.widgets.bookmark_list import BookmarkList
from tests.ui.helpers import SEED, make_app


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


def other_then_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bookmark in the seed, then two newer ones in another document."""
    days = iter(range(1, 29))
    monkeypatch.setattr(reanchor, "now", lambda: f"2024-05-{next(days):02d}T10:00:00+08:00")
    store = BookmarkStore()
    seed = open_document(SEED)
    start = seed.text.index("践行群众路线")
    store.add(seed, start, start + 20, "in the seed")
    other = tmp_path / "rivers.txt"
    other.write_text("Rivers Report\n\nThe rivers rose in May. Then they fell.\n", "utf-8")
    rivers = open_document(other)
    store.add(rivers, 15, 38, "newer, elsewhere")
    store.add(rivers, 39, 54, "newest, elsewhere")


@pytest.mark.parametrize("size", [(40, 15), (80, 24), (160, 45)])
async def test_the_open_documents_bookmarks_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    other_then_seed(tmp_path, monkeypatch)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        listing = app.screen.query_one(BookmarkList)
        lines = [listing.render_line(y).text for y in range(4)]
        # A blank line, the seed's heading, then its bookmark under the cursor.
        assert lines[1].startswith(open_document(SEED).title[:8]), lines
        assert "践行群众路线" in lines[2], lines
        current = listing.current
        assert current is not None and current.bookmark is not None
        assert current.bookmark.note == "in the seed"
        # The other document follows, newest first.
        notes = [row.bookmark.note for row in listing.rows if row.bookmark is not None]
        assert notes == ["in the seed", "newest, elsewhere", "newer, elsewhere"]


async def test_the_palette_offers_the_open_documents_bookmarks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.commands.documents import BookmarksProvider

    other_then_seed(tmp_path, monkeypatch)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        hits = [hit async for hit in BookmarksProvider(app.screen).discover()]
        assert [hit.text is not None and hit.text.endswith(" — in the seed") for hit in hits] == [
            True,
            False,
            False,
        ]


@pytest.mark.parametrize("size", [(40, 15), (80, 24)])
async def test_an_empty_list_offers_no_keys_for_a_bookmark(size: tuple[int, int]) -> None:
    from reader.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "m", "enter", "B")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert "Go to bookmark" in [hint.description for hint in bar.shown()]
        await pilot.press("d")
        await pilot.pause()
        shown = [hint.description for hint in bar.shown()]
        assert "Go to bookmark" not in shown and "Delete" not in shown, shown
        assert "Undo delete" in shown and shown[-1] == "Help", shown
        await pilot.press("u")
        await pilot.pause()
        assert "Go to bookmark" in [hint.description for hint in bar.shown()]
