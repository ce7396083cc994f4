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

from reader.commands import BookmarksProvider, FactsProvider, SectionsProvider
from reader.model.document import Document
from reader.paths import styles_dir
from reader.screens.help import HelpScreen, collect_help
from reader.screens.keeper import BookmarkKeeper
from reader.screens.main import MainScreen
from reader.screens.picker import PickerScreen


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

    COMMANDS = App.COMMANDS | {SectionsProvider, FactsProvider, BookmarksProvider}

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
            self.push_screen(MainScreen(self.document))
        elif self.folder_documents:
            self.push_screen(PickerScreen(self.folder_documents))
        else:
            self.notify("No document to show.", severity="warning")

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
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(collect_help(self.screen)))
