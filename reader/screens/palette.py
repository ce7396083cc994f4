"""ReaderPalette: Textual's command palette, made safe where the fuzz walk broke it.

* In a terminal a few rows high the palette's list gets no height; Textual's
  PageUp/PageDown then raise ``KeyError`` (see :mod:`reader.widgets.paging`).
* Its gathering worker looks its list up after each hit; when the palette is
  closed while a search runs (the app quitting), the list is gone and the
  worker's ``NoMatches`` ended the app with a traceback. A palette that is
  going away has nothing left to show: that error is dropped.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches

from reader.widgets.paging import can_page

_GATHER: Any = CommandPalette._gather_commands
"""Textual's gathering worker, undecorated below (``functools.wraps`` keeps it)."""


class ReaderPalette(CommandPalette):
    """The command palette (ctrl+p), safe to page with no rows and to close mid-search."""

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await _GATHER.__wrapped__(self, search_value)
        except NoMatches:
            if self.is_attached and self.is_active:
                raise  # not the palette going away: a real error

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down") and not can_page(self.query_one(CommandList)):
            return
        super()._action_command_list(action)
