"""Marking: what the main screen delegates about bookmarks and the reading position.

One ``Marking`` per main screen. It keeps the sentence selection (``v``, then
``j``/``k``), adds bookmarks (``m``, with a note from :class:`NotePrompt`), shows
every bookmark of the document as a margin mark, opens the bookmark list
(``B``) and jumps to a bookmark (opening its document when it is another one),
and saves the reading position: on section changes (debounced, since every
store write is fsynced) and when the screen goes away.

Positions are character offsets into ``Document.text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.timer import Timer
from textual.widgets import Input

from reader.model.document import Document
from reader.model.opening import open_document
from reader.model.structure.sentences import SentenceSelection
from reader.model.text.loading import LoadError
from reader.screens.bookmarks import BookmarksScreen, Choice
from reader.screens.keeper import BookmarkKeeper
from reader.screens.note import NotePrompt
from reader.store.records import Bookmark

if TYPE_CHECKING:
    from reader.screens.main import MainScreen

SAVE_DELAY = 1.0
"""Seconds of quiet before a new reading position is written."""


class Marking:
    """Bookmarks and reading position for one main screen.

    Args:
        screen: The main screen that owns this controller.
    """

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.selection: SentenceSelection | None = None
        """The sentence selection while ``v`` mode is on."""
        self.jump_to: str | None = None
        """A bookmark id to show when the store is ready, instead of the saved position."""
        self.start_at: int | None = None
        """An offset to show instead of the saved position (where the reader was
        when the full parse replaced a head-only one)."""
        self.restored_to: int | None = None
        """Where the saved position put the reader; moving away from it means the
        reader has started reading."""
        self._ready = False
        self._timer: Timer | None = None

    @property
    def document(self) -> Document:
        """The document on the screen."""
        return self.screen.document

    @property
    def keeper(self) -> BookmarkKeeper | None:
        """The app's bookmark store, if the app has one."""
        keeper = getattr(self.screen.app, "bookmarks", None)
        return keeper if isinstance(keeper, BookmarkKeeper) else None

    # -- store ready: marks and position --------------------------------------

    def store_ready(self) -> None:
        """Show the marks and go to the saved position (or the pending bookmark)."""
        keeper = self.keeper
        if self._ready or keeper is None or not keeper.loaded:
            return
        self._ready = True
        self.refresh_marks()
        offset: int | None = None
        if self.jump_to is not None:
            bookmark = self._bookmark(self.jump_to)
            offset = bookmark.start if bookmark is not None else None
        if offset is None:
            offset = self.start_at
        if offset is None:
            offset = keeper.call(lambda store: store.position(self.document))
        if offset:
            self.screen.reading.scroll_to_offset(offset)
        # Noted after the next refresh: the pane settles (and clamps an offset
        # past a head-only parse) when it lays out.
        self.screen.call_after_refresh(self._note_restored)

    def _note_restored(self) -> None:
        self.restored_to = self.screen.reading.current_offset

    @property
    def moved(self) -> bool:
        """Whether the reader has moved since the saved position was shown."""
        return self.restored_to is not None and self.screen.reading.current_offset != (
            self.restored_to
        )

    def refresh_marks(self) -> None:
        """Mark every attached bookmark of this document in the margin."""
        keeper = self.keeper
        if keeper is None:
            return
        record = keeper.call(lambda store: store.record_for(self.document))
        bookmarks = record.bookmarks if record is not None else ()
        self.screen.reading.set_marks([(b.start, b.end) for b in bookmarks if not b.detached])

    def _bookmark(self, bookmark_id: str) -> Bookmark | None:
        keeper = self.keeper
        if keeper is None:
            return None
        record = keeper.call(lambda store: store.record_for(self.document))
        return record.bookmark(bookmark_id) if record is not None else None

    # -- reading position -------------------------------------------------------

    def schedule_save(self) -> None:
        """Save the position after :data:`SAVE_DELAY` seconds of no section change."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(SAVE_DELAY, self.save_position)

    def save_position(self) -> None:
        """Write the reading position now (skipped before the store is read)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        keeper = self.keeper
        if keeper is None or not self._ready:
            return
        if not self.document.complete and not self.moved:
            # A head-only parse may have cut the saved position short: keep it.
            return
        offset = self.screen.reading.current_offset
        keeper.call(lambda store: store.set_position(self.document, offset))

    # -- selection ----------------------------------------------------------------

    def start_selection(self) -> None:
        """Select the current passage's first sentence (``v`` again restarts)."""
        paragraph = self.screen.reading.current_paragraph
        if paragraph is None:
            return
        self.selection = SentenceSelection(self.document, paragraph.index)
        self._draw_selection()
        self.screen.notify(
            "Selecting: j/k add or drop a sentence, m bookmarks, Esc cancels", timeout=3
        )

    def _selecting(self) -> SentenceSelection:
        # Not selecting, or typing in an input (the search bar): the key goes on
        # to its usual binding (j/k scroll, Esc) or into the input.
        if self.selection is None or isinstance(self.screen.focused, Input):
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
        self.screen.reading.set_highlights("selection", [])

    def _draw_selection(self) -> None:
        if self.selection is not None:
            self.screen.reading.set_highlights("selection", [self.selection.span])

    # -- adding ---------------------------------------------------------------------

    def add_bookmark(self) -> None:
        """Ask for a note, then bookmark the selection (or the current passage)."""
        if self.selection is not None:
            start, end = self.selection.span
        else:
            paragraph = self.screen.reading.current_paragraph
            if paragraph is None:
                return
            start, end = paragraph.span
            # A paragraph's indentation is layout, not part of what is quoted.
            text = self.document.text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if start >= end:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            keeper = self.keeper
            if keeper is None:
                return
            added = keeper.call(lambda store: store.add(self.document, start, end, note))
            if added is not None:
                self._clear_selection()
                self.refresh_marks()
                self.screen.notify("Bookmarked", timeout=2)

        self.screen.app.push_screen(NotePrompt(self.document.text[start:end]), save)

    # -- the list and jumps ---------------------------------------------------------

    def show_list(self) -> None:
        """Open the bookmark list; Enter there jumps."""
        keeper = self.keeper
        if keeper is None:
            return
        self.screen.app.push_screen(
            BookmarksScreen(keeper, current=self.document.fingerprint), self._chosen
        )

    def _chosen(self, choice: Choice | None) -> None:
        # Deleting or editing in the list changes the marks even without a jump.
        self.refresh_marks()
        if choice is not None:
            self.jump(choice)

    def jump(self, choice: Choice) -> None:
        """Go to a bookmark, opening its document (in a thread) when it is another one."""
        if choice.fingerprint == self.document.fingerprint:
            bookmark = self._bookmark(choice.bookmark_id)
            if bookmark is not None:
                self.screen.reading.scroll_to_offset(bookmark.start)
                self.screen.reading.focus()
            return
        if not choice.path:
            self.screen.notify(
                "The bookmark's document has no known path", severity="error", markup=False
            )
            return
        path = Path(choice.path)
        self.screen.run_worker(
            lambda: self._open_in_thread(path, choice.bookmark_id),
            thread=True,
            group="bookmark-open",
            exclusive=True,
        )

    def _open_in_thread(self, path: Path, bookmark_id: str) -> None:
        app = self.screen.app
        try:
            document = open_document(path)
        except LoadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Cannot open", severity="error", markup=False
            )
            return
        app.call_from_thread(self._opened, document, bookmark_id)

    def _opened(self, document: Document, bookmark_id: str) -> None:
        screen = type(self.screen)(document)
        screen.marking.jump_to = bookmark_id
        # Replace this screen (its position is saved as it goes): no pile of screens.
        self.screen.app.switch_screen(screen)
