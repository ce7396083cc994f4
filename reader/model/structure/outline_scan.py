"""The outline of a plain text from its heading candidates alone, without its paragraphs.

Position unit: character offsets into the text (the displayed text, which is the
text itself: only a text the reflow leaves as it is takes this path).

:func:`outline` gives the metadata and the sections that :func:`parse` gives,
by the same rules, for a text of one line per paragraph (most news and
reports; a hard-wrapped or Markdown text, or one with a table of contents,
goes to the full parse). The heading rules
(:mod:`reader.model.structure.headings`) look at a unit only when it is
numbered, ALL CAPS, letter-spaced or followed by a dash line, and then at no
more than one unit before it and two after it. So the lines that can be such
units are found by one regular expression over the whole text, checked by the
rules' own predicates, and handed to the rules with their neighbours: every
other line is only counted (for the paragraph indices of the sections), never
copied or split. When the rules find no heading, the fallback rule needs every
unit: :func:`outline` answers ``None`` and the caller parses in full.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import overload

from reader.model.document import Meta, Section, document_title
from reader.model.memory import gc_paused
from reader.model.structure.contents import is_contents_word
from reader.model.structure.headings import CHAPTER_STYLES, find_headings
from reader.model.structure.line_shapes import DASH_RE, WS, is_caps, is_letter_spaced, strip_span
from reader.model.structure.markdown import looks_like_markdown
from reader.model.structure.meta import read_meta
from reader.model.structure.numbering import NUMBER_STARTS, numbering
from reader.model.structure.parse import TEXT_PREFIX, WRAPPED_LINE_MAX
from reader.model.structure.reflow import reflow
from reader.model.structure.sections import HeadingInfo, outline_sections
from reader.model.structure.units import Unit
from reader.model.text.fingerprint import Digest, text_digest
from reader.model.text.script import lead_label

_SPACE = "[ \\t\\u3000\\xa0]"
_HAN = "[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]"
_CANDIDATE = (
    f"{_SPACE}*(?:"
    # numbered (the rules' own first characters) or a dash line
    f"[{re.escape(''.join(sorted(NUMBER_STARTS)))}—―\\-－─]"
    # a contents word: a short line opening with one of their first letters
    f"|(?=[目CcTt][^\\n]{{0,29}}{_SPACE}*(?:\\n|\\Z))"
    # ALL CAPS: short, no lowercase and no Han at all (and every blank line)
    f"|(?=[^\\na-z\\u4e00-\\u9fff]{{0,60}}[^\\S\\n]*(?:\\n|\\Z))"
    # Han characters spaced apart
    f"|(?={_HAN}(?:[ \\u3000]+{_HAN}){{1,3}}{_SPACE}*(?:\\n|\\Z)))"
)
_FIRST_LINE_RE = re.compile(_CANDIDATE)
_LINE_RE = re.compile("\n" + _CANDIDATE)
_VISIBLE_RE = re.compile(r"\S")
_LONG = f"(?=[^\\n]{{{WRAPPED_LINE_MAX + 1}}})[^\\S\\n]*\\S"
_FIRST_LONG_RE = re.compile(_LONG)
_LONG_RE = re.compile("\n" + _LONG)
_DASHES = WS + "—―-－─"
_ENDS = 64
"""How many lines at each end the metadata rules may read without a split."""


@dataclass(frozen=True)
class Outlined:
    """A text's outline: what ``reader outline`` prints of a :class:`Document`."""

    text: str
    meta: Meta
    sections: tuple[Section, ...]
    path: str | None = None
    encoding: str | None = None
    digest: Digest | None = field(default=None, compare=False, repr=False)
    """The text's sha256 when known or being hashed (as ``Document.digest``)."""

    @property
    def title(self) -> str:
        """The title the document shows (``Document.title``)."""
        return document_title(self.meta, self.path, self.sections)

    @cached_property
    def fingerprint(self) -> str:
        """sha256 hex digest of the text (UTF-8), as ``Document.fingerprint``."""
        return self.digest.hexdigest() if self.digest is not None else text_digest(self.text)


