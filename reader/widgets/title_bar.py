"""TitleBar: the document title and where the reader is, on one line.

Textual's Header re-lays the whole screen out whenever its title text changes
(``Static.update`` refreshes with ``layout=True``), and the position changes on
every key: measured, each PageDown repainted every pane four times. This bar
has a fixed height and only repaints itself: the cells that changed, not the
line. The position changes on every page turn; a whole-width dirty row would make
Textual compose the box enclosing it and the text (every pane, 160×44 cells),
while "37%" → "38%" dirties two cells above the text, and the outline and
sidebar are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reader.model.layout.cells import cell_len
from reader.view.fitting import fit


class TitleBar(Widget):
    """``title · section — position`` centred on the top line, cut to fit.

    The document title gives way first (down to ``MIN_TITLE`` cells), then the
    section name: the section is what tells the reader where they are when
    the outline is hidden.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-align: center;
    }
    """

    MIN_TITLE = 8
    """Cells the title keeps before the section name is cut."""

    NARROW = 60
    """Under this width the position drops the word "section"."""

    # Not repainting reactives: a change repaints only the cells that differ.
    title: reactive[str] = reactive("", repaint=False)
    """The document title (document text: shown literally, never as markup)."""
    section: reactive[str] = reactive("", repaint=False)
    """The current section's name; empty when it is the title itself (the lead)."""
    position: reactive[str] = reactive("", repaint=False)
    """Where the reader is, e.g. ``"section 2/4 · 37% · 四风 3/17"``."""

    _shown: tuple[Cell, ...] | None = None
    """The cells last drawn (``None``: nothing drawn yet)."""

    _part_styles: dict[str, Style] | None = None
    """The Rich styles of the parts (``""``, ``"bold"``, ``"dim"``), once looked up."""

    def show(self, *, section: str | None = None, position: str | None = None) -> None:
        """Set the section name and the position together: one comparison, one repaint.

        A page turn changes both; set one by one, each would compare the line.
        """
        if section is not None:
            self.set_reactive(TitleBar.section, section)
        if position is not None:
            self.set_reactive(TitleBar.position, position)
        self._refresh_changed()

    def watch_title(self) -> None:
        """Repaint what the new title changed."""
        self._refresh_changed()

    def watch_section(self) -> None:
        """Repaint what the new section name changed."""
        self._refresh_changed()

    def watch_position(self) -> None:
        """Repaint what the new position changed."""
        self._refresh_changed()

    def _refresh_changed(self) -> None:
        """Mark the cells that differ from the last drawn line for repainting."""
        shown = self._shown
        width = self.size.width
        if shown is None or len(shown) != width:
            self.refresh()
            return
        span = changed_span(shown, line_cells(self._parts(width), width))
        if span is not None:
            # A cell of margin either side: a wide character cut in two repaints whole.
            start, end = max(0, span[0] - 1), min(width, span[1] + 1)
            self.refresh(Region(start, 0, end - start, 1))

    def render_line(self, y: int) -> Strip:
        """The title in bold, the section, then the position, dimmed, centred.

        Drawn straight from the cells the bar tracks (no Rich text layout: ~0.9 ms
        of a page turn's frame at 160 columns).
        """
        width = self.size.width
        styles = self._styles()
        if y != 0 or width <= 0:
            return Strip.blank(width, styles[""])
        cells = line_cells(self._parts(width), width)
        self._shown = cells
        segments: list[Segment] = []
        run: list[str] = []
        run_style = ""
        for char, style in cells:
            if style != run_style and run:
                segments.append(Segment("".join(run), styles[run_style]))
                run = []
            run_style = style
            run.append(char)
        if run:
            segments.append(Segment("".join(run), styles[run_style]))
        return Strip(segments).crop_extend(0, width, styles[""])

    def _styles(self) -> dict[str, Style]:
        """The bar's style and its bold and dim variants (kept until a style update)."""
        if self._part_styles is None:
            base = self.rich_style
            self._part_styles = {
                "": base,
                "bold": base + Style(bold=True),
                "dim": base + Style(dim=True),
            }
        return self._part_styles

    def notify_style_update(self) -> None:
        """Styles changed (theme, stylesheet): look them up again."""
        super().notify_style_update()
        self._part_styles = None

    def _parts(self, width: int) -> list[tuple[str, str]]:
        """The line's parts fitted to ``width`` cells, each with its style."""
        # One line of text: a tab or line break in a title is drawn as a space.
        full_title = self.title.translate(ONE_LINE)
        position = self.position.translate(ONE_LINE)
        if width < self.NARROW:  # the bare figures, "2/5 · 37%": room for the names
            position = position.removeprefix("section ")
        tail = f" — {position}" if position else ""
        room = max(0, width - cell_len(tail))
        section = self.section.translate(ONE_LINE)
        section = section if section != full_title else ""
        joint = " · " if section else ""
        need = cell_len(full_title) + cell_len(joint) + cell_len(section)
        title_room = room
        if section and need > room:
            keep = min(self.MIN_TITLE, cell_len(full_title))
            title_room = max(keep, room - len(joint) - cell_len(section))
        title = fit(full_title, title_room)
        section = fit(section, max(0, room - cell_len(title) - len(joint))) if section else ""
        if not section:
            joint = ""
        return [(title, "bold"), (joint, "dim"), (section, ""), (tail, "dim")]


ONE_LINE = str.maketrans(dict.fromkeys("\t\n\r\v\f", " "))
"""Whitespace that is not one cell (tabs, line breaks), each drawn as a space."""


Cell = tuple[str, str]
"""One cell of the bar: its character (``""`` for the right half of a wide one) and style."""


def line_cells(parts: Sequence[tuple[str, str]], width: int) -> tuple[Cell, ...]:
    """The ``width`` cells of ``parts`` centred on one line, as the bar draws them.

    Text that does not fit is cut at the width (the bar's parts are fitted first).
    """
    cells: list[Cell] = []
    for text, style in parts:
        for char in text:
            cells_of_char = cell_len(char)
            if cells_of_char == 0 and cells:  # a combining mark shares its base's cell
                base, base_style = cells[-1]
                cells[-1] = (base + char, base_style)
                continue
            cells.append((char, style))
            if cells_of_char == 2:
                cells.append(("", style))
    cells = cells[:width]
    left = (width - len(cells)) // 2
    blank = (" ", "")
    return (blank,) * left + tuple(cells) + (blank,) * (width - left - len(cells))


def changed_span(old: Sequence[Cell], new: Sequence[Cell]) -> tuple[int, int] | None:
    """The cells ``[start, end)`` outside which ``old`` and ``new`` are the same, or ``None``.

    Both lines have the same width.
    """
    width = len(new)
    start = 0
    while start < width and old[start] == new[start]:
        start += 1
    if start == width:
        return None
    end = width
    while end > start and old[end - 1] == new[end - 1]:
        end -= 1
    return start, end
