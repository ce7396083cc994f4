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


async def test_the_list_starts_with_this_documents_bookmarks(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from textual.widgets import OptionList

    from reader.model.opening import open_document
    from reader.store import reanchor
    from reader.store.bookmarks import BookmarkStore
    from tests.ui.helpers import SEED

    # The other document's bookmark is the newer one (a year apart, not a second).
    years = iter(range(2001, 2100))
    monkeypatch.setattr(reanchor, "now", lambda: f"{next(years)}-01-01T00:00:00+00:00")

    store = BookmarkStore()
    seed = open_document(SEED)
    start = seed.text.index("践行群众路线")
    store.add(seed, start, start + 10, "older, but this document's")
    other = tmp_path / "rivers.txt"
    other.write_text("Rivers\n\nThe rivers rose. Then they fell.\n", encoding="utf-8")
    english = open_document(other)
    store.add(english, english.text.index("The rivers"), english.text.index(" Then"), "newer")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        first = listing.get_option_at_index(0)
        assert str(first.prompt).startswith(seed.title)


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


async def test_j_k_g_G_move_in_the_bookmark_list() -> None:
    from textual.widgets import OptionList

    from reader.model.opening import open_document
    from reader.store.bookmarks import BookmarkStore
    from tests.ui.helpers import SEED

    store = BookmarkStore()
    seed = open_document(SEED)
    for word in ("践行群众路线", "四风", "苏州"):
        start = seed.text.index(word)
        store.add(seed, start, start + len(word), word)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        first = listing.highlighted
        assert first is not None
        await pilot.press("j")
        assert listing.highlighted == first + 1
        await pilot.press("k")
        assert listing.highlighted == first
        await pilot.press("G")
        assert listing.highlighted == listing.option_count - 1
        await pilot.press("g")
        assert listing.highlighted == first