def outline(
    text: str,
    path: str | None = None,
    encoding: str | None = None,
    digest: Digest | None = None,
) -> Outlined | None:
    """The metadata and sections :func:`parse` finds in ``text``, or ``None``.

    ``None`` for a text this path does not take (Markdown, reflowed,
    hard-wrapped, with a table of contents, or with no heading by rules a–e):
    the caller parses it in full. ``digest``: the text's, when known or being
    hashed from the file's bytes.
    """
    with gc_paused():  # tens of thousands of units and sections, no cycles
        return _outline(text, path, encoding, digest)


def _outline(
    text: str, path: str | None, encoding: str | None, digest: Digest | None
) -> Outlined | None:
    if looks_like_markdown(text, path):
        return None
    shown, source_map = reflow(text)
    if shown is not text or not source_map.is_identity:
        return None
    lines = _EndLines(text)
    blanks, candidates = _scan(text)
    if hard_wrapped(text, lines.size, blanks):
        return None
    scan = read_meta(text, lines, lines.starts)
    units = _Units(text, scan.lines, blanks)
    found = units.candidates(candidates)
    if found is None:
        return None
    headings, _ = find_headings(found, blocks=False, fallback=False)
    if not headings:
        return None
    infos: list[HeadingInfo] = []
    firsts: list[int] = []
    merged = 0
    for heading in headings:
        first, last = found[heading.unit], found[heading.unit + heading.units - 1]
        subtitle = None
        if heading.subtitle_unit is not None:
            sub = units.line(found[heading.subtitle_unit].line).strip(WS).strip(_DASHES)
            subtitle = sub or None
        infos.append(units.heading(first.line, last.line, heading.level, subtitle))
        firsts.append(first.line - bisect_left(blanks, first.line) - merged)
        merged += heading.units - 1
    paragraphs = lines.size - len(blanks) - merged
    first_start = units.first_nonblank()
    has_lead = first_start is not None and first_start < infos[0].start
    meta = scan.meta
    lead = meta.title or lead_label(meta.language, text)
    sections = outline_sections(len(text), infos, firsts, paragraphs, has_lead, lead)
    return Outlined(text, meta, sections, path, encoding, digest)


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
    long_lines = sum(1 for _ in _LONG_RE.finditer(text))
    long_lines += _FIRST_LONG_RE.match(text) is not None
    return long_lines * 10 <= nonblank


def _scan(text: str) -> tuple[list[int], list[tuple[int, int, int]]]:
    """The blank lines (empty or whitespace only, the final empty one included) and
    the candidate lines (index, start, end) of ``text``, in one pass (every blank
    line is a candidate of the pattern)."""
    blanks: list[int] = []
    candidates: list[tuple[int, int, int]] = []
    starts = [m.start() + 1 for m in _LINE_RE.finditer(text)]
    if _FIRST_LINE_RE.match(text) is not None:
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


class _EndLines(Sequence[str]):
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
        self.starts = _Starts(self)

    def start(self, index: int) -> int:
        if index > self._tail_from:
            return self._tail[index - self._tail_from]
        while len(self._head) <= index:
            self._head.append(self._text.index("\n", self._head[-1]) + 1)
        return self._head[index]

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(self.size))]
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        a = self.start(index)
        b = self._text.find("\n", a)
        return self._text[a : b if b >= 0 else len(self._text)]

    def __iter__(self) -> Iterator[str]:
        return (self[k] for k in range(self.size))


class _Starts(Sequence[int]):
    """The start offsets of :class:`_EndLines`."""

    def __init__(self, lines: _EndLines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return self._lines.size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(self._lines.size))]
        if index < 0:
            index += self._lines.size
        if not 0 <= index < self._lines.size:
            raise IndexError(index)
        return self._lines.start(index)


