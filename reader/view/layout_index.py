"""The wrapped-line index of the reading pane: paragraphs -> screen rows, lazily.

Pure Python, no Textual, so it can be unit-tested and benchmarked alone.

Position units: a *row* is one line of the pane's virtual canvas (a wrapped text
line or a blank line between paragraphs); an *offset* is a character offset into
the document text, as everywhere else in ``reader``.

Layout: paragraph ``p`` takes ``gaps[p]`` blank rows followed by its wrapped
lines. Paragraphs are wrapped lazily. A paragraph not wrapped yet counts an
*estimate* of its lines (its length times the document's cells-per-character
ratio, divided by the width), so the virtual height is known at once and the
first frame never waits for the whole text. ``ensure_rows`` makes the
paragraphs under the view exact; ``wrap_next_chunk`` refines the rest in small
pieces. Refining a paragraph only moves the rows *below* it, so the caller
keeps the reader in place by re-locating its offset (``row_of_offset``) after
each chunk.

Storage: the text stays one ``str``; the row counts live in ``array('i')`` (4
bytes a paragraph), summed per block of ``BLOCK`` paragraphs with prefix sums
over the blocks, so a refined paragraph updates one block sum and a row lookup
bisects the blocks then walks one block; each wrapped paragraph keeps its line
starts in a small ``array('i')``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice, repeat
from operator import add, floordiv, neg, sub

from reader.model.layout.cells import cell_len
from reader.model.layout.preformatted import wrap_preformatted
from reader.model.layout.wrap import wrap_paragraph
from reader.model.slices import in_slices
from reader.view.paragraph_table import ParagraphTable, paragraph_gaps

__all__ = ["LayoutIndex", "ParagraphTable", "RowInfo", "WrapFunction", "paragraph_gaps"]


WrapFunction = Callable[[str, int, int, int], list[int]]
"""``wrap(text, start, end, width) -> line starts``, as ``model.layout.wrap.wrap_paragraph``."""

BLOCK = 128
"""Paragraphs per block of the two-level row sums."""

_SAMPLE_CHARS = 16_384
"""Characters sampled (at three places) to estimate cells per character."""


@dataclass(frozen=True, slots=True)
class RowInfo:
    """What one row of the canvas shows."""

    paragraph: int
    """Index of the paragraph the row belongs to (a blank row: the one it precedes)."""
    line: int
    """Wrapped line number inside the paragraph, or -1 for a blank row."""
    start: int
    """Offset of the line's first character (a blank row: the paragraph start)."""
    end: int
    """Offset past the line's last character, trailing spaces included."""

    @property
    def blank(self) -> bool:
        """Whether the row is a blank row between paragraphs."""
        return self.line < 0


