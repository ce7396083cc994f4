"""Marking: what the main screen delegates about bookmarks and the reading position.

One ``Marking`` per main screen, driving the reading pane only. It keeps the
sentence selection (``v``, then ``j``/``k``), adds bookmarks (``m``, with a note
from :class:`NotePrompt`), shows every bookmark of the document as a margin
mark, opens the bookmark list (``B``) and jumps to a bookmark (asking the
screen, through ``open_other``, to open its document when it is another one),
and saves the reading position: on section changes (debounced, and written in a
thread: every store write is fsynced) and when the screen goes away.

Positions are character offsets into ``Document.text``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, TypeAlias

from textual.actions import SkipAction
from textual.timer import Timer

from reader.model.document import Document
from reader.model.structure.sentences import SentenceSelection
from reader.screens.keeper import BookmarkKeeper
from reader.screens.note import NotePrompt
from reader.store.records import Bookmark
from reader.view.copying import passage_text, trimmed_span
from reader.widgets.reading import ReadingPane

if TYPE_CHECKING:
    from reader.screens.bookmarks import Choice

SAVE_DELAY = 1.0
"""Seconds of quiet before a new reading position is written."""

Place: TypeAlias = "int | str | None"
"""Where to open a document: an offset into its text, the id of one of its
bookmarks, or ``None`` for the saved reading position (the top when none)."""

OpenOther: TypeAlias = "Callable[[Path, str], None]"
"""Asks for another document to be opened at one of its bookmarks: ``(path, bookmark id)``."""


class Marking:
    """Bookmarks and reading position of the document in one reading pane.

    Args:
        reading: The pane whose document, position and marks this keeps.
        open_other: Opens another document at a bookmark (the screen's way to the app).
        at: Where to open the document once the store is read.
    """

    def __init__(self, reading: ReadingPane, open_other: OpenOther, at: Place = None) -> None:
        self.reading = reading
        self._open_other = open_other
        self.selection: SentenceSelection | None = None
        """The sentence selection while ``v`` mode is on."""
        self.at: Place = at
        """Where to put the reader when the store is ready (see :data:`Place`)."""
        self.restored_to: int | None = None
        """Where the saved position put the reader; moving away from it means the
        reader has started reading."""
        self._ready = False
        self._save_waits = False  # a save asked for while the store was still being read
        self._timer: Timer | None = None
        self._changed_at = 0.0
        """When the section last changed (``monotonic``)."""

    @property
    def document(self) -> Document:
        """The document in the reading pane."""
        return self.reading.document

    @property
    def keeper(self) -> BookmarkKeeper | None:
        """The app's bookmark store, if the app has one."""
        keeper = getattr(self.reading.app, "bookmarks", None)
        return keeper if isinstance(keeper, BookmarkKeeper) else None

    # -- store ready: marks and position --------------------------------------

    def store_ready(self, *, go: bool = True) -> None:
        """Show the marks and go to the saved position (or the pending bookmark).

        A head whose text is not final yet (``Document.final_text``) waits for
        the full document: its offsets are not the ones the store keeps.

        Args:
            go: Go to the saved position (not when the reader has moved already).
        """
        keeper = self.keeper
        if self._ready or keeper is None or not keeper.loaded:
            return
        if not self.document.final_text:
            if self.restored_to is None:  # so that moving on in the head counts
                self.reading.call_after_refresh(self._note_restored)
            return
        self._ready = True
        self.refresh_marks()
        waits, self._save_waits = self._save_waits, False
        if not go:
            if waits:
                self.save_position()
            return
        offset: int | None = None
        if isinstance(self.at, str):
            bookmark = self._bookmark(self.at)
            offset = bookmark.start if bookmark is not None else None
        elif isinstance(self.at, int):
            offset = self.at
        if offset is None:
            offset = keeper.call(lambda store: store.position(self.document))
        if offset:
            self.reading.scroll_to_offset(offset)
        elif waits:  # nothing to restore, and the reader moved on while the store was read
            self.save_position()
        # Noted after the next refresh: the pane settles (and clamps an offset
        # past a head-only parse) when it lays out.
        self.reading.call_after_refresh(self._note_restored)

    def _note_restored(self) -> None:
        self.restored_to = self.reading.current_offset

    @property
    def moved(self) -> bool:
        """Whether the reader has moved since the opening place was shown."""
        return self.restored_to is not None and self.reading.current_offset != self.restored_to

    def document_replaced(self, same_text: bool, *, moved: bool, at: Place = None) -> None:
        """The reading pane shows a new document: marks, selection and place follow.

        Args:
            same_text: The text is the same (the full parse of a head-only one):
                the selection and the marks still hold.
            moved: The reader had moved before the swap: they stay where they are.
                Otherwise the opening place is shown again (the head may have cut
                it short).
            at: For another text, where to open it.
        """
        if same_text:
            self.refresh_marks()
            self._draw_selection()
            if moved:
                self.store_ready(go=False)  # a head that waited for its full text
                return
        else:
            self.selection = None
            self.at = at
        self._ready = False
        self.restored_to = None
        self.store_ready()

    def refresh_marks(self) -> None:
        """Mark every attached bookmark of this document in the margin."""
        keeper = self.keeper
        if keeper is None:
            return
        if not self.document.final_text:  # its offsets are not the store's yet
            self.reading.set_marks([])
            return
        record = keeper.call(lambda store: store.record_for(self.document))
        bookmarks = record.bookmarks if record is not None else ()
        self.reading.set_marks([(b.start, b.end) for b in bookmarks if not b.detached])

    def _refresh_if_shown(self) -> None:
        if self.reading.is_attached:
            self.refresh_marks()

    def _bookmark(self, bookmark_id: str) -> Bookmark | None:
        keeper = self.keeper
        if keeper is None:
            return None
        record = keeper.call(lambda store: store.record_for(self.document))
        return record.bookmark(bookmark_id) if record is not None else None

    # -- reading position -------------------------------------------------------

    def schedule_save(self) -> None:
        """Save the position after :data:`SAVE_DELAY` seconds of no section change.

        One timer at a time, not one per change: it runs on page turns, where
        a new timer (a task) cost ~0.3 ms of the key's time.
        """
        self._changed_at = monotonic()
        if self._timer is None:
            self._timer = self.reading.set_timer(SAVE_DELAY, self._save_when_still)

    def _save_when_still(self) -> None:
        """Save, or wait again when the section changed since the timer was set."""
        self._timer = None
        left = self._changed_at + SAVE_DELAY - monotonic()
        if left > 0.01:
            self._timer = self.reading.set_timer(left, self._save_when_still)
        else:
            self.save_position()

    def save_position(self, *, wait: bool = False) -> None:
        """Write the reading position (skipped before the store is read).

        Args:
            wait: Write on this thread (the screen is going away). Otherwise the
                write, a whole-file rewrite and an fsync, runs in a thread so no
                key waits for the disk.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        keeper = self.keeper
        if keeper is None or not self._ready:
            # Made once the store is read (not while a head waits for its full text).
            self._save_waits = keeper is not None and not keeper.loaded
            return
        if not self.document.complete and not self.moved:
            # A head-only parse may have cut the saved position short: keep it.
            return
        document = self.document
        offset = self.reading.current_offset
        # In the store's thread, after any save asked for before (never two at once).
        keeper.submit(lambda store: store.set_position(document, offset))
        if wait:
            keeper.wait()

    # -- selection ----------------------------------------------------------------

    def start_selection(self) -> None:
        """Select the current passage's first sentence (``v`` again restarts)."""
        paragraph = self.reading.current_paragraph
        if paragraph is None:
            return
        self.selection = SentenceSelection(self.document, paragraph.index)
        self._draw_selection()
        self.reading.notify(
            "Selecting: j/k add or drop a sentence, m bookmarks, Esc cancels", timeout=3
        )

    def _selecting(self) -> SentenceSelection:
        # Not selecting: the key goes on to its usual binding (j/k scroll, Esc).
        if self.selection is None:
            raise SkipAction()
        return self.selection

    def grow_selection(self) -> None:
        """Add the next sentence to the selection."""
        if self._selecting().grow():
            self._draw_selection()

    def shrink_selection(self) -> None:
        """Drop the last sentence of the selection."""
        if self._selecting().shrink():
            self._draw_selection()

    def cancel_selection(self) -> None:
        """Leave selection mode."""
        self._selecting()
        self._clear_selection()

    def _clear_selection(self) -> None:
        self.selection = None
        self.reading.set_highlights("selection", [])

    def _draw_selection(self) -> None:
        if self.selection is not None:
            self.reading.set_highlights("selection", [self.selection.span])

    # -- adding ---------------------------------------------------------------------

    def passage(self) -> tuple[int, int] | None:
        """The selection, or the passage at the reading line without its indentation."""
        if self.selection is not None:
            start, end = self.selection.span
        else:
            paragraph = self.reading.current_paragraph
            if paragraph is None:
                return None
            # A paragraph's indentation is layout, not part of what is quoted.
            start, end = trimmed_span(self.document.text, *paragraph.span)
        return (start, end) if start < end else None

    def copy(self, *, cite: bool) -> None:
        """Copy the selection (or the passage) to the clipboard, with a citation if ``cite``."""
        span = self.passage()
        if span is None:
            return
        text = passage_text(self.document, *span, cite=cite)
        self.reading.app.copy_to_clipboard(text)
        if self.selection is not None:
            self._clear_selection()
        what = "passage and citation" if cite else "passage"
        self.reading.notify(f"Copied the {what} ({span[1] - span[0]:,} characters)", timeout=2)

    def add_bookmark(self) -> None:
        """Ask for a note, then bookmark the selection (or the current passage)."""
        if not self.document.final_text:
            self.reading.notify("Still reading the rest of the text: bookmark in a moment")
            return
        span = self.passage()
        if span is None:
            return
        start, end = span
        same = self._bookmark_at(start, end)
        if same is not None:  # m twice at one place: edit the note, no twin bookmark
            self._edit_note(same)
            return

        document = self.document

        def added(_: Bookmark) -> None:
            if self.reading.is_attached and self.reading.document is document:
                if self.selection is not None and self.selection.span == (start, end):
                    self._clear_selection()
                self.refresh_marks()
            self.reading.notify("Bookmarked", timeout=2)

        def save(note: str | None) -> None:
            keeper = self.keeper
            if note is None or keeper is None:
                return
            # In the store's thread: behind a cold load still running, never on this one.
            keeper.submit(lambda store: store.add(document, start, end, note), added)

        self.reading.app.push_screen(NotePrompt(self.document.text[start:end]), save)

    def _bookmark_at(self, start: int, end: int) -> Bookmark | None:
        """This document's bookmark of exactly ``text[start:end]``, if there is one."""
        keeper = self.keeper
        record = None if keeper is None else keeper.call(lambda s: s.record_for(self.document))
        if record is None:
            return None
        return next((b for b in record.bookmarks if (b.start, b.end) == (start, end)), None)

    def _edit_note(self, bookmark: Bookmark) -> None:
        """Offer to edit the note of ``bookmark`` (already there)."""

        def save(note: str | None) -> None:
            keeper = self.keeper
            if note is None or note == bookmark.note or keeper is None:
                return
            fingerprint = self.document.fingerprint
            keeper.call(lambda s: s.update_note(fingerprint, bookmark.id, note))
            self._clear_selection()
            self.reading.notify("Note saved", timeout=2)

        quote = self.document.text[bookmark.start : bookmark.end]
        title = "Already bookmarked: edit the note"
        self.reading.app.push_screen(NotePrompt(quote, bookmark.note, title=title), save)

    # -- the list and jumps ---------------------------------------------------------

    def show_list(self) -> None:
        """Open the bookmark list; Enter there jumps."""
        keeper = self.keeper
        if keeper is None:
            return
        if not keeper.loaded:  # a big store still being read in its thread
            self.reading.notify("Bookmarks are still loading…", timeout=2)
            return
        from reader.screens.bookmarks import BookmarksScreen  # the list's first opening

        self.reading.app.push_screen(
            BookmarksScreen(keeper, current=self.document.fingerprint), self._chosen
        )

    def _chosen(self, choice: Choice | None) -> None:
        # Deleting or editing in the list changes the marks even without a jump:
        # redrawn once the list's saves (queued in the store's thread) are done.
        keeper = self.keeper
        if keeper is not None:
            keeper.submit(lambda _: None, lambda _: self._refresh_if_shown())
        if choice is not None:
            self.jump(choice)

    def jump(self, choice: Choice) -> None:
        """Go to a bookmark, opening its document (in a thread) when it is another one."""
        if choice.fingerprint == self.document.fingerprint:
            bookmark = self._bookmark(choice.bookmark_id)
            if bookmark is not None:
                self.reading.scroll_to_offset(bookmark.start)
                self.reading.focus()
            return
        if not choice.paths:
            self.reading.notify(
                "The bookmark's document has no known path", severity="error", markup=False
            )
            return
        # Every path it was seen at, newest first: the first that is still a file
        # (the same text opened from an original and a copy, the copy deleted).
        # None left: the newest, so the reader is told why it cannot be opened.
        path = next((p for p in choice.paths if os.path.isfile(p)), choice.paths[0])
        self._open_other(Path(path), choice.bookmark_id)
