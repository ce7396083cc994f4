"""The reading pane's keys: lines, pages, top and end, sections, less/vim counts and percent.

A mixin of :class:`~reader.widgets.reading.ReadingPane`, whose ``BINDINGS``
name these actions. Digits typed before ``G``, ``gg``, ``%`` or ``p`` are a
count (``reader.view.goto.CountPrefix``): ``42G`` or ``42gg`` goes to line 42
(text lines, as the ``ctrl+g`` status counts them), ``50%`` or ``50p`` half way
down. Key scrolling never animates.
"""

from __future__ import annotations

import time
from typing import Protocol

from textual.events import Key

from reader.model.document import Document
from reader.view.goto import CountPrefix, line_start, percent_row
from reader.view.layout_index import LayoutIndex
from reader.view.section_nav import next_heading, previous_heading

__all__ = ["ReadingKeys"]

NGG_SECONDS = 1.0
"""A ``g`` this soon after ``Ng`` is the second g of ``Ngg`` (it does not go to the top)."""


class _Pane(Protocol):
    """What the keys need of the reading pane."""

    document: Document
    count: CountPrefix
    _pinned: bool
    _count_g_at: float
    _index: LayoutIndex | None
    _anchor: int

    @property
    def scroll_y(self) -> float: ...
    @property
    def max_scroll_y(self) -> int: ...
    @property
    def _view_height(self) -> int: ...
    def scroll_to_offset(
        self, offset: int, *, animate: bool = False, center: bool = False
    ) -> None: ...
    def _sync_virtual_size(self) -> None: ...
    def _settle(self) -> None: ...
    def _scroll_by(self, rows: int) -> None: ...
    def action_top(self) -> None: ...
    def action_bottom(self) -> None: ...


class ReadingKeys:
    """Lines, pages, top and end; sections; counts, go to line, go to percent, half pages."""

    def action_next_section(self: _Pane) -> None:
        """Go to the heading of the section after the one at the reading line."""
        target = next_heading(self.document, self._anchor)
        if target is not None:
            self.scroll_to_offset(target)

    def action_previous_section(self: _Pane) -> None:
        """Go to the current section's heading, or to the previous one when already there."""
        index = self._index
        if index is None:
            return
        top = round(self.scroll_y)
        target = previous_heading(
            self.document, self._anchor, lambda offset: index.row_of_offset(offset) < top
        )
        if target is not None:
            self.scroll_to_offset(target)

    def action_line_down(self: _Pane) -> None:
        """Scroll one line down."""
        self._scroll_by(1)

    def action_line_up(self: _Pane) -> None:
        """Scroll one line up."""
        self._scroll_by(-1)

    def action_page_down(self: _Pane) -> None:
        """Scroll one page down."""
        self._scroll_by(self._view_height)

    def action_page_up(self: _Pane) -> None:
        """Scroll one page up."""
        self._scroll_by(-self._view_height)

    def action_top(self: _Pane) -> None:
        """Go to the start of the document."""
        self.scroll_to_offset(0)

    def action_bottom(self: _Pane) -> None:
        """Go to the end of the document (its last line at the bottom of the view)."""
        if self._index is None:
            return
        self._index.ensure_end(self._view_height * 2)
        self._sync_virtual_size()
        sections = self.document.sections
        if sections:
            # The last section is current at the end, even when its heading is in view.
            self._anchor = max(self._anchor, sections[-1].start)
        self._scroll_by(self.max_scroll_y - round(self.scroll_y))
        self._settle()

    _count_g_at = 0.0
    """When ``Ng`` last went to a line."""

    def on_key(self: _Pane, event: Key) -> None:
        """Digits are a count for the next key, as in less and vim."""
        if event.character is not None and self.count.push(event.character):
            event.stop()
            event.prevent_default()

    def go_to_line(self: _Pane, number: int) -> None:
        """Put text line ``number`` (1-based) at the top of the view."""
        self._pinned = False
        self.scroll_to_offset(line_start(self.document.text, number))

    def action_go_top(self: _Pane) -> None:
        """Go to the top, or to line N after a count (``Ngg``, ``Ng``)."""
        count = self.count.take()
        if count is not None:
            ReadingKeys.go_to_line(self, count)
            self._count_g_at = time.monotonic()
        elif time.monotonic() - self._count_g_at > NGG_SECONDS:
            self.action_top()
        else:
            self._count_g_at = 0.0

    def action_go_end(self: _Pane) -> None:
        """Go to the end, or to line N after a count (``NG``)."""
        count = self.count.take()
        if count is not None:
            ReadingKeys.go_to_line(self, count)
        else:
            self.action_bottom()

    def action_percent(self: _Pane) -> None:
        """Go ``N`` percent of the way down (``50%``, ``50p``; no count: the top)."""
        self._pinned = False
        self._sync_virtual_size()
        self._scroll_by(
            percent_row(self.count.take() or 0, self.max_scroll_y) - round(self.scroll_y)
        )

    def action_half_page(self: _Pane, direction: int) -> None:
        """Scroll half a page down (1) or up (-1)."""
        self.count.take()
        self._scroll_by(max(1, self._view_height // 2) * (1 if direction > 0 else -1))
