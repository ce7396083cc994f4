"""RowList: a virtual list of rows (Line API) with a cursor, for the lists beside the text.

Rows of ``ROW_LINES`` lines each; only the rows in view are drawn, so a list of
50,000 rows moves as fast as one of ten. The cursor sits on the rows that take
it (``_takes_cursor``: a bookmark, not a document's heading), moves with the
arrows, j/k, pages, g/G, Home/End, and a click; a second click on the cursor's
row is ``action_select``. Subclasses hold ``rows``, draw them (``render_line``)
and say what selecting does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.scroll_view import ScrollView


class RowList(ScrollView, can_focus=True):
    """Rows, a cursor on the rows that take it, and the keys that move it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]
    """Moving the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor"}
    """The highlighted row (the rows' own styles are the subclass's)."""

    DEFAULT_CSS = """
    RowList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    RowList > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    RowList:blur > .row-list--cursor {
        background: $block-cursor-blurred-background;
    }
    """

    ROW_LINES: ClassVar[int] = 1
    """Lines a row takes on screen."""

    cursor: reactive[int | None] = reactive[int | None](None, always_update=True)
    """Index of the highlighted row, or ``None`` when no row takes the cursor."""

    rows: Sequence[object]
    """The rows, in order (set by the subclass)."""

    def _takes_cursor(self, index: int) -> bool:
        """Whether row ``index`` can be highlighted (every row, unless a subclass says)."""
        return True

    def _landing(self, index: int, step: int) -> int | None:
        """The row nearest ``index`` that takes the cursor, going ``step`` first, then back."""
        count = len(self.rows)
        if not count:
            return None
        index = max(0, min(index, count - 1))
        for direction in (step, -step):
            probe = index
            while 0 <= probe < count:
                if self._takes_cursor(probe):
                    return probe
                probe += direction
        return None

    def watch_cursor(self, cursor: int | None) -> None:
        """Keep the highlighted row in view."""
        if cursor is not None:
            lines = self.ROW_LINES
            top = cursor * lines
            height = self.scrollable_content_region.height
            if top < self.scroll_y:
                self.scroll_to(y=top, animate=False, immediate=True)
            elif top + lines > self.scroll_y + height:
                self.scroll_to(y=max(0, top + lines - height), animate=False, immediate=True)
        self.refresh()

    def _move(self, rows: int) -> None:
        if self.cursor is None:
            return
        landing = self._landing(self.cursor + rows, 1 if rows > 0 else -1)
        if landing is not None:
            self.cursor = landing

    def _page(self) -> int:
        """Rows in a page: at least one, however small the view."""
        return max(1, self.scrollable_content_region.height // self.ROW_LINES)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self._move(-1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self._move(1)

    def action_page_up(self) -> None:
        """A page of rows back."""
        self._move(-self._page())

    def action_page_down(self) -> None:
        """A page of rows on."""
        self._move(self._page())

    def action_first(self) -> None:
        """The first row that takes the cursor."""
        self.cursor = self._landing(0, 1)

    def action_last(self) -> None:
        """The last row that takes the cursor."""
        self.cursor = self._landing(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        """What Enter or a second click on the cursor's row does (the subclass's)."""

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // self.ROW_LINES
        if not 0 <= index < len(self.rows) or not self._takes_cursor(index):
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index
