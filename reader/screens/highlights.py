"""Highlights: the one set of spans that `n`/`N` walk, drawn in the reading pane.

The screen owns one ``Highlights``; the search controller and the facts hand it
a :class:`HighlightCycle` (search matches, or a fact's mentions). It draws the
cycle in the reading pane's layer of the same name, moves through it and
scrolls the pane there. It knows the reading pane only; whoever shows the
position (the screen's title bar) passes ``changed``, called after every change.

Position unit: character offsets into ``Document.text``.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.view.cycle import HighlightCycle
from reader.widgets.reading import ReadingPane


class Highlights:
    """The current highlight cycle and the reading pane that shows it.

    Args:
        reading: The pane that draws the highlights and scrolls to them.
        changed: Called after the cycle or its current span changed.
    """

    def __init__(self, reading: ReadingPane, changed: Callable[[], None]) -> None:
        self.reading = reading
        self._changed = changed
        self.cycle: HighlightCycle | None = None
        """What `n`/`N` walk: the last search or the last fact's mentions."""

    @property
    def label(self) -> str | None:
        """Where `n`/`N` stand (``"四风 3/17"``), once they have moved; else ``None``."""
        cycle = self.cycle
        if cycle is None or cycle.index is None:
            return None
        return f"{cycle.label} {cycle.status}"

    def set(self, cycle: HighlightCycle | None, *, jump: bool = False) -> None:
        """Show ``cycle``'s spans and make `n`/`N` walk them.

        Replacing a cycle clears the previous one's layer (one set of
        highlights at a time keeps `n`/`N` unambiguous).

        Args:
            cycle: The spans to highlight, or ``None`` to clear.
            jump: Move to the first span at or after the reading position now.
        """
        old = self.cycle
        if old is not None and (cycle is None or cycle.layer != old.layer):
            self.reading.set_highlights(old.layer, [])
        self.cycle = cycle
        self._changed()
        if cycle is None:
            return
        self.reading.set_highlights(cycle.layer, cycle.spans, current=cycle.index)
        if jump:
            self.step(forward=True)

    def clear(self, layer: str) -> None:
        """Drop the cycle if it is of ``layer`` (e.g. when the search is cleared)."""
        if self.cycle is not None and self.cycle.layer == layer:
            self.set(None)

    def redraw(self) -> None:
        """Draw the cycle again (the reading pane dropped its layers for a new document)."""
        cycle = self.cycle
        if cycle is not None:
            self.reading.set_highlights(cycle.layer, cycle.spans, current=cycle.index)

    def step(self, *, forward: bool) -> None:
        """Go to the next (or previous) span, telling the reader when it wraps."""
        cycle = self.cycle
        if cycle is None or not len(cycle):
            self.reading.notify("Nothing to move through: search with / or pick a fact", timeout=3)
            return
        moved = cycle.step(forward, self.reading.current_offset)
        if moved is None:
            return
        index, wrapped = moved
        start, _ = cycle.spans[index]
        self.reading.set_highlights(cycle.layer, cycle.spans, current=index)
        self.reading.scroll_to_offset(start, center=True)
        self._changed()
        if wrapped:
            where = "end, continuing at the top" if forward else "top, continuing at the end"
            self.reading.notify(f"Passed the {where} ({cycle.status})", timeout=3)
