"""ReaderPalette: Textual's command palette, safe to page when its list has no rows.

In a terminal a few rows high the palette's list gets no height; Textual's
PageUp/PageDown then raise ``KeyError`` (see :mod:`reader.widgets.paging`).
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from reader.widgets.paging import can_page


class ReaderPalette(CommandPalette):
    """The command palette (ctrl+p); PageUp/PageDown do nothing while the list has no rows."""

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down") and not can_page(self.query_one(CommandList)):
            return
        super()._action_command_list(action)
