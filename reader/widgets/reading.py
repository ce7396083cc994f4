"""The reading pane: a Line-API ``ScrollView`` that shows a ``Document``.

Position unit: character offsets into ``Document.text`` in every public method
and message; rows (wrapped lines of the virtual canvas) stay inside the pane.

How it stays fast on a 10 MB text:

* Only visible rows are drawn: ``render_line(y)`` slices one line of the text
  and builds one ``Strip`` (cached by line, width and highlight generation),
  and the page either way is drawn ahead while idle (``reading_lines``).
* ``LayoutIndex`` knows every paragraph's row count at once by *estimating* the
  paragraphs not wrapped yet. On load and after a resize only the paragraphs
  around the view are wrapped; a worker (``thread=False``, small chunks, each
  followed by ``await asyncio.sleep(0)``) wraps the rest from the top, then
  refines the height (no layout: ``_lengthen_quietly``) and re-locates the view
  at the same offset, so the reader never moves; End wraps the last paragraphs
  first. The worker is given a function: one cancelled early leaves no coroutine.

The *reading line* is the top row of the view: its offset is
``current_offset``, its paragraph the "current passage", drawn on a faint
background (``reading-pane--current``).

Where the reading line is (offset, fraction, section) is the reactive
:attr:`ReadingPane.reading_line`, set as the view scrolls: a screen's watcher (title
bar, outline) runs in the same call, so those panes change in the same frame as
the text. The messages (``SectionVisible``, ``PositionChanged``) come a frame later.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.worker import Worker

from reader.model.document import Document, Paragraph
from reader.view.goto import CountPrefix
from reader.view.layout_index import LayoutIndex
from reader.view.paragraph_table import ParagraphTable, table_of
from reader.view.reading_render import SpanSet, runs_of
from reader.view.section_nav import heading_offset
from reader.widgets.line_view import CachedLineView
from reader.widgets.reading_draw import (
    COMPONENT_CLASSES,
    DEFAULT_CSS,
    MARGIN,
    LineStyles,
    Overlays,
    lookup_styles,
)
from reader.widgets.reading_keys import ReadingKeys
from reader.widgets.reading_lines import ROWS_KEPT, ReadingLines

__all__ = ["ReadingLine", "ReadingPane"]

CHUNK_CHARS = 32_768
"""Characters wrapped per background step: a few milliseconds, so keys keep flowing."""


@dataclass(frozen=True)
class ReadingLine:
    """Where the reading line is."""

    offset: int
    """Character offset at the reading line."""
    fraction: float
    """How far through the document, 0.0 to 1.0."""
    section_id: str | None
    """Id of the section at the reading line (``None`` in a text without sections)."""


class ReadingPane(
    ReadingKeys, ReadingLines, CachedLineView[LineStyles], can_focus=True, inherit_bindings=False
):
    """Shows a document, wrapped to a readable measure, and scrolls through it."""

    CACHE_SIZE = 1024
    """Drawn lines kept: a few screens either way of the view."""

    COMPONENT_CLASSES = COMPONENT_CLASSES
    """The kinds of line, the current passage, each highlight layer, the marks."""

    DEFAULT_CSS = DEFAULT_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Down", show=False),
        Binding("k,up", "line_up", "Up", show=False),
        Binding("space,pagedown", "page_down", "Page down", key_display="space"),
        Binding("ctrl+f", "page_down", "Page down", show=False),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False),
        Binding("g,home", "go_top", "Top (Ngg: line N)", show=False),
        Binding("G,end", "go_end", "End (NG: line N)", show=False),
        Binding("percent_sign,p", "percent", "N% or Np: N percent", show=False),
        # Here ctrl+c copies (as y) instead of Textual's "press ctrl+q to quit".
        Binding("ctrl+c", "screen.copy_passage", "Copy", show=False),
        Binding("right_square_bracket", "next_section", "Next section", key_display="]"),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Previous section",
            key_display="[",
            show=False,
        ),
    ]
    """Reader keys (less/vim habits); key scrolling never animates."""

    @dataclass
    class SectionVisible(Message):
        """The section at the reading line changed."""

        section_id: str
        """Id of the section now at the reading line."""

        def can_replace(self, message: Message) -> bool:
            """A newer section change supersedes a pending one."""
            return isinstance(message, ReadingPane.SectionVisible)

    @dataclass
    class PositionChanged(Message):
        """The view scrolled."""

        offset: int
        """Character offset at the reading line."""
        fraction: float
        """How far through the document, 0.0 to 1.0."""

        def can_replace(self, message: Message) -> bool:
            """A newer position supersedes a pending one."""
            return isinstance(message, ReadingPane.PositionChanged)

    measure: reactive[int] = reactive(80)
    """Maximum width of the text column in cells; the column is centred."""

    reading_line: reactive[ReadingLine | None] = reactive(None, repaint=False)
    """Where the reading line is (``None`` until the first layout); watchers run
    synchronously as the view scrolls, before the frame is drawn."""

    def __init__(
        self,
        document: Document,
        *,
        measure: int = 80,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(ReadingPane.measure, measure)
        self.document = document
        self._index: LayoutIndex | None = None
        self._refining: LayoutIndex | None = None  # what the wrap worker refines
        self._table: ParagraphTable | None = None
        self._given: LayoutIndex | None = None  # a layout made off the UI thread
        self._anchor = 0
        self._width = 0  # content width (scrollbar excluded) at the last layout
        self._column = 1  # text column width at the last layout
        self._overlays = Overlays(runs_of(document))
        self._rows = LRUCache(ROWS_KEPT)
        self._current_paragraph: int | None = None
        self._section_id: str | None = None
        self._last_position: tuple[int, float] | None = None
        # The reading line may sit low: at the end, or pinned by a centred jump.
        self._held_low = self._pinned = False
        self.count = CountPrefix()
        """Digits typed before G, gg, % or p."""

    # -- loading and layout -------------------------------------------------

    def load_document(
        self, document: Document, offset: int = 0, table: ParagraphTable | LayoutIndex | None = None
    ) -> None:
        """Show ``document``, with ``offset`` at the reading line (highlights and marks cleared).

        Args:
            document: The document.
            offset: Where the reading line goes.
            table: Its ``table_of``, or its layout (used at its width), when made off
                the UI thread (~0.2 s at 5 MB): the comparison screen swaps two texts.
        """
        self.document = document
        self._anchor = max(0, min(offset, len(self.document.text)))
        self._overlays = Overlays(runs_of(document))
        self._section_id = None
        self._current_paragraph = None
        self._last_position = None
        # Watchers hear of the reading line again, even at the same place.
        self.set_reactive(ReadingPane.reading_line, None)
        self._pinned = self._held_low = False
        self._index = None
        self._given = table if isinstance(table, LayoutIndex) else None
        self._table = table.table if isinstance(table, LayoutIndex) else table
        self._invalidate()
        if self.is_mounted:
            self._relayout()

    @property
    def text_width(self) -> int:
        """Width of the text column in cells."""
        return max(1, min(self.measure, self._content_width - MARGIN))

    @property
    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    @property
    def _view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def on_resize(self) -> None:
        """Re-wrap at the new width, keeping the reading line's offset at the top."""
        self._relayout()

    def watch_measure(self) -> None:
        """A new measure re-wraps like a resize."""
        if self.is_mounted:
            self._relayout()

    def _relayout(self) -> None:
        """Build the index for the current width (if it changed) and re-place the view."""
        if self._content_width <= 0:
            return
        self._invalidate()
        # Kept for render_line: the region properties cost microseconds a line.
        self._width = self._content_width
        self._column = width = self.text_width
        if self._index is None or self._index.width != width:
            given, self._given = self._given, None
            if self._table is None:
                self._table = table_of(self.document)
            if given is None or given.width != width or given.text is not self.document.text:
                given = LayoutIndex(self.document.text, self._table, width)
            self._index = given
            self._refining = self._index
            _: Worker[None] = self.run_worker(self._refine, group="reading-wrap", exclusive=True)
        self._place(self._anchor)

    def _place(self, offset: int) -> None:
        """Put the line holding ``offset`` at the top of the view, without animation."""
        index = self._index
        if index is None:
            return
        row = index.row_of_offset(offset)
        index.ensure_rows(row, self._view_height * 2)
        self._sync_virtual_size()
        self._anchor = offset
        self.scroll_to(y=row, animate=False)
        self._settle()  # even when the view did not move

    def _sync_virtual_size(self) -> None:
        index = self._index
        rows = 0 if index is None else index.total_rows
        size = Size(self._content_width, rows)
        if self.virtual_size != size:
            if self.virtual_size.width != size.width or not self._lengthen_quietly(rows):
                self.virtual_size = size

    async def _refine(self) -> None:
        """Wrap the rest of the document in small chunks, keeping the reader in place."""
        index, more = self._refining, True
        while more and index is not None and index is self._index:
            more = index.wrap_next_chunk(CHUNK_CHARS)
            self._after_refine(index)
            await asyncio.sleep(0)

    def _after_refine(self, index: LayoutIndex) -> None:
        if index is not self._index:
            return
        self._sync_virtual_size()
        # A reading line held low at the end stays at the end as the rows above settle.
        row = index.row_of_offset(self._anchor)
        if self._held_low:
            row = self.max_scroll_y if self._at_end() else max(0, row - self._view_height // 2)
        if row != round(self.scroll_y):
            self.scroll_to(y=row, animate=False)

    # -- scrolling ----------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Track the reading line as the view scrolls (the bar: ``_move_scrollbar``)."""
        if self.show_vertical_scrollbar:
            self._move_scrollbar(new_value)
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)
        self._settle()

    def _settle(self) -> None:
        """Wrap what is in view, note the reading line, post what changed."""
        index = self._index
        if index is None or not index.paragraph_count:
            return
        top = round(self.scroll_y)
        if index.ensure_rows(top, self._view_height + 1):
            self._sync_virtual_size()
        row = index.row_of_offset(self._anchor)
        # At the end the view cannot scroll further, so a heading (or match)
        # gone to lower down stays the reading line while it is in view:
        # otherwise the last sections could never be current.
        visible = top <= row < top + self._view_height
        self._held_low = row != top and visible and (self._at_end() or self._pinned)
        if row != top and not self._held_low:
            self._anchor = index.offset_of_row(top)
        paragraph = index.paragraph_at_offset(self._anchor)
        if paragraph != self._current_paragraph:
            self._current_paragraph = paragraph
            self.refresh()
        section = self.document.section_at(self._anchor)
        if section is not None and section.id != self._section_id:
            self._section_id = section.id
            self.post_message(self.SectionVisible(section.id))
        fraction = self._fraction()
        if (self._anchor, fraction) != self._last_position:
            self._last_position = (self._anchor, fraction)
            self.post_message(self.PositionChanged(self._anchor, fraction))
        # Last, when the pane is consistent: the watchers may read it.
        self.reading_line = ReadingLine(self._anchor, fraction, self._section_id)
        self._ask_draw_ahead()

    def _at_end(self) -> bool:  # the view shows the last row
        return round(self.scroll_y) >= self.max_scroll_y

    def _fraction(self) -> float:
        """How far down the view is, by rows: one line moves it by one row's share."""
        return 1.0 if self._at_end() else min(1.0, round(self.scroll_y) / self.max_scroll_y)

    @property
    def current_offset(self) -> int:
        """Offset at the reading line (the first text line at the top of the view)."""
        return self._anchor

    @property
    def current_paragraph(self) -> Paragraph | None:
        """The paragraph at the reading line: the current passage."""
        if self._index is None or not self.document.paragraphs:
            return self.document.paragraph_at(self._anchor)
        return self.document.paragraphs[self._index.paragraph_at_offset(self._anchor)]

    def scroll_to_offset(self, offset: int, *, animate: bool = False, center: bool = False) -> None:
        """Bring the line holding ``offset`` (clamped to the text) to the top (or middle)."""
        offset = max(0, min(offset, len(self.document.text)))
        index = self._index
        if index is None:
            self._anchor = offset
            return
        row = index.row_of_offset(offset)
        target = max(0, row - self._view_height // 2) if center else row
        index.ensure_rows(target, self._view_height * 2)
        self._sync_virtual_size()
        # Centred, the offset stays the reading line until the reader scrolls by key.
        self._anchor = offset
        self._pinned = center
        self.scroll_to(y=target, animate=animate)
        if not animate:
            self._settle()

    def scroll_to_section(self, section_id: str) -> None:
        """Put the heading of section ``section_id`` at the top of the view."""
        section = self.document.section_by_id(section_id)
        if section is not None:
            self.scroll_to_offset(heading_offset(section))

    def _scroll_by(self, rows: int) -> None:
        """Scroll ``rows`` down (negative: up) by key: the reading line is the top row."""
        self._pinned = False
        self.scroll_to(y=round(self.scroll_y) + rows, animate=False)

    # -- highlights and marks -----------------------------------------------

    def set_highlights(
        self, layer: str, spans: Sequence[tuple[int, int]], current: int | None = None
    ) -> None:
        """Draw ``spans`` of ``layer`` (see ``LAYERS``: search, facts, selection…) over the text.

        Args:
            layer: Which layer; each has its own style.
            spans: The spans to draw; empty clears the layer.
            current: Index in ``spans`` of the one drawn as current, if any.
        """
        self._overlays.set_layer(layer, spans, current)
        self._invalidate()

    def set_marks(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark every wrapped line of each span (bookmarks) in the left margin."""
        marks = SpanSet(spans)
        if not marks.same(self._overlays.marks):  # else the lines drawn ahead stay
            self._overlays.marks = marks
            self._invalidate()

    # -- drawing ------------------------------------------------------------

    def _lookup_styles(self) -> LineStyles:
        return lookup_styles(self)
