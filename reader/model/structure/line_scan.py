"""The lines of a text found by scans over the whole text, never by ``text.split``.

Position unit: line indices (as in ``text.split("\\n")``) and character offsets.

:func:`scan` finds, in one regular expression over the text, its blank lines
and the lines the heading rules may try (see
:mod:`reader.model.structure.outline_scan`); :func:`hard_wrapped` is the full
parse's test of a hard-wrapped text from the blank lines; :class:`EndLines` are
the lines as the metadata rules read them (near the two ends), split on demand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reader.model.indexed import Indexed
from reader.model.structure.numbering import NUMBER_STARTS
from reader.model.structure.units import WRAPPED_LINE_MAX

_SPACE = "[ \\t\\u3000\\xa0]"
_HAN = "[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]"
_CANDIDATE = (
    f"{_SPACE}*(?:"
    # numbered (the rules' own first characters), a dash line, an RFC page header
    f"[{re.escape(''.join(sorted(NUMBER_STARTS)))}—―\\-－─]|RFC|Int|INT"
    # a contents word: a short line opening with one of their first letters
    f"|(?=[目CcTt][^\\n]{{0,29}}{_SPACE}*(?:\\n|\\Z))"
    # ALL CAPS: short, no lowercase and no Han at all (and every blank line)
    f"|(?=[^\\na-z\\u4e00-\\u9fff]{{0,60}}[^\\S\\n]*(?:\\n|\\Z))"
    # Han characters spaced apart
    f"|(?={_HAN}(?:[ \\u3000]+{_HAN}){{1,3}}{_SPACE}*(?:\\n|\\Z))"
)
# A page footer (``[Page 3]`` in its first 120 characters), looked for in texts that have one.
_PAGE = "|(?=[^\\n]{0,120}\\[Page)"


# Compiled on first use, not at import: the app's start needs none of them.
@cache
def _line_re(first: bool, pages: bool) -> re.Pattern[str]:
    """The candidate pattern at the text's start (``first``) or after a newline."""
    return re.compile(("" if first else "\n") + _CANDIDATE + (_PAGE if pages else "") + ")")


@cache
def _long_re(first: bool) -> re.Pattern[str]:
    """A line longer than a hard-wrapped one, with something on it."""
    return re.compile(("" if first else "\n") + _LONG)


_VISIBLE_RE = re.compile(r"\S")
_LONG = f"(?=[^\\n]{{{WRAPPED_LINE_MAX + 1}}})[^\\S\\n]*\\S"
_ENDS = 64
"""How many lines at each end the metadata rules may read without a split."""


def hard_wrapped(text: str, count: int, blanks: list[int]) -> bool:
    """The full parse's test of a hard-wrapped text, from the blank lines and a scan.

    Args:
        text: The text.
        count: How many lines it has (``text.count("\\n") + 1``).
        blanks: The indices of its blank lines, in order.
    """
    nonblank = count - len(blanks)
    blocks = singles = 0
    before = -1
    for blank in [*blanks, count]:
        run = blank - before - 1
        blocks += run > 0
        singles += run == 1
        before = blank
    if blocks < 2 or (nonblank - singles) * 2 < nonblank:
        return False
    long_lines = sum(1 for _ in _long_re(False).finditer(text))
    long_lines += _long_re(True).match(text) is not None
    return long_lines * 10 <= nonblank


def scan(text: str) -> tuple[list[int], list[tuple[int, int, int]]]:
    """The blank lines (empty or whitespace only, the final empty one included) and
    the candidate lines (index, start, end) of ``text``, in one pass (every blank
    line is a candidate of the pattern)."""
    blanks: list[int] = []
    candidates: list[tuple[int, int, int]] = []
    pages = "[Page" in text
    starts = [m.start() + 1 for m in _line_re(False, pages).finditer(text)]
    if _line_re(True, pages).match(text) is not None:
        starts.insert(0, 0)
    index, at = 0, 0
    for start in starts:
        index += text.count("\n", at, start)
        at = start
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            candidates.append((index, start, end))
        else:
            blanks.append(index)
    return blanks, candidates


class EndLines(Indexed[str]):
    """``text.split("\\n")`` as far as the metadata rules read it: lines split on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.size = text.count("\n") + 1
        self._head: list[int] = [0]
        tail_from = max(0, self.size - _ENDS)
        at = len(text)
        tail: list[int] = []
        for _ in range(self.size - tail_from - 1):
            at = text.rfind("\n", 0, at)
            tail.append(at + 1)
        tail.append(-1)  # the first tail line's start, found from the head when asked
        self._tail = tail[::-1]
        self._tail_from = tail_from
        self.starts = Starts(self)

    def start(self, index: int) -> int:
        if index > self._tail_from:
            return self._tail[index - self._tail_from]
        while len(self._head) <= index:
            self._head.append(self._text.index("\n", self._head[-1]) + 1)
        return self._head[index]

    def __len__(self) -> int:
        return self.size

    def _item(self, index: int) -> str:
        a = self.start(index)
        b = self._text.find("\n", a)
        return self._text[a : b if b >= 0 else len(self._text)]

    def _sliced(self, items: Iterable[str]) -> list[str]:
        return list(items)  # as ``text.split`` gives


class Starts(Indexed[int]):
    """The start offsets of :class:`EndLines`."""

    def __init__(self, lines: EndLines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return self._lines.size

    def _item(self, index: int) -> int:
        return self._lines.start(index)

    def _sliced(self, items: Iterable[int]) -> list[int]:
        return list(items)


def first_nonblank(text: str) -> int | None:
    """Where the first line that is not blank starts, if any."""
    found = _VISIBLE_RE.search(text)
    if found is None:
        return None
    return text.rfind("\n", 0, found.start()) + 1
