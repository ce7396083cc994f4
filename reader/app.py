"""ReaderApp: the application shell.

It owns the app-wide keys (help, quit; ctrl+p comes from Textual), the
stylesheet, the palette providers and the bookmark store, and it is the one
place that opens a document (:meth:`ReaderApp.open_document`): the first one,
one chosen in the folder picker, the document of a bookmark.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.background import run_detached
from reader.model.document import Document, visible_name
from reader.model.memory import end_start_up_pause
from reader.model.opening import full_document, open_document
from reader.model.text.loading import LoadError
from reader.paths import screenshot_dir, styles_dir
from reader.screens.document_list import DocumentListScreen
from reader.screens.keeper import BookmarkKeeper
from reader.screens.main import MainScreen
from reader.screens.marking import Place
from reader.screens.preferences import Preferences
from reader.screens.requests import CompareRequested

if TYPE_CHECKING:
    from reader.screens.picker import PickerScreen

# The palette's providers load when the palette first opens, not at start-up.


def _sections_commands() -> type[Provider]:
    from reader.commands import SectionsProvider

    return SectionsProvider


def _facts_commands() -> type[Provider]:
    from reader.commands import FactsProvider

    return FactsProvider


def _compare_commands() -> type[Provider]:
    from reader.commands.documents import CompareProvider

    return CompareProvider


def _bookmarks_commands() -> type[Provider]:
    from reader.commands.documents import BookmarksProvider

    return BookmarksProvider


def _view_commands() -> type[Provider]:
    from reader.commands import ViewProvider

    return ViewProvider


class ReaderApp(App[None]):
    """A terminal reader for long Chinese and English articles and reports."""

    CSS_PATH = str(styles_dir() / "reader.tcss")

    TITLE = "reader"

    HELP_TITLE: ClassVar[str] = "Everywhere"
    """Heading of the app's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "show_help", "Help", key_display="?"),
        Binding("h", "show_help", "Help", show=False),
        Binding("q", "quit", "Quit"),
        Binding("Q", "quit", "Quit", show=False),
    ]
    """App-wide keys (``:q`` quits too: ``:`` does nothing, ``q`` quits). The
    command palette (ctrl+p) is Textual's."""

    COMMANDS = App.COMMANDS | {
        _sections_commands,
        _facts_commands,
        _bookmarks_commands,
        _view_commands,
        _compare_commands,
    }

    def __init__(
        self,
        document: Document | None = None,
        *,
        folder_documents: list[Path] | None = None,
        compare_with: Document | None = None,
    ) -> None:
        """Create the app.

        Args:
            document: The document to open, if one was given (the command line
                loads it first, so that a file it cannot open is refused before
                the terminal is taken over).
            folder_documents: The documents of a folder, to choose from.
            compare_with: Last edition of ``document``: open the comparison screen.
        """
        super().__init__()
        self.document = document
        self.old_edition = compare_with
        self.folder_documents = list(folder_documents or [])
        self.bookmarks = BookmarkKeeper(self.notify)
        """The bookmark store, read once at start (see :meth:`_load_bookmarks`)."""
        self._store_waits = False
        self.preferences = Preferences()
        """Theme, text width, panes, facts scope: ``settings.yaml``."""
        theme = self.preferences.settings.theme
        if theme is not None and theme in self.available_themes:
            self.theme = theme

    def on_mount(self) -> None:
        """Show the document, or the picker when a folder was given."""
        for notice in self.preferences.notices:
            self.notify(notice, severity="warning", timeout=8, markup=False)
        self.watch(self, "theme", self._theme_changed, init=False)
        self._load_bookmarks()
        if self.document is not None and self.old_edition is not None:
            self._push_comparison(self.old_edition, self.document)
        elif self.document is not None:
            return  # the first screen reads it (get_default_screen), and says when it is drawn
        elif self.folder_documents:
            from reader.screens.picker import PickerScreen  # only for a folder

            self.push_screen(PickerScreen(self.folder_documents))
        else:
            self.notify("No document to show.", severity="warning")
        self.call_after_refresh(self.first_frame_drawn)

    def get_default_screen(self) -> Screen[Any]:
        """The reading screen of the document given, as the app's first screen.

        Built with the app, it is composed and laid out once the app has started
        and its first frame is drawn once. Pushed from ``on_mount`` it was laid
        out and drawn inside the app's start-up batch, whose frame Textual throws
        away, then drawn again (~25 ms more before the first frame).
        """
        if self.document is None or self.old_edition is not None:
            return super().get_default_screen()
        return self._new_reading_screen(self.document, None)

    def first_frame_drawn(self) -> None:
        """Start-up is over: collect again, never scanning what it built; read a
        bookmark store that had no file (see :meth:`_load_bookmarks`).

        The command line pauses the cyclic collector while the app starts
        (``reader.cli.main``); what start-up built (modules, the document, the
        screen) lives as long as the app, so it is frozen out of every later
        collection (when it was not paused, as in tests, it is left alone).
        """
        end_start_up_pause()
        if self._store_waits:  # no file at start: read now, modules and all, in its thread
            self._store_waits = False
            self.bookmarks.load_in_thread(self._bookmarks_loaded)

    # -- opening: the one way a document reaches the screen ---------------------

    def open_document(self, source: Document | Path | str, *, at: Place = None) -> None:
        """Show a document: in the reading screen on top, or in a new one.

        A path (or ``"-"`` for standard input) is loaded in a thread; a file
        that cannot be opened is a notification and the app goes on. A big text
        shows its head at once and its full parse replaces it in place when
        ready, from every caller (command line, picker, bookmark jumps).

        Args:
            source: A parsed document, a path, or ``"-"``.
            at: Where to open it: an offset into its text, the id of one of its
                bookmarks, or ``None`` for the saved reading position.
        """
        if isinstance(source, Document):
            self._show(source, at)
            return

        def load() -> None:
            worker = get_current_worker()
            try:
                document = open_document(source, head=True)
            except LoadError as error:
                self.call_from_thread(self._refused, error)
                return
            if not worker.is_cancelled:  # a later open_document wins
                self.call_from_thread(self._show, document, at)

        self.run_worker(load, thread=True, group="open", exclusive=True, exit_on_error=False)

    def compare_with(self, old_source: Path | str) -> None:
        """Compare the document being read (NEW) with ``old_source`` (OLD), in a new screen.

        OLD's first pages are read off the UI thread (a file that cannot be
        opened is a notification); the comparison screen parses both in full.

        Args:
            old_source: The other edition's path.
        """
        screen = self._reading_screen()
        if screen is None:
            self.notify("Open a document first: it is compared with the one you choose.")
            return
        new = screen.document

        def load() -> None:
            try:
                old = open_document(old_source, head=True)
            except LoadError as error:
                self.call_from_thread(self._refused, error)
                return
            self.call_from_thread(self._push_comparison, old, new)

        self.run_worker(load, thread=True, group="compare", exclusive=True, exit_on_error=False)

    def on_compare_requested(self, event: CompareRequested) -> None:
        """The palette's "Compare with…": compare the open document with that file."""
        event.stop()
        self.compare_with(event.path)

    def _push_comparison(self, old: Document, new: Document) -> None:
        from reader.screens.compare import CompareScreen  # only when comparing

        self.push_screen(CompareScreen(old, new))

    def _refused(self, error: LoadError) -> None:
        message = visible_name(str(error))
        self.notify(message, title="Cannot open", severity="error", markup=False)

    def _show(self, document: Document, at: Place) -> None:
        # The reading screen (under a dialog or the bookmark list, maybe) takes
        # the document; over a document list, or with none, a new one is pushed.
        screen = self._reading_screen()
        if screen is None:
            self.push_screen(self._new_reading_screen(document, at))
            return
        screen.replace_document(document, at=at)
        self._parse_later(screen, document)

    def _new_reading_screen(self, document: Document, at: Place) -> MainScreen:
        screen = MainScreen(document, at=at)
        screen.after_text_shown(self.first_frame_drawn)
        self._parse_later(screen, document)
        return screen

    def _parse_later(self, screen: MainScreen, document: Document) -> None:
        if not document.complete:
            # After the text's first frame: the parse shares the interpreter with it.
            screen.after_text_shown(lambda: self._parse_in_full(screen, document))

    def _parse_in_full(self, screen: MainScreen, head: Document) -> None:
        """Parse the whole of a head-only document off the UI thread, then swap it in."""

        def parse_full() -> Document:
            full = full_document(head)
            full.fingerprint  # noqa: B018 (hashed here, not when the store first asks)
            return full

        def run() -> None:
            worker = get_current_worker()
            try:
                full = run_detached(parse_full, lambda: worker.is_cancelled)
            except LoadError as error:  # the head was text, the whole is not
                self.call_from_thread(self._refused, error)
                return
            if full is not None:
                self.call_from_thread(self._swap_in_full, screen, head, full)

        self.run_worker(run, thread=True, group="full-parse", exit_on_error=False)

    def _swap_in_full(self, screen: MainScreen, head: Document, full: Document) -> None:
        # Only if the screen still shows that head (the reader may have gone on
        # to another document, or closed this one).
        if screen.document is head and screen in self.screen_stack:
            screen.replace_document(full, same_source=True)

    def _reading_screen(self) -> MainScreen | None:
        # The topmost reading screen, unless a document list is above it (then
        # the reader chose from that list: the document gets a screen of its own).
        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
            if isinstance(screen, DocumentListScreen):
                return None
        return None

    def on_main_screen_open_requested(self, event: MainScreen.OpenRequested) -> None:
        """A bookmark of another document was chosen: open it there."""
        event.stop()
        self.open_document(event.path, at=event.at)

    def on_picker_screen_document_chosen(self, event: PickerScreen.DocumentChosen) -> None:
        """A document was chosen in the folder's list."""
        event.stop()
        self.open_document(event.path)

    # -- the bookmark store ---------------------------------------------------------

    def _load_bookmarks(self) -> None:
        """Read the store: now when small (the first frame is at the saved position),
        in the store's thread when big (saves queue behind it), after the first frame
        when there is no file yet (nothing to restore; ~10 ms of modules to load)."""
        if not self.bookmarks.file_exists():
            self._store_waits = True
            return
        if not self.bookmarks.needs_thread():
            self.bookmarks.loaded_with(self.bookmarks.load())
            return
        self.bookmarks.load_in_thread(self._bookmarks_loaded)

    def _bookmarks_loaded(self, warnings: list[str]) -> None:
        self.bookmarks.loaded_with(warnings)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.store_ready()

    async def on_event(self, event: events.Event) -> None:
        """Drop input that arrives after the last screen has gone (keys queued behind quit).

        Textual hands a key to ``self.screen``, which raises ScreenStackError
        ("No screens on stack") once the app has popped its screens to exit.
        """
        if isinstance(event, (events.Key, events.MouseEvent)) and not self._screen_stack:
            return
        await super().on_event(event)

    def action_command_palette(self) -> None:
        """Show the command palette (Textual's, safe to page in a tiny terminal)."""
        from reader.screens.palette import ReaderPalette  # on first use

        if self.use_command_palette and not isinstance(self.screen, ReaderPalette):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save an SVG screenshot and say where (Textual's went to a ~/Downloads that may
        not exist, and failed): the current directory, or the data directory.
        """
        folder = Path(path) if path else screenshot_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as error:
            self.notify(f"Could not save the screenshot: {error}", severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved to {saved}", timeout=8, markup=False)
        return saved

    def _theme_changed(self, theme: str) -> None:
        self.preferences.update(self, theme=theme)

    def action_show_help(self) -> None:
        """Show every key of the current screen, read from the live bindings."""
        from reader.screens.help import HelpScreen, collect_help  # on first use

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(collect_help(self.screen)))
