"""Read what is on screen as coloured cells and measure how readable each text is.

The screen is rendered as ``App.export_screenshot`` does (the compositor's full
update into a recording Rich console); each segment then has its final
foreground and background colours, and the WCAG contrast ratio between them
says whether the text can be read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.color import Color
from rich.console import Console
from textual.app import App

DRAWING = set("▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▕▔─│┌┐└┘├┤┬┴┼╭╮╯╰═║▀") | {" ", "\u3000", "\xa0"}
"""Box and block characters: borders and scrollbars, not text to read."""


@dataclass(frozen=True)
class Cell:
    """A run of text with the colours it is drawn in."""

    text: str
    ratio: float
    style: str
    x: int
    y: int


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: Color, background: Color) -> float:
    """The WCAG contrast ratio of two colours, 1.0 to 21.0."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_runs(app: App[object]) -> list[Cell]:
    """Every run of readable text on the app's screen, with its contrast ratio."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    render = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=True
    )
    console.print(render)
    runs: list[Cell] = []
    x = y = 0
    for segment in console._record_buffer:
        if "\n" in segment.text:
            x, y = 0, y + segment.text.count("\n")
            continue
        at = x
        x += segment.cell_length
        text = "".join(ch for ch in segment.text if ch not in DRAWING)
        style = segment.style
        if not text or style is None or segment.control:
            continue
        fg, bg = style.color, style.bgcolor
        assert fg is not None and bg is not None, f"{text!r} has no colour: {style}"
        if style.reverse:
            fg, bg = bg, fg
        runs.append(Cell(text, contrast(fg, bg), str(style), at, y))
    return runs


def unreadable(app: App[object], least: float = 3.0) -> list[Cell]:
    """The runs of text whose contrast is under ``least`` (3.0: WCAG's floor for any text).

    Over a dialog only the dialog counts: the screen under it is dimmed on purpose.
    """
    runs = text_runs(app)
    if app.screen.is_modal:
        regions = [child.region for child in app.screen.children if child.display]
        runs = [run for run in runs if any(r.contains(run.x, run.y) for r in regions)]
    return [run for run in runs if run.ratio < least]
