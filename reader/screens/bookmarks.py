"""BookmarksScreen: every bookmark, grouped by document: the open one first, then newest first.

Enter jumps (the screen is dismissed with a :class:`Choice`), ``e`` edits the
note, ``d`` deletes (``u`` puts the last deleted one back), Escape closes.

The list is virtual (:class:`reader.widgets.bookmark_list.BookmarkList`): with
50,000 bookmarks it opens in a fraction of a second, and a delete, an undo or an
edit changes one row at once while the store saves in its own thread.

The screen is dismissed once: keys that arrive together (``Enter Enter Enter``,
``Enter e Esc``) find it already leaving and do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from itertools import repeat
from operator import attrgetter
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from reader.model.memory import gc_paused
from reader.model.text.cleaning import normalize
from reader.screens.keeper import BookmarkKeeper
from reader.screens.note import NotePrompt
from reader.store.records import Bookmark, DocumentRecord
from reader.widgets.bookmark_list import BookmarkList, Row
from reader.widgets.key_bar import KeyBar
from reader.widgets.title_bar import TitleBar

__all__ = ["BookmarksScreen", "Choice", "ordered", "rows_of"]


@dataclass(frozen=True)
class Choice:
    """The bookmark picked in the list."""

    fingerprint: str
    """The document record's fingerprint."""
    bookmark_id: str
    paths: tuple[str, ...]
    """Every path the document was seen at, newest first."""

    @classmethod
    def of(cls, record: DocumentRecord, bookmark: Bookmark) -> Choice:
        """The choice of ``bookmark`` in ``record``."""
        return cls(record.fingerprint, bookmark.id, tuple(reversed(record.paths)))


def ordered(records: list[DocumentRecord], first: str | None = None) -> list[DocumentRecord]:
    """Records with bookmarks, newest change first, each's bookmarks newest first.

    Args:
        records: The store's records.
        first: Fingerprint of the open document: its record comes first.
    """
    created = attrgetter("created")  # C-level keys: 50,000 bookmarks sort in milliseconds
    kept = [r for r in records if r.bookmarks]
    newest = {r.fingerprint: max(map(created, r.bookmarks)) for r in kept}
    kept.sort(key=lambda r: (r.fingerprint == first, newest[r.fingerprint]), reverse=True)
    return [
        replace(r, bookmarks=tuple(sorted(r.bookmarks, key=created, reverse=True))) for r in kept
    ]


_row = partial(tuple.__new__, Row)
"""``Row`` made in C (a named tuple's own ``__new__`` is Python: ~10x slower)."""


def rows_of(records: list[DocumentRecord]) -> list[Row]:
    """The list's rows: each document's heading, then its bookmarks.

    With 50,000 bookmarks the garbage collector, not the building, is the cost
    (a full collection of the store's millions of objects, ~0.4 s, for nothing:
    all of them are alive), so it is paused while the rows are made.
    """
    rows: list[Row] = []
    with gc_paused():
        for record in records:
            rows.append(Row(record))
            rows.extend(map(_row, zip(repeat(record), record.bookmarks)))
    return rows


