"""Matching palette commands against what the user typed, in time linear in the text.

Textual's fuzzy matcher enumerates every way the query's letters can be found
in a candidate: ``neg`` against a 15,000-character heading grew memory by
gigabytes a second (issue 11, item 4), and even 200 characters of repeated
letters are too many for it. Here a candidate is cut to :data:`MATCH_CHARS`
and matched in one pass: the query as a substring if it is one, else its
letters in order, each at its first place after the last (case-insensitive).
The score follows Textual's (letters matched, word starts, few groups), so the
palette orders hits as before.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["MATCH_CHARS", "Match", "bounded", "fuzzy_match"]

MATCH_CHARS = 200
"""Characters of a candidate that are matched and shown (a title can be a page long)."""


class Match(NamedTuple):
    """A candidate that matched: how well, and which characters."""

    score: float
    """Higher is better; 0 never occurs for a match."""
    offsets: tuple[int, ...]
    """Offsets of the matched characters in the candidate."""


def bounded(text: str) -> str:
    """``text`` cut to :data:`MATCH_CHARS` characters, ending in ``…`` when cut."""
    return text if len(text) <= MATCH_CHARS else text[: MATCH_CHARS - 1] + "…"


def _folded(text: str) -> str:
    """``text`` lower-cased, when that keeps every offset where it was."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def _word_start(text: str, offset: int) -> bool:
    return text[offset].isalnum() and (offset == 0 or not text[offset - 1].isalnum())


def _score(text: str, offsets: tuple[int, ...]) -> float:
    """Textual's heuristic: letters, plus word starts, boosted for few groups."""
    count = len(offsets)
    score = float(count + sum(1 for offset in offsets if _word_start(text, offset)))
    groups = 1 + sum(1 for a, b in zip(offsets, offsets[1:], strict=False) if b != a + 1)
    normalized = (count - (groups - 1)) / count
    return score * (1 + normalized * normalized)


def fuzzy_match(query: str, candidate: str) -> Match | None:
    """Match ``query`` against the first :data:`MATCH_CHARS` characters of ``candidate``.

    Args:
        query: What the user typed (empty matches nothing).
        candidate: The command text.

    Returns:
        The match, or ``None`` when the query's letters are not all there in order.
    """
    if not query:
        return None
    text = _folded(candidate[:MATCH_CHARS])
    wanted = _folded(query)
    found = text.find(wanted)
    if found >= 0:
        offsets = tuple(range(found, found + len(wanted)))
        return Match(_score(text, offsets) * (2.0 if text == wanted else 1.5), offsets)
    positions: list[int] = []
    start = 0
    for letter in wanted:
        at = text.find(letter, start)
        if at < 0:
            return None
        positions.append(at)
        start = at + 1
    offsets = tuple(positions)
    return Match(_score(text, offsets), offsets)
