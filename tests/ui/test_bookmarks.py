"""Pilot tests of bookmarks in the app: add, marks, position, list, selection, errors."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.command import Hit
from textual.pilot import Pilot
from textual.widgets import Input

from reader import paths
from reader.app import ReaderApp
from reader.commands.documents import BookmarksProvider
from reader.model.opening import open_document
from reader.screens import keeper, marking
from reader.screens.bookmarks import BookmarksScreen
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from reader.store import reanchor
from reader.store.bookmarks import BookmarkStore
from reader.widgets.bookmark_list import BookmarkList
from reader.widgets.reading_draw import MARK
from tests.ui.helpers import SEED, build_document, main_screen, make_app, wait_until
from tests.ui.test_app import line_text

SIZE = (120, 30)


def on_disk() -> list[dict[str, Any]]:
    """Every bookmark in the store file, as plain dicts."""
    data = yaml.safe_load(paths.bookmarks_file().read_text(encoding="utf-8"))
    return [b for record in data["documents"].values() for b in record.get("bookmarks", [])]


async def drained(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Wait for the saves queued in the store's thread, then for their UI callbacks."""
    await asyncio.to_thread(app.bookmarks.wait)
    await pilot.pause()


def messages(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_m_saves_quote_and_note_then_restart_shows_mark_and_position() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket")
        reading = main_screen(app).reading
        paragraph = reading.current_paragraph
        assert paragraph is not None
        quote = reading.document.slice(paragraph.span).strip()
        top = line_text(reading, 0)
        await pilot.press("m")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"grass", "enter")
        await drained(app, pilot)
        assert isinstance(app.screen, MainScreen)
        [saved] = on_disk()
        assert saved["quote"]["exact"] == quote
        assert saved["note"] == "grass"
        assert line_text(reading, 0).startswith(MARK)
        await pilot.press("q")

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reading = main_screen(again).reading
        assert line_text(reading, 0) == top.replace(" ", MARK, 1)
        assert reading.current_paragraph == paragraph


async def test_escape_in_the_note_prompt_saves_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "x", "escape")
        assert isinstance(app.screen, MainScreen)
        assert not paths.bookmarks_file().exists() or on_disk() == []


async def test_v_j_m_bookmarks_exactly_two_sentences(tmp_path: Path) -> None:
    document = build_document(
        "Notes",
        [("First part", None, ["One fell. Two rose! Three stayed? Four.", *["Filler."] * 60])],
    )
    app = make_app(None, document=document)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        body = next(p for p in document.paragraphs if document.slice(p.span).startswith("One"))
        screen.reading.scroll_to_offset(body.start)
        await pilot.press("v", "j", "j", "k")
        assert screen.reading.current_offset == body.start  # j/k did not scroll
        await pilot.press("m", "enter")
        await drained(app, pilot)
        [saved] = on_disk()
        assert saved["quote"]["exact"] == "One fell. Two rose!"
        assert screen.marking.selection is None


async def test_escape_cancels_the_selection_and_j_scrolls_again() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("v")
        assert screen.marking.selection is not None
        await pilot.press("escape")
        assert screen.marking.selection is None
        before = screen.reading.scroll_y
        await pilot.press("j")
        assert screen.reading.scroll_y == before + 1


def seed_bookmarks(monkeypatch: pytest.MonkeyPatch, *notes: str) -> list[str]:
    """Bookmark the last paragraphs of later sections of the seed, a day apart each."""
    days = iter(range(1, 29))
    monkeypatch.setattr(reanchor, "now", lambda: f"2024-05-{next(days):02d}T10:00:00+08:00")
    document = open_document(SEED)
    store = BookmarkStore()
    store.load()
    ids = []
    for section, note in zip(document.sections[2:], notes, strict=False):
        paragraph = document.paragraphs[section.last_paragraph - 1]
        ids.append(store.add(document, paragraph.start, paragraph.end, note).id)
    return ids


async def test_list_enter_jumps_to_the_bookmark(monkeypatch: pytest.MonkeyPatch) -> None:
    seed_bookmarks(monkeypatch, "older", "newer")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        assert isinstance(app.screen, BookmarksScreen)
        rows = app.screen.query_one(BookmarkList).rows
        bookmark = rows[1].bookmark
        assert bookmark is not None and bookmark.note == "newer"  # newest first
        await pilot.press("down", "enter")
        screen = main_screen(app)
        [older] = [b for b in on_disk() if b["note"] == "older"]
        assert screen.reading.current_offset == older["start"]


async def test_delete_then_undo_and_edit_note_reach_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_bookmarks(monkeypatch, "one", "two")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B", "d")
        await drained(app, pilot)
        assert [b["note"] for b in on_disk()] == ["one"]
        assert "Deleted — press u to undo" in messages(app)
        await pilot.press("u")
        await drained(app, pilot)
        assert sorted(b["note"] for b in on_disk()) == ["one", "two"]
        await pilot.press("e")
        assert isinstance(app.screen, NotePrompt)
        app.screen.query_one(Input).value = "rewritten"
        await pilot.press("enter", "escape")
        await drained(app, pilot)
        assert sorted(b["note"] for b in on_disk()) == ["one", "rewritten"]
        assert isinstance(app.screen, MainScreen)


