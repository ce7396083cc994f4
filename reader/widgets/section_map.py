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
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from reader.view.section_map_rows import MapRow
from reader.widgets.row_list import RowList


class SectionMap(RowList):
    """The rows, a cursor, and Enter to go to the highlighted section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Go to", show=False),
    ]
    """Moving the cursor, and Enter to go to its section."""

    COMPONENT_CLASSES: ClassVar[set[str]] = RowList.COMPONENT_CLASSES | {
        "section-map--mark",
        "section-map--note",
    }

    DEFAULT_CSS = """
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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.rows: Sequence[MapRow] = ()

    def set_rows(self, rows: Sequence[MapRow]) -> None:
        """Show ``rows``, the cursor on the first."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = 0 if rows else None
        self.refresh()

    def action_select(self) -> None:
        """Go to the highlighted row's section (post :class:`Selected`)."""
        if self.cursor is not None:
            self.post_message(self.Selected(self.cursor))

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
            style = base + self.get_component_rich_style("row-list--cursor")
        text.stylize_before(style)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, style)

    def row_text(self, index: int) -> str:
        """What row ``index`` says, as plain text (``~ 二、生态环境保护  12%``)."""
        row = self.rows[index]
        return f"{row.mark} {row.title}" + (f"  {row.note}" if row.note else "")
