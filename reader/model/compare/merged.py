"""NEW's text with OLD's deleted text shown inline: the comparison's reading text.

The merged document has NEW's sections (same ids), NEW's paragraphs, and one
paragraph more for each paragraph OLD had and NEW dropped. Text that NEW
dropped inside a paragraph stands just before what replaced it. A
:class:`SourceMap` leads every merged offset back to NEW, so bookmarks made
in the comparison belong to NEW.

Position unit: character offsets into the merged text (``MergedView.document``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, repeat
from operator import add, sub

from reader.model.compare.comparison import Comparison
from reader.model.document import Document, ParagraphKind, Section, Span
from reader.model.paragraphs import KIND_NUMBERS, Paragraphs
from reader.model.slices import in_slices
from reader.model.structure.source_map import SourceMap, SourceMapBuilder


@dataclass(frozen=True)
class MergedView:
    """The comparison's reading text, its highlights and its map back to NEW."""

    document: Document
    """NEW with deletions inline (NEW itself when deletions are hidden)."""
    to_new: SourceMap
    """Merged offsets to NEW's offsets."""
    inserted: tuple[Span, ...]
    """What NEW added, in merged offsets."""
    deleted: tuple[Span, ...]
    """What OLD had and NEW dropped, in merged offsets (empty when hidden)."""
    stops: tuple[Span, ...]
    """One span per change (its deletion and insertion together), for ]/[ and n/N."""

    def stop_from(self, offset: int, *, after: bool) -> int:
        """Index of the next stop from ``offset`` (one it is inside of counts as
        next), or of the previous one (-1 when there is none)."""
        if after:
            return bisect_right([end for _, end in self.stops], offset)
        return bisect_left([start for start, _ in self.stops], offset) - 1


class _Shift:
    """NEW offsets to merged offsets, given where text was inserted."""

    def __init__(self, inline: list[tuple[int, int]], whole: list[tuple[int, int]]) -> None:
        self._inline_at = [at for at, _ in inline]
        self._inline_sum = [0, *accumulate(n for _, n in inline)]
        self._whole_at = [at for at, _ in whole]
        self._whole_sum = [0, *accumulate(n for _, n in whole)]

    def start(self, offset: int) -> int:
        """Where a span starting at NEW ``offset`` starts: after whole paragraphs put there."""
        return (
            offset
            + self._inline_sum[bisect_left(self._inline_at, offset)]
            + self._whole_sum[bisect_right(self._whole_at, offset)]
        )

    def end(self, offset: int) -> int:
        """Where a span ending at NEW ``offset`` ends: after inline text put there."""
        return (
            offset
            + self._inline_sum[bisect_right(self._inline_at, offset)]
            + self._whole_sum[bisect_left(self._whole_at, offset)]
        )

    def starts(self, offsets: Sequence[int]) -> list[int]:
        """:meth:`start` of each offset, in maps of built-ins (no Python code per offset)."""
        inline = (self._inline_at, self._inline_sum, bisect_left)
        return _moved(offsets, inline, (self._whole_at, self._whole_sum, bisect_right))

    def ends(self, offsets: Sequence[int]) -> list[int]:
        """:meth:`end` of each offset, likewise."""
        inline = (self._inline_at, self._inline_sum, bisect_right)
        return _moved(offsets, inline, (self._whole_at, self._whole_sum, bisect_left))


_Side = tuple[list[int], list[int], Callable[[list[int], int], int]]
"""Where insertions are, their running total, and which side of one counts."""


def _moved(offsets: Sequence[int], inline: _Side, whole: _Side) -> list[int]:
    inline_at, inline_sum, inline_side = inline
    whole_at, whole_sum, whole_side = whole

    def part(lo: int, hi: int) -> Iterator[int]:
        given = offsets[lo:hi]
        before = map(inline_sum.__getitem__, map(inline_side, repeat(inline_at), given))
        above = map(whole_sum.__getitem__, map(whole_side, repeat(whole_at), given))
        return map(add, given, map(add, before, above))

    return in_slices(len(offsets), part)


