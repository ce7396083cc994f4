"""Drawing a row of the outline: styles looked up once, one Strip a row.

Position unit: rows of the outline's virtual canvas (see
:mod:`reader.view.outline_rows`). Titles are document text: they go into
``Segment`` objects, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.model.document import Section
from reader.model.layout.cells import cell_len
from reader.view.outline_rows import (
    INDENT,
    SUBTITLE,
    SUBTITLE_PREFIX,
    TITLE,
    OutlineRows,
    Row,
    fit,
    title_lines,
)
from reader.widgets.theme_styles import component_style

__all__ = [
    "COLLAPSED",
    "CURRENT",
    "CURSOR",
    "EXPANDED",
    "OutlineStyles",
    "draw_row",
    "lookup_styles",
]

EXPANDED, COLLAPSED = "▾", "▸"
"""Markers before the title of a section with children."""

CURRENT, CURSOR = 1, 2
"""Flags of a row: its section is being read; the cursor is on it (pane focused)."""


class OutlineStyles(NamedTuple):
    """The pane's styles, looked up once per style update."""

    base: Style
    title: Style
    subtitle: Style
    number: Style
    current: Style
    cursor: Style


def lookup_styles(widget: Widget) -> OutlineStyles:
    """Look up the outline's component styles (an expensive call: keep the result).

    Args:
        widget: The outline pane.
    """

    def part(name: str) -> Style:
        return component_style(widget, f"outline-pane--{name}")

    return OutlineStyles(
        base=widget.rich_style,
        title=part("title"),
        subtitle=part("subtitle"),
        number=part("count"),
        current=part("current"),
        cursor=part("cursor"),
    )


def draw_row(
    rows: OutlineRows,
    sections: Sequence[Section],
    row: Row,
    flags: int,
    styles: OutlineStyles,
    width: int,
    count: int,
) -> Strip:
    """One row: indentation, marker, title (or subtitle) and count, padded to ``width``.

    Args:
        rows: The row index, laid out for ``width``.
        sections: The sections it indexes.
        row: The row to draw.
        flags: :data:`CURRENT` and :data:`CURSOR`, or-ed.
        styles: The pane's styles.
        width: Cells of the row.
        count: Search matches in the row's section (shown on its title row when > 0).
    """
    section = sections[row.section]
    line = styles.base
    if flags & CURRENT:
        line += styles.current
    if flags & CURSOR:
        line += styles.cursor
    title, subtitle, number = line + styles.title, line + styles.subtitle, line + styles.number
    if flags & CURRENT:  # muted text is unreadable on the highlight in light themes
        subtitle = number = title
    if flags & CURSOR:  # the cursor's own colours win
        title = subtitle = number = line
    x = rows.text_x(row.section)
    segments: list[Segment] = []
    if x:
        lead = " " * x
        if row.part == TITLE and rows.has_children(row.section) and x >= INDENT:
            marker = COLLAPSED if row.section in rows.collapsed else EXPANDED
            lead = " " * (x - INDENT) + marker + " " * (INDENT - 1)
        segments.append(Segment(lead, line))
    room = max(0, width - x)
    if row.part == SUBTITLE:
        text = fit(SUBTITLE_PREFIX + (section.subtitle or ""), room)
        segments.append(Segment(text, subtitle))
        return Strip(segments).adjust_cell_length(width, line)
    count_text = f" {count}" if count else ""
    # The count is kept clear of the title on both rows, so they line up.
    title_room = max(1, room - len(count_text))
    lines = title_lines(rows.titles[row.section], title_room, rows.title_rows(row.section))
    text = lines[row.part] if row.part < len(lines) else ""
    segments.append(Segment(text, title))
    if row.part == TITLE and count_text:
        pad = room - cell_len(text) - len(count_text)
        if pad > 0:
            segments.append(Segment(" " * pad, line))
        segments.append(Segment(count_text, number))
    return Strip(segments).adjust_cell_length(width, line)
