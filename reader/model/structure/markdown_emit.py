"""Building the displayed text of rendered Markdown: blocks, style runs, a source map.

Position unit: character offsets, into the source (``at``, ``copy``) or into the
displayed text being built (``Block``, style runs).

Both Markdown renderers (:mod:`~reader.model.structure.markdown_render` for
markdown-it-py, :mod:`~reader.model.structure.markdown_lean` for very big texts)
write through one :class:`Emitter`, so they agree on what a block looks like:
blocks are separated by a blank line (list items of one list by a newline), a
table is laid out in aligned columns by cell width, a code block is copied as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.model.document import BlockShape, InlineStyle, ParagraphKind
from reader.model.layout.cells import cell_len
from reader.model.structure.source_map import SourceMap, SourceMapBuilder

BULLETS = ("•", "◦", "▪")
"""List bullets by nesting depth (the deepest repeats)."""
CODE_HANG = 2
"""Cells a code or table line is set in from its block, for the continuation marker."""
RULE = "─" * 12
"""What a thematic break (``---``) is shown as."""

_CJK_RANGES = (
    ("\u2e80", "\u9fff"),
    ("\uac00", "\ud7af"),
    ("\uf900", "\ufaff"),
    ("\uff00", "\uffef"),
)


def is_wide(char: str) -> bool:
    """Whether ``char`` is CJK (lines joined around it take no space)."""
    return any(a <= char <= b for a, b in _CJK_RANGES)


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def is_line_break(tag: str) -> bool:
    """Whether an inline HTML tag is ``<br>`` (shown as a line break, not dropped)."""
    return _BR.fullmatch(tag.strip()) is not None


def joiner(before: str, after: str) -> str:
    """What joins two lines of a paragraph: nothing between CJK, else a space."""
    if before and after and is_wide(before[-1]) and is_wide(after[0]):
        return ""
    return " "


@dataclass(frozen=True, slots=True)
class Block:
    """One rendered block: a span of the displayed text and how it is set."""

    start: int
    end: int
    kind: ParagraphKind
    level: int = 0
    """Heading level, for HEADING."""
    shape: BlockShape | None = None


class Cell(NamedTuple):
    """A table cell: its displayed text, its style runs (relative), its source offset."""

    text: str
    styles: list[tuple[int, int, InlineStyle]]
    at: int


class Rendered(NamedTuple):
    """A rendered Markdown text."""

    text: str
    source_map: SourceMap
    blocks: list[Block]
    styles: list[tuple[int, int, InlineStyle]]


@dataclass
class Emitter:
    """Appends blocks and styled runs to the displayed text, in source order."""

    source: str
    builder: SourceMapBuilder = field(init=False)
    blocks: list[Block] = field(default_factory=list)
    styles: list[tuple[int, int, InlineStyle]] = field(default_factory=list)
    _recent: list[str] = field(default_factory=list)
    """The pieces of the current block (for :meth:`tail`)."""

    def __post_init__(self) -> None:
        self.builder = SourceMapBuilder(self.source)

    @property
    def length(self) -> int:
        """Length of the displayed text so far."""
        return self.builder.length

    def tail(self, count: int) -> str:
        """The last ``count`` characters of the displayed text so far."""
        if count <= 0:
            return ""
        pieces: list[str] = []
        have = 0
        for part in reversed(self._recent):
            pieces.append(part)
            have += len(part)
            if have >= count:
                break
        return "".join(reversed(pieces))[-count:]

    def open_block(self, at: int, *, tight: bool = False) -> int:
        """Start a block (after a separator) and return its displayed start.

        Args:
            at: The source offset the block starts at.
            tight: Follow the previous block with a newline only (a list item
                after its sibling), not a blank line.
        """
        self._recent.clear()
        if self.builder.length:
            self.builder.insert("\n" if tight else "\n\n", at)
        return self.builder.length

    def close_block(
        self,
        start: int,
        kind: ParagraphKind,
        *,
        level: int = 0,
        shape: BlockShape | None = None,
    ) -> None:
        """End the block opened at displayed ``start`` (dropped when blank: a
        heading of only ``<br>`` is no heading)."""
        if self.builder.length > start and self.tail(self.builder.length - start).strip():
            self.blocks.append(Block(start, self.builder.length, kind, level, shape))

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` as it is."""
        self.builder.copy(start, end)
        self._recent.append(self.source[start:end])

    def insert(self, text: str, at: int, style: InlineStyle | None = None) -> None:
        """Append text of our own (standing for source offset ``at``), maybe styled."""
        begin = self.builder.length
        self.builder.insert(text, at)
        self._recent.append(text)
        if style is not None and text:
            self.styles.append((begin, self.builder.length, style))

    def put(self, text: str, cursor: int, limit: int) -> int:
        """Append ``text``, copied from the source when found there, else inserted.

        Args:
            text: What to show.
            cursor: Where in the source to start looking (the end of the last copy).
            limit: Where to stop looking (the end of the block's source).

        Returns:
            The new cursor (just past the copy, or unchanged).
        """
        if not text:
            return cursor
        found = self.source.find(text, cursor, limit)
        if found >= 0 and found - cursor < 256:
            self.builder.copy(found, found + len(text))
            self._recent.append(text)
            return found + len(text)
        self.builder.insert(text, cursor)
        self._recent.append(text)
        return cursor

    def style(self, start: int, style: InlineStyle) -> None:
        """Style the displayed text from ``start`` to here."""
        if self.builder.length > start:
            self.styles.append((start, self.builder.length, style))

    def rule(self, at: int) -> None:
        """A thematic break (none at the top, and never two in a row)."""
        if (
            not self.blocks
            or self.blocks[-1].kind is ParagraphKind.BODY
            and self.tail(len(RULE)) == RULE
        ):
            return
        start = self.open_block(at)
        self.insert(RULE, at, InlineStyle.RULE)
        self.close_block(start, ParagraphKind.BODY)

    def table(
        self,
        rows: Sequence[Sequence[Cell]],
        aligns: Sequence[str],
        header: int,
        at: int,
        shape: BlockShape | None,
    ) -> None:
        """Lay out a table in aligned columns by cell width (CJK-aware).

        Args:
            rows: The rows, header rows first; each a list of cells.
            aligns: ``"left"``, ``"right"`` or ``"center"`` per column.
            header: How many rows are header rows (a rule goes under them).
            at: Source offset of the table.
            shape: Indentation of the block.
        """
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return
        widths = [0] * columns
        for row in rows:
            for k, cell in enumerate(row):
                widths[k] = max(widths[k], cell_len(cell.text))
        start = self.open_block(at)
        for r, row in enumerate(rows):
            if r:
                self.insert("\n", row[0].at if row else at)
            if r == header and header:
                rule = "─┼─".join("─" * w for w in widths)
                self.insert(rule + "\n", row[0].at if row else at, InlineStyle.RULE)
            for k in range(columns):
                cell = row[k] if k < len(row) else Cell("", [], at)
                if k:
                    self.insert(" │ ", cell.at, InlineStyle.RULE)
                pad = widths[k] - cell_len(cell.text)
                align = aligns[k] if k < len(aligns) else "left"
                left = pad if align == "right" else pad // 2 if align == "center" else 0
                right = pad - left if k + 1 < columns else 0
                self.insert(" " * left, cell.at)
                begin = self.length
                self.insert(cell.text, cell.at)
                for a, b, style in cell.styles:
                    self.styles.append((begin + a, begin + b, style))
                if r < header:
                    self.style(begin, InlineStyle.STRONG)
                self.insert(" " * right, cell.at)
        if header and header == len(rows):
            self.insert("\n" + "─┼─".join("─" * w for w in widths), at, InlineStyle.RULE)
        self.close_block(start, ParagraphKind.TABLE, shape=_code_shape(shape))

    def code(self, text: str, at: int, end: int, shape: BlockShape | None) -> None:
        """A code block: its lines as they are (copied when found in the source)."""
        text = text.rstrip("\n")
        if not text.strip():
            return
        start = self.open_block(at)
        cursor = at
        for k, line in enumerate(text.split("\n")):
            if k:
                self.insert("\n", cursor)
            cursor = self.put(line, cursor, end)
        self.close_block(start, ParagraphKind.CODE, shape=_code_shape(shape))

    def finish(self, tail: int | None = None) -> Rendered:
        """The displayed text, its map, blocks and style runs (sorted).

        Args:
            tail: Where the unrendered rest of the source begins, if any: it is
                appended as it is, after a blank line, in no block (a
                head-only parse keeps the whole text's length this way).
        """
        if tail is not None and tail < len(self.source):
            if self.builder.length:
                self.builder.insert("\n\n", tail)
            self.builder.copy(tail, len(self.source))
        text, source_map = self.builder.build()
        self.styles.sort(key=lambda run: (run[0], -run[1]))
        return Rendered(text, source_map, self.blocks, self.styles)


