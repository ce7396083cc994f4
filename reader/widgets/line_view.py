"""CachedLineView: what the Line-API panes share — a strip cache and styles kept
until they change.

Looking styles up costs ~3 ms (``rich_style`` walks the ancestors), more than
drawing a page from the cache; so both are kept until a style update, and
``_invalidate`` drops every cached strip at once (bumping ``_generation``, which
the subclasses put in their cache keys).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

StylesT = TypeVar("StylesT")


class CachedLineView(ScrollView, Generic[StylesT]):
    """A ScrollView drawing through ``render_line`` with cached strips and styles."""

    CACHE_SIZE = 512
    """How many drawn lines to keep."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._generation = 0
        self._cache: LRUCache[Hashable, Strip] = LRUCache(self.CACHE_SIZE)
        self._styles: StylesT | None = None

    def _relayout(self) -> None:
        """Lay the rows out for the pane's current size (each pane's own)."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Lay the rows out as soon as the pane's size is known.

        Textual draws the frame that gives a widget its size before the widget
        hears of it (``on_resize`` comes after): laid out only then, the pane
        is empty in that frame and its text waits for the next one (at
        start-up, a second full render of the screen, ~25 ms).
        """
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if changed and self.is_attached and not self._closing and not self._closed:
            # Called by the screen's layout: what the pane posts must come from
            # the pane, or it would not bubble past the screen it seems sent by.
            with self._context():
                self._relayout()
        return changed

    def _lookup_styles(self) -> StylesT:
        """Read the styles the lines are drawn with (component classes and all)."""
        raise NotImplementedError

    @property
    def _line_styles(self) -> StylesT:
        """The styles, looked up once and kept until the next style update."""
        if self._styles is None:
            self._styles = self._lookup_styles()
        return self._styles

    def _invalidate(self) -> None:
        """Drop every cached strip and redraw."""
        self._generation += 1
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Styles changed (theme, stylesheet): look them up again."""
        super().notify_style_update()
        self._styles = None
        self._invalidate()
