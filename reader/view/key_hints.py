"""Which key hints the footer shows: whole hints only, most important first.

Pure (no Textual). A hint is ``(key, description)``; the footer has one row.
Hints that do not fit whole are left out (never cut mid-word), lower-ranked
ones first, and the help hint is always kept, at the right end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reader.model.layout.cells import cell_len

__all__ = ["RANK", "Hint", "choose_hints", "hint_cells"]

RANK: tuple[str, ...] = (
    "page_down",
    "next_section",
    "open_search",
    "focus_outline",
    "focus_facts",
    "add_bookmark",
    "show_bookmarks",
    "next_highlight",
    "toggle_facts_scope",
    "select_cursor",
    # The other screens' own keys (one table: a screen shows only its own actions).
    "open_selected",
    "pick",
    "next_change",
    "previous_change",
    "toggle_deleted",
    "toggle_side_by_side",
    "edit_note",
    "delete_bookmark",
    "undo_delete",
    "bookmark",
    "up_folder",
    "close",
    "quit",
)
"""Actions by importance; actions not listed come after, in binding order. ``quit``
is last among them: ``q`` is known, and it shows on every screen."""

GAP = 1
"""Cells between two hints (each hint also has a cell of padding either side)."""


class Hint(NamedTuple):
    """One key hint."""

    key: str
    """The key as shown, e.g. ``"space"`` or ``"/"``."""
    description: str
    """What it does, e.g. ``"Search"``."""
    action: str
    """The binding's action (for ranking and for a click)."""


def hint_cells(hint: Hint) -> int:
    """Cells ``hint`` takes: `` key description `` plus the gap after it."""
    return cell_len(hint.key) + cell_len(hint.description) + 3 + GAP


def choose_hints(hints: Sequence[Hint], width: int, pinned: str = "show_help") -> list[Hint]:
    """The hints that fit in ``width`` cells, most important first, the pinned one last.

    Args:
        hints: Every hint the screen shows, in binding order.
        width: Cells available.
        pinned: The action that is always shown (help), if present.

    Returns:
        A subset of ``hints``: every kept hint whole, their widths within ``width``
        (the pinned hint kept even when nothing else fits).
    """
    pin = [hint for hint in hints if hint.action == pinned][:1]
    rest = [hint for hint in hints if hint.action != pinned]
    room = width - sum(hint_cells(hint) for hint in pin)
    order = sorted(
        range(len(rest)),
        key=lambda i: (RANK.index(rest[i].action) if rest[i].action in RANK else len(RANK), i),
    )
    kept: set[int] = set()
    for i in order:
        cells = hint_cells(rest[i])
        if cells <= room:
            kept.add(i)
            room -= cells
    ranked = sorted(kept, key=lambda i: order.index(i))
    return [rest[i] for i in ranked] + pin