def _cells_per_char(text: str) -> float:
    """Estimate the average cells per character of ``text`` from three samples."""
    if not text:
        return 1.0
    n = len(text)
    picks = {0, max(0, n // 2 - _SAMPLE_CHARS // 2), max(0, n - _SAMPLE_CHARS)}
    chars = cells = 0
    for at in sorted(picks):
        sample = text[at : at + _SAMPLE_CHARS].replace("\n", "")
        chars += len(sample)
        cells += cell_len(sample)
    return cells / chars if chars else 1.0


class LayoutIndex:
    """Rows of a document wrapped to one width; see the module docstring.

    Args:
        text: The document text.
        table: Its paragraphs (spans and gaps).
        width: Cells per wrapped line (at least 1 is used).
        wrap: The line breaker (``wrap_paragraph`` unless a test swaps it).
        cells_per_char: Estimate ratio; sampled from ``text`` when ``None``.
    """

    def __init__(
        self,
        text: str,
        table: ParagraphTable,
        width: int,
        *,
        wrap: WrapFunction = wrap_paragraph,
        cells_per_char: float | None = None,
    ) -> None:
        self.text = text
        self.table = table
        self.width = max(1, width)
        self._wrap = wrap
        self._starts = table.starts
        self._ends = table.ends
        self._gaps = table.gaps
        self._insets = table.insets
        self._preformatted = table.preformatted
        ratio = _cells_per_char(text) if cells_per_char is None else cells_per_char
        per_line = self.width / ratio
        # Estimate: ceil(chars / chars-per-line), at least one line, plus the gap
        # above. In maps of built-ins, no Python code per paragraph, in slices (a
        # comparison lays its texts out in a background thread).
        starts, ends, gaps = self._starts, self._ends, self._gaps

        def estimates(lo: int, hi: int) -> Iterator[int]:
            lengths = map(sub, ends[lo:hi], starts[lo:hi])
            lines = map(int, map(neg, map(floordiv, map(neg, lengths), repeat(per_line))))
            return map(add, gaps[lo:hi], map(max, lines, repeat(1)))

        self._counts: array[int] = array("i", in_slices(len(starts), estimates))
        n = len(table)
        self._lines: list[array[int] | None] = [None] * n
        # Two levels, so refining a paragraph costs O(BLOCK + n / BLOCK), not O(n):
        # row counts summed per block of BLOCK paragraphs, and prefix sums of those.
        self._block_sums: array[int] = array(
            "i", [sum(self._counts[b : b + BLOCK]) for b in range(0, n, BLOCK)]
        )
        self._block_prefix: array[int] = array("i", accumulate(self._block_sums, initial=0))
        self._dirty_block = len(self._block_sums)
        """Block prefix sums are exact up to and including this block."""
        self._changes = 0
        """Row-count changes so far (callers compare it to see if rows moved)."""
        self._pending = n
        self._cursor = 0
        """Where the background refinement goes on."""

    # -- paragraphs ---------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        """Number of paragraphs."""
        return len(self._starts)

    @property
    def pending(self) -> int:
        """Paragraphs whose row count is still an estimate."""
        return self._pending

    @property
    def complete(self) -> bool:
        """Whether every paragraph is wrapped (the row count is exact)."""
        return self._pending == 0

    def is_wrapped(self, paragraph: int) -> bool:
        """Whether ``paragraph`` is wrapped (its row count is exact)."""
        return self._lines[paragraph] is not None

    def paragraph_at_offset(self, offset: int) -> int:
        """The paragraph whose rows show ``offset``.

        An offset between two paragraphs (a newline, a blank text line) belongs
        to the next one; past the last paragraph, to the last.
        """
        p = bisect_right(self._starts, offset) - 1
        if p < 0:
            return 0
        if offset > self._ends[p] and p + 1 < len(self._starts):
            return p + 1
        return p

    def wrap_paragraphs(self, first: int, last: int) -> None:
        """Wrap the paragraphs ``[first, last)`` exactly (those not wrapped yet)."""
        text, wrap, width = self.text, self._wrap, self.width
        insets, preformatted = self._insets, self._preformatted
        for p in range(max(0, first), min(last, len(self._lines))):
            if self._lines[p] is not None:
                continue
            if insets or preformatted:
                cells = max(1, width - insets.get(p, 0))
                breaker = wrap_preformatted if p in preformatted else wrap
                starts = breaker(text, self._starts[p], self._ends[p], cells)
            else:
                starts = wrap(text, self._starts[p], self._ends[p], width)
            self._lines[p] = array("i", starts)
            count = self._gaps[p] + max(1, len(starts))
            if count != self._counts[p]:
                block = p // BLOCK
                self._block_sums[block] += count - self._counts[p]
                self._counts[p] = count
                self._changes += 1
                if block < self._dirty_block:
                    self._dirty_block = block
            self._pending -= 1

    def wrap_next_chunk(self, budget: int = 65_536) -> bool:
        """Wrap the next paragraphs not wrapped yet, about ``budget`` characters.

        Args:
            budget: Characters of text to wrap before returning.

        Returns:
            True while paragraphs remain to be wrapped.
        """
        n = len(self._lines)
        p = self._cursor
        done = 0
        while p < n and done < budget:
            if self._lines[p] is None:
                self.wrap_paragraphs(p, p + 1)
                done += self._ends[p] - self._starts[p] + 1
            p += 1
        self._cursor = p
        if p >= n and self._pending:
            self._cursor = 0
        return self._pending > 0

    # -- rows ---------------------------------------------------------------

    def _flush(self) -> None:
        """Bring the block prefix sums up to date after wraps changed row counts."""
        d = self._dirty_block
        n = len(self._block_sums)
        if d >= n:
            return
        sums = islice(self._block_sums, d, None)
        self._block_prefix[d:] = array("i", accumulate(sums, initial=self._block_prefix[d]))
        self._dirty_block = n

    @property
    def total_rows(self) -> int:
        """Rows of the whole canvas (exact once ``complete``)."""
        self._flush()
        return self._block_prefix[-1]

    def paragraph_top(self, paragraph: int) -> int:
        """First row of ``paragraph``, its gap included."""
        block, first = divmod(paragraph, BLOCK)
        if block > self._dirty_block:
            self._flush()
        base = block * BLOCK
        return self._block_prefix[block] + sum(self._counts[base : base + first])

    def paragraph_first_line_row(self, paragraph: int) -> int:
        """Row of the first wrapped line of ``paragraph`` (after its gap)."""
        return self.paragraph_top(paragraph) + self._gaps[paragraph]

    def paragraph_at_row(self, row: int) -> int:
        """The paragraph that owns ``row`` (clamped into the canvas)."""
        self._flush()
        n = len(self._counts)
        if n == 0:
            return 0
        block = min(max(bisect_right(self._block_prefix, row) - 1, 0), len(self._block_sums) - 1)
        top = self._block_prefix[block]
        counts = self._counts
        last = min(n, (block + 1) * BLOCK) - 1
        for p in range(block * BLOCK, last):
            top += counts[p]
            if top > row:
                return p
        return max(last, 0)

    def line_starts(self, paragraph: int) -> array[int]:
        """Line start offsets of ``paragraph`` (wrapping it if needed)."""
        lines = self._lines[paragraph]
        if lines is None:
            self.wrap_paragraphs(paragraph, paragraph + 1)
            lines = self._lines[paragraph]
            assert lines is not None
        return lines

    def row_info(self, row: int) -> RowInfo | None:
        """What ``row`` shows, wrapping its paragraph if needed; ``None`` past the end."""
        if not self._starts or row < 0:
            return None
        if row >= self.total_rows:
            return None
        p = self.paragraph_at_row(row)
        lines = self.line_starts(p)
        local = row - self.paragraph_top(p) - self._gaps[p]
        start = self._starts[p]
        if local < 0:
            return RowInfo(p, -1, start, start)
        if local >= len(lines):
            # The paragraph was an estimate a moment ago and came out shorter;
            # the rows below moved up. Ask again with exact counts.
            return self.row_info(row)
        end = lines[local + 1] if local + 1 < len(lines) else self._ends[p]
        return RowInfo(p, local, lines[local], end)

    def row_of_offset(self, offset: int) -> int:
        """Row of the wrapped line that holds ``offset`` (clamped into the text)."""
        if not self._starts:
            return 0
        p = self.paragraph_at_offset(offset)
        lines = self.line_starts(p)
        local = max(0, bisect_right(lines, offset) - 1)
        return self.paragraph_first_line_row(p) + local

    def offset_of_row(self, row: int) -> int:
        """Offset of the first character of ``row`` (a blank row: the next paragraph)."""
        if not self._starts:
            return 0
        info = self.row_info(min(max(row, 0), self.total_rows - 1))
        return 0 if info is None else info.start

    def rows_of_span(self, start: int, end: int) -> range:
        """Rows of the wrapped lines that show any of ``[start, end)``."""
        first = self.row_of_offset(start)
        last = self.row_of_offset(max(start, end - 1))
        return range(first, last + 1)

    def ensure_rows(self, row: int, count: int) -> bool:
        """Wrap every paragraph that shows in rows ``[row, row + count)``.

        Rows above the first such paragraph do not move.

        Returns:
            True when a row count changed (the canvas height may differ).
        """
        if not self._starts or count <= 0:
            return False
        before = self._changes
        p = self.paragraph_at_row(max(row, 0))
        top = self.paragraph_top(p)
        n = len(self._starts)
        while p < n and top < row + count:
            self.wrap_paragraphs(p, p + 1)
            top += self._counts[p]
            p += 1
        return self._changes != before

    def ensure_end(self, count: int) -> None:
        """Wrap the last paragraphs until they fill at least ``count`` rows."""
        p = len(self._starts) - 1
        rows = 0
        while p >= 0 and rows < count:
            self.wrap_paragraphs(p, p + 1)
            rows += self._counts[p]
            p -= 1
