"""Page furniture of paginated plain text: page footers and the running header after them.

Position unit: line indices into ``text.split("\\n")``.

A *page line* is an RFC page footer (``Newman   Standards Track   [Page 12]``)
or header (``RFC 3339   Date and Time   July 2002``), as
:func:`reader.model.structure.headings.is_page_furniture` knows them, or a line
that holds nothing but a page number (``[Page 12]``, ``Page 12``, ``第12页``).
After a page line comes the next page: its first non-blank line is a *running
header* when the same line (digits aside) opens at least two pages. Form feeds
are line breaks by the time the text gets here (see
:mod:`reader.model.text.cleaning`), so pages are told by their footers.

Candidate lines are found with ``str.find`` on the whole text (``Page``, ``RFC``,
``Internet-Draft``, ``页``), so a text without them costs four scans in C.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.model.structure.line_shapes import WS, is_page_furniture

_PAGE_NUMBER_RE = re.compile(r"\[\s*Page\s+\d+\s*\]|(?:Page|PAGE)\s+\d{1,4}|第\s*\d{1,4}\s*页")
_NEEDLES = ("Page", "PAGE", "RFC", "Internet-Draft", "INTERNET-DRAFT", "页")
_DIGITS_RE = re.compile(r"\d+")
_MAX_FURNITURE = 120
"""Longer lines are never furniture."""
_MIN_REPEATS = 2
"""How many pages a running header must open."""


def is_page_line(stripped: str) -> bool:
    """Whether a stripped line is a page footer or header."""
    if len(stripped) > _MAX_FURNITURE:
        return False
    return _PAGE_NUMBER_RE.fullmatch(stripped) is not None or is_page_furniture(stripped)


def find_furniture(text: str, lines: list[str], starts: list[int]) -> set[int]:
    """The indices of the lines that are page furniture.

    Args:
        text: The text.
        lines: ``text.split("\\n")``.
        starts: The offset where each line starts.

    Returns:
        Page lines and running headers (see the module docstring).
    """
    candidates: set[int] = set()
    for needle in _NEEDLES:
        at = text.find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            candidates.add(index)
            at = text.find(needle, starts[index] + len(lines[index]) + 1)
    found = {i for i in candidates if is_page_line(lines[i].strip(WS))}
    if not found:
        return found
    # The first non-blank line after each page line, keyed by its text without digits.
    after: dict[str, set[int]] = {}
    count = len(lines)
    for i in sorted(found):
        j = i + 1
        while j < count and (not lines[j] or lines[j].isspace() or j in found):
            j += 1
        if j < count and len(lines[j]) <= _MAX_FURNITURE and j not in found:
            key = _DIGITS_RE.sub("#", lines[j].strip(WS))
            after.setdefault(key, set()).add(j)
    for headers in after.values():
        if len(headers) >= _MIN_REPEATS:
            found.update(headers)
    return found
