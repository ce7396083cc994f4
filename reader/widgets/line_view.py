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
