"""How the reading pane looks: its component classes and default styles, the
styles looked up once, and one Strip drawn a line.

Position unit: character offsets into the document text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.model.document import BlockShape, InlineStyle, ParagraphKind
from reader.view.paragraph_table import PREFORMATTED
from reader.view.reading_render import Runs, SpanSet, line_segments
from reader.widgets.theme_styles import component_style

__all__ = [
    "COMPONENT_CLASSES",
    "DEFAULT_CSS",
    "LAYERS",
    "MARGIN",
    "MARK",
    "Layer",
    "LineStyles",
    "Overlays",
    "draw_line",
    "lookup_styles",
]

INLINE = {style: f"reading-pane--{style.value}" for style in InlineStyle}
"""The component class of each inline style (``reading-pane--strong`` ...)."""

COMPONENT_CLASSES: set[str] = {
    "reading-pane--heading",
    "reading-pane--subtitle",
    "reading-pane--meta",
    "reading-pane--code",
    "reading-pane--current",
    "reading-pane--search",
    "reading-pane--search-current",
    "reading-pane--fact",
    "reading-pane--fact-current",
    "reading-pane--selection",
    "reading-pane--mark",
    "reading-pane--inserted",
    "reading-pane--deleted",
    "reading-pane--quote",
    "reading-pane--quote-bar",
    *INLINE.values(),
}
"""The pane's component classes: kinds of line, the current passage, layers, marks."""

DEFAULT_CSS = """
ReadingPane {
    /* Always there: a scrollbar that appears later would narrow the text
       and force a second full wrap. */
    overflow-y: scroll;
    overflow-x: hidden;
}
ReadingPane > .reading-pane--heading { color: $text-accent; text-style: bold; }
ReadingPane > .reading-pane--subtitle { color: $foreground-muted; }
ReadingPane > .reading-pane--meta { color: $foreground-muted; text-style: italic; }
ReadingPane > .reading-pane--code { color: $foreground-muted; }
ReadingPane > .reading-pane--current { background: $boost; }
ReadingPane > .reading-pane--search { background: $warning 35%; }
ReadingPane > .reading-pane--search-current { background: $warning; color: $background; }
ReadingPane > .reading-pane--fact { text-style: underline; }
ReadingPane > .reading-pane--fact-current { background: $accent 40%; text-style: underline; }
ReadingPane > .reading-pane--selection { background: $primary 50%; }
ReadingPane > .reading-pane--mark { color: $text-accent; }
ReadingPane > .reading-pane--inserted { background: $success 30%; }
ReadingPane > .reading-pane--deleted { color: $foreground-muted; text-style: strike; }
ReadingPane > .reading-pane--quote { color: $foreground-muted; }
ReadingPane > .reading-pane--quote-bar { color: $accent; }
ReadingPane > .reading-pane--emphasis { text-style: italic; }
ReadingPane > .reading-pane--strong { text-style: bold; }
ReadingPane > .reading-pane--strike { text-style: strike; }
ReadingPane > .reading-pane--link { color: $text-accent; text-style: underline; }
ReadingPane > .reading-pane--link-url { color: $foreground-muted; text-style: dim; }
ReadingPane > .reading-pane--image { color: $foreground-muted; text-style: italic; }
ReadingPane > .reading-pane--rule { color: $foreground-muted; }
"""
"""How the reading pane looks by default; a theme's colours fill the variables."""


MARGIN = 2
"""Cells left of the text column for bookmark marks (drawn even when narrow)."""

MARK = "▌"
"""The bookmark mark in the margin."""

LAYERS = {
    # What a comparison added and dropped: under every other layer.
    "deleted": ("reading-pane--deleted", "reading-pane--deleted"),
    "inserted": ("reading-pane--inserted", "reading-pane--inserted"),
    "facts": ("reading-pane--fact", "reading-pane--fact-current"),
    "search": ("reading-pane--search", "reading-pane--search-current"),
    "selection": ("reading-pane--selection", "reading-pane--selection"),
}
"""Highlight layers, drawn in this order (later over earlier), and their styles."""

QUOTE_BAR = "▎ "
"""Drawn left of a block quote's lines, once per depth."""

CONTINUED = "↪"
"""Drawn left of a code or table row that continues a line cut at the width."""


@dataclass(frozen=True)
class LineStyles:
    """Rich styles of every kind of line and overlay."""

    base: Style
    kinds: dict[ParagraphKind, Style]
    current: Style
    mark: Style
    layers: dict[str, tuple[Style, Style]]
    inline: dict[InlineStyle, Style]
    """Rendered Markdown's inline styles."""
    bar: Style
    """Quote bars and continuation markers."""


