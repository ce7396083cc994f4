"""SearchBar: the one-line search field under the panes, opened with ``/``.

The bar only edits a query and shows what the screen tells it: it posts
:class:`SearchBar.Changed` as the reader types (or flips the regex mode),
:class:`SearchBar.Submitted` on Enter and :class:`SearchBar.Cancelled` on
Escape. The screen runs the search and sets the bar's status ("17 matches",
"3/17", "no matches", or a red error for a bad regex).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from reader.widgets.clean_input import CleanInput

__all__ = ["SearchBar"]


class SearchBar(Horizontal):
    """A query field, its mode (text or regex) and the match count."""

    HELP_TITLE: ClassVar[str] = "Search bar"
    """Heading of the bar's keys in the help."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
    }
    SearchBar > Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
    }
    SearchBar > Static {
        width: auto;
        height: 1;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Escape and Enter close the bar as they arrive (priority), before the keys
        # typed after them are handed to the field; the focus is back at once.
        Binding("escape", "cancel_search", "Close search, clear matches", priority=True),
        Binding("ctrl+r", "toggle_regex", "Regex on/off"),
        Binding("enter", "submit_search", "Go to match, close bar", priority=True),
    ]
    """The bar's keys; Enter and typing belong to the field inside it."""

    @dataclass
    class Changed(Message):
        """The query or its mode changed (each keystroke, or ctrl+r)."""

        text: str
        """The query as typed."""
        regex: bool
        """Whether the query is a regular expression."""

    @dataclass
    class Submitted(Message):
        """Enter: the reader wants to go to the first match."""

        text: str
        """The query as typed."""
        regex: bool
        """Whether the query is a regular expression."""

    class Cancelled(Message):
        """Escape: close the bar and drop the search."""

    regex: reactive[bool] = reactive(False)
    """Read the query as a Python regular expression."""

    _came_from: Widget | None = None
    """What had the focus when the bar opened: it gets it back when the bar closes."""

    def compose(self) -> ComposeResult:
        """The field, the mode and the status."""
        yield CleanInput(placeholder="Search (ctrl+r: regex)", id="search-input")
        yield Static(id="search-mode")
        yield Static(id="search-status")

    def on_mount(self) -> None:
        """Show the starting mode."""
        self._show_mode()

    @property
    def input(self) -> Input:
        """The query field."""
        return self.query_one("#search-input", Input)

    @property
    def query_text(self) -> str:
        """The query as typed."""
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor in the field (its text selected)."""
        focused = self.screen.focused
        if focused is not None and focused is not self.input:
            self._came_from = focused
        self.display = True
        self.input.focus()

    def close(self) -> None:
        """Hide the bar (the text stays for the next ``/``)."""
        self.display = False

    def set_status(self, status: str, *, error: bool = False) -> None:
        """Show ``status`` after the field: a count, or (``error``) a red message.

        Args:
            status: Plain text; never read as markup (it may quote the query).
            error: Style it as an error.
        """
        label = self.query_one("#search-status", Static)
        label.set_class(error, "-error")
        label.update(Text(status))

    def watch_regex(self) -> None:
        """Show the mode and search again in it."""
        if self.is_mounted:
            self._show_mode()
            self.post_message(self.Changed(self.query_text, self.regex))

    def _show_mode(self) -> None:
        mode = self.query_one("#search-mode", Static)
        mode.set_class(self.regex, "-regex")
        mode.update(Text("regex" if self.regex else "text"))

    def action_toggle_regex(self) -> None:
        """Switch between literal text and regular expression."""
        self.regex = not self.regex

    def action_cancel_search(self) -> None:
        """Close the bar and clear the matches."""
        self._give_back_focus()
        self.post_message(self.Cancelled())

    def action_submit_search(self) -> None:
        """Go to the first match at or after the reading position and close the bar."""
        self._give_back_focus()
        self.post_message(self.Submitted(self.query_text, self.regex))

    def _give_back_focus(self) -> None:
        # Now, not when the screen handles the message: keys typed right after
        # Escape or Enter are already queued, and must not land in the field.
        came_from = self._came_from
        if came_from is not None and came_from.is_attached and came_from.screen is self.screen:
            self.screen.set_focus(came_from)
        else:
            self.screen.set_focus(None)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, self.regex))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit_search()
