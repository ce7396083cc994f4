"""Search the document text: literal or regex, smart case, matches as offset arrays.

Position unit: character offsets into ``Document.text``. A match is the
half-open span ``(starts[i], ends[i])``; both arrays are ``array('i')`` in text
order. The search runs over the one text, not over wrapped lines, so a match
that crosses a line wrap is found like any other.

Matches do not overlap: like ``re.finditer``, the scan resumes after the end of
each match, so "aa" occurs twice in "aaaa", not three times. Zero-length regex
matches (``x*``, ``^``, ``\\b``) are skipped: they mark nothing to show.

Engines. A literal query is an escaped pattern for the standard ``re`` module: it
cannot backtrack, and ``re`` is the fastest at it. A regular expression typed by
the reader goes to the ``regex`` module instead, because Python's ``re`` can
backtrack for ever on patterns such as ``(\\S+)+x`` and cannot be interrupted;
``regex`` takes a ``timeout`` and releases the GIL while it matches (see
pyproject.toml for the measurements behind the choice). Every scan takes an
optional ``deadline`` (``time.monotonic()`` seconds): past it the scan raises
:class:`SearchTimeout`.
"""

from __future__ import annotations

import re
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    import regex

__all__ = [
    "Query",
    "SearchError",
    "SearchTimeout",
    "SearchPattern",
    "compile_query",
    "find_all",
    "iter_chunks",
]

CaseMode = Literal["smart", "sensitive", "insensitive"]


class SearchError(ValueError):
    """The query cannot be searched for; the message is short and for people."""


class SearchTimeout(Exception):
    """A scan passed its deadline (a pattern that backtracks too much)."""


SearchPattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
"""A compiled query: ``re`` for literal text, ``regex`` for regular expressions."""


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


def compile_query(query: Query) -> SearchPattern:
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
    ignore = _ignores_case(query)
    if not query.regex:
        return re.compile(re.escape(query.text), re.IGNORECASE if ignore else 0)
    # VERSION0: the syntax and behaviour of ``re`` (which the help documents).
    # Imported on the first regex search: ~10 ms that start-up does not need.
    import regex

    flags = regex.VERSION0 | (regex.IGNORECASE if ignore else 0)
    try:
        return regex.compile(query.text, flags)
    except regex.error as error:
        # The stubs do not declare them, but regex.error has re.error's msg and pos.
        pos = getattr(error, "pos", None)
        where = f" at {pos}" if pos is not None else ""
        raise SearchError(f"{getattr(error, 'msg', error)}{where}") from None
    except (OverflowError, RecursionError, ValueError, IndexError) as error:
        # Absurd repeat counts or nesting: still a bad query, not a crash.
        raise SearchError(f"invalid pattern: {error}") from None


def _spans(
    pattern: SearchPattern, text: str, pos: int, endpos: int, deadline: float | None
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each match, as ``pattern.finditer(text, pos, endpos)``.

    Raises:
        SearchTimeout: ``deadline`` passed (checked by the ``regex`` engine as it
            matches, so a pattern that backtracks for ever is stopped too).
    """
    if isinstance(pattern, re.Pattern) or deadline is None:
        for match in pattern.finditer(text, pos, endpos):
            yield match.span()
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise SearchTimeout()
    try:
        for match in pattern.finditer(text, pos, endpos, concurrent=True, timeout=left):
            yield match.span()
    except TimeoutError:
        raise SearchTimeout() from None


def find_all(
    text: str,
    pattern: SearchPattern,
    start: int = 0,
    end: int | None = None,
    limit: int | None = None,
    deadline: float | None = None,
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
        deadline: ``time.monotonic()`` time to give up by (``None``: never).

    Returns:
        ``(starts, ends)``: two ``array('i')`` of absolute offsets, in text order.

    Raises:
        SearchTimeout: the deadline passed.
    """
    starts: array[int] = array("i")
    ends: array[int] = array("i")
    if limit is not None and limit <= 0:
        return starts, ends
    stop = len(text) if end is None else end
    for a, b in _spans(pattern, text, start, stop, deadline):
        if a == b:
            continue
        starts.append(a)
        ends.append(b)
        if limit is not None and len(starts) >= limit:
            break
    return starts, ends


def iter_chunks(
    text: str,
    pattern: SearchPattern,
    chunk_chars: int = 1_000_000,
    deadline: float | None = None,
) -> Iterator[tuple[array[int], array[int]]]:
    """The matches of ``find_all(text, pattern)``, a chunk of text at a time.

    A worker can stop between chunks. (The scan from one match to the next is
    one C call: for literal and ordinary queries that is milliseconds per 10 MB,
    and a regular expression's is cut short at ``deadline``.) Each chunk's scan
    may run past the chunk's end to finish a match that started inside it; the
    next chunk resumes after that match, so every match is found exactly once
    and the concatenation of the chunks equals the one-shot result.

    Args:
        text: The document text.
        pattern: From ``compile_query``.
        chunk_chars: Characters per chunk (at least 1).
        deadline: ``time.monotonic()`` time to give up by (``None``: never).

    Yields:
        ``(starts, ends)`` for the matches that start in each chunk (possibly
        empty arrays).

    Raises:
        SearchTimeout: the deadline passed.
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
        for a, b in _spans(pattern, text, pos, size, deadline):
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
