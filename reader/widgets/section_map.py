"""SectionMap: the comparison's section map, drawn line by line (Line API).

One line a row (``~ 二、生态环境保护  12%``); only the rows in view are drawn,
so a map of 26,000 sections shows as fast as one of ten. The cursor is a row;
Enter (or a click on the cursor's row) posts :class:`SectionMap.Selected`.

Titles are document text: rows are built as ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.view.section_map_rows import MapRow


class SectionMap(ScrollView, can_focus=True):
    """The rows, a cursor, and Enter to go to the highlighted section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "select", "Go to", show=False),
    ]
    """Moving the cursor, and Enter to go to its section."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "section-map--cursor",
        "section-map--mark",
        "section-map--note",
    }

    DEFAULT_CSS = """
    SectionMap {
        overflow-x: hidden;
        overflow-y: auto;
    }
    SectionMap > .section-map--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    SectionMap:blur > .section-map--cursor {
        background: $block-cursor-blurred-background;
    }
    SectionMap > .section-map--mark {
        text-style: bold;
    }
    SectionMap > .section-map--note {
        color: $text-muted;
    }
    """

    @dataclass
    class Selected(Message):
        """Enter on a row."""

        index: int
        """The row's index."""

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted row."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.rows: Sequence[MapRow] = ()

    def set_rows(self, rows: Sequence[MapRow]) -> None:
        """Show ``rows``, the cursor on the first."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = 0
        self.refresh()

    def watch_cursor(self, cursor: int) -> None:
        """Keep the highlighted row in view."""
        height = self.scrollable_content_region.height
        if cursor < self.scroll_y:
            self.scroll_to(y=cursor, animate=False, immediate=True)
        elif height and cursor >= self.scroll_y + height:
            self.scroll_to(y=cursor - height + 1, animate=False, immediate=True)
        self.refresh()

    def _move(self, rows: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + rows))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height)

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
        """The first row."""
        self._move(-len(self.rows))

    def action_last(self) -> None:
        """The last row."""
        self._move(len(self.rows))

    def action_select(self) -> None:
        """Go to the highlighted row's section (post :class:`Selected`)."""
        if self.rows:
            self.post_message(self.Selected(self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + round(self.scroll_y)
        if not 0 <= index < len(self.rows):
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index

    def render_line(self, y: int) -> Strip:
        """One row (only the rows in view are ever drawn)."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        text = Text(no_wrap=True, end="")
        text.append(f"{row.mark} ", self.get_component_rich_style("section-map--mark"))
        text.append(row.title, "strike dim" if row.dropped else "")
        if row.note:
            text.append(f"  {row.note}", self.get_component_rich_style("section-map--note"))
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("section-map--cursor")
        text.stylize_before(style)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, style)

    def row_text(self, index: int) -> str:
        """What row ``index`` says, as plain text (``~ 二、生态环境保护  12%``)."""
        row = self.rows[index]
        return f"{row.mark} {row.title}" + (f"  {row.note}" if row.note else "")
