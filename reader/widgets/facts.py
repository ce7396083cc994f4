"""FactsPane: the sidebar with the document's metadata and, later, its facts.

The metadata block sits on top; fact groups (one per ``FactKind``) go into the
``#fact-groups`` container below it, so adding them is an addition, not a
rewrite. ``section`` is the section being read, set by the screen, for the
"this section" scope of the facts.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from reader.model.document import Document


def meta_rows(document: Document) -> list[tuple[str, str]]:
    """The metadata fields worth showing, as ``(label, value)`` pairs, in reading order.

    Fields the document does not have are left out.
    """
    meta = document.meta
    rows: list[tuple[str, str | None]] = [
        ("Source", meta.source),
        ("Edition", meta.edition),
        ("Published", meta.published.strftime("%Y-%m-%d %H:%M") if meta.published else None),
        ("Captured", meta.captured.isoformat() if meta.captured else None),
        ("Breadcrumb", " › ".join(meta.breadcrumb) if meta.breadcrumb else None),
        ("Encoding", document.encoding),
    ]
    return [(label, value) for label, value in rows if value]


def meta_text(document: Document, label_style: Style | str = "bold") -> Text:
    """The metadata block: the title, then one labelled field a line.

    Every value is document text, so it is appended as plain text, never markup.
    """
    text = Text(document.title, style="bold")
    if document.meta.subtitle:
        text.append("\n——" + document.meta.subtitle)
    for label, value in meta_rows(document):
        text.append("\n")
        text.append(f"{label}: ", style=label_style)
        text.append(value)
    return text


class FactsPane(VerticalScroll):
    """The right sidebar: metadata on top, fact groups below."""

    DEFAULT_CSS = """
    FactsPane > #facts-meta {
        height: auto;
    }
    FactsPane > #fact-groups {
        height: auto;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts-pane--label"}
    """``facts-pane--label``: the field names of the metadata block."""

    section: reactive[str | None] = reactive(None)
    """Id of the section being read (for the facts' "this section" scope)."""

    def __init__(
        self,
        document: Document,
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
        classes: str | None = None,
    ) -> None:
        """Create the pane.

        Args:
            document: The document whose metadata is shown.
            name: Widget name.
            id: Widget id.
            classes: CSS classes.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.document = document

    def compose(self) -> ComposeResult:
        """The metadata block and the (for now empty) container for fact groups."""
        yield Static(id="facts-meta", markup=False)
        yield Vertical(id="fact-groups")

    def on_mount(self) -> None:
        """Fill the metadata block once the label style is known."""
        self.show_document(self.document)

    def show_document(self, document: Document) -> None:
        """Show ``document``'s metadata.

        Args:
            document: The document to describe.
        """
        self.document = document
        style = self.get_component_rich_style("facts-pane--label", partial=True)
        self.query_one("#facts-meta", Static).update(meta_text(document, style or "bold"))
