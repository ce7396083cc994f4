"""The paragraphs of a document as the reading pane lays them out: spans, gaps, insets.

Pure Python, no Textual. Position unit: character offsets into the document text;
a *gap* is a count of blank rows.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Mapping, Sequence

from reader.model.document import Document, Paragraph, ParagraphKind
from reader.model.paragraphs import Paragraphs

__all__ = ["PREFORMATTED", "ParagraphTable", "paragraph_gaps", "table_of"]

PREFORMATTED = frozenset({ParagraphKind.CODE, ParagraphKind.TABLE})
"""Kinds broken only at newlines and at the width, never by kinsoku."""


def paragraph_gaps(kinds: Sequence[ParagraphKind], tight: Collection[int] = ()) -> list[int]:
    """Blank rows before each paragraph, by kind, for readability.

    One blank row between paragraphs; two above a heading (a section break
    shows); none inside the metadata block, none between a heading and its
    subtitle, which read as one unit, and none before a ``tight`` paragraph
    (a list item right after its sibling). The first paragraph has none.

    Args:
        kinds: The kind of each paragraph, in order.
        tight: Indices of the paragraphs set right under the one before.

    Returns:
        One count per paragraph.
    """
    # Enum attribute look-ups are slow; a 10 MB text has 30,000 paragraphs.
    heading, subtitle, meta = ParagraphKind.HEADING, ParagraphKind.SUBTITLE, ParagraphKind.META
    gaps: list[int] = []
    previous: ParagraphKind | None = None
    for kind in kinds:
        if previous is None:
            gap = 0
        elif kind is heading:
            gap = 2
        elif (kind is subtitle and previous is heading) or (kind is meta and previous is meta):
            gap = 0
        elif tight and len(gaps) in tight:
            gap = 0
        else:
            gap = 1
        gaps.append(gap)
        previous = kind
    return gaps


class ParagraphTable:
    """The paragraph spans and gaps of one document, as arrays, built once.

    A resize builds a new ``LayoutIndex`` over the same table, so nothing per
    paragraph is recomputed but the wrap itself.

    Args:
        spans: ``(start, end)`` of each paragraph, in text order, not overlapping (or
            the document's paragraph columns, whose start and end arrays it shares).
        gaps: Blank rows before each paragraph (same length as ``spans``).
        insets: Cells each paragraph is set in from the column (its indent and
            hang, see ``BlockShape``): it wraps that much narrower. Keyed by
            paragraph index; the others have none.
        preformatted: Indices of the paragraphs broken only at newlines and at
            the width (code and tables: ``wrap_preformatted``), never by kinsoku.
    """

    def __init__(
        self,
        spans: Sequence[tuple[int, int]] | Paragraphs,
        gaps: Sequence[int],
        insets: Mapping[int, int] | None = None,
        preformatted: Collection[int] = (),
    ) -> None:
        if len(gaps) != len(spans):
            raise ValueError("one gap per paragraph is needed")
        if isinstance(spans, Paragraphs):
            # The document's own columns, shared (never changed here).
            self.starts, self.ends = spans.starts, spans.ends
        else:
            self.starts = array("i", [s for s, _ in spans])
            self.ends = array("i", [e for _, e in spans])
        self.gaps: array[int] = array("i", gaps)
        self.insets: dict[int, int] = dict(insets or {})
        self.preformatted: frozenset[int] = frozenset(preformatted)

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def of(cls, paragraphs: Sequence[Paragraph]) -> ParagraphTable:
        """The table of a document's paragraphs, with gaps by kind (:func:`paragraph_gaps`)."""
        return cls([p.span for p in paragraphs], paragraph_gaps([p.kind for p in paragraphs]))


def table_of(document: Document) -> ParagraphTable:
    """Spans, gaps, insets and preformatted blocks of the document's paragraphs."""
    paragraphs = document.paragraphs
    spans: Sequence[tuple[int, int]] | Paragraphs
    if isinstance(paragraphs, Paragraphs):  # no paragraph object built
        spans, kinds = paragraphs, paragraphs.kinds
    else:
        spans, kinds = [p.span for p in paragraphs], [p.kind for p in paragraphs]
    shapes = document.shapes
    if not shapes:
        return ParagraphTable(spans, paragraph_gaps(kinds))
    text = document.text
    insets: dict[int, int] = {}
    tight: set[int] = set()
    preformatted = {k for k, kind in enumerate(kinds) if kind in PREFORMATTED}
    for k, paragraph in enumerate(paragraphs):
        shape = shapes.get(paragraph.start)
        if shape is not None:
            insets[k] = shape.indent + shape.hang
        # A list item one newline after the paragraph before: no blank row.
        if (
            k
            and paragraph.kind is ParagraphKind.LIST_ITEM
            and text[paragraph.start - 2 : paragraph.start] != "\n\n"
        ):
            tight.add(k)
    return ParagraphTable(spans, paragraph_gaps(kinds, tight), insets, preformatted)
