"""ReaderApp. PLACEHOLDER: the UI helper replaces this module."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from reader.model.document import Document


class ReaderApp(App[None]):
    """The reader."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(
        self, document: Document | None = None, *, folder_documents: list[Path] | None = None
    ) -> None:
        super().__init__()
        self.document = document
        self.folder_documents = folder_documents or []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.document.title if self.document else "no document", markup=False)
        yield Footer()
