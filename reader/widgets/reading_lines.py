"""The reading pane's rows as strips: drawn once, kept, and the next page drawn ahead.

A mixin of :class:`~reader.widgets.reading.ReadingPane`. ``render_line`` looks
the row up (``LayoutIndex.row_info``, ~14 µs) and draws it (``draw_line``,
~30 µs a line of Chinese at width 80), both kept: the row lookups in a memo
while the index is complete (its rows cannot move then), the strips in the
pane's strip cache.

Drawing ahead: after each move, once the frame is out and the app is idle
(``call_after_refresh``), the page below and the page above are drawn into the
cache with the current passage they will have, so the frame of the next
PageDown or PageUp only copies 43 strips instead of looking up and drawing
them (~2 ms of the key's time at 160×45, more under load). Nothing is drawn
ahead while the index is still being refined (its rows may move), and a guess
that comes out wrong (a jump, a pinned line) only costs the draw it would have
cost anyway.
"""

from __future__ import annotations

from math import ceil
from typing import TYPE_CHECKING, Any, Protocol

from textual.cache import LRUCache
from textual.geometry import Offset, Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from reader.view.layout_index import LayoutIndex, RowInfo
from reader.widgets.reading_draw import LineStyles, Overlays, draw_line

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from reader.model.document import Document

__all__ = ["ReadingLines"]

ROWS_KEPT = 4096
"""Row lookups kept (a few pages either way; a 10 MB text has ~300,000 rows)."""


class _Pane(Protocol):
    """What drawing the rows needs of the reading pane."""

    document: Document
    _index: LayoutIndex | None
    _width: int
    _column: int
    _overlays: Overlays
    _current_paragraph: int | None
    _generation: int
    _cache: LRUCache[Hashable, Strip]
    _rows: LRUCache[int, RowInfo | None]
    _rows_of: LayoutIndex | None
    _ahead_asked: bool

    @property
    def vertical_scrollbar(self) -> ScrollBar: ...
    @property
    def scroll_offset(self) -> Offset: ...
    @property
    def _line_styles(self) -> LineStyles: ...
    @property
    def _view_height(self) -> int: ...
    @property
    def scroll_y(self) -> float: ...
    @property
    def max_scroll_y(self) -> int: ...
    def _row_info(self, row: int) -> RowInfo | None: ...
    def _strip_of_row(self, row: int, current_paragraph: int | None) -> Strip: ...
    def _draw_ahead(self) -> None: ...
    def _move_scrollbar(self, position: float) -> None: ...
    @property
    def virtual_size(self) -> Size: ...
    @property
    def show_vertical_scrollbar(self) -> bool: ...
    def set_reactive(self, reactive: Reactive[Any], value: Any) -> None: ...
    def call_after_refresh(self, callback: Callable[[], None]) -> bool: ...


def thumb_eighths(bar: ScrollBar, position: float) -> tuple[int, int] | None:
    """Where ``bar`` draws its thumb at ``position``: first and end eighth of a cell.

    The geometry of Textual's ``ScrollBarRender.render_bar`` (which draws the
    thumb's ends with eighth blocks); ``None`` when it draws no thumb.
    """
    size = bar.size.height
    virtual = ceil(bar.window_virtual_size)
    window = ceil(bar.window_size if bar.window_size < bar.window_virtual_size else 0)
    if not (window and size and virtual and size != virtual):
        return None
    eighths = len(bar.renderer.VERTICAL_BARS)
    thumb = max(1, window / (virtual / size))
    start = int((size - thumb) * (position / (virtual - window)) * eighths)
    return start, start + ceil(thumb * eighths)


