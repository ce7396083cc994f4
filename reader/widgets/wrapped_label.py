"""WrappedLabel: a Static whose plain text is broken into lines by the kinsoku rules.

Textual wraps a Static at spaces and anywhere in CJK text, so a closing mark can
be left alone at a line start (``…苏州篇章`` / ``”``). This label breaks its text
with ``view.fitting.wrap_lines`` at its own width, again whenever the width
changes, and shows at most ``rows`` lines (the last cut with ``…``).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.view.fitting import wrap_lines

__all__ = ["WrappedLabel"]


class WrappedLabel(Static):
    """Plain text (never markup) in kinsoku lines."""

    def __init__(self, text: str, *, rows: int | None = None, id: str | None = None) -> None:  # noqa: A002
        """Create the label.

        Args:
            text: Plain text; newlines are read as spaces.
            rows: At most this many lines (``None``: as many as it takes).
            id: Widget id.
        """
        super().__init__(Text(text), id=id, markup=False)
        self.text = text
        self.rows = rows
        self._width = 0

    def on_resize(self) -> None:
        """Break the text again at the new width."""
        width = self.content_region.width
        if width and width != self._width:
            self._width = width
            self.update(Text("\n".join(wrap_lines(self.text, width, self.rows))))
