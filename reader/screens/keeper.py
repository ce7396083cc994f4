"""BookmarkKeeper: the app's one bookmark store, its writer thread, and errors as notifications.

The app makes one keeper; screens reach it through ``app.bookmarks``.

- Reads of what is in memory (:meth:`BookmarkKeeper.call`: the records, one
  document's record) run on the UI thread; they never parse the file.
- Loading a big file and every save run in ONE background thread, in the order
  they were asked for (:meth:`BookmarkKeeper.submit`): a save asked for while a
  cold 50,000-bookmark store is still loading waits for the load in that thread,
  never on the UI thread, and the UI never parses the file itself. A save's
  fsync of a 25 MB file never holds up a key either.
- A store that cannot be written (read-only directory, full disk, a FIFO at the
  path, a newer reader's file) becomes a notification ("cannot save bookmarks:
  …") and the app goes on. A file moved aside as unreadable is reported the
  same way, from the store's warnings.

The thread is not a daemon: saves asked for before quitting (the reading
position) are finished before the process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.notifications import SeverityLevel

from reader import paths
from reader.store.errors import StoreError

# The store's modules (YAML, the lock, the sidecar) load with the store itself.
if TYPE_CHECKING:
    from reader.store.bookmarks import BookmarkStore

T = TypeVar("T")


class Notify(Protocol):
    """Shows a notification (``App.notify``); called on the UI thread."""

    def __call__(
        self, message: str, *, title: str, severity: SeverityLevel, markup: bool
    ) -> object:
        """Show ``message``."""


SYNC_LOAD_BYTES = 256 * 1024
"""A store file up to this size is read before the first frame; a bigger one in the thread."""


class BookmarkKeeper:
    """The bookmark store of a running app.

    Args:
        notify: Shows the store's errors and warnings (the app's ``notify``).
        store: The store (the default file when omitted).
    """

    def __init__(self, notify: Notify, store: BookmarkStore | None = None) -> None:
        self._notify = notify
        self._store = store
        self.loaded = False
        """True once the file has been read (or found missing or unreadable)."""
        self._writer: ThreadPoolExecutor | None = None
        self._last: Future[Any] | None = None
        self._making = threading.Lock()

    @property
    def store(self) -> BookmarkStore:
        """The store (the default file unless one was given), made when first needed:
        by the store's thread when a load or save comes first (its modules, yaml and
        filelock among them, take ~0.1 s to import, which the UI thread must not wait)."""
        with self._making:
            if self._store is None:
                from reader.store.bookmarks import BookmarkStore

                self._store = BookmarkStore()
            return self._store

    def _file(self) -> Path:
        return self._store.target if self._store is not None else paths.bookmarks_file()

    def file_exists(self) -> bool:
        """Whether the store's file exists (asked without loading the store's modules)."""
        try:
            return self._file().exists()
        except OSError:
            return True  # let the store itself say what is wrong

    def needs_thread(self) -> bool:
        """Whether the file is big enough to read off the UI thread."""
        try:
            return self._file().stat().st_size > SYNC_LOAD_BYTES
        except OSError:
            return False

    def load(self) -> list[str]:
        """Read the file; return the warnings (call from any thread; never raises)."""
        return self.store.load()

    def loaded_with(self, warnings: list[str]) -> None:
        """Mark the store read and show its warnings (on the UI thread)."""
        self.loaded = True
        self._warn(warnings)

    def load_in_thread(self, then: Callable[[list[str]], None]) -> None:
        """Read the file in the store's thread; ``then(warnings)`` on the UI thread."""
        self.submit(lambda _: self.load(), then)

    def call(self, operation: Callable[[BookmarkStore], T]) -> T | None:
        """Run ``operation`` on the store now, on this thread.

        For reads of what is in memory; saves go through :meth:`submit`.

        Returns:
            What ``operation`` returned, or ``None`` when it failed.
        """
        try:
            return operation(self.store)
        except StoreError as error:
            self._error(error)
            return None
        finally:
            self._warn(self.store.take_warnings())

    def submit(
        self,
        operation: Callable[[BookmarkStore], T],
        then: Callable[[T], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Run ``operation`` in the store's thread, after everything asked before it.

        Args:
            operation: What to do with the store (a save, the load).
            then: Called on the UI thread with the result, when it succeeded.
            failed: Called on the UI thread after a ``StoreError`` was shown.
        """
        loop = asyncio.get_running_loop()
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="reader-bookmarks")
        future = self._writer.submit(lambda: operation(self.store))  # made there if need be
        self._last = future

        def done(finished: Future[T]) -> None:
            with contextlib.suppress(RuntimeError):  # the app (and its loop) has gone
                loop.call_soon_threadsafe(self._finish, finished, then, failed)

        future.add_done_callback(done)

    def _finish(
        self,
        future: Future[T],
        then: Callable[[T], None] | None,
        failed: Callable[[], None] | None,
    ) -> None:
        error = future.exception()
        self._warn(self.store.take_warnings())
        if isinstance(error, StoreError):
            self._error(error)
            if failed is not None:
                failed()
            return
        if error is not None:
            raise error  # a bug: let the app report it
        if then is not None:
            then(future.result())

    def wait(self) -> None:
        """Block until every submitted operation has run (tests, benchmarks, exit)."""
        last = self._last
        if last is not None:
            with contextlib.suppress(Exception):
                last.result()

    def _error(self, error: StoreError) -> None:
        self._notify(str(error), title="Bookmarks", severity="error", markup=False)

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self._notify(warning, title="Bookmarks", severity="warning", markup=False)