class ReadingLines:
    """``render_line`` through the caches, and the pages either way drawn ahead."""

    _rows: LRUCache[int, RowInfo | None]
    _rows_of: LayoutIndex | None = None
    """The index the row memo belongs to (a new width builds a new index)."""
    _ahead_asked = False
    """Whether a draw-ahead is already waiting for the app to be idle."""

    def render_line(self: _Pane, y: int) -> Strip:
        """Draw row ``y`` of the view (row ``scroll_offset.y + y`` of the canvas)."""
        return self._strip_of_row(self.scroll_offset.y + y, self._current_paragraph)

    def _row_info(self: _Pane, row: int) -> RowInfo | None:
        """What canvas row ``row`` shows (memoised while the index is complete)."""
        index = self._index
        if index is None:
            return None
        if not index.complete:
            return index.row_info(row)
        if self._rows_of is not index:
            self._rows_of = index
            self._rows = LRUCache(ROWS_KEPT)
        try:
            return self._rows[row]
        except KeyError:
            info = self._rows[row] = index.row_info(row)
            return info

    def _strip_of_row(self: _Pane, row: int, current_paragraph: int | None) -> Strip:
        """The strip of canvas row ``row`` with ``current_paragraph`` as the current passage."""
        width = self._width
        styles = self._line_styles
        info = self._row_info(row)
        if info is None or info.blank:
            return Strip.blank(width, styles.base)
        current = info.paragraph == current_paragraph
        key = (info.start, info.end, info.paragraph, current, width, self._generation)
        strip = self._cache.get(key)
        if strip is None:
            document = self.document
            paragraph = document.paragraphs[info.paragraph]
            strip = draw_line(
                document.text,
                paragraph.kind,
                info.start,
                info.end,
                current=current,
                width=width,
                column=self._column,
                styles=styles,
                overlays=self._overlays,
                shape=document.shapes.get(paragraph.start),
                first=info.line == 0,
            )
            self._cache[key] = strip
        return strip

    def _move_scrollbar(self: _Pane, position: float) -> None:
        """Move the scrollbar to ``position``, repainting it only when the thumb moves.

        Textual repaints the bar (43 rows through its styles, ~1.5 ms) on every
        change of position; in a long text the thumb moves by an eighth of a
        cell every ~20 pages, and the page turns in between draw the same bar.
        """
        bar = self.vertical_scrollbar
        position = bar.validate_position(position)
        if position == bar.position:
            return
        if bar.size.height and thumb_eighths(bar, position) == thumb_eighths(bar, bar.position):
            bar.set_reactive(ScrollBar.position, position)
        else:
            bar.position = position

    def _lengthen_quietly(self: _Pane, rows: int) -> bool:
        """Give the canvas ``rows`` rows without a layout, if only its length changes.

        The rest of a long text is wrapped in chunks after the first frame, and
        each chunk changes the canvas's length a little. Set as the reactive (a
        layout change), that re-laid and repainted every pane in each frame of
        the wrap (~40 ms a frame at 10 MB). While the bar stays and the view stays
        inside the canvas, the length only moves the bar's thumb: that is all
        repainted, and only when the thumb moves.

        Returns:
            False when a layout is needed (the bar comes or goes, the view would
            pass the end): the caller sets the reactive.
        """
        old = self.virtual_size
        height = self._view_height
        if not self.show_vertical_scrollbar or min(old.height, rows) <= height:
            return False
        if rows < self.scroll_y + height:
            return False
        bar = self.vertical_scrollbar
        before = thumb_eighths(bar, bar.position)
        self.set_reactive(Widget.virtual_size, Size(old.width, rows))
        bar.set_reactive(ScrollBar.window_virtual_size, rows)
        if thumb_eighths(bar, bar.position) != before:
            bar.refresh()
        return True

    def _ask_draw_ahead(self: _Pane) -> None:
        """Draw the pages either way once this frame is out (at most one request waits)."""
        if not self._ahead_asked:
            self._ahead_asked = True
            self.call_after_refresh(self._draw_ahead)

    def _draw_ahead(self: _Pane) -> None:
        """Draw the page below, then the page above, as a page turn will show them."""
        self._ahead_asked = False
        index = self._index
        if index is None or not index.complete or self._width <= 0:
            return
        height = self._view_height
        top = round(self.scroll_y)
        for first in (min(top + height, self.max_scroll_y), max(0, top - height)):
            if first == top:
                continue
            # The passage that will be current there: the paragraph at its top row
            # (a blank row: the paragraph after it), as ReadingPane._settle decides.
            current = index.paragraph_at_offset(index.offset_of_row(first))
            for row in range(first, first + height):
                self._strip_of_row(row, current)
