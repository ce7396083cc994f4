"""BookmarksScreen: every bookmark, grouped by document, newest first.

Enter jumps (the screen is dismissed with a :class:`Choice`), ``e`` edits the
note, ``d`` deletes (``u`` puts the last deleted one back), Escape closes.
Quotes, notes and titles are document text: rows are built as ``rich.text.Text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reader.model.text.oneline import shorten
from reader.screens.keeper import BookmarkKeeper
from reader.screens.note import NotePrompt
from reader.store.bookmarks import BookmarkStore
from reader.store.records import Bookmark, DocumentRecord

QUOTE_CHARS = 70
"""How much of a quote a row shows."""


@dataclass(frozen=True)
class Choice:
    """The bookmark picked in the list."""

    fingerprint: str
    """The document record's fingerprint."""
    bookmark_id: str
    path: str | None
    """The last path the document was seen at."""


def bookmark_row(bookmark: Bookmark) -> Text:
    """Two lines: the quote (and "detached"), then note · section · date."""
    row = Text("“", style="")
    row.append(shorten(bookmark.quote.exact, QUOTE_CHARS))
    row.append("”")
    if bookmark.detached:
        row.append("  detached", style="bold red")
    details = [part for part in (bookmark.section, bookmark.created[:10]) if part]
    row.append("\n  ")
    if bookmark.note:
        row.append(shorten(bookmark.note, QUOTE_CHARS), style="italic")
        row.append(" · ", style="dim")
    row.append(" · ".join(details), style="dim")
    return row


def ordered(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """Records with bookmarks, newest change first, each's bookmarks newest first."""
    kept = [r for r in records if r.bookmarks]
    kept.sort(key=lambda r: max(b.created for b in r.bookmarks), reverse=True)
    return [
        DocumentRecord(
            fingerprint=r.fingerprint,
            paths=r.paths,
            title=r.title,
            bookmarks=tuple(sorted(r.bookmarks, key=lambda b: b.created, reverse=True)),
        )
        for r in kept
    ]


class BookmarksScreen(Screen[Choice | None]):
    """The bookmark list."""

    HELP_TITLE: ClassVar[str] = "Bookmarks"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_note", "Edit note"),
        Binding("d", "delete_bookmark", "Delete"),
        Binding("u", "undo_delete", "Undo delete"),
        Binding("escape", "close", "Close"),
    ]
    """List keys; Enter (the list's own) jumps to the bookmark."""

    def __init__(self, keeper: BookmarkKeeper, *, current: str | None = None) -> None:
        """Create the list.

        Args:
            keeper: The app's bookmark store.
            current: Fingerprint of the open document (the cursor starts in its group).
        """
        super().__init__()
        self.keeper = keeper
        self.current = current
        self.title = "Bookmarks"
        self._records: dict[str, DocumentRecord] = {}
        self._deleted: list[tuple[str, Bookmark]] = []

    def compose(self) -> ComposeResult:
        """Header, the list (or a line saying it is empty), footer."""
        yield Header()
        yield OptionList(id="bookmark-list")
        yield Static(Text("No bookmarks yet: press m while reading."), id="bookmarks-empty")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list."""
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, keep: str | None = None) -> None:
        """(Re)build the rows, the cursor on ``keep`` (an option id) when given."""
        records = ordered(self.keeper.call(lambda store: store.documents()) or [])
        self._records = {r.fingerprint: r for r in records}
        options: list[Option] = []
        rows: list[Option | None] = []  # None: a separator line between documents
        for record in records:
            title = record.title or record.fingerprint[:12]
            count = len(record.bookmarks)
            heading = Text(f"{title} ({count})", style="bold")
            group = [Option(heading, id=f"doc:{record.fingerprint}", disabled=True)]
            for bookmark in record.bookmarks:
                group.append(Option(bookmark_row(bookmark), id=_option_id(record, bookmark)))
            rows.extend([None, *group] if rows else group)
            options.extend(group)
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(rows)
        self.query_one("#bookmarks-empty").display = not options
        option_list.display = bool(options)
        count = sum(len(r.bookmarks) for r in records)
        self.sub_title = f"{count} bookmark" if count == 1 else f"{count} bookmarks"
        self._place_cursor(option_list, options, keep)

    def _place_cursor(
        self, option_list: OptionList, options: list[Option], keep: str | None
    ) -> None:
        ids = [o.id for o in options]
        wanted = keep if keep in ids else None
        if wanted is None and self.current is not None:
            group = f"doc:{self.current}"
            if group in ids and ids.index(group) + 1 < len(ids):
                wanted = ids[ids.index(group) + 1]
        if wanted is None:
            wanted = next((o.id for o in options if not o.disabled), None)
        if wanted is not None:
            option_list.highlighted = ids.index(wanted)

    def _highlighted(self) -> tuple[DocumentRecord, Bookmark] | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        return self._lookup(option_id)

    def _lookup(self, option_id: str | None) -> tuple[DocumentRecord, Bookmark] | None:
        if option_id is None or not option_id.startswith("bm:"):
            return None
        _, fingerprint, bookmark_id = option_id.split(":", 2)
        record = self._records.get(fingerprint)
        bookmark = record.bookmark(bookmark_id) if record is not None else None
        return None if record is None or bookmark is None else (record, bookmark)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        found = self._lookup(event.option.id)
        if found is not None:
            record, bookmark = found
            path = record.paths[-1] if record.paths else None
            self.dismiss(Choice(record.fingerprint, bookmark.id, path))

    def action_edit_note(self) -> None:
        """Edit the highlighted bookmark's note."""
        found = self._highlighted()
        if found is None:
            return
        record, bookmark = found

        def save(note: str | None) -> None:
            if note is None or note == bookmark.note:
                return
            self.keeper.call(lambda s: s.update_note(record.fingerprint, bookmark.id, note))
            self._fill(keep=_option_id(record, bookmark))

        self.app.push_screen(NotePrompt(bookmark.quote.exact, bookmark.note, title="Note"), save)

    def action_delete_bookmark(self) -> None:
        """Delete the highlighted bookmark (``u`` undoes)."""
        found = self._highlighted()
        if found is None:
            return
        record, bookmark = found
        deleted = self.keeper.call(lambda s: s.delete(record.fingerprint, bookmark.id))
        if deleted is None:
            return
        self._deleted.append((record.fingerprint, deleted))
        self.notify("Deleted — press u to undo", timeout=4)
        self._fill(keep=self._neighbour(record, bookmark))

    def _neighbour(self, record: DocumentRecord, bookmark: Bookmark) -> str | None:
        """The row to put the cursor on after deleting ``bookmark``: the next one."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None:
            return None
        for step in (1, -1):
            other = index + step
            if 0 <= other < option_list.option_count:
                option = option_list.get_option_at_index(other)
                if not option.disabled:
                    return option.id
        return None

    def action_undo_delete(self) -> None:
        """Put back the last deleted bookmark."""
        if not self._deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        fingerprint, bookmark = self._deleted.pop()

        def restore(store: BookmarkStore) -> bool:
            store.restore(fingerprint, bookmark)
            return True

        if not self.keeper.call(restore):
            return
        record = DocumentRecord(fingerprint=fingerprint)
        self._fill(keep=_option_id(record, bookmark))
        self.notify("Bookmark restored", timeout=2)

    def action_close(self) -> None:
        """Back to reading."""
        self.dismiss(None)


def _option_id(record: DocumentRecord, bookmark: Bookmark) -> str:
    return f"bm:{record.fingerprint}:{bookmark.id}"
