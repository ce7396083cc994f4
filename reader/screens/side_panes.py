"""SidePanes: which side panes show, and how wide, at the terminal's width.

The outline and the facts sidebar start shown from ``NARROW_WIDTH`` columns up
and hidden below. ``F2``/``F3`` are the reader's lasting choice; ``o``/``f``
open a pane, and under ``NARROW_WIDTH`` a pane opened that way is *transient*:
it closes again on Escape or once the reader has gone to a section or fact.
Widths come from ``reader.view.pane_widths``: the panes shrink with the
terminal and one hides rather than squeeze the text under 24 cells.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual.widget import Widget

from reader.view.pane_widths import pane_widths

__all__ = ["NARROW_WIDTH", "PaneName", "SidePanes"]

NARROW_WIDTH = 100
"""Below this many columns both side panes start hidden."""

PaneName = Literal["outline", "facts"]


class SidePanes:
    """Shows, hides and sizes the two side panes around the reading pane."""

    def __init__(self, outline: Widget, facts: Widget, reading: Widget) -> None:
        """Lay out ``outline`` and ``facts`` beside ``reading``.

        Args:
            outline: The outline pane (left).
            facts: The facts sidebar (right).
            reading: The reading pane, which gets the focus when a focused pane hides.
        """
        self.panes: dict[PaneName, Widget] = {"outline": outline, "facts": facts}
        self.reading = reading
        self.choice: dict[PaneName, bool | None] = {"outline": None, "facts": None}
        """The reader's choice per pane; ``None`` follows the width rule."""
        self.transient: set[PaneName] = set()
        """Panes opened by o/f on a narrow terminal, closed again on Escape."""
        self.last: PaneName = "facts"
        """The pane opened last: it stays when only one fits."""
        self.width = 0
        self.on_choice: Callable[[PaneName, bool], None] | None = None
        """Told of every lasting choice (to save it)."""

    @property
    def narrow(self) -> bool:
        """The terminal is under ``NARROW_WIDTH`` columns."""
        return self.width < NARROW_WIDTH

    def wanted(self, name: PaneName) -> bool:
        """Whether ``name`` should show (room permitting)."""
        choice = self.choice[name]
        if name in self.transient:
            return True
        return not self.narrow if choice is None else choice

    def shown(self, name: PaneName) -> bool:
        """Whether ``name`` is on screen."""
        return bool(self.panes[name].display)

    def fit(self, width: int) -> None:
        """Size and show or hide the panes for a screen ``width`` cells wide."""
        self.width = width
        widths = pane_widths(width, self.wanted("outline"), self.wanted("facts"), self.last)
        names: tuple[PaneName, PaneName] = ("outline", "facts")
        for name, cells in zip(names, widths, strict=True):
            pane = self.panes[name]
            if cells:
                pane.styles.width = cells
            pane.display = cells > 0
            if not cells:
                self.transient.discard(name)
        focused = self.reading.screen.focused
        if focused is None or not all(node.display for node in focused.ancestors_with_self):
            if self.reading.is_attached:
                self.reading.focus()

    def set_choice(self, name: PaneName, shown: bool) -> None:
        """The reader shows or hides ``name`` for good (F2/F3, the palette, settings)."""
        self.choice[name] = shown
        self.transient.discard(name)
        if shown:
            self.last = name
        self.fit(self.width)
        if self.on_choice is not None:
            self.on_choice(name, shown)

    def open(self, name: PaneName) -> bool:
        """Show ``name`` (o/f); on a narrow terminal it closes again on Escape.

        Returns:
            Whether the pane is on screen afterwards (there may be no room).
        """
        if not self.shown(name):
            if self.narrow:
                self.transient.add(name)
            else:
                self.set_choice(name, True)
        self.last = name
        self.fit(self.width)
        return self.shown(name)

    def close_transient(self) -> bool:
        """Hide the panes opened by o/f on a narrow terminal.

        Returns:
            Whether any pane closed.
        """
        if not self.transient:
            return False
        self.transient.clear()
        self.fit(self.width)
        return True
