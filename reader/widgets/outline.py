"""OutlinePane: the document's sections, one title a row, as a Line-API ``ScrollView``.

Sections indent by nesting (``Section.parent``), two cells a level. A title wider
than the pane wraps over two rows (CJK-aware, then cut with "…"); a subtitle is a
dim row below its title; a section with search matches shows their count, dim,
at the right of its title row. A section with children can be collapsed.

The screen sets :attr:`OutlinePane.current` as the reading pane scrolls: the row
of the section being read is highlighted and the cursor follows it without
taking focus. Enter or a click posts :class:`OutlinePane.SectionSelected`.

Only the rows in view are drawn (``render_line``, strips cached by row, width,
generation and highlight); the row index lives in
:class:`reader.view.outline_rows.OutlineRows`, built once per document, so
100,000 sections open in a fraction of a second and a key press does no work per
section. Titles are data: they go into ``Segment`` objects, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.model.document import Section
from reader.view.outline_rows import INDENT, TITLE, OutlineRows
from reader.widgets.line_view import CachedLineView
from reader.widgets.outline_draw import CURRENT, CURSOR, OutlineStyles, draw_row, lookup_styles

__all__ = ["OutlinePane"]


class OutlinePane(CachedLineView[OutlineStyles], can_focus=True, inherit_bindings=False):
    """The sections of a document, one row (or two) a title, collapsible."""

    DEFAULT_CSS = """
    OutlinePane {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        /* A cell between the match counts and the pane's edge. */
        padding-right: 1;
    }
    OutlinePane:focus { background-tint: $foreground 3%; }
    OutlinePane > .outline-pane--title { color: $foreground; }
    OutlinePane > .outline-pane--subtitle { color: $foreground-muted; }
    OutlinePane > .outline-pane--count { color: $foreground-muted; }
    OutlinePane > .outline-pane--current {
        background: $block-cursor-blurred-background;
        text-style: bold;
    }
    OutlinePane > .outline-pane--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "outline-pane--title",
        "outline-pane--subtitle",
        "outline-pane--count",
        "outline-pane--current",
        "outline-pane--cursor",
    }
    """Title and subtitle rows, the match count, the section being read, the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Select", tooltip="Go to the section under the cursor"),
        Binding("down,j", "cursor_down", "Next section", show=False),
        Binding("up,k", "cursor_up", "Previous section", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First section", show=False),
        Binding("end", "last", "Last section", show=False),
        Binding("left", "collapse", "Collapse", show=False, tooltip="Fold, or go to the parent"),
        Binding("right", "expand", "Expand", show=False),
        Binding("space", "toggle_fold", "Fold/unfold", show=False),
    ]
    """Outline keys; the cursor moves by section, Enter jumps."""

    @dataclass
    class SectionSelected(Message):
        """The user chose a section (Enter or click)."""

        section_id: str
        """Id of the chosen section."""

    sections: reactive[tuple[Section, ...]] = reactive((), always_update=True)
    """The sections to show, in text order."""

    current: reactive[str | None] = reactive(None, repaint=False)
    """Id of the section being read: highlighted, and the cursor follows it.

    Not a repainting reactive: it changes on every page turn of the reading
    pane, and :meth:`watch_current` repaints only the rows whose highlight
    changed (a tall outline has 40-odd rows)."""

    match_counts: reactive[dict[str, int]] = reactive(dict, always_update=True)
    """Search matches per section id; the screen sets it (empty: no search)."""

    def __init__(
        self,
        sections: tuple[Section, ...] = (),
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
        classes: str | None = None,
    ) -> None:
        """Create the pane.

        Args:
            sections: The document's sections.
            name: Widget name.
            id: Widget id.
            classes: CSS classes.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(OutlinePane.sections, sections)
        self._rows = OutlineRows(sections)
        self._cursor = 0
        self._current_index: int | None = None
        self._width = 0

    # -- the public surface -------------------------------------------------

    @property
    def rows(self) -> OutlineRows:
        """The row index as laid out now."""
        return self._rows

    @property
    def cursor_section(self) -> Section | None:
        """The section under the cursor."""
        return self.sections[self._cursor] if self.sections else None

    def is_collapsed(self, section_id: str) -> bool:
        """Whether the section ``section_id`` is folded (its subtree hidden)."""
        index = self._rows.index_of(section_id)
        return index is not None and index in self._rows.collapsed

    def set_collapsed(self, section_id: str, collapsed: bool) -> None:
        """Fold or unfold the section ``section_id`` (no-op without children)."""
        index = self._rows.index_of(section_id)
        if index is not None and self._rows.set_collapsed(index, collapsed):
            self._after_collapse()

    # -- data in ------------------------------------------------------------

    def watch_sections(self) -> None:
        """New sections: a new row index, the cursor back at the top."""
        self._rows = OutlineRows(self.sections)
        self._cursor = 0
        self._current_index = None
        if self.current is not None:
            self._current_index = self._rows.index_of(self.current)
        if self.is_mounted:
            self._relayout()
            self.scroll_to(y=0, animate=False, force=True)
            self._follow_current()

    def watch_current(self) -> None:
        """Highlight the current section; move the cursor to it (focus stays where it is)."""
        before = (self._current_index, self._cursor)
        self._current_index = (
            None if self.current is None else self._rows.index_of(self.current, self._cursor)
        )
        self._follow_current(before)

    def watch_match_counts(self) -> None:
        """Redraw the rows in view: counts are looked up as rows are drawn."""
        self._invalidate()

    def _follow_current(self, before: tuple[int | None, int] | None = None) -> None:
        """Move the highlight and the cursor to the current section.

        Args:
            before: The current section and cursor before the move: when the
                view does not scroll, only their rows and the new ones are
                repainted (this runs on every page turn of the reading pane).
        """
        index = self._current_index
        if index is None:
            self.refresh()
            return
        revealed = self._rows.reveal(index)
        if revealed:
            self._after_layout_change()
        self._cursor = index
        top = self.scroll_offset.y
        self._scroll_to_cursor()
        if revealed or before is None or self.scroll_offset.y != top:
            self.refresh()
            return
        for section in {*before, index}:
            if section is not None:
                self._refresh_section(section)

    def _refresh_section(self, section: int) -> None:
        """Repaint the rows of one section."""
        first = self._rows.first_row(section)
        if first is not None:
            self.refresh_lines(first, self._rows.rows_of(section))

    # -- layout -------------------------------------------------------------

    def on_resize(self) -> None:
        """Lay the rows out for the new width."""
        self._relayout()

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went (no resize event): lay the rows out for the width
        beside it, or their ends, "…" included, are cropped."""
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._width = width
        self._rows.layout(width)
        self._after_layout_change()
        self._scroll_to_cursor()

    def _after_layout_change(self) -> None:
        if self._rows.width:
            size = Size(self._width, self._rows.total_rows)
            if self.virtual_size != size:
                self.virtual_size = size
        self._invalidate()

    def _after_collapse(self) -> None:
        if self._rows.position(self._cursor) is None:
            # The cursor's section went into a folded subtree: stay on the folded title.
            self._cursor = self._rows.shown_at_or_before(self._cursor)
        self._after_layout_change()
        self._scroll_to_cursor()

    @property
    def _view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _scroll_to_cursor(self) -> None:
        """Scroll the least that shows every row of the cursor's section."""
        first = self._rows.first_row(self._cursor)
        if first is None or not self._rows.width:
            return
        last = first + self._rows.rows_of(self._cursor)
        top = round(self.scroll_y)
        height = self._view_height
        if first < top:
            self.scroll_to(y=first, animate=False, force=True)
        elif last > top + height:
            self.scroll_to(y=max(first, last - height), animate=False, force=True)

    # -- keys and mouse -----------------------------------------------------

    def _move_to(self, section: int) -> None:
        if section != self._cursor:
            self._cursor = section
            self.refresh()
        self._scroll_to_cursor()

    def _step(self, delta: int) -> None:
        place = self._rows.position(self._cursor)
        if place is not None:
            self._move_to(self._rows.at_position(place + delta))

    def action_cursor_down(self) -> None:
        """Move the cursor to the next section shown."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Move the cursor to the previous section shown."""
        self._step(-1)

    def _page(self, direction: int) -> None:
        first = self._rows.first_row(self._cursor)
        if first is None:
            return
        self._move_to(self._rows.section_at_row(first + direction * self._view_height))

    def action_page_down(self) -> None:
        """Move the cursor a page down."""
        self._page(1)

    def action_page_up(self) -> None:
        """Move the cursor a page up."""
        self._page(-1)

    def action_first(self) -> None:
        """Move the cursor to the first section."""
        self._move_to(self._rows.at_position(0))

    def action_last(self) -> None:
        """Move the cursor to the last section shown."""
        self._move_to(self._rows.at_position(self._rows.visible_count - 1))

    def action_select(self) -> None:
        """Jump to the section under the cursor."""
        if self.sections:
            self.post_message(self.SectionSelected(self.sections[self._cursor].id))

    def action_collapse(self) -> None:
        """Fold the cursor's section; on a folded or childless one, go to its parent."""
        rows = self._rows
        if rows.has_children(self._cursor) and self._cursor not in rows.collapsed:
            rows.set_collapsed(self._cursor, True)
            self._after_collapse()
            return
        parent = rows.parent_row_section(self._cursor)
        if parent is not None:
            self._move_to(parent)

    def action_expand(self) -> None:
        """Unfold the cursor's section."""
        if self._rows.set_collapsed(self._cursor, False):
            self._after_collapse()

    def action_toggle_fold(self) -> None:
        """Fold or unfold the cursor's section."""
        folded = self._cursor in self._rows.collapsed
        if self._rows.set_collapsed(self._cursor, not folded):
            self._after_collapse()

    def on_click(self, event: events.Click) -> None:
        """A click on a row jumps to its section; on the ▾/▸ marker, folds it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self._rows.row(round(self.scroll_y) + offset.y)
        if row is None:
            return
        event.stop()
        section = row.section
        marker_x = self._rows.text_x(section) - INDENT
        if row.part == TITLE and self._rows.has_children(section) and 0 <= marker_x <= offset.x:
            if offset.x < marker_x + INDENT:
                self._move_to(section)
                self.action_toggle_fold()
                return
        self._move_to(section)
        self.post_message(self.SectionSelected(self.sections[section].id))

    def on_focus(self) -> None:
        """The cursor shows while the pane has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor (the current section stays highlighted)."""
        self.refresh()

    # -- drawing ------------------------------------------------------------

    def _lookup_styles(self) -> OutlineStyles:
        """The outline's styles (kept until the next style update)."""
        return lookup_styles(self)

    def render_line(self, y: int) -> Strip:
        """Draw row ``y`` of the view (row ``scroll_offset.y + y`` of the outline)."""
        styles = self._line_styles
        width = self._width
        index = self.scroll_offset.y + y
        row = self._rows.row(index) if self._rows.width else None
        if row is None:
            return Strip.blank(width, styles.base)
        cursor = row.section == self._cursor and self.has_focus
        flags = (CURSOR if cursor else 0) | (CURRENT if row.section == self._current_index else 0)
        key = (index, width, self._generation, flags)
        strip = self._cache.get(key)
        if strip is None:
            count = self.match_counts.get(self.sections[row.section].id, 0)
            strip = draw_row(self._rows, self.sections, row, flags, styles, width, count)
            self._cache[key] = strip
        return strip