def merged_view(comparison: Comparison, *, show_deleted: bool = True) -> MergedView:
    """Build the reading text of a comparison.

    Args:
        comparison: The comparison.
        show_deleted: Show OLD's deleted text inline (else NEW's text as it is).
    """
    new = comparison.new
    changes = comparison.changes
    if not show_deleted:
        return MergedView(
            new,
            SourceMap.identity(len(new.text)),
            tuple((c.new_start, c.new_end) for c in changes if c.inserted),
            (),
            tuple((c.new_start, max(c.new_end, c.new_start + 1)) for c in changes),
        )
    builder = SourceMapBuilder(new.text)
    inline: list[tuple[int, int]] = []
    whole: list[tuple[int, int]] = []
    deleted: list[Span] = []
    inserted_spans: list[Span] = []
    stops: list[Span] = []
    extra: list[Span] = []  # merged spans of whole dropped paragraphs
    at = 0
    for change in changes:
        start = max(change.new_start, at)
        builder.copy(at, start)
        stop_start = builder.length
        if change.deleted:
            text = change.deleted
            if change.whole_paragraph:
                # Its own paragraph: before the next one, or after the last one.
                ends_line = start == 0 or new.text[start - 1] == "\n"
                piece = text + "\n" if ends_line else "\n" + text
                lead = 0 if ends_line else 1
                extra.append((builder.length + lead, builder.length + lead + len(text)))
                deleted.append(extra[-1])
                whole.append((start, len(piece)))
                builder.insert(piece, start)
            else:
                deleted.append((builder.length, builder.length + len(text)))
                inline.append((start, len(text)))
                builder.insert(text, start)
        end = max(change.new_end, start)
        if end > start:
            inserted_spans.append((builder.length, builder.length + end - start))
            builder.copy(start, end)
        stops.append((stop_start, max(builder.length, stop_start + 1)))
        at = end
    builder.copy(at, len(new.text))
    text, to_new = builder.build()
    shift = _Shift(inline, whole)
    document = _shifted(new, text, shift, extra, to_new)
    return MergedView(document, to_new, tuple(inserted_spans), tuple(deleted), tuple(stops))


def _shifted(
    new: Document, text: str, shift: _Shift, extra: list[Span], to_new: SourceMap
) -> Document:
    # From NEW's paragraph columns into columns, in maps of built-ins: 120,000
    # paragraphs at 5 MB took 0.4 s of the UI process's interpreter as objects.
    columns = new.paragraphs if isinstance(new.paragraphs, Paragraphs) else None
    if columns is None:
        columns = Paragraphs.of(new.paragraphs)
    starts = [*shift.starts(columns.starts), *(start for start, _ in extra)]
    ends = [*shift.ends(columns.ends), *(end for _, end in extra)]
    body = KIND_NUMBERS[ParagraphKind.BODY]
    kinds = bytes(columns.kind_numbers) + bytes([body]) * len(extra)
    # A dropped paragraph goes after NEW's paragraphs that start where it does.
    order = sorted(range(len(starts)), key=starts.__getitem__) if extra else range(len(starts))
    section_starts = shift.starts([s.start for s in new.sections])
    if section_starts:
        section_starts[0] = 0
    ordered = [starts[k] for k in order] if extra else starts

    def holders(lo: int, hi: int) -> Iterator[int]:
        found = map(bisect_right, repeat(section_starts), ordered[lo:hi])
        return map(max, map(sub, found, repeat(1)), repeat(0))

    paragraphs = Paragraphs.from_columns(
        ordered,
        [ends[k] for k in order] if extra else ends,
        bytes(kinds[k] for k in order) if extra else kinds,
        in_slices(len(ordered), holders),
    )
    sections = _shifted_sections(new.sections, section_starts, len(text), shift, paragraphs.starts)
    meta = replace(
        new.meta,
        spans={k: (shift.start(s), shift.end(e)) for k, (s, e) in new.meta.spans.items()},
    )
    return replace(
        new,
        text=text,
        meta=meta,
        sections=sections,
        paragraphs=paragraphs,
        # The merged text's "source" is NEW's displayed text.
        source_map=to_new,
    )


def _shifted_sections(
    was: Sequence[Section],
    starts: list[int],
    text_end: int,
    shift: _Shift,
    paragraph_starts: Sequence[int],
) -> tuple[Section, ...]:
    """NEW's sections at their merged places, built in one map (26,000 sections
    at 5 MB: 0.23 s as a loop, most of it not the sections themselves)."""
    ends = [*starts[1:], text_end] if starts else []
    has_heading = [s.heading is not None for s in was]
    heading_starts = shift.starts([s.heading[0] for s in was if s.heading is not None])
    heading_ends = shift.ends([s.heading[1] for s in was if s.heading is not None])
    moved = iter(list(zip(heading_starts, heading_ends, strict=True)))
    headings = [next(moved) if has else None for has in has_heading]
    return tuple(
        map(
            Section,
            [s.index for s in was],
            [s.id for s in was],
            [s.level for s in was],
            [s.title for s in was],
            [s.subtitle for s in was],
            starts,
            ends,
            headings,
            in_slices(
                len(starts),
                lambda lo, hi: map(bisect_left, repeat(paragraph_starts), starts[lo:hi]),
            ),
            in_slices(
                len(ends), lambda lo, hi: map(bisect_left, repeat(paragraph_starts), ends[lo:hi])
            ),
            [s.parent for s in was],
        )
    )


def _paragraph_at(paragraph_starts: Sequence[int], offsets: list[int]) -> list[int]:
    """Index of the first paragraph starting at or after each offset."""
    return in_slices(
        len(offsets), lambda lo, hi: map(bisect_left, repeat(paragraph_starts), offsets[lo:hi])
    )
