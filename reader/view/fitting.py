"""Text cut or wrapped to a width in cells, for titles, labels and list rows.

Pure (no Textual). Widths come from ``model.layout.cells``; line breaks follow
the reading pane's kinsoku rules (``model.layout.wrap``), so no list row starts
with a closing mark such as ``”`` and none ends with an opening one.
"""

from __future__ import annotations

import re

from rich.text import Text

from reader.model.layout.cells import cell_len, cut_at_cells
from reader.model.layout.wrap import OPENING, wrap_paragraph

__all__ = ["ELLIPSIS", "fit", "fit_counted", "fit_middle", "fit_text", "wrap_lines"]

ELLIPSIS = "…"
"""Ends a cut text (one cell)."""

_NO_TAIL = "".join(sorted(OPENING)) + " \t\u3000\u00a0"
"""What a cut never leaves before the ellipsis: an opening bracket or quote, a space."""


def fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells, ending in ``…`` when cut.

    The ellipsis never follows a space or an opening bracket (``“…`` says
    nothing): those are dropped from the cut end first.

    Args:
        text: Any string.
        cells: Width available (at least 1 for anything to show).
    """
    if cell_len(text) <= cells:
        return text
    if cells <= 0:
        return ""
    head = text[: cut_at_cells(text, cells - 1)].rstrip(_NO_TAIL)
    return head + ELLIPSIS


def fit_middle(text: str, cells: int) -> str:
    """``text`` cut in the middle to ``cells`` cells: its start, ``…``, its end.

    For file names, whose end (a year, a part, the extension) tells similar
    names apart: ``report_2018_part1.txt`` at 14 cells is ``report…t1.txt``.
    As with :func:`fit`, the ellipsis never follows a space or an opening mark.

    Args:
        text: Any string.
        cells: Width available.
    """
    if cell_len(text) <= cells:
        return text
    if cells <= 2:
        return fit(text, cells)
    tail_cells = (cells - 1) // 2
    tail = text[::-1][: cut_at_cells(text[::-1], tail_cells)][::-1]
    head = text[: cut_at_cells(text, cells - 1 - cell_len(tail))].rstrip(_NO_TAIL)
    return head + ELLIPSIS + tail


def fit_text(text: Text, cells: int) -> Text:
    """Each line of a styled ``text`` cut as :func:`fit` cuts (styles kept)."""
    lines = text.split("\n", allow_blank=True)
    out: list[Text] = []
    for line in lines:
        if cell_len(line.plain) > cells > 0:
            kept = len(fit(line.plain, cells)) - len(ELLIPSIS)
            cut = line[:kept]
            cut.append(ELLIPSIS)
            line = cut
        out.append(line)
    return Text("\n").join(out)


_COUNT = re.compile(r" \([\d,]+\)$")
"""A count in brackets ending a label: ``Figures (2,418)``."""


def fit_counted(text: Text, cells: int) -> Text:
    """A one-line ``text`` cut as :func:`fit_text` cuts it, but a count in brackets at
    its end is kept whole: ``Figures (2,418)`` at 12 cells is ``Fig… (2,418)``.

    Args:
        text: One line, perhaps styled.
        cells: Width available.
    """
    plain = text.plain
    count = _COUNT.search(plain)
    if cell_len(plain) <= cells or count is None:
        return fit_text(text, cells)
    room = cells - cell_len(plain[count.start() :])
    if room < 2:  # not even "F…": the count alone says less than the label
        return fit_text(text, cells)
    return fit_text(text[: count.start()], room) + text[count.start() :]


def wrap_lines(text: str, cells: int, rows: int | None = None) -> list[str]:
    """``text`` broken into lines of at most ``cells`` cells, by the kinsoku rules.

    Args:
        text: One paragraph (newlines are treated as spaces).
        cells: Width of a line.
        rows: At most this many lines; the last one ends in ``…`` when cut.

    Returns:
        At least one line; trailing spaces removed.
    """
    flat = text.replace("\n", " ")
    cells = max(1, cells)
    if cell_len(flat) <= cells:
        return [flat]
    starts = wrap_paragraph(flat, 0, len(flat), cells)
    ends = [*starts[1:], len(flat)]
    lines = [flat[a:b].rstrip() for a, b in zip(starts, ends, strict=True)]
    if rows is None or len(lines) <= rows:
        return lines
    if rows <= 1:
        return [fit(flat, cells)]
    # The rest runs over more than one line, so it is wider than ``cells``: fit cuts it.
    return [*lines[: rows - 1], fit(flat[starts[rows - 1] :].rstrip(), cells)]
