"""Search the document text: literal or regex, smart case, matches as offset arrays.

Position unit: character offsets into ``Document.text``. A match is the
half-open span ``(starts[i], ends[i])``; both arrays are ``array('i')`` in text
order. The search runs over the one text, not over wrapped lines, so a match
that crosses a line wrap is found like any other.

Matches do not overlap: like ``re.finditer``, the scan resumes after the end of
each match, so "aa" occurs twice in "aaaa", not three times. Zero-length regex
matches (``x*``, ``^``, ``\\b``) are skipped: they mark nothing to show.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Query",
    "SearchError",
    "compile_query",
    "find_all",
    "iter_chunks",
]

CaseMode = Literal["smart", "sensitive", "insensitive"]


class SearchError(ValueError):
    """The query cannot be searched for; the message is short and for people."""


@dataclass(frozen=True)
class Query:
    """What the search bar asks for."""

    text: str
    """The query as typed."""
    regex: bool = False
    """Treat ``text`` as a Python regular expression (otherwise literally)."""
    case: CaseMode = "smart"
    """``"smart"``: case-insensitive unless ``text`` has an uppercase letter."""


def _ignores_case(query: Query) -> bool:
    """Whether the query matches regardless of case."""
    if query.case == "smart":
        # In a regex, escapes such as \\D or \\S are not uppercase letters typed
        # by the reader: ignore the character after each backslash.
        text = re.sub(r"\\.", "", query.text) if query.regex else query.text
        return not any(c.isupper() for c in text)
    return query.case == "insensitive"


def compile_query(query: Query) -> re.Pattern[str]:
    """The compiled pattern for ``query``.

    Args:
        query: Text, mode and case rule.

    Returns:
        A pattern for ``find_all``/``iter_chunks``.

    Raises:
        SearchError: The query is empty, or not a valid regular expression (the
            message says why and where, e.g. "missing ), unterminated subpattern
            at 0").
    """
    if not query.text:
        raise SearchError("empty query")
    flags = re.IGNORECASE if _ignores_case(query) else 0
    source = query.text if query.regex else re.escape(query.text)
    try:
        return re.compile(source, flags)
    except re.error as error:
        where = f" at {error.pos}" if error.pos is not None else ""
        raise SearchError(f"{error.msg}{where}") from None
    except (OverflowError, RecursionError, ValueError) as error:
        # Absurd repeat counts or nesting: still a bad query, not a crash.
        raise SearchError(f"invalid pattern: {error}") from None


def find_all(
    text: str,
    pattern: re.Pattern[str],
    start: int = 0,
    end: int | None = None,
    limit: int | None = None,
) -> tuple[array[int], array[int]]:
    """All non-overlapping, non-empty matches of ``pattern`` in ``text[start:end]``.

    Args:
        text: The document text.
        pattern: From ``compile_query``.
        start: Offset where the search begins.
        end: Offset where it stops (``None``: the end of the text). A match must
            end by ``end``; anchors and lookarounds see the text beyond it, as
            with ``Pattern.finditer(text, pos, endpos)``.
        limit: Stop after this many matches (``None``: all).

    Returns:
        ``(starts, ends)``: two ``array('i')`` of absolute offsets, in text order.
    """
    starts: array[int] = array("i")
    ends: array[int] = array("i")
    if limit is not None and limit <= 0:
        return starts, ends
    stop = len(text) if end is None else end
    for match in pattern.finditer(text, start, stop):
        a, b = match.span()
        if a == b:
            continue
        starts.append(a)
        ends.append(b)
        if limit is not None and len(starts) >= limit:
            break
    return starts, ends


def iter_chunks(
    text: str, pattern: re.Pattern[str], chunk_chars: int = 1_000_000
) -> Iterator[tuple[array[int], array[int]]]:
    """The matches of ``find_all(text, pattern)``, a chunk of text at a time.

    A worker can stop between chunks. (The regex engine's scan from one match
    to the next is one C call and cannot be cut short: for literal and ordinary
    queries that is milliseconds per 10 MB.) Each chunk's scan may run past the chunk's
    end to finish a match that started inside it; the next chunk resumes after
    that match, so every match is found exactly once and the concatenation of
    the chunks equals the one-shot result.

    Args:
        text: The document text.
        pattern: From ``compile_query``.
        chunk_chars: Characters per chunk (at least 1).

    Yields:
        ``(starts, ends)`` for the matches that start in each chunk (possibly
        empty arrays).
    """
    chunk_chars = max(chunk_chars, 1)
    size = len(text)
    pos = 0
    while pos < size:
        border = min(pos + chunk_chars, size)
        starts: array[int] = array("i")
        ends: array[int] = array("i")
        # finditer over the whole text (no endpos) so a match may cross the
        # border and anchors see the real context; the first match starting at
        # or after the border is where the next chunk resumes, exactly where a
        # one-shot finditer would have gone on.
        for match in pattern.finditer(text, pos):
            a, b = match.span()
            if a >= border:
                resume = a
                break
            if a != b:
                starts.append(a)
                ends.append(b)
        else:
            resume = size
        yield starts, ends
        pos = resume