async def test_enter_on_another_documents_bookmark_opens_it(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    filler = "".join(f"Filler paragraph {n}.\n\n" for n in range(80))
    other.write_text(f"Other Title\n\n{filler}Gamma delta here.\n\n{filler}", encoding="utf-8")
    document = open_document(other)
    store = BookmarkStore()
    start = document.text.index("Gamma")
    store.add(document, start, start + 5, "in other")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = main_screen(app)
        seed = first.document
        await pilot.press("right_square_bracket", "f3")
        where = first.reading.current_offset
        facts_shown = first.facts.display
        await pilot.press("B", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = main_screen(app)
        # The other document is swapped into the same screen: panes as they were.
        assert screen is first and screen.facts.display is facts_shown
        assert screen.document.fingerprint == document.fingerprint
        assert screen.reading.current_offset == start
        assert screen.reading.current_paragraph == document.paragraph_at(start)
        assert app.focused is screen.reading
        # Where the reader was in the first document is kept for next time.
        saved = BookmarkStore()
        saved.load()
        assert saved.position(seed) == where > 0


async def test_missing_document_gives_a_notification(tmp_path: Path) -> None:
    other = tmp_path / "gone.txt"
    other.write_text("Gone Title\n\nAlpha beta.\n", encoding="utf-8")
    BookmarkStore().add(open_document(other), 0, 4, "")
    other.unlink()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("gone.txt" in m for m in messages(app))


async def test_unwritable_store_notifies_and_the_app_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(blocker / "config"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "enter")
        await drained(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert any(m.startswith("cannot save bookmarks") for m in messages(app))
        await pilot.press("right_square_bracket")
        assert main_screen(app).reading.current_offset > 0


async def test_corrupt_store_is_reported_at_start() -> None:
    paths.config_dir().mkdir(parents=True)
    paths.bookmarks_file().write_text("version: [unclosed\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("moved aside" in m for m in messages(app))


async def test_big_store_loads_in_a_thread_then_marks_appear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keeper, "SYNC_LOAD_BYTES", 0)
    document = open_document(SEED)
    BookmarkStore().add(document, 0, 10, "")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert line_text(main_screen(app).reading, 0).startswith(MARK)


async def test_position_is_saved_after_a_section_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(marking, "SAVE_DELAY", 0.05)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # At once: the section may change before the store is read (in its thread).
        await pilot.press("right_square_bracket")
        offset = main_screen(app).reading.current_offset
        assert offset > 0
        await wait_until(paths.bookmarks_file().exists, "the position was never saved")
        app.bookmarks.wait()
        data = yaml.safe_load(paths.bookmarks_file().read_text(encoding="utf-8"))
        [record] = data["documents"].values()
        assert record["position"] == offset


async def test_section_changes_in_a_row_save_once_after_the_last_with_one_timer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(marking, "monotonic", lambda: clock[0])
    monkeypatch.setattr(marking, "SAVE_DELAY", 100.0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        saves: list[int] = []

        def record(*, wait: bool = False) -> None:
            saves.append(screen.reading.current_offset)

        monkeypatch.setattr(screen.marking, "save_position", record)
        await pilot.press("right_square_bracket")
        timer = screen.marking._timer
        assert timer is not None
        clock[0] += 60
        await pilot.press("right_square_bracket")
        assert screen.marking._timer is timer  # the same timer, not a new one a key
        clock[0] += 50  # 110 s after the first change, 50 s after the last
        screen.marking._save_when_still()  # the timer's first expiry
        assert saves == [] and screen.marking._timer is not None
        clock[0] += 50
        screen.marking._save_when_still()  # its second, 100 s after the last change
        assert saves == [screen.reading.current_offset]
        saves.clear()


async def test_palette_goes_to_a_bookmark_and_shows_markup_literally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_bookmarks(monkeypatch, "[b]not bold[/b]", "second")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        provider = BookmarksProvider(screen)
        hits = [hit async for hit in provider.search("not bold")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text is not None and best.text.startswith("Go to bookmark: ")
        assert best.text.endswith(" — [b]not bold[/b]")
        assert isinstance(best, Hit)
        assert str(best.match_display).endswith("[b]not bold[/b]")
        best.command()
        await pilot.pause()
        [target] = [b for b in on_disk() if b["note"] == "[b]not bold[/b]"]
        assert screen.reading.current_offset == target["start"]
        assert len([hit async for hit in provider.discover()]) == 2


async def test_quitting_saves_the_position_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(marking, "SAVE_DELAY", 100.0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket")
        offset = main_screen(app).reading.current_offset
        assert not paths.bookmarks_file().exists()  # debounced: nothing written yet
        await pilot.press("q")
    app.bookmarks.wait()  # the save runs in the store's thread, finished before exit
    data = yaml.safe_load(paths.bookmarks_file().read_text(encoding="utf-8"))
    [record] = data["documents"].values()
    assert record["position"] == offset > 0
