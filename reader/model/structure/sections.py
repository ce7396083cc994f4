"""Sections from headings: spans, nesting, stable ids, paragraph ranges.

Position unit: character offsets into ``Document.text``.

Sections cover the text in order without gaps: the first starts at 0, each ends
where the next starts, the last ends at ``len(text)``. The text before the
first heading is the lead (level 0, id ``"lead"``, titled with the document
title, else 导语 for Chinese text and "Lead" otherwise); a lead with no
paragraph (the text opens with a heading, perhaps after blank lines) is left
out and the first heading's section starts at 0 instead. A heading's section
starts at its line start (indentation included). The parent of a section is
the nearest earlier section of a lower level. Ids are the slug of the title,
with ``-2``, ``-3`` … for its later repeats: the slug keeps CJK and digits,
lowercases Latin, turns every other run into one hyphen and is cut at
:data:`SLUG_CHARS`. An id depends only on the titles at and before it that
share its slug, so bookmarks and links survive sections added or removed
elsewhere; the same text gives the same ids.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reader.model.document import ParagraphKind, Section, Span
from reader.model.paragraphs import Paragraphs

SLUG_CHARS = 40
"""Longest slug, in characters."""

_NON_WORD_RE = re.compile(r"[\W_]+")


class HeadingInfo(NamedTuple):
    """A heading as the parser found it."""

    start: int
    """Offset of the heading's line start: where its section begins."""
    level: int
    """1 for top level, deeper numbers below."""
    title: str
    """The heading text, trimmed."""
    span: Span
    """Span of the heading text."""
    subtitle: str | None = None
    """The subtitle, dashes stripped, if any."""


class RawParagraph(NamedTuple):
    """A paragraph before it knows its index and section (a tuple: made by the million)."""

    start: int
    end: int
    kind: ParagraphKind


@lru_cache(maxsize=4096)
def slug(title: str) -> str:
    """A URL-ish slug of ``title`` that keeps CJK characters.

    Args:
        title: The heading text.

    Returns:
        Lowercase words joined by hyphens, or ``"section"`` when nothing is left.
    """
    text = _NON_WORD_RE.sub("-", title[: SLUG_CHARS * 2].lower()).strip("-")
    return text[:SLUG_CHARS].strip("-") or "section"


class _Ids:
    """Hands out unique section ids: the slug, then ``slug-2``, ``slug-3`` …

    Remembers the next ordinal per slug, so a thousand sections of one title
    cost linear time, not quadratic.
    """

    def __init__(self, *taken: str) -> None:
        self._used: set[str] = set(taken)
        self._next: dict[str, int] = {}

    def take(self, base: str) -> str:
        """A free id for ``base``, marked used."""
        if base not in self._used:
            self._used.add(base)
            return base
        ordinal = self._next.get(base, 2)
        while f"{base}-{ordinal}" in self._used:
            ordinal += 1
        self._next[base] = ordinal + 1
        candidate = f"{base}-{ordinal}"
        self._used.add(candidate)
        return candidate


def build(
    text_length: int,
    headings: list[HeadingInfo],
    raw: list[RawParagraph],
    lead_title: str,
) -> tuple[tuple[Section, ...], Paragraphs]:
    """Make the sections and the paragraphs.

    Args:
        text_length: ``len(text)``.
        headings: Headings in text order, at distinct starts.
        raw: Paragraphs in text order, non-overlapping.
        lead_title: Title of the lead section.

    Returns:
        The sections and the paragraphs (with their section indices).
    """
    has_lead = not headings or (bool(raw) and raw[0].start < headings[0].start)
    starts = _section_starts(headings, has_lead)
    # Assign each paragraph to the last section that starts at or before it.
    paragraphs = Paragraphs()
    firsts = [0] * len(starts)
    current = 0
    count = len(starts)
    following = starts[1] if count > 1 else text_length + 1
    for index, (start, end, kind) in enumerate(raw):
        while start >= following:
            current += 1
            firsts[current] = index
            following = starts[current + 1] if current + 1 < count else text_length + 1
        paragraphs.append(start, end, kind, current)
    for k in range(current + 1, len(starts)):
        firsts[k] = len(raw)
    sections = _sections(text_length, headings, has_lead, firsts, len(raw), lead_title)
    return sections, paragraphs


def outline_sections(
    text_length: int,
    headings: list[HeadingInfo],
    firsts: list[int],
    paragraphs: int,
    has_lead: bool,
    lead_title: str,
) -> tuple[Section, ...]:
    """The sections :func:`build` makes, from paragraph counts instead of paragraphs.

    Args:
        text_length: ``len(text)``.
        headings: Headings in text order, at distinct starts.
        firsts: For each heading, how many paragraphs start before its line.
        paragraphs: How many paragraphs the text has.
        has_lead: Whether a paragraph starts before the first heading.
        lead_title: Title of the lead section.
    """
    every = [0, *firsts] if has_lead else firsts
    return _sections(text_length, headings, has_lead, every, paragraphs, lead_title)


def _section_starts(headings: list[HeadingInfo], has_lead: bool) -> list[int]:
    starts: list[int] = [0] if has_lead else []
    starts.extend(h.start for h in headings)
    if not has_lead:
        starts[0] = 0
    return starts


def _sections(
    text_length: int,
    headings: list[HeadingInfo],
    has_lead: bool,
    firsts: list[int],
    paragraphs: int,
    lead_title: str,
) -> tuple[Section, ...]:
    starts = _section_starts(headings, has_lead)
    sections: list[Section] = []
    stack: list[int] = []
    ids = _Ids("lead") if has_lead else _Ids()
    offset = 1 if has_lead else 0
    if has_lead:
        end = starts[1] if len(starts) > 1 else text_length
        last = firsts[1] if len(starts) > 1 else paragraphs
        sections.append(Section(0, "lead", 0, lead_title, None, 0, end, None, 0, last))
    for k, heading in enumerate(headings):
        index = k + offset
        while stack and sections[stack[-1]].level >= heading.level:
            stack.pop()
        end = starts[index + 1] if index + 1 < len(starts) else text_length
        last = firsts[index + 1] if index + 1 < len(starts) else paragraphs
        sections.append(
            Section(
                index,
                ids.take(slug(heading.title)),
                heading.level,
                heading.title,
                heading.subtitle,
                starts[index],
                end,
                heading.span,
                firsts[index],
                last,
                stack[-1] if stack else None,
            )
        )
        stack.append(index)
    return tuple(sections)
