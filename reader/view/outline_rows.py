"""The outline's rows: a flat, collapsible index over the sections (pure; no Textual).

Position unit: *rows* of the outline's virtual canvas (row 0 is the top), and
section *indices* (``Section.index``). Nothing here knows about offsets in the text.

A section shows as one to three rows: its title (one row, or two when the title
is wider than the pane: see :func:`title_lines`), then its subtitle (one row) if
it has one. Sections indent by nesting depth, two cells a level; when any
section has children, every row keeps a two-cell gutter for the ▾/▸ marker.

Built to stay fast with 100,000 sections:

* The width-independent facts (depth, title width in cells, where a subtree
  ends) are computed once, into ``array('i')``.
* The *visible* sections are a list of runs (ranges between collapsed
  subtrees); the per-section row counts for a width are one ``bytes`` object;
  the row index (first row of each visible section) is one ``accumulate`` over
  the joined counts. So a collapse, an expand or a resize is a few C-level
  passes, not Python work per row.
* A row is found by ``bisect`` on that index.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import add, sub
from typing import NamedTuple

from reader.model.document import Section
from reader.model.layout.cells import cell_len, width_classes
from reader.model.layout.wrap import wrap_paragraph
from reader.view import fitting

__all__ = [
    "ELLIPSIS",
    "SUBTITLE_PREFIX",
    "INDENT",
    "MIN_TEXT",
    "TITLE",
    "TITLE_MORE",
    "SUBTITLE",
    "OutlineRows",
    "Row",
    "fit",
    "title_lines",
]

INDENT = 2
"""Cells of indentation per nesting level (and of the ▾/▸ gutter)."""

MIN_TEXT = 8
"""Deep nesting never leaves a title fewer cells than this (indentation stops growing)."""

ELLIPSIS = "…"
"""Ends a cut title or subtitle (one cell)."""

SUBTITLE_PREFIX = "——"
"""Starts the subtitle row (the dash the parser stripped)."""

TITLE, TITLE_MORE, SUBTITLE = 0, 1, 2
"""What a row shows: the title's first row, its second row, the subtitle."""


class Row(NamedTuple):
    """One row of the outline."""

    section: int
    """Index of the section the row belongs to."""
    part: int
    """``TITLE``, ``TITLE_MORE`` or ``SUBTITLE``."""
    first: int
    """The section's first (title) row."""


def fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells, ending in ``…`` when cut.

    Args:
        text: Any string.
        cells: Width available (at least 1 for anything to show).
    """
    return fitting.fit(text, cells)


def title_lines(title: str, cells: int, rows: int) -> list[str]:
    """``title`` wrapped to ``cells`` per line (CJK-aware), at most ``rows`` lines.

    Args:
        title: The section title.
        cells: Width of the title column.
        rows: Lines available; when the title needs more, the last line ends in ``…``.

    Returns:
        One to ``rows`` lines, trailing spaces removed.
    """
    if rows <= 1 or cell_len(title) <= cells:
        return [fit(title, cells)]
    starts = wrap_paragraph(title, 0, len(title), max(1, cells))
    ends = [*starts[1:], len(title)]
    lines = [title[a:b].rstrip() for a, b in zip(starts, ends, strict=True)]
    if len(lines) <= rows:
        return lines
    # The rest of the title goes into the last row, cut: an ellipsis says there is more.
    # It runs over more than one row, so fit cuts it (never "“…" or " …").
    return [*lines[: rows - 1], fitting.fit(title[starts[rows - 1] :].rstrip(), cells)]


def _title_cells(titles: Sequence[str]) -> array[int]:
    """Cells of every title, without a Python step per title.

    The titles are joined with tabs (the only class-"4" character) into one class
    string; deleting all but the wide ("2") or zero-width ("0") classes and
    splitting at the tabs counts them per title (``bytes`` operations, in C).
    """
    if not titles:
        return array("i")
    lengths = array("i", map(len, titles))
    joined = "\t".join(titles)
    if joined.isascii() and joined.replace("\t", " ").isprintable():
        return lengths
    if joined.count("\t") != len(titles) - 1:
        # A title holds a tab itself (rare): measure each.
        return array("i", map(cell_len, titles))
    classes = width_classes(joined).encode("ascii")
    wide = map(len, classes.translate(None, b"01").split(b"4"))
    zero = map(len, classes.translate(None, b"12").split(b"4"))
    return array("i", map(sub, map(add, lengths, wide), zero))


def _nesting(parents: Sequence[int | None]) -> tuple[array[int], array[int] | None]:
    """Depth of each section and, when anything nests, where each subtree ends.

    A section's subtree is the run of sections after it that are deeper than it:
    what collapsing it hides (what the reader sees indented below it).
    """
    count = len(parents)
    if all(parent is None for parent in parents):
        return array("i", bytes(4 * count)), None
    depth = array("i", bytes(4 * count))
    for index, parent in enumerate(parents):
        if parent is not None and 0 <= parent < index:
            depth[index] = depth[parent] + 1
    ends = array("i", range(1, count + 1))
    stack: list[int] = []
    for index, level in enumerate(depth):
        while stack and depth[stack[-1]] >= level:
            ends[stack.pop()] = index
        stack.append(index)
    for open_index in stack:
        ends[open_index] = count
    return depth, ends


class OutlineRows:
    """The rows of an outline at one width, with some sections collapsed."""

    def __init__(self, sections: Sequence[Section]) -> None:
        """Measure the sections once.

        Args:
            sections: The document's sections, in text order.
        """
        self.sections = sections
        """The sections shown."""
        self.count = len(sections)
        self.titles = [section.title or "—" for section in sections]
        """The title shown for each section ("—" for an empty one)."""
        cells = _title_cells(self.titles)
        self.depth, self._ends = _nesting([section.parent for section in sections])
        self.gutter = INDENT if self._ends is not None else 0
        """Cells before depth-0 text: room for ▾/▸ when anything can collapse."""
        if self._ends is None:
            self._need = cells
        else:
            indents = (self.gutter + INDENT * depth for depth in self.depth)
            self._need = array("i", map(add, cells, indents))
        """Cells a section's title row needs to hold the whole title (indentation included)."""
        self._max_indent = self.gutter + INDENT * max(self.depth, default=0)
        self._subtitled = bytes(1 if section.subtitle else 0 for section in sections)
        self._index_of: dict[str, int] | None = None
        self.collapsed: set[int] = set()
        """Indices of the sections whose subtrees are hidden."""
        self.width = 0
        """The width the rows were laid out for (0: not yet)."""
        self._counts = b""
        self._runs: list[tuple[int, int]] = [(0, self.count)]
        self._visible: array[int] = array("i")
        self._starts: array[int] = array("i", [0])

    # -- width-independent facts ---------------------------------------------

    def index_of(self, section_id: str, near: int = 0) -> int | None:
        """The index of the section with id ``section_id``, if there is one.

        Args:
            section_id: The id.
            near: Where it probably is: ``near`` and its neighbours are tried
                first (the reader moves section by section), the id table
                (~20 ms for 100,000 sections) is built only on a miss.
        """
        for guess in (near, near + 1, near - 1):
            if 0 <= guess < self.count and self.sections[guess].id == section_id:
                return guess
        if self._index_of is None:
            self._index_of = {section.id: i for i, section in enumerate(self.sections)}
        return self._index_of.get(section_id)

    def has_children(self, section: int) -> bool:
        """Whether ``section`` has a subtree to collapse."""
        return self._ends is not None and self._ends[section] > section + 1

    def subtree_end(self, section: int) -> int:
        """Index just past the last section of ``section``'s subtree."""
        return section + 1 if self._ends is None else self._ends[section]

    def parent_row_section(self, section: int) -> int | None:
        """The nearest section above ``section`` that is less deep (its parent as shown)."""
        depth = self.depth[section]
        for index in range(section - 1, -1, -1):
            if self.depth[index] < depth:
                return index
        return None

    def text_x(self, section: int) -> int:
        """Where the section's title starts, in cells from the left edge."""
        indent = self.gutter + INDENT * self.depth[section]
        return min(indent, max(0, self.width - MIN_TEXT))

    # -- layout ----------------------------------------------------------------

    def layout(self, width: int) -> None:
        """Lay the rows out for ``width`` cells (no-op when already laid out for it)."""
        width = max(1, width)
        if width == self.width:
            return
        self.width = width
        cap = max(0, width - MIN_TEXT)
        if self._max_indent <= cap:
            # The usual case: one C-level comparison per section.
            wraps = bytes(map(width.__lt__, self._need))
        else:
            # Deep nesting in a narrow pane: indentation stops at the cap.
            wraps = bytes(
                need - indent + min(indent, cap) > width
                for need, indent in zip(
                    self._need, (self.gutter + INDENT * d for d in self.depth), strict=True
                )
            )
        # 1 + wraps + subtitled, per section; map(add) runs in C.
        self._counts = bytes(map(add, map(add, wraps, self._subtitled), b"\x01" * self.count))
        self._index()

    def set_collapsed(self, section: int, collapsed: bool) -> bool:
        """Collapse or expand ``section``; return whether anything changed."""
        if not self.has_children(section) or (section in self.collapsed) == collapsed:
            return False
        if collapsed:
            self.collapsed.add(section)
        else:
            self.collapsed.discard(section)
        self._index()
        return True

    def reveal(self, section: int) -> bool:
        """Expand every collapsed section that hides ``section``; return whether any was."""
        hiding = {c for c in self.collapsed if c < section < self.subtree_end(c)}
        if not hiding:
            return False
        self.collapsed -= hiding
        self._index()
        return True

    def _index(self) -> None:
        """Rebuild the visible runs and the row index (C-level passes only)."""
        runs: list[tuple[int, int]] = []
        start = 0
        for section in sorted(self.collapsed):
            if section < start:
                continue  # inside a subtree already hidden
            runs.append((start, section + 1))
            start = self.subtree_end(section)
        runs.append((start, self.count))
        self._runs = [(a, b) for a, b in runs if a < b]
        if len(self._runs) == 1 and self._runs[0] == (0, self.count):
            self._visible = array("i", range(self.count))
            counts = self._counts
        else:
            self._visible = array("i")
            for a, b in self._runs:
                self._visible.extend(range(a, b))
            counts = b"".join(self._counts[a:b] for a, b in self._runs)
        self._starts = array("i", accumulate(counts, initial=0))

    # -- rows ------------------------------------------------------------------

    @property
    def total_rows(self) -> int:
        """Rows of the whole outline as laid out."""
        return self._starts[-1]

    @property
    def visible_count(self) -> int:
        """How many sections show (not hidden in a collapsed subtree)."""
        return len(self._visible)

    def rows_of(self, section: int) -> int:
        """How many rows ``section`` takes at the current width."""
        return self._counts[section] if self._counts else 1

    def title_rows(self, section: int) -> int:
        """Rows of ``section``'s title (1 or 2)."""
        return self.rows_of(section) - self._subtitled[section]

    def row(self, row: int) -> Row | None:
        """What row ``row`` shows, or ``None`` past the end."""
        if row < 0 or row >= self.total_rows:
            return None
        position = bisect_right(self._starts, row) - 1
        section = self._visible[position]
        first = self._starts[position]
        offset = row - first
        if offset == 0:
            part = TITLE
        elif offset == 1 and self.title_rows(section) == 2:
            part = TITLE_MORE
        else:
            part = SUBTITLE
        return Row(section, part, first)

    def position(self, section: int) -> int | None:
        """Place of ``section`` among the visible sections, or ``None`` when hidden."""
        if not self.collapsed:
            return section if 0 <= section < self.count else None
        place = bisect_left(self._visible, section)
        if place < len(self._visible) and self._visible[place] == section:
            return place
        return None

    def first_row(self, section: int) -> int | None:
        """The title row of ``section``, or ``None`` when it is hidden."""
        place = self.position(section)
        # Before the first layout (a hidden pane has no width) there are no rows.
        return None if place is None or place >= len(self._starts) else self._starts[place]

    def at_position(self, place: int) -> int:
        """The visible section at ``place`` (clamped to the visible ones)."""
        if not self._visible:
            return 0
        return self._visible[max(0, min(place, len(self._visible) - 1))]

    def shown_at_or_before(self, section: int) -> int:
        """``section`` if it shows, else the folded section that hides it."""
        place = bisect_right(self._visible, section) - 1
        return self._visible[place] if place >= 0 else self.at_position(0)

    def section_at_row(self, row: int) -> int:
        """The visible section whose rows hold ``row`` (clamped to the outline)."""
        found = self.row(max(0, min(row, self.total_rows - 1)))
        return 0 if found is None else found.section
