"""Drawing one wrapped line of the reading pane: spans of styles -> Rich segments.

No Textual here (Rich only), so it is tested alone. Position unit: character
offsets into the document text.

Document text is data: it goes into ``Segment(text, style)`` as is, never through
Rich markup, so ``[bold]x[/]`` in a document is drawn literally.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from reader.model.document import Document, InlineStyle
from reader.model.layout.cells import TAB_CELLS, cell_len

__all__ = ["Runs", "SpanSet", "line_segments", "runs_of"]

_TAB = " " * TAB_CELLS
"""What a tab is drawn as (the wrapper counts a tab as ``TAB_CELLS`` cells)."""


class SpanSet:
    """Spans sorted for fast "which of them touch this line" queries.

    Args:
        spans: Half-open ``(start, end)`` pairs in any order; they may overlap.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        self.starts: array[int] = array("i", (spans[i][0] for i in order))
        self.ends: array[int] = array("i", (spans[i][1] for i in order))
        self.indices: array[int] = array("i", order)
        """Position of each sorted span in the sequence given (for ``current``)."""
        self.longest = max((e - s for s, e in spans), default=0)

    def __len__(self) -> int:
        return len(self.starts)

    def same(self, other: SpanSet) -> bool:
        """Whether ``other`` holds the same spans (in any order given)."""
        return (self.starts, self.ends) == (other.starts, other.ends)

    def overlapping(self, lo: int, hi: int) -> Iterator[tuple[int, int, int]]:
        """The spans that show in ``[lo, hi)``, as ``(start, end, given index)``.

        An empty span counts when its position is inside ``[lo, hi)``.
        """
        starts, ends = self.starts, self.ends
        # A span starting before lo - longest ends before lo: skip them all.
        first = bisect_left(starts, lo - self.longest)
        last = bisect_left(starts, hi)
        for k in range(first, last):
            start, end = starts[k], ends[k]
            if end > lo or (start == end and start >= lo):
                yield start, end, self.indices[k]


def line_segments(
    text: str,
    start: int,
    end: int,
    style: Style,
    overlays: Sequence[tuple[int, int, Style]] = (),
) -> tuple[list[Segment], int]:
    """Segments for ``text[start:end]``, one per run of equal style.

    Trailing spaces (those hanging at a wrap) are not drawn and tabs become
    ``TAB_CELLS`` spaces.

    Args:
        text: The document text.
        start: Offset of the line's first character.
        end: Offset past its last character.
        style: The style of the whole line.
        overlays: ``(start, end, style)`` drawn over the line in order (later wins).

    Returns:
        The segments and their width in cells.
    """
    stop = start + len(text[start:end].rstrip(" \n"))  # a newline ends a line, unseen
    cuts = {start, stop}
    for a, b, _ in overlays:
        if a < stop and b > start:
            cuts.add(max(a, start))
            cuts.add(min(b, stop))
    points = sorted(cuts)
    segments: list[Segment] = []
    cells = 0
    for a, b in zip(points, points[1:], strict=False):
        piece = text[a:b]
        if "\t" in piece:
            piece = piece.replace("\t", _TAB)
        piece_style = style
        for o_start, o_end, o_style in overlays:
            if o_start < b and o_end > a:
                piece_style = piece_style + o_style
        segments.append(Segment(piece, piece_style))
        cells += cell_len(piece)
    return segments, cells


@dataclass(frozen=True)
class Runs:
    """The inline style runs of a document, sorted for per-line look-ups."""

    spans: SpanSet
    styles: tuple[InlineStyle, ...]
    """The style of each run, in the order given to ``spans``."""


def runs_of(document: Document) -> Runs | None:
    """The document's inline style runs, ready for drawing (``None``: it has none)."""
    if not document.styles:
        return None
    return Runs(
        SpanSet([(run.start, run.end) for run in document.styles]),
        tuple(run.style for run in document.styles),
    )
