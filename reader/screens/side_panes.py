"""SidePanes: when the outline and the facts sidebar show, and where focus goes.

Below :data:`NARROW_WIDTH` columns both side panes start hidden; once the
reader shows or hides one by hand, the width rule leaves that one alone. Hiding
the pane that has focus gives focus back to the reading pane.
"""

from __future__ import annotations

from textual.widget import Widget

from reader.widgets.reading import ReadingPane

NARROW_WIDTH = 100
"""Below this many columns both side panes start hidden."""


class SidePanes:
    """Shows and hides the two side panes beside a reading pane.

    Args:
        outline: The left pane.
        facts: The right pane.
        reading: The pane that takes focus when a focused side pane is hidden.
    """

    def __init__(self, outline: Widget, facts: Widget, reading: ReadingPane) -> None:
        self.outline = outline
        self.facts = facts
        self.reading = reading
        # None until the reader shows or hides the pane by hand; then the width
        # rule stops overriding their choice.
        self._choice: dict[Widget, bool | None] = {outline: None, facts: None}
        self._narrow: bool | None = None

    def fit_width(self, width: int) -> None:
        """Hide or show the side panes the reader has not set, when ``width`` crosses the line."""
        narrow = width < NARROW_WIDTH
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for pane, choice in self._choice.items():
            if choice is None:
                pane.display = not narrow

    def show(self, pane: Widget, shown: bool) -> None:
        """Show or hide ``pane`` by the reader's choice.

        Args:
            pane: The outline or the facts sidebar.
            shown: Whether it shows.
        """
        self._choice[pane] = shown
        pane.display = shown
        focused = pane.screen.focused
        if not shown and (focused is None or pane in focused.ancestors_with_self):
            self.reading.focus()

    def toggle(self, pane: Widget) -> None:
        """Show ``pane`` if hidden, hide it if shown."""
        self.show(pane, not pane.display)

    def reveal(self, pane: Widget) -> None:
        """Show ``pane`` if it is hidden (before focusing it)."""
        if not pane.display:
            self.show(pane, True)
