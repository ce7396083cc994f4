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
from dataclasses import dataclass, replace
from itertools import accumulate

from reader.model.compare.comparison import Comparison
from reader.model.document import Document, Paragraph, ParagraphKind, Section, Span
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
    spans = [(shift.start(p.start), shift.end(p.end), p.kind) for p in new.paragraphs]
    spans += [(s, e, ParagraphKind.BODY) for s, e in extra]
    spans.sort(key=lambda span: span[0])
    section_starts = [shift.start(s.start) for s in new.sections]
    if section_starts:
        section_starts[0] = 0
    paragraphs = []
    for index, (start, end, kind) in enumerate(spans):
        holder = max(0, bisect_right(section_starts, start) - 1)
        paragraphs.append(Paragraph(index, start, end, kind, holder))
    paragraph_starts = [p.start for p in paragraphs]
    sections: list[Section] = []
    for k, old_section in enumerate(new.sections):
        start = section_starts[k]
        end = section_starts[k + 1] if k + 1 < len(section_starts) else len(text)
        heading = None
        if old_section.heading is not None:
            heading = (shift.start(old_section.heading[0]), shift.end(old_section.heading[1]))
        sections.append(
            replace(
                old_section,
                start=start,
                end=end,
                heading=heading,
                first_paragraph=bisect_left(paragraph_starts, start),
                last_paragraph=bisect_left(paragraph_starts, end),
            )
        )
    meta = replace(
        new.meta, spans={k: (shift.start(s), shift.end(e)) for k, (s, e) in new.meta.spans.items()}
    )
    return replace(
        new,
        text=text,
        meta=meta,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        # The merged text's "source" is NEW's displayed text.
        source_map=to_new,
    )