@dataclass(frozen=True)
class Layer:
    """One highlight layer: its spans and which of them is current."""

    spans: SpanSet
    current: int | None


class Overlays:
    """What is drawn over the text: inline styles, highlight layers, bookmark marks."""

    def __init__(self, runs: Runs | None = None) -> None:
        self.runs = runs
        """The inline style runs of rendered Markdown, drawn under the layers."""
        self.layers: dict[str, Layer] = {}
        """The highlight layers shown, by name (a name of :data:`LAYERS`)."""
        self.marks = SpanSet(())
        """The bookmarked spans, marked in the margin."""

    def set_layer(
        self, layer: str, spans: Sequence[tuple[int, int]], current: int | None = None
    ) -> None:
        """Show ``spans`` in ``layer`` (``current`` drawn as current); empty clears it.

        Raises:
            ValueError: ``layer`` is not one of :data:`LAYERS`.
        """
        if layer not in LAYERS:
            raise ValueError(f"unknown highlight layer {layer!r}")
        if spans:
            self.layers[layer] = Layer(SpanSet(spans), current)
        else:
            self.layers.pop(layer, None)


def lookup_styles(widget: Widget) -> LineStyles:
    """Look up the pane's component styles (an expensive call: cache the result).

    Args:
        widget: The reading pane.

    Returns:
        The styles of every kind of line and overlay.
    """
    base = widget.rich_style

    def part(name: str) -> Style:
        return component_style(widget, name)

    kinds = {
        ParagraphKind.BODY: base,
        ParagraphKind.META: base + part("reading-pane--meta"),
        ParagraphKind.HEADING: base + part("reading-pane--heading"),
        ParagraphKind.SUBTITLE: base + part("reading-pane--subtitle"),
        ParagraphKind.CODE: base + part("reading-pane--code"),
        ParagraphKind.TABLE: base,
        ParagraphKind.QUOTE: base + part("reading-pane--quote"),
        ParagraphKind.LIST_ITEM: base,
    }
    layers = {name: (part(normal), part(now)) for name, (normal, now) in LAYERS.items()}
    inline = {style: part(name) for style, name in INLINE.items()}
    return LineStyles(
        base,
        kinds,
        part("reading-pane--current"),
        base + part("reading-pane--mark"),
        layers,
        inline,
        base + part("reading-pane--quote-bar"),
    )


def _prefix(
    text: str,
    kind: ParagraphKind,
    shape: BlockShape | None,
    start: int,
    first: bool,
    style: Style,
    styles: LineStyles,
) -> tuple[list[Segment], int]:
    """What goes left of a line's text: quote bars, indent, hang or a marker."""
    if shape is None:
        return [], 0
    segments = [Segment(QUOTE_BAR, styles.bar)] * shape.quote
    spaces = shape.indent - len(QUOTE_BAR) * shape.quote
    hang = shape.hang
    if kind in PREFORMATTED:
        if hang and not first and text[start - 1] != "\n":
            segments.append(Segment(" " * spaces, style))
            segments.append(Segment(CONTINUED + " " * (hang - 1), styles.bar))
            return segments, shape.indent + hang
        spaces += hang
    elif not first:
        spaces += hang
    if spaces > 0:
        segments.append(Segment(" " * spaces, style))
    return segments, max(0, spaces) + len(QUOTE_BAR) * shape.quote


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
    overlays: Overlays,
    shape: BlockShape | None = None,
    first: bool = True,
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
        overlays: Inline style runs (rendered Markdown), highlight layers and
            bookmark marks.
        shape: How the line's block is set in (indent, hang, quote bars).
        first: Whether the line is its paragraph's first.

    Returns:
        A strip exactly ``width`` cells wide.
    """
    left = max(0, (width - column - MARGIN) // 2)
    style = styles.kinds.get(kind, styles.base)
    if current:
        style = style + styles.current
    drawn: list[tuple[int, int, Style]] = []
    runs, layers, marks = overlays.runs, overlays.layers, overlays.marks
    if runs is not None:
        inline = styles.inline
        for s, e, given in runs.spans.overlapping(start, end):
            drawn.append((s, e, inline[runs.styles[given]]))
    # In LAYERS order: facts first, search over them, selection on top.
    for name, (normal, now) in styles.layers.items():
        layer = layers.get(name)
        if layer is None:
            continue
        for s, e, given in layer.spans.overlapping(start, end):
            drawn.append((s, e, now if given == layer.current else normal))
    prefix, indent = _prefix(text, kind, shape, start, first, style, styles)
    segments, cells = line_segments(text, start, end, style, drawn)
    segments[:0] = prefix
    cells += indent
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
