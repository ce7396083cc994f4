"""BookmarkKeeper: the app's one bookmark store, and store errors as notifications.

The app makes one keeper; screens reach it through ``app.bookmarks``. Every
store call goes through :meth:`BookmarkKeeper.call`, so a store that cannot be
written (read-only directory, full disk, a newer reader's file) becomes a
notification ("cannot save bookmarks: …") and the app goes on. A file moved
aside as unreadable is reported the same way, from the store's warnings.

Calls come from the UI thread and from workers (the store is read, and the
reading position written, in threads): one lock keeps them one at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from textual.notifications import SeverityLevel

from reader.store.bookmarks import BookmarkStore, StoreError

T = TypeVar("T")


class Notify(Protocol):
    """Shows a notification (``App.notify``); called on the UI thread or through it."""

    def __call__(
        self, message: str, *, title: str, severity: SeverityLevel, markup: bool
    ) -> object:
        """Show ``message``."""


SYNC_LOAD_BYTES = 256 * 1024
"""A store file up to this size is read before the first frame; a bigger one in a thread."""


class BookmarkKeeper:
    """The bookmark store of a running app.

    Args:
        notify: Shows the store's errors and warnings (the app's ``notify``).
        store: The store (the default file when omitted).
    """

    def __init__(self, notify: Notify, store: BookmarkStore | None = None) -> None:
        self._notify = notify
        self._lock = threading.RLock()
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
        with self._lock:
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
        with self._lock:
            try:
                return operation(self.store)
            except StoreError as error:
                self._notify(str(error), title="Bookmarks", severity="error", markup=False)
                return None
            finally:
                self._warn(self.store.take_warnings())

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self._notify(warning, title="Bookmarks", severity="warning", markup=False)
