"""BookmarkList: every bookmark, drawn line by line (Line API), however many there are.

A row is two lines: a document's heading (a blank line, then its title and
count), or a bookmark (its quote, then note · section · date). Only the rows in
view are drawn, so 50,000 bookmarks open as fast as five; deleting or restoring
one changes one item of a list (:meth:`remove_row`, :meth:`insert_row`), nothing is
rebuilt. The cursor moves over bookmarks only (headings are skipped) and never
needs a visible line: at zero height ``PageDown`` still moves it by one.

Quotes, notes and titles come from the (cleaned) store: rows are built as
``rich.text.Text``, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from reader.model.layout.cells import cell_len
from reader.model.text.oneline import shorten as one_line
from reader.store.records import Bookmark, DocumentRecord
from reader.view.fitting import fit, fit_text
from reader.widgets.row_list import RowList
from reader.widgets.theme_styles import component_style

__all__ = ["BookmarkList", "Row", "shorten"]

ROW_LINES = 2
"""Lines per row (heading or bookmark)."""

QUOTE_CHARS = 70
"""How much of a note or a section name a row shows (the quote fills the width)."""


def shorten(text: str, limit: int) -> str:
    """``oneline.shorten`` of the start of ``text`` (a long quote is not split whole)."""
    return one_line(text[: limit * 4], limit)


class Row(NamedTuple):
    """One row: a document's heading (``bookmark`` is ``None``) or one of its bookmarks.

    A named tuple, not a dataclass: 50,000 of them are made in ~10 ms, not ~250.
    """

    record: DocumentRecord
    bookmark: Bookmark | None = None


class BookmarkList(RowList):
    """The rows, a cursor on a bookmark, and Enter to pick it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = RowList.COMPONENT_CLASSES | {
        "bookmark-list--heading",
        "bookmark-list--details",
        "bookmark-list--detached",
    }

    DEFAULT_CSS = """
    BookmarkList > .bookmark-list--heading {
        text-style: bold;
    }
    BookmarkList > .bookmark-list--details {
        color: $foreground-muted;
    }
    BookmarkList > .bookmark-list--detached {
        color: $text-error;
        text-style: bold;
    }
    """

    @dataclass
    class Selected(Message):
        """A second click on a bookmark row (Enter is the screen's key)."""

        row: Row

    ROW_LINES = ROW_LINES

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._counts: dict[str, int] = {}

    # -- contents ---------------------------------------------------------------

    def set_rows(self, rows: list[Row], cursor: int | None = None) -> None:
        """Show ``rows`` with the cursor on row ``cursor`` (else the first bookmark).

        Args:
            rows: Per document, its heading row, then a row for each of its
                record's bookmarks (see ``rows_of``).
            cursor: The row to highlight.
        """
        self.rows = rows
        # A heading, then all of its record's bookmarks: one step per document.
        self._counts = {}
        index = 0
        while index < len(rows):
            record = rows[index].record
            self._counts[record.fingerprint] = len(record.bookmarks)
            index += len(record.bookmarks) + 1
        self._resize()
        self.cursor = self._landing(cursor if cursor is not None else 0, 1)

    @property
    def count(self) -> int:
        """How many bookmarks are listed."""
        return sum(self._counts.values())

    @property
    def current(self) -> Row | None:
        """The highlighted bookmark row."""
        index = self.cursor
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def remove_row(self, index: int) -> int:
        """Take the bookmark row ``index`` out (its heading too when it was the last one).

        Returns:
            Where :meth:`insert_row` puts it back.
        """
        row = self.rows.pop(index)
        fingerprint = row.record.fingerprint
        self._counts[fingerprint] -= 1
        if not self._counts[fingerprint]:
            del self._counts[fingerprint]
            if index > 0 and self.rows[index - 1].bookmark is None:
                index -= 1
                del self.rows[index]
        self._resize()
        self.cursor = self._landing(min(index, len(self.rows) - 1), 1)
        return index

    def insert_row(self, index: int, row: Row) -> None:
        """Put a bookmark row back at ``index`` (after a new heading if its document has none)."""
        assert row.bookmark is not None
        fingerprint = row.record.fingerprint
        index = max(0, min(index, len(self.rows)))
        if fingerprint not in self._counts:
            self.rows.insert(index, Row(row.record))
            index += 1
        self.rows.insert(index, row)
        self._counts[fingerprint] = self._counts.get(fingerprint, 0) + 1
        self._resize()
        self.cursor = index

    def replace_row(self, index: int, row: Row) -> None:
        """Show ``row`` instead of row ``index`` (an edited note)."""
        self.rows[index] = row
        self.refresh()

    def find(self, fingerprint: str, bookmark_id: str) -> int | None:
        """Index of the row of a bookmark (a linear scan: for after an edit only)."""
        for index, row in enumerate(self.rows):
            if (
                row.bookmark is not None
                and row.bookmark.id == bookmark_id
                and row.record.fingerprint == fingerprint
            ):
                return index
        return None

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_LINES)
        self.refresh()

    # -- the cursor -------------------------------------------------------------

    def _takes_cursor(self, index: int) -> bool:
        """Only bookmark rows take the cursor (a document's heading row does not)."""
        return self.rows[index].bookmark is not None

    def action_select(self) -> None:
        """Pick the highlighted bookmark (post :class:`Selected`)."""
        row = self.current
        if row is not None:
            self.post_message(self.Selected(row))

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One line of one row (only the rows in view are ever drawn)."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(round(self.scroll_y) + y, ROW_LINES)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        cursor = index == self.cursor
        text = self._line(self.rows[index], part, width, cursor)
        style = base
        if cursor:
            style = base + self.get_component_rich_style("row-list--cursor")
        text.stylize_before(style)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, style)

    def _style(self, name: str, cursor: bool) -> Style:
        """Component ``name``'s partial style; on the cursor row, its colour gives way
        to the cursor's (a muted grey or the error colour is unreadable on it)."""
        style = component_style(self, name)
        return style.without_color if cursor else style

    def _line(self, row: Row, part: int, width: int, cursor: bool) -> Text:
        """Line ``part`` of ``row``, fitted to ``width`` cells (never ``“…``)."""
        bookmark = row.bookmark
        if bookmark is None:
            if part == 0:
                return Text()
            record = row.record
            count = f" ({self._counts.get(record.fingerprint, 0)})"
            title = shorten(record.title or record.fingerprint[:12], 200)
            line = Text(fit(title, width - cell_len(count)) + count, no_wrap=True)
            line.stylize(self._style("bookmark-list--heading", cursor))
            return line
        if part == 0:
            label = "  detached" if bookmark.detached else ""
            room = width - cell_len(label) - 2
            line = Text(f"“{fit(shorten(bookmark.quote.exact, 400), room)}”", no_wrap=True)
            if label:
                line.append(label, self._style("bookmark-list--detached", cursor))
            return line
        # note · section · date: the date is kept whole; the note and section give way.
        dim = self._style("bookmark-list--details", cursor)
        line = Text(no_wrap=True)
        if bookmark.note:
            line.append(shorten(bookmark.note, QUOTE_CHARS), Style(italic=True))
        if bookmark.section:
            line.append(" · " if bookmark.note else "", dim)
            line.append(shorten(bookmark.section, QUOTE_CHARS), dim)
        date = Text(bookmark.created[:10], dim)
        if line and date:
            date = Text(" · ", dim) + date
        line = fit_text(line, max(1, width - 2 - date.cell_len)) if line else line
        return Text("  ", no_wrap=True) + line + date
