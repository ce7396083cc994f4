"""NotePrompt: a small box that asks for a bookmark's note.

Dismissed with the note (possibly empty) on Enter, or ``None`` on Escape.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input

from reader.model.text.oneline import shorten
from reader.screens.once import OnceModal
from reader.widgets.clean_input import CleanInput
from reader.widgets.wrapped_label import WrappedLabel

QUOTE_CHARS = 120
"""How much of the passage the prompt shows."""


class NotePrompt(OnceModal[str | None]):
    """Ask for a note; Enter saves it, Escape cancels."""

    HELP_TITLE: ClassVar[str] = "Note"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
    ]
    """Escape cancels; Enter (the input's own submit) saves."""

    def __init__(self, quote: str, note: str = "", *, title: str = "Bookmark") -> None:
        """Create the prompt.

        Args:
            quote: The passage the note is for (document text, shown as plain text).
            note: The note to start from (when editing).
            title: The box's title.
        """
        super().__init__()
        self.quote = quote
        self.note = note
        self.box_title = title

    def compose(self) -> ComposeResult:
        """The passage, then the input."""
        with Vertical(id="note-box") as box:
            box.border_title = self.box_title
            box.border_subtitle = "Enter saves · Esc cancels"
            yield WrappedLabel(f"“{shorten(self.quote, QUOTE_CHARS)}”", id="note-quote")
            yield CleanInput(self.note, placeholder="Note (optional)", id="note-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
