"""Text on one line, cut to a length: quotes and notes in lists, prompts and exports."""

from __future__ import annotations

ELLIPSIS = "…"
"""Ends a cut text (one character, one cell)."""


def shorten(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace, newlines too, become one space),
    cut to ``limit`` characters with an ellipsis.

    Args:
        text: Any text (a quote, a note).
        limit: Most characters returned (at least 1).
    """
    flat = " ".join(text.split())
    limit = max(1, limit)
    return flat if len(flat) <= limit else flat[: limit - 1] + ELLIPSIS
