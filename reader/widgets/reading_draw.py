"""Drawing a row of the reading pane: styles looked up once, one Strip a line.

Position unit: character offsets into the document text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.model.document import ParagraphKind
from reader.view.reading_render import SpanSet, line_segments

__all__ = ["LAYERS", "MARGIN", "MARK", "Layer", "LineStyles", "draw_line", "lookup_styles"]

MARGIN = 2
"""Cells left of the text column for bookmark marks (drawn even when narrow)."""

MARK = "▌"
"""The bookmark mark in the margin."""

LAYERS = {
    "facts": ("reading-pane--fact", "reading-pane--fact-current"),
    "search": ("reading-pane--search", "reading-pane--search-current"),
    "selection": ("reading-pane--selection", "reading-pane--selection"),
}
"""Highlight layers, drawn in this order (later over earlier), and their styles."""


@dataclass(frozen=True)
class LineStyles:
    """Rich styles of every kind of line and overlay."""

    base: Style
    kinds: dict[ParagraphKind, Style]
    current: Style
    mark: Style
    layers: dict[str, tuple[Style, Style]]


@dataclass(frozen=True)
class Layer:
    """One highlight layer: its spans and which of them is current."""

    spans: SpanSet
    current: int | None


def lookup_styles(widget: Widget) -> LineStyles:
    """Look up the pane's component styles (an expensive call: cache the result).

    Args:
        widget: The reading pane.

    Returns:
        The styles of every kind of line and overlay.
    """
    base = widget.rich_style

    def part(name: str) -> Style:
        # The partial style says which attributes the rule sets; the full one
        # has its colours blended ("$warning 35%" over the background).
        partial = widget.get_component_rich_style(name, partial=True)
        full = widget.get_component_rich_style(name)
        colors = Style(
            color=full.color if partial.color is not None else None,
            bgcolor=full.bgcolor if partial.bgcolor is not None else None,
        )
        return partial.without_color + colors

    kinds = {
        ParagraphKind.BODY: base,
        ParagraphKind.META: base + part("reading-pane--meta"),
        ParagraphKind.HEADING: base + part("reading-pane--heading"),
        ParagraphKind.SUBTITLE: base + part("reading-pane--subtitle"),
        ParagraphKind.CODE: base + part("reading-pane--code"),
    }
    layers = {name: (part(normal), part(now)) for name, (normal, now) in LAYERS.items()}
    return LineStyles(
        base, kinds, part("reading-pane--current"), base + part("reading-pane--mark"), layers
    )


def draw_line(
    text: str,
    kind: ParagraphKind,
    start: int,
    end: int,
    *,
    current: bool,
    width: int,
    column: int,
    styles: LineStyles,
    layers: Mapping[str, Layer],
    marks: SpanSet,
) -> Strip:
    """Build the strip of one wrapped line: centring pad, margin, text, fill.

    Args:
        text: The document text.
        kind: The kind of the paragraph the line belongs to.
        start: Offset of the line's first character.
        end: Offset past its last character.
        current: Whether the line belongs to the current passage.
        width: Content width of the pane in cells.
        column: Width of the text column in cells.
        styles: From ``lookup_styles``.
        layers: Highlight layers by name.
        marks: Bookmark spans.

    Returns:
        A strip exactly ``width`` cells wide.
    """
    left = max(0, (width - column - MARGIN) // 2)
    style = styles.kinds.get(kind, styles.base)
    if current:
        style = style + styles.current
    overlays: list[tuple[int, int, Style]] = []
    # In LAYERS order: facts first, search over them, selection on top.
    for name, (normal, now) in styles.layers.items():
        layer = layers.get(name)
        if layer is None:
            continue
        for s, e, given in layer.spans.overlapping(start, end):
            overlays.append((s, e, now if given == layer.current else normal))
    segments, cells = line_segments(text, start, end, style, overlays)
    marked = next(iter(marks.overlapping(start, max(end, start + 1))), None)
    margin = Segment(MARK + " ", styles.mark) if marked else Segment(" " * MARGIN, styles.base)
    fill = max(0, column - cells)
    right = max(0, width - left - MARGIN - column)
    strip = Strip(
        [
            Segment(" " * left, styles.base),
            margin,
            *segments,
            Segment(" " * fill, style),
            Segment(" " * right, styles.base),
        ]
    )
    return strip.crop_extend(0, width, styles.base)
