"""How wide the side panes are at a terminal width, and which of them fit.

Pure (no Textual). Widths are terminal cells. The side panes shrink with the
terminal (a fifth for the outline, a quarter for the facts, within bounds);
the reading pane keeps at least ``READING_MIN`` cells, which leaves a text
column of at least 24 cells; a side pane that cannot fit hides instead.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["READING_MIN", "PaneWidths", "pane_widths"]

READING_MIN = 28
"""The reading pane's least width: a 24-cell column, the 2-cell mark margin, the scrollbar."""

OUTLINE = (12, 28)
"""Least and greatest outline width."""
FACTS = (12, 32)
"""Least and greatest facts sidebar width."""


class PaneWidths(NamedTuple):
    """Width of each side pane; 0 when it is hidden."""

    outline: int
    facts: int


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))


def pane_widths(
    total: int,
    outline: bool,
    facts: bool,
    keep: Literal["outline", "facts"] = "facts",
) -> PaneWidths:
    """The side panes' widths in a terminal ``total`` cells wide.

    Args:
        total: Width of the screen.
        outline: The outline is wanted.
        facts: The facts sidebar is wanted.
        keep: Which pane stays when only one fits (the one opened last).

    Returns:
        Widths that leave the reading pane at least ``READING_MIN`` cells; a
        wanted pane that cannot have its least width is 0 (hidden).
    """
    room = total - READING_MIN
    o = _clamp(total // 5, OUTLINE) if outline else 0
    f = _clamp(total // 4, FACTS) if facts else 0
    if outline and facts and OUTLINE[0] + FACTS[0] > room:
        if keep == "outline":
            f = 0
        else:
            o = 0
    excess = o + f - room
    if excess > 0 and f:  # the sidebar gives way first, then the outline
        cut = min(excess, f - FACTS[0])
        f -= cut
        excess -= cut
    if excess > 0 and o:
        cut = min(excess, o - OUTLINE[0])
        o -= cut
        excess -= cut
    if excess > 0:  # one pane left and even its least width does not fit
        o = f = 0
    return PaneWidths(o, f)
