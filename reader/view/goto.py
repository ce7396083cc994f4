"""less/vim targets: a count typed before a key, line N, N percent.

Pure (no Textual). Offsets are character offsets into ``Document.text``; a
*line* is a run of text between newlines, numbered from 1, as ``less`` and
the ``ctrl+g`` status count them.
"""

from __future__ import annotations

__all__ = ["CountPrefix", "line_start", "percent_row"]


def line_start(text: str, number: int) -> int:
    """Offset where line ``number`` (1-based) starts; past the last line, the last line.

    Args:
        text: The document text.
        number: 1 for the first line.
    """
    offset = 0
    for _ in range(max(0, number - 1)):
        found = text.find("\n", offset)
        if found < 0:
            break
        offset = found + 1
    return offset


def percent_row(percent: int, max_row: int) -> int:
    """The top row that puts the view ``percent`` of the way down (0 to ``max_row``)."""
    return round(max(0, min(100, percent)) * max_row / 100)


class CountPrefix:
    """Digits typed before a key (``42G``): they count for the next key only."""

    LIMIT = 12
    """Digits kept at most (a count past any document's length is clamped later)."""

    def __init__(self) -> None:
        self.digits = ""

    def push(self, digit: str) -> bool:
        """Take a typed digit; a leading 0 is not a count (returns False for it)."""
        if not digit.isdigit() or len(digit) != 1 or (digit == "0" and not self.digits):
            return False
        if len(self.digits) < self.LIMIT:
            self.digits += digit
        return True

    def take(self) -> int | None:
        """The count typed, if any; it is used up."""
        digits, self.digits = self.digits, ""
        return int(digits) if digits else None
