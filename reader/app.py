"""ReaderApp: the application shell.

It owns the app-wide keys (help, quit; ctrl+p comes from Textual), the
stylesheet and the palette providers, and pushes the first screen: the main
screen for one document, or the picker for a folder of several.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.worker import get_current_worker

from reader.background import run_detached
from reader.model.document import Document
from reader.model.structure.parse import parse
from reader.paths import styles_dir
from reader.screens.keeper import BookmarkKeeper
from reader.screens.main import MainScreen

# The palette's providers load when the palette first opens, not at start-up.


def _sections_commands() -> type[Provider]:
    from reader.commands import SectionsProvider

    return SectionsProvider


def _facts_commands() -> type[Provider]:
    from reader.commands import FactsProvider

    return FactsProvider


def _bookmarks_commands() -> type[Provider]:
    from reader.commands import BookmarksProvider

    return BookmarksProvider


class ReaderApp(App[None]):
    """A terminal reader for long Chinese and English articles and reports."""

    CSS_PATH = str(styles_dir() / "reader.tcss")

    TITLE = "reader"

    HELP_TITLE: ClassVar[str] = "Everywhere"
    """Heading of the app's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "show_help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]
    """App-wide keys. The command palette (ctrl+p) is Textual's."""

    COMMANDS = App.COMMANDS | {_sections_commands, _facts_commands, _bookmarks_commands}

    def __init__(
        self, document: Document | None = None, *, folder_documents: list[Path] | None = None
    ) -> None:
        """Create the app.

        Args:
            document: The document to open, if one was given.
            folder_documents: The documents of a folder, to choose from.
        """
        super().__init__()
        self.document = document
        self.folder_documents = list(folder_documents or [])
        self.bookmarks = BookmarkKeeper(self)
        """The bookmark store, read once at start (see :meth:`_load_bookmarks`)."""

    def on_mount(self) -> None:
        """Show the document, or the picker when a folder was given."""
        self._load_bookmarks()
        if self.document is not None:
            screen = MainScreen(self.document)
            self.push_screen(screen)
            if not self.document.complete:
                # After the first frame: the parse shares the interpreter with it.
                screen.call_after_refresh(self._parse_in_full, self.document)
        elif self.folder_documents:
            from reader.screens.picker import PickerScreen  # only for a folder

            self.push_screen(PickerScreen(self.folder_documents))
        else:
            self.notify("No document to show.", severity="warning")

    # -- a big document: its head first, the full parse swapped in ------------

    def _parse_in_full(self, head: Document) -> None:
        """Parse the whole of a head-only document off the UI thread."""

        def run() -> None:
            worker = get_current_worker()
            full = run_detached(
                lambda: parse(head.text, path=head.path, encoding=head.encoding),
                lambda: worker.is_cancelled,
            )
            if full is not None:
                self.call_from_thread(self._swap_in_full, full)

        self.run_worker(run, thread=True, group="full-parse", exit_on_error=False)

    def _swap_in_full(self, full: Document) -> None:
        """Replace the head-only main screen with one of the full document.

        The reader stays where they are (or, if they have not moved, goes to
        the saved position, which the head may have cut short). While a dialog
        is open over the screen, the swap waits for it to close.
        """
        head = next(
            (
                screen
                for screen in self.screen_stack
                if isinstance(screen, MainScreen)
                and not screen.document.complete
                and screen.document.fingerprint == full.fingerprint
            ),
            None,
        )
        if head is None:  # the reader has gone on to another document
            return
        if self.screen is not head:
            self.set_timer(0.25, lambda: self._swap_in_full(full))
            return
        screen = MainScreen(full)
        if head.marking.moved:
            screen.marking.start_at = head.reading.current_offset
        else:
            screen.marking.jump_to = head.marking.jump_to
        self.switch_screen(screen)

    def _load_bookmarks(self) -> None:
        """Read the store: now when small, else in a thread so the first frame never waits."""
        if not self.bookmarks.needs_thread():
            self.bookmarks.loaded_with(self.bookmarks.load())
            return

        def load() -> None:
            warnings = self.bookmarks.load()
            self.call_from_thread(self._bookmarks_loaded, warnings)

        self.run_worker(load, thread=True, group="bookmarks-load")

    def _bookmarks_loaded(self, warnings: list[str]) -> None:
        self.bookmarks.loaded_with(warnings)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.marking.store_ready()

    def action_show_help(self) -> None:
        """Show every key of the current screen, read from the live bindings."""
        from reader.screens.help import HelpScreen, collect_help  # on first use

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(collect_help(self.screen)))
