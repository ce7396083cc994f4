"""DocumentListScreen: what a screen that lists documents is, for the reading screen.

A document opened from such a list (the folder picker today, a library later)
goes back to it with Backspace. The reading screen asks ``isinstance`` of this
small base, so it needs neither the picker's module nor its name.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


class DocumentListScreen(Screen[None]):
    """A screen listing documents; the reading screen opened over it returns to it."""

    @staticmethod
    def under(screen: Screen[Any]) -> DocumentListScreen | None:
        """The document list right below ``screen``, when ``screen`` is on top."""
        stack = screen.app.screen_stack
        if len(stack) < 2 or stack[-1] is not screen:
            return None
        below = stack[-2]
        return below if isinstance(below, DocumentListScreen) else None