class _Units:
    """The units of a one-line-per-paragraph text (its lines that are neither blank nor
    metadata), built only around the candidates."""

    def __init__(self, text: str, meta_lines: frozenset[int], blanks: list[int]) -> None:
        self._text = text
        self._meta = meta_lines
        self._blanks = set(blanks)
        self._spans: dict[int, tuple[int, int]] = {}
        self._units: dict[int, Unit] = {}

    def line(self, index: int) -> str:
        a, b = self._spans[index]
        return self._text[a:b]

    def candidates(self, lines: list[tuple[int, int, int]]) -> list[Unit] | None:
        """The units the rules try, with the units they look at around them.

        A numbered or caps unit with the unit before it (a list item's
        neighbour, a caps line above), a unit followed by a dash line with the
        two after it, and each with the units after it that its rules read:
        one (is running text next?), or two for a chapter number (its title,
        then the text) and a caps line (a second caps line, then the text).
        """
        units = self._units
        tried: list[tuple[int, bool, int]] = []
        for index, start, end in lines:
            if index in self._meta:
                continue
            t = self._unit(index, start, end).text
            if t[:1] in "目CcTt" and len(t) <= 30 and is_contents_word(t):
                return None  # its entries are found by a scan of the units after it
            dash = DASH_RE.match(t) is not None
            if dash:
                before = self._near(index, -1)
                if before is not None:
                    tried.append((before, False, 2))
            reach = self._reach(t)
            if reach is not None:
                tried.append((index, *reach))
            elif not dash:
                del units[index]  # looked at only if next to a unit tried
        for index, with_before, after in tried:
            step: int | None = index
            for _ in range(after):
                step = self._near(step, 1) if step is not None else None
            if with_before:
                self._near(index, -1)
        return [units[k] for k in sorted(units)]

    def _near(self, index: int, way: int) -> int | None:
        """The index of the unit before (``way`` -1) or after (1) unit ``index``, made."""
        if index + way in self._units:
            return index + way
        step = self._step(index, self._spans[index][0], way)
        if step is None:
            return None
        if step[0] not in self._units:
            self._unit(*step)
        return step[0]

    @staticmethod
    def _reach(t: str) -> tuple[bool, int] | None:
        """Whether the rules try a unit of this first line (numbered, caps, spaced) and
        what they read around it: the unit before, and how many after."""
        if len(t) <= 60 and t[-1:] < "\u2e80" and is_caps(t, first_of_two=True):
            return True, 2
        if t[:1] in NUMBER_STARTS and len(t) <= 120:
            number = numbering(t, False)
            if number is not None:
                return True, 2 if number.style in CHAPTER_STYLES else 1
        if len(t) <= 16 and is_letter_spaced(t):
            return False, 1
        return None

    def _unit(self, index: int, start: int, end: int) -> Unit:
        """The unit of line ``index`` (``parse``'s, for a one-line unit), kept."""
        self._spans[index] = (start, end)
        text = self._text
        if end - start <= TEXT_PREFIX:
            line = text[start:end]
            unit = Unit(line.strip(WS), 1, "", index, len(line) - len(line.lstrip(WS)))
        else:
            rest = text[start:end].lstrip(WS)
            indent = end - start - len(rest)
            unit = Unit(rest[: TEXT_PREFIX + 1], 1, "", index, indent)
        self._units[index] = unit
        return unit

    def _step(self, index: int, start: int, way: int) -> tuple[int, int, int] | None:
        """The unit before (``way`` -1) or after (1) the line at ``start``."""
        text = self._text
        while True:
            if way > 0:
                end = text.find("\n", start)
                if end < 0:
                    return None
                start = end + 1
            else:
                if start == 0:
                    return None
                start = text.rfind("\n", 0, start - 1) + 1
            index += way
            if index not in self._blanks and index not in self._meta:
                end = text.find("\n", start)
                return index, start, len(text) if end < 0 else end

    def heading(self, first: int, last: int, level: int, subtitle: str | None) -> HeadingInfo:
        """The heading of lines ``first`` to ``last``, as the full parse reports it."""
        start, end = self._spans[first]
        unit = self._units[first]
        if first == last and end - start <= TEXT_PREFIX and unit.text:
            # The unit is the line stripped: its indent and length give the span.
            a = start + unit.indent
            return HeadingInfo(start, level, unit.text, (a, a + len(unit.text)), subtitle)
        texts = [self.line(k) for k in range(first, last + 1)]
        a, _ = strip_span(texts[0])
        _, b = strip_span(texts[-1])
        span = (start + a, self._spans[last][0] + b)
        title = " ".join(t.strip(WS) for t in texts)
        return HeadingInfo(start, level, title, span, subtitle)

    def first_nonblank(self) -> int | None:
        """Where the first line that is not blank starts, if any."""
        found = _VISIBLE_RE.search(self._text)
        if found is None:
            return None
        return self._text.rfind("\n", 0, found.start()) + 1
