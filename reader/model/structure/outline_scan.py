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
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from reader.model.document import Meta, ParagraphKind, Section, document_title
from reader.model.memory import gc_paused
from reader.model.structure.contents import is_contents_word
from reader.model.structure.headings import CHAPTER_STYLES, find_headings
from reader.model.structure.line_scan import EndLines, first_nonblank, hard_wrapped, scan
from reader.model.structure.line_shapes import (
    DASH_RE,
    WS,
    is_caps,
    is_letter_spaced,
    is_page_furniture,
    strip_span,
)
from reader.model.structure.markdown import looks_like_markdown
from reader.model.structure.meta import MetaScan, read_meta
from reader.model.structure.numbering import NUMBER_STARTS, numbering
from reader.model.structure.reflow import reflow
from reader.model.structure.sections import HeadingInfo, RawParagraph, outline_sections
from reader.model.structure.units import TEXT_PREFIX, Unit
from reader.model.text.fingerprint import Digest, text_digest
from reader.model.text.script import lead_label

_NEWLINE_RE = re.compile("\n")
_DENSE_FROM = 10_000
"""A text of more lines goes to the line-by-line parse when a third of them are candidates."""
_DASHES = WS + "—―-－─"


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


class _Found(NamedTuple):
    """The headings of a text found from its candidates, and what was read to find them."""

    meta: MetaScan
    lines: int
    """How many lines the text has."""
    blanks: list[int]
    """The indices of its blank lines."""
    headings: list[HeadingInfo]
    heading_lines: list[tuple[int, int, int | None]]
    """For each heading, its first and last line and its subtitle's line."""
    furniture: list[int]
    """The lines that are page furniture (among those the rules looked at: all of them)."""


def _found(text: str, path: str | None, displayed: bool) -> _Found | None:
    """The headings of a one-line-per-paragraph text (``None``: parse in full).

    ``displayed``: ``text`` is known to be a text the reflow leaves as it is.
    """
    if looks_like_markdown(text, path):
        return None
    if not displayed:
        shown, source_map = reflow(text)
        if shown is not text or not source_map.is_identity:
            return None
    lines = EndLines(text)
    blanks, candidates = scan(text)
    if lines.size > _DENSE_FROM and len(candidates) * 3 > lines.size:
        return None  # a line in three tried: the line-by-line parse is faster
    if hard_wrapped(text, lines.size, blanks):
        return None
    meta = read_meta(text, lines, lines.starts)
    units = _Units(text, meta.lines, blanks)
    found = units.candidates(candidates)
    if found is None:
        return None
    headings, furniture = find_headings(found, blocks=False, fallback=False)
    if not headings:
        return None
    infos: list[HeadingInfo] = []
    heading_lines: list[tuple[int, int, int | None]] = []
    for heading in headings:
        first, last = found[heading.unit].line, found[heading.unit + heading.units - 1].line
        sub_line = None
        subtitle = None
        if heading.subtitle_unit is not None:
            sub_line = found[heading.subtitle_unit].line
            subtitle = units.line(sub_line).strip(WS).strip(_DASHES) or None
        infos.append(units.heading(first, last, heading.level, subtitle))
        heading_lines.append((first, last, sub_line))
    walls = sorted(found[u].line for u in furniture)
    return _Found(meta, lines.size, blanks, infos, heading_lines, walls)


def _outline(
    text: str, path: str | None, encoding: str | None, digest: Digest | None
) -> Outlined | None:
    found = _found(text, path, displayed=False)
    if found is None:
        return None
    firsts: list[int] = []
    merged = 0
    for first, last, _ in found.heading_lines:
        firsts.append(first - bisect_left(found.blanks, first) - merged)
        merged += last - first
    paragraphs = found.lines - len(found.blanks) - merged
    first_start = first_nonblank(text)
    has_lead = first_start is not None and first_start < found.headings[0].start
    meta = found.meta.meta
    lead = meta.title or lead_label(meta.language, text)
    sections = outline_sections(len(text), found.headings, firsts, paragraphs, has_lead, lead)
    return Outlined(text, meta, sections, path, encoding, digest)


def plain_parts(
    text: str, path: str | None
) -> tuple[MetaScan, list[RawParagraph], list[HeadingInfo]] | None:
    """What the full parse of a displayed plain text needs, found from the candidates.

    The metadata, every paragraph (each line that is not blank, a heading of
    two caps lines one), and the headings, as the split of the text into lines
    finds them, without the split (``None``: this text needs it).
    """
    found = _found(text, path, displayed=True)
    if found is None:
        return None
    kinds: dict[int, ParagraphKind] = dict.fromkeys(found.meta.lines, ParagraphKind.META)
    kinds.update(dict.fromkeys(found.furniture, ParagraphKind.META))
    merged: dict[int, int] = {}
    for first, last, sub in found.heading_lines:
        kinds[first] = ParagraphKind.HEADING
        if last > first:
            merged[first] = last
        if sub is not None:
            kinds[sub] = ParagraphKind.SUBTITLE
    ends = [m.start() for m in _NEWLINE_RE.finditer(text)]
    ends.append(len(text))
    blank = set(found.blanks)
    body = ParagraphKind.BODY
    raw: list[RawParagraph] = []
    start = 0
    line = 0
    count = len(ends)
    while line < count:
        if line in blank:
            start = ends[line] + 1
            line += 1
            continue
        last = merged.get(line, line)
        raw.append(RawParagraph(start, ends[last], kinds.get(line, body)))
        start = ends[last] + 1
        line = last + 1
    return found.meta, raw, found.headings


def _furniture(t: str) -> bool:
    """Whether a unit is page furniture (``find_headings``'s test)."""
    return (
        len(t) <= 120
        and ("[Page" in t or t[:3] in ("RFC", "Int", "INT"))
        and (is_page_furniture(t))
    )


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
            elif not dash and not _furniture(t):
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