def shows_address(
    href: str, shown: str, styles: Sequence[tuple[int, int, InlineStyle]], begin: int
) -> bool:
    """Whether a link's address is shown, dim, after its text.

    Only an absolute address (``scheme:``) that says more than the text does:
    not a link inside the document or to a file beside it, not an address
    already shown as the text, and not a link whose text is only an image
    (a badge: its ``[image: alt]`` says what it is).

    Args:
        href: The link's address.
        shown: The displayed text of the link.
        styles: The style runs so far.
        begin: Where the link's text starts in the displayed text.
    """
    if ":" not in href.split("/", 1)[0]:
        return False
    text = shown.strip()
    if text in (href, href.removeprefix("mailto:")):
        return False
    images = 0
    for a, b, style in reversed(styles):  # the runs of this link are the last ones
        if a < begin:
            break
        if style is InlineStyle.IMAGE:
            images += b - a
    return images < len(text)


_ADDRESS_CLOSERS = frozenset(".,;:!?)]}\"'，。；：！？、）」』》”’")


def address_end(after: str) -> str:
    """What follows a link's shown address: a space, unless text does not go on
    at once (a space, the end, closing punctuation): ``https://x.y 谱写``."""
    return " " if after and not after.isspace() and after not in _ADDRESS_CLOSERS else ""


def _code_shape(shape: BlockShape | None) -> BlockShape:
    if shape is None:
        return BlockShape(0, CODE_HANG, 0)
    return BlockShape(shape.indent, CODE_HANG, shape.quote)


def bullet(depth: int) -> str:
    """The bullet of a list item ``depth`` lists deep (0 at top)."""
    return BULLETS[min(depth, len(BULLETS) - 1)]
