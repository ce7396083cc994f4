"""TitleBar: the document title and where the reader is, on one line.

Textual's Header re-lays the whole screen out whenever its title text changes
(``Static.update`` refreshes with ``layout=True``), and the position changes on
every key: measured, each PageDown repainted every pane four times. This bar
has a fixed height and only repaints itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
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

    title: reactive[str] = reactive("")
    """The document title (document text: shown literally, never as markup)."""
    section: reactive[str] = reactive("")
    """The current section's name; empty when it is the title itself (the lead)."""
    position: reactive[str] = reactive("")
    """Where the reader is, e.g. ``"section 2/4 · 37% · 四风 3/17"``."""

    def render(self) -> RenderResult:
        """The title in bold, the section, then the position, dimmed."""
        width = self.size.width
        position = self.position
        if width < self.NARROW:  # the bare figures, "2/5 · 37%": room for the names
            position = position.removeprefix("section ")
        tail = f" — {position}" if position else ""
        room = max(0, width - cell_len(tail))
        section = self.section if self.section != self.title else ""
        joint = " · " if section else ""
        need = cell_len(self.title) + cell_len(joint) + cell_len(section)
        title_room = room
        if section and need > room:
            keep = min(self.MIN_TITLE, cell_len(self.title))
            title_room = max(keep, room - len(joint) - cell_len(section))
        title = fit(self.title, title_room)
        section = fit(section, max(0, room - cell_len(title) - len(joint))) if section else ""
        if not section:
            joint = ""
        line = Text.assemble(
            (title, "bold"),
            (joint, "dim"),
            section,
            (tail, "dim"),
        )
        line.justify = "center"
        line.no_wrap = True
        line.overflow = "ellipsis"
        return line
