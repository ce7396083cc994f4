"""FactsPane: the sidebar with the document's metadata and its facts.

The metadata block sits on top; below it a line says the scope ("Facts · this
section" / "Facts · whole document") and a :class:`FactList` lists the facts
grouped by kind. The pane never extracts: the screen runs the extractor in a
worker and hands the finished :class:`FactIndex` down with :meth:`show_facts`.
``section`` is the section being read, set by the screen, for the "this
section" scope; Enter on a fact posts :class:`FactsPane.FactChosen` up.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static

from reader.model.document import Document, Fact
from reader.view.fact_index import FactIndex
from reader.view.fitting import fit_text, wrap_lines
from reader.widgets.fact_list import FactList
from reader.widgets.theme_styles import component_style


def meta_rows(document: Document) -> list[tuple[str, str]]:
    """The metadata fields worth showing, as ``(label, value)`` pairs, in reading order.

    Fields the document does not have are left out.
    """
    meta = document.meta
    rows: list[tuple[str, str | None]] = [
        ("Author", meta.author),
        ("Editor", meta.editor),
        ("Source", meta.source),
        ("Edition", meta.edition),
        ("Published", meta.published.strftime("%Y-%m-%d %H:%M") if meta.published else None),
        ("Captured", meta.captured.isoformat() if meta.captured else None),
        ("Breadcrumb", " › ".join(meta.breadcrumb) if meta.breadcrumb else None),
        ("Encoding", document.encoding),
    ]
    return [(label, value) for label, value in rows if value]


def meta_text(
    document: Document, label_style: Style | str = "bold", width: int | None = None
) -> Text:
    """The metadata block: the title, then one labelled field a line.

    Every value is document text, so it is appended as plain text, never markup.
    With a ``width`` the lines are broken by the kinsoku rules (no ``”`` alone
    at a line start), so the Static has nothing left to wrap its own way.
    """

    def lines(line: str) -> list[str]:
        return [line] if width is None else wrap_lines(line, width)

    text = Text("\n".join(lines(document.title)), style="bold")
    if document.meta.subtitle:
        text.append("\n" + "\n".join(lines("——" + document.meta.subtitle)))
    for label, value in meta_rows(document):
        head = f"{label}: "
        wrapped = "\n".join(lines(head + value))
        text.append("\n")
        text.append(wrapped[: len(head)], style=label_style)
        text.append(wrapped[len(head) :])
    return text


class FactsPane(Vertical):
    """The right sidebar: metadata on top, the scope line, then the fact groups."""

    DEFAULT_CSS = """
    FactsPane > #facts-meta {
        height: auto;
    }
    FactsPane > #facts-scope {
        height: 1;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts-pane--label"}
    """``facts-pane--label``: the field names of the metadata block."""

    LOADING = "Finding facts…"
    """Shown until the screen hands the facts down."""

    section: reactive[str | None] = reactive(None, repaint=False)
    """Id of the section being read (for the facts' "this section" scope)."""

    whole_document: reactive[bool] = reactive(True)
    """List the facts of the whole document (True) or of ``section`` only (False)."""

    class FactChosen(Message):
        """The reader chose a fact (Enter or a click): show its mentions."""

        def __init__(self, fact: Fact) -> None:
            super().__init__()
            self.fact = fact
            """The chosen fact."""

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
        self.index: FactIndex | None = None
        """The facts, once the screen has found them."""
        self.fact_list = FactList(id="fact-list")
        self._meta_width: int | None = None
        """The width the metadata block was broken at."""

    def compose(self) -> ComposeResult:
        """The metadata block, the scope line and the fact list."""
        yield Static(id="facts-meta", markup=False)
        yield Static(id="facts-scope", markup=False)
        yield self.fact_list

    def on_mount(self) -> None:
        """Fill the metadata block once the label style is known; facts are on their way."""
        self.show_document(self.document)
        # The labels' colour is baked into the block: redraw it in a new theme.
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._show_scope()
        self.fact_list.show_message(self.LOADING)

    def show_document(self, document: Document, *, facts_pending: bool = False) -> None:
        """Show ``document``'s metadata.

        Args:
            document: The document to describe.
            facts_pending: Its facts are still to come: drop the old ones and
                say they are being found (the scope stays as the reader set it).
        """
        self.document = document
        if facts_pending:
            self.index = None
            self.fact_list.show_message(self.LOADING)
        self._show_meta()

    def _show_meta(self) -> None:
        """The metadata block, its lines broken by the kinsoku rules at the pane's width
        (Textual's own wrapping would leave a ``”`` alone at a line start)."""
        style = component_style(self, "facts-pane--label")
        width = self.content_region.width or None
        self._meta_width = width
        meta = meta_text(self.document, style or "bold", width)
        self.query_one("#facts-meta", Static).update(meta)

    def on_resize(self) -> None:
        """Break the metadata lines again at the new width, and cut the scope line to it."""
        if self.content_region.width != self._meta_width:
            self._show_meta()
            self._show_scope()

    def _theme_changed(self) -> None:
        self.call_after_refresh(lambda: self.show_document(self.document))

    def show_facts(self, index: FactIndex) -> None:
        """List the facts of ``index`` (found by the screen's worker).

        Args:
            index: The document's facts.
        """
        self.index = index
        self._refill()

    def show_error(self, message: str) -> None:
        """Say that the facts could not be found.

        Args:
            message: Plain text (never markup).
        """
        self.index = None
        self.fact_list.show_message(message)

    def focus(self, scroll_visible: bool = True) -> FactsPane:
        """Focus the fact list (the pane itself takes no focus).

        Args:
            scroll_visible: Scroll the list into view.
        """
        self.fact_list.focus(scroll_visible)
        return self

    def toggle_scope(self) -> None:
        """Switch between "this section" and "whole document"."""
        self.whole_document = not self.whole_document

    @property
    def scope_title(self) -> str:
        """``"Facts · this section"`` or ``"Facts · whole document"``."""
        return "Facts · " + ("whole document" if self.whole_document else "this section")

    def _show_scope(self) -> None:
        self.border_title = self.scope_title
        line = Text(self.scope_title, style="bold")
        width = self.content_region.width
        if not width or line.cell_len + 4 <= width:
            line.append(" (t)")  # muted already (#facts-scope): dim on top is unreadable in light
        # One line, the key hint dropped first, then cut with "…" (Textual would
        # wrap it and show "Facts ·" alone).
        self.query_one("#facts-scope", Static).update(fit_text(line, width) if width else line)

    def watch_whole_document(self) -> None:
        """A new scope: say so and list its facts."""
        if self.is_mounted:
            self._show_scope()
            self._refill()

    def watch_section(self) -> None:
        """The reader moved to another section: refilter when listing "this section"."""
        if self.is_mounted and not self.whole_document:
            self._refill()

    def _current_section(self) -> str | None:
        if self.section is not None:
            return self.section
        return self.document.sections[0].id if self.document.sections else None

    def _refill(self) -> None:
        index = self.index
        if index is None:
            return
        if not index.facts:
            self.fact_list.show_message("No facts found")
            return
        groups = index.groups(None if self.whole_document else self._current_section())
        if not groups:
            self.fact_list.show_message("No facts in this section")
            return
        self.fact_list.show_groups(groups)

    @on(OptionList.OptionSelected, "#fact-list")
    def _fact_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fact = self.fact_list.chosen(event)
        if isinstance(fact, Fact):
            self.post_message(self.FactChosen(fact))
