"""BookmarkKeeper: the app's one bookmark store, and store errors as notifications.

The app makes one keeper; screens reach it through ``app.bookmarks``. Every
store call goes through :meth:`BookmarkKeeper.call`, so a store that cannot be
written (read-only directory, full disk, a newer reader's file) becomes a
notification ("cannot save bookmarks: …") and the app goes on. A file moved
aside as unreadable is reported the same way, from the store's warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App

from reader.store.bookmarks import BookmarkStore, StoreError

T = TypeVar("T")

SYNC_LOAD_BYTES = 256 * 1024
"""A store file up to this size is read before the first frame; a bigger one in a thread."""


class BookmarkKeeper:
    """The bookmark store of a running app.

    Args:
        app: The app that shows the notifications.
        store: The store (the default file when omitted).
    """

    def __init__(self, app: App[Any], store: BookmarkStore | None = None) -> None:
        self.app = app
        self.store = store if store is not None else BookmarkStore()
        self.loaded = False
        """True once the file has been read (or found missing or unreadable)."""

    def needs_thread(self) -> bool:
        """Whether the file is big enough to read off the UI thread."""
        try:
            return self.store.target.stat().st_size > SYNC_LOAD_BYTES
        except OSError:
            return False

    def load(self) -> list[str]:
        """Read the file; return the warnings (call from any thread; never raises)."""
        return self.store.load()

    def loaded_with(self, warnings: list[str]) -> None:
        """Mark the store read and show its warnings (on the UI thread)."""
        self.loaded = True
        self._warn(warnings)

    def call(self, operation: Callable[[BookmarkStore], T]) -> T | None:
        """Run ``operation`` on the store; a ``StoreError`` becomes a notification.

        Returns:
            What ``operation`` returned, or ``None`` when it failed.
        """
        try:
            return operation(self.store)
        except StoreError as error:
            self.app.notify(str(error), title="Bookmarks", severity="error", markup=False)
            return None
        finally:
            self._warn(self.store.take_warnings())

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self.app.notify(warning, title="Bookmarks", severity="warning", markup=False)
