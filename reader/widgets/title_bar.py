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


class TitleBar(Widget):
    """``title — position`` centred on the top line, cut with an ellipsis."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        text-align: center;
    }
    """

    title: reactive[str] = reactive("")
    """The document title (document text: shown literally, never as markup)."""
    position: reactive[str] = reactive("")
    """Where the reader is, e.g. ``"section 2/4 · 37% · 四风 3/17"``."""

    def render(self) -> RenderResult:
        """The title in bold, then the position, dimmed; the title gives way first."""
        tail = Text(f" — {self.position}" if self.position else "", style="dim")
        title = Text(self.title, style="bold")
        room = self.size.width - tail.cell_len
        if title.cell_len > room:
            title.truncate(max(room, 1), overflow="ellipsis")
        line = title + tail
        line.justify = "center"
        line.no_wrap = True
        return line
