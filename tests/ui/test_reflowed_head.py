"""A big hard-wrapped text opens on its head reflowed alone; the store waits for the full text.

The head's text is provisional (the rest is source until the full parse
reflows it), so its offsets are not the ones the bookmark store keeps: the saved
position, the bookmarks' marks and new bookmarks wait for the full document,
and a reader who moved in the head stays on the same passage after the swap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.model.opening import open_document
from reader.model.text.loading import HEAD_MIN_BYTES
from reader.screens.main import MainScreen
from reader.screens.note import NotePrompt
from reader.store.bookmarks import BookmarkStore
from tests.reflow_texts import GUTENBERG
from tests.ui.helpers import make_app
from tests.ui.test_big_document import full_screen_shown, hold_the_full_parse, until


def write_book(tmp_path: Path) -> Path:
    """A Gutenberg-style book of ~1 MB: 72-column paragraphs, blank lines between."""
    path = tmp_path / "book.txt"
    chapters = [GUTENBERG.replace("CHAPTER I", f"CHAPTER {n}.I") for n in range(1, 300)]
    path.write_text("\n\n".join(chapters), encoding="utf-8")
    return path


def write_notes(tmp_path: Path) -> Path:
    """Big Markdown notes: rendered only in the head before the full parse."""
    path = tmp_path / "notes.md"
    body = "".join(
        f"## Part {n}\n\nSome **strong** words and a [link](https://example.com/{n}).\n\n"
        + "".join(f"- item {k} of part {n}\n" for k in range(8))
        + "\n"
        for n in range(1, 1501)
    )
    path.write_text(f"---\ntitle: Big notes\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("write", "size"),
    [(write_book, (80, 24)), (write_book, (40, 15)), (write_notes, (60, 20))],
)
async def test_the_saved_place_and_marks_wait_for_the_full_text(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write: Callable[[Path], Path],
    size: tuple[int, int],
) -> None:
    path = write(tmp_path)
    full = open_document(path)
    far = full.paragraphs[len(full.paragraphs) * 3 // 4]
    store = BookmarkStore()
    store.load()
    store.set_position(full, far.start)
    store.add(full, far.start, far.start + 20, "far")

    head = open_document(path, head=True)
    assert not head.final_text and head.text != full.text
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.pause()
        # The head's offsets are not the store's: the top, no marks, no bookmarking.
        assert screen.reading.current_offset == 0
        assert len(screen.reading._overlays.marks) == 0
        await pilot.press("m")
        await pilot.pause()
        assert not isinstance(app.screen, NotePrompt)
        # A position save asked for meanwhile (a section change) does not stop the
        # saved place from being restored once the full text is in.
        screen.marking.save_position()
        gate.set()
        await until(pilot, full_screen_shown(app))
        assert screen.document.text == full.text
        await until(pilot, lambda: screen.reading.current_offset == far.start)
        assert len(screen.reading._overlays.marks) == 1
        # Bookmarking works now, on the full text, in the record of the full text.
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, NotePrompt))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: len(screen.reading._overlays.marks) == 2)
    again = BookmarkStore()
    again.load()
    records = again.documents()
    assert [r.fingerprint for r in records] == [full.fingerprint]
    assert len(records[0].bookmarks) == 2
    assert head.fingerprint not in {r.fingerprint for r in records}


@pytest.mark.parametrize("size", [(160, 45), (60, 20)])
async def test_a_reader_who_moved_in_the_head_stays_on_the_passage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    path = write_book(tmp_path)
    head = open_document(path, head=True)
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("space", "space", "space", "j")
        offset = screen.reading.current_offset
        assert offset > 0
        passage = head.text[offset : offset + 60]
        gate.set()
        await until(pilot, full_screen_shown(app))
        assert screen.reading.current_offset == offset
        assert screen.document.text[offset : offset + 60] == passage
        # Nothing is stored for the head's provisional text.
        screen.marking.save_position(wait=True)
        await app.workers.wait_for_complete()
        fingerprints = {record.fingerprint for record in screen.bookmark_records()}
        assert head.fingerprint not in fingerprints
        assert fingerprints <= {screen.document.fingerprint}


async def test_a_big_clean_file_decoded_alone_goes_to_its_saved_place_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    """A head decoded alone from clean UTF-8 is final: the store is used before the full parse."""
    path = tmp_path / "big.txt"
    body = seed_text.split("\n", 4)[4]
    repeats = HEAD_MIN_BYTES // len(body.encode("utf-8")) + 1
    path.write_text("".join(f"{n}. 第{n}篇\n{body}" for n in range(1, repeats + 1)))
    full = open_document(path)
    head = open_document(path, head=True)
    assert head.raw is not None and head.final_text
    near = full.paragraphs[len(head.paragraphs) // 2].start
    store = BookmarkStore()
    store.load()
    store.set_position(full, near)
    gate = hold_the_full_parse(monkeypatch)
    app = make_app(None, document=head)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until(pilot, lambda: screen.reading.current_offset == near)
        assert not screen.document.complete
        gate.set()
        await until(pilot, full_screen_shown(app))
        assert screen.reading.current_offset == near