class BookmarksScreen(Screen[Choice | None]):
    """The bookmark list."""

    HELP_TITLE: ClassVar[str] = "Bookmarks"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "pick", "Go to bookmark"),
        Binding("e", "edit_note", "Edit note"),
        Binding("d", "delete_bookmark", "Delete"),
        Binding("u", "undo_delete", "Undo delete"),
        Binding("escape", "close", "Close"),
    ]
    """List keys (the list moves the cursor)."""

    def __init__(self, keeper: BookmarkKeeper, *, current: str | None = None) -> None:
        """Create the list.

        Args:
            keeper: The app's bookmark store.
            current: Fingerprint of the open document (its bookmarks come first).
        """
        super().__init__()
        self.keeper = keeper
        self.current = current
        self.title = "Bookmarks"
        self._deleted: list[tuple[int, Row]] = []
        self._leaving = False

    def compose(self) -> ComposeResult:
        """The title bar, the list (or a line saying it is empty), the key bar."""
        yield TitleBar()
        yield BookmarkList(id="bookmark-list")
        yield Static(Text("No bookmarks yet: press m while reading."), id="bookmarks-empty")
        yield KeyBar()

    @property
    def rows(self) -> BookmarkList:
        """The list widget."""
        return self.query_one(BookmarkList)

    def on_mount(self) -> None:
        """Fill the list, the open document's bookmarks first, the cursor on its newest."""
        records = ordered(self.keeper.call(lambda store: store.documents()) or [], self.current)
        self.query_one(TitleBar).title = self.title or ""
        self.rows.set_rows(rows_of(records))
        self._show_count()
        self.rows.focus()

    def _show_count(self) -> None:
        count = self.rows.count
        self.query_one("#bookmarks-empty").display = not count
        self.rows.display = bool(count)
        self.sub_title = f"{count} bookmark" if count == 1 else f"{count} bookmarks"
        self.query_one(TitleBar).position = self.sub_title
        self.refresh_bindings()  # the footer offers only what can be done

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys for a bookmark are off (and not in the footer) while there is none."""
        if action in ("pick", "edit_note", "delete_bookmark") and self.is_mounted:
            return bool(self.rows.count)
        return True

    def _finish(self, choice: Choice | None) -> None:
        """Dismiss the screen, once (queued keys after the first find it leaving)."""
        if self._leaving or not self.is_current:
            return
        self._leaving = True
        self.dismiss(choice)

    def action_pick(self) -> None:
        """Go to the highlighted bookmark: the screen is leaving from this key on."""
        row = self.rows.current
        if row is not None and row.bookmark is not None:
            self._finish(Choice.of(row.record, row.bookmark))

    @on(BookmarkList.Selected)
    def _selected(self, event: BookmarkList.Selected) -> None:
        event.stop()
        bookmark = event.row.bookmark
        if bookmark is not None:
            self._finish(Choice.of(event.row.record, bookmark))

    def action_edit_note(self) -> None:
        """Edit the highlighted bookmark's note."""
        row = self.rows.current
        if self._leaving or row is None or row.bookmark is None:
            return
        record, bookmark = row.record, row.bookmark

        def save(note: str | None) -> None:
            if note is None or not self.is_attached:
                return
            note = normalize(note)
            if note == bookmark.note:
                return
            index = self.rows.find(record.fingerprint, bookmark.id)
            if index is not None:
                self.rows.replace_row(index, Row(record, replace(bookmark, note=note)))
            fingerprint, bookmark_id = record.fingerprint, bookmark.id
            self.keeper.submit(lambda store: store.update_note(fingerprint, bookmark_id, note))

        self.app.push_screen(NotePrompt(bookmark.quote.exact, bookmark.note, title="Note"), save)

    def action_delete_bookmark(self) -> None:
        """Delete the highlighted bookmark (``u`` undoes): the row goes at once."""
        index = self.rows.cursor
        row = self.rows.current
        if self._leaving or index is None or row is None or row.bookmark is None:
            return
        index = self.rows.remove_row(index)
        self._deleted.append((index, row))
        self._show_count()
        fingerprint, bookmark_id = row.record.fingerprint, row.bookmark.id

        def failed() -> None:  # the store kept it: show it again
            if (index, row) in self._deleted:
                self._deleted.remove((index, row))
                self._put_back(index, row)

        self.keeper.submit(lambda store: store.delete(fingerprint, bookmark_id), failed=failed)
        self.notify("Deleted — press u to undo", timeout=4)

    def action_undo_delete(self) -> None:
        """Put back the last deleted bookmark."""
        if self._leaving:
            return
        if not self._deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        index, row = self._deleted.pop()
        bookmark = row.bookmark
        assert bookmark is not None
        self._put_back(index, row)
        fingerprint = row.record.fingerprint
        self.keeper.submit(lambda store: store.restore(fingerprint, bookmark))
        self.notify("Bookmark restored", timeout=2)

    def _put_back(self, index: int, row: Row) -> None:
        if self.is_attached:
            self.rows.insert_row(index, row)
            self._show_count()

    def action_close(self) -> None:
        """Back to reading."""
        self._finish(None)
