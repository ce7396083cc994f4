"""The main screen's keys for panes, the view and copying.

A mixin of :class:`~reader.screens.main.MainScreen` (its ``BINDINGS`` name these
actions); the methods take the screen as ``self``. The side panes' rules are
in :class:`~reader.screens.side_panes.SidePanes`; the copied text in
``reader.view.copying``; the settings in ``reader.screens.preferences``.
"""

from __future__ import annotations

from typing import Protocol

from textual.app import App
from textual.widget import Widget

from reader.model.document import Document
from reader.screens.highlights import Highlights
from reader.screens.marking import Marking
from reader.screens.preferences import (
    DEFAULT_MEASURE,
    MEASURE_STEP,
    clamp_measure,
    remember,
    settings_of,
)
from reader.screens.searching import SearchController
from reader.screens.side_panes import SidePanes
from reader.view.position import status_line
from reader.widgets.facts import FactsPane
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane

__all__ = ["PaneKeys"]


class _Screen(Protocol):
    """What the keys need of the main screen."""

    document: Document
    outline: OutlinePane
    reading: ReadingPane
    facts: FactsPane
    side_panes: SidePanes
    searching: SearchController
    highlights: Highlights
    marking: Marking
    _fraction: float

    @property
    def app(self) -> App[object]: ...
    @property
    def focused(self) -> Widget | None: ...


class PaneKeys:
    """Show, hide and focus the panes; Escape; where am I; text width; copy."""

    def apply_settings(self: _Screen) -> None:
        """Start from the saved settings: panes shown or hidden, text width, facts scope."""
        settings = settings_of(self.app)
        self.side_panes.choice["outline"] = settings.outline
        self.side_panes.choice["facts"] = settings.facts
        self.side_panes.on_choice = lambda name, shown: remember(self.app, **{name: shown})
        self.reading.measure = settings.text_width or DEFAULT_MEASURE
        if settings.facts_scope == "section":
            self.facts.whole_document = False

    def action_toggle_outline(self: _Screen) -> None:
        """Show or hide the outline."""
        self.side_panes.set_choice("outline", not self.outline.display)

    def action_toggle_facts(self: _Screen) -> None:
        """Show or hide the facts sidebar."""
        self.side_panes.set_choice("facts", not self.facts.display)

    def action_focus_outline(self: _Screen) -> None:
        """Focus the outline, showing it if hidden (if there is room)."""
        if self.side_panes.open("outline"):
            self.outline.focus()

    def action_focus_facts(self: _Screen) -> None:
        """Focus the facts sidebar, showing it if hidden (if there is room)."""
        if self.side_panes.open("facts"):
            self.facts.focus()

    def action_focus_reading(self: _Screen) -> None:
        """Close a pane opened on a narrow terminal, else give focus back to the
        reading pane; in it, clear the search or the fact highlights."""
        if self.side_panes.close_transient():
            self.reading.focus()
            return
        if self.focused is self.reading:
            cycle = self.highlights.cycle
            if self.searching.clear():
                return
            if cycle is not None and cycle.layer == "facts":
                self.highlights.set(None)
                return
        self.reading.focus()

    def action_toggle_facts_scope(self: _Screen) -> None:
        """List the facts of the section being read, or of the whole document."""
        self.facts.toggle_scope()
        remember(self.app, facts_scope="document" if self.facts.whole_document else "section")
        if not self.facts.display:
            self.app.notify(self.facts.scope_title, timeout=2)

    def action_show_status(self: _Screen) -> None:
        """Say where the reader is, as less's ``=``: document, section, line, percent."""
        offset = self.reading.current_offset
        self.app.notify(status_line(self.document, offset, self._fraction), timeout=6)

    def action_text_width(self: _Screen, direction: int) -> None:
        """Widen (1) or narrow (-1) the reading measure by a step; it is remembered."""
        cells = clamp_measure(self.reading.measure + MEASURE_STEP * direction)
        self.reading.measure = cells
        remember(self.app, text_width=cells)
        shown = min(cells, self.reading.text_width)
        note = "" if shown == cells else f" (the pane shows {shown})"
        self.app.notify(f"Text width {cells} cells{note}", timeout=2)

    def action_copy_passage(self: _Screen, cite: bool = False) -> None:
        """Copy the passage at the reading line (or the selection); ``Y`` adds a citation."""
        self.marking.copy(cite=cite)
