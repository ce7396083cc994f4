"""BookmarkStore: the ``bookmarks.yaml`` file, read safely and written atomically.

Offsets are character offsets into ``Document.text``. Every mutating call is a
read-merge-write under ``bookmarks.yaml.lock``: the file is re-read (a parse is
skipped when its stat is unchanged), the one change is applied by id, and the
whole file is replaced atomically, so two readers open at once keep each other's
bookmarks. A file that cannot be read is moved aside to
``bookmarks.yaml.bad-<time>`` (never overwritten) and a fresh store starts.

Nothing at the path is trusted (see :mod:`reader.store.safeio`): it is ``stat``-ed
before it is opened or locked, and anything but a regular file of this user (a
FIFO, a device, a directory, through a symlink or not) turns bookmarks off with
one line saying why; it is never read, locked beside or replaced.
"""

from __future__ import annotations

import os
from bisect import insort
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from reader import paths
from reader.model.document import Document
from reader.model.text.cleaning import normalize
from reader.store.atomic import atomic_write, sweep_temp_files
from reader.store.errors import StoreError
from reader.store.reanchor import (
    document_path,
    merged,
    new_bookmark,
    now,
    reanchor_record,
    touched,
)
from reader.store.records import Bookmark, DocumentRecord, Quote
from reader.store.safeio import problem, read_regular, why
from reader.store.schema import NewerVersionError, SchemaError, parse_store
from reader.store.sidecar import CacheWriter, Snapshot, cache_file, read
from reader.store.yamlio import MAX_BYTES, Dump, Layout, Serializer, parse_bytes

__all__ = ["Bookmark", "BookmarkStore", "DocumentRecord", "Quote", "StoreError"]

T = TypeVar("T")
Records = dict[str, DocumentRecord]
Stamp = tuple[int, int, int, int, int]

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another reader's save before giving up."""


def _stamp(path: Path) -> Stamp | None:
    """What identifies a version of the file without reading it."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class BookmarkStore:
    """The bookmark store; see the module docstring.

    Args:
        path: The store file; ``paths.bookmarks_file()`` by default. A symlink is
            followed: writes replace its target, so the link stays a link.
        lock_timeout: Seconds to wait for the lock before a ``StoreError``.
    """

    def __init__(self, path: Path | None = None, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path) if path is not None else paths.bookmarks_file()
        self.lock_timeout = lock_timeout
        self._records: Records = {}
        self._extra: dict[str, Any] = {}
        self._stamp: Stamp | None = None
        self._readonly: str | None = None
        self._warnings: list[str] = []
        # New fingerprint -> (old fingerprint, document): records to re-key on the next save.
        self._pending: dict[str, tuple[str, Document]] = {}
        self._views: dict[str, DocumentRecord] = {}
        self._serializer = Serializer()
        self._cache = CacheWriter()

    @property
    def target(self) -> Path:
        """The real file written: ``path`` with symlinks resolved."""
        return self.path.resolve() if self.path.is_symlink() else self.path

    # Reading ---------------------------------------------------------------

    def load(self) -> list[str]:
        """Read the file; return warnings for the user (one line each).

        Never raises for a bad file: it is moved aside and the store starts empty.
        A path that holds no regular file is left alone and bookmarks are off.
        """
        found = problem(self.target)
        if found is not None:
            self._records, self._extra, self._stamp = {}, {}, None
            self._readonly = found
            self._warnings.append(f"bookmarks are off: {found}")
            return self.take_warnings()
        if _stamp(self.target) is None:
            # No file yet: nothing to read or move aside, so no lock (nor filelock's
            # import, nor a config directory made) before the first frame.
            self._refresh(can_move=False)
            return self.take_warnings()
        try:
            with self._lock(write=False) as locked:
                self._refresh(can_move=locked)
        except StoreError as error:
            self._warnings.append(str(error))
        return self.take_warnings()

    def take_warnings(self) -> list[str]:
        """Warnings gathered since the last call (a bad file found during a save)."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def documents(self) -> list[DocumentRecord]:
        """Every document record, in file order (pending re-keys shown re-keyed)."""
        # Copies: the app's store thread may re-key while the UI thread lists.
        views = dict(self._views)
        old_to_view = {
            old: views[new] for new, (old, _) in list(self._pending.items()) if new in views
        }
        return [old_to_view.get(fp, record) for fp, record in self._records.items()]

    def record_for(self, document: Document) -> DocumentRecord | None:
        """The record of ``document``: by fingerprint, else by path.

        A record found by path belongs to an older version of the text: its
        bookmarks are re-anchored against the current text (the unfound ones
        marked detached), and it is re-keyed to the new fingerprint on the next save.
        """
        fingerprint = document.fingerprint
        record = self._records.get(fingerprint)
        if record is not None:
            return record
        if fingerprint in self._views:
            return self._views[fingerprint]
        path = document_path(document)
        if path is None:
            return None
        candidates = [r for r in self._records.values() if path in r.paths]
        if not candidates:
            return None
        old = max(candidates, key=lambda r: r.updated or "")
        view = reanchor_record(old, document)
        self._views[fingerprint] = view  # first: documents() looks views up by pending
        self._pending[fingerprint] = (old.fingerprint, document)
        return view

    def position(self, document: Document) -> int | None:
        """The last reading offset saved for ``document``."""
        record = self.record_for(document)
        return record.position if record is not None else None

    # Writing ---------------------------------------------------------------

    def add(self, document: Document, start: int, end: int, note: str = "") -> Bookmark:
        """Bookmark ``document.text[start:end]`` and save (the note cleaned like text)."""
        note = normalize(note)
        self.record_for(document)  # a changed document is re-keyed in this save

        def change(records: Records) -> Bookmark:
            record = touched(records.get(document.fingerprint), document)
            taken = {b.id for b in record.bookmarks}
            bookmark = new_bookmark(document, start, end, note, taken)
            records[record.fingerprint] = _with_bookmark(record, bookmark)
            return bookmark

        return self._mutate(change)

    def update_note(self, fingerprint: str, bookmark_id: str, note: str) -> None:
        """Replace a bookmark's note (cleaned like document text) and save."""
        note = normalize(note)

        def change(records: Records) -> None:
            record, bookmark = _find(records, fingerprint, bookmark_id)
            updated = replace(bookmark, note=note)
            bookmarks = tuple(updated if b.id == bookmark_id else b for b in record.bookmarks)
            records[fingerprint] = replace(record, bookmarks=bookmarks, updated=now())

        self._mutate(change)

    def delete(self, fingerprint: str, bookmark_id: str) -> Bookmark:
        """Delete a bookmark and save; return it so the UI can undo."""

        def change(records: Records) -> Bookmark:
            record, bookmark = _find(records, fingerprint, bookmark_id)
            bookmarks = tuple(b for b in record.bookmarks if b.id != bookmark_id)
            records[fingerprint] = replace(record, bookmarks=bookmarks, updated=now())
            return bookmark

        return self._mutate(change)

    def restore(self, fingerprint: str, bookmark: Bookmark) -> None:
        """Put back a deleted bookmark (undo) and save; a no-op if its id is present."""

        def change(records: Records) -> None:
            record = records.get(fingerprint) or DocumentRecord(fingerprint=fingerprint)
            if record.bookmark(bookmark.id) is None:
                records[fingerprint] = replace(_with_bookmark(record, bookmark), updated=now())

        self._mutate(change)

    def set_position(self, document: Document, offset: int) -> None:
        """Save the reading position (skipped when unchanged; callers should debounce)."""
        offset = max(0, min(offset, len(document.text)))
        current = self.record_for(document)
        if current is not None and current.position == offset and not self._pending:
            return

        def change(records: Records) -> None:
            record = touched(records.get(document.fingerprint), document)
            records[record.fingerprint] = replace(record, position=offset)

        self._mutate(change)

    # Machinery -------------------------------------------------------------

    @contextmanager
    def _lock(self, *, write: bool) -> Iterator[bool]:
        """Hold the lock; yield whether it is held.

        For a read, a lock that cannot be taken (read-only directory) is not an
        error: atomic writes mean an unlocked read still sees a whole file.
        """
        from filelock import FileLock, Timeout  # ~15 ms of import: at the first lock

        target = self.target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(target.with_name(target.name + ".lock")))
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            if write:
                raise StoreError(
                    "cannot save bookmarks: another reader kept the lock too long"
                ) from None
            yield False
            return
        except OSError as error:
            if write:
                raise StoreError(f"cannot save bookmarks: {why(error)}") from None
            yield False
            return
        try:
            yield True
        finally:
            lock.release()

    def _refresh(self, *, can_move: bool) -> None:
        """Bring the in-memory records up to date with the file (cached by stat)."""
        target = self.target
        stamp = _stamp(target)
        if stamp is not None and stamp == self._stamp:
            return
        if stamp is None:
            self._records, self._extra, self._stamp, self._readonly = {}, {}, None, None
            return
        raw = read_regular(target, MAX_BYTES)
        if raw is None:  # removed since the stat
            self._records, self._extra, self._stamp, self._readonly = {}, {}, None, None
            return
        cached = read(cache_file(target), raw)
        if cached is not None:
            self._records, self._extra, self._stamp, self._readonly = (
                cached.records, cached.extra, stamp, None,
            )  # fmt: skip
            if cached.layout is not None:
                self._prefill(raw, cached.layout)
            return
        try:
            records, extra = parse_store(parse_bytes(raw))
        except NewerVersionError as error:
            self._records, self._extra, self._stamp = {}, {}, stamp
            self._readonly = f"{target.name} was written by a newer reader ({error})"
            self._warnings.append(f"{self._readonly}; bookmarks are read-only")
            return
        except SchemaError as error:
            self._warnings.append(self._set_aside(target, str(error), can_move))
            # No stamp: a bad file left in place is read (and moved aside) again
            # before any save, so it can never be overwritten.
            self._records, self._extra, self._readonly, self._stamp = {}, {}, None, None
            return
        self._records, self._extra, self._stamp, self._readonly = records, extra, stamp, None
        self._cache_later((raw,), None)

    def _prefill(self, raw: bytes, layout: Layout) -> None:
        """Seed the serializer with the file's own fragments: no re-dump on the next save."""
        try:
            self._serializer.prefill(raw, self._records, layout)
        except (ValueError, TypeError, KeyError, IndexError):
            self._serializer = Serializer()  # a layout that does not fit: dump afresh

    def _cache_later(self, data: tuple[bytes, ...], dump: Dump | None) -> None:
        """Have the JSON sidecar cache of ``data`` written in the background."""
        file = cache_file(self.target)
        self._cache.submit(Snapshot(file, data, self._records, self._extra, dump))

    def _set_aside(self, target: Path, reason: str, can_move: bool) -> str:
        """Rename a bad file to ``<name>.bad-<time>`` (never over another file)."""
        message = f"{target.name} could not be read ({reason})"
        if not can_move:
            return f"{message}; it is left as is until the next save"
        stem = f"{target.name}.bad-{datetime.now().strftime('%Y%m%dT%H%M%S')}"
        aside = target.with_name(stem)
        counter = 1
        while aside.exists():
            aside = target.with_name(f"{stem}-{counter}")
            counter += 1
        try:
            os.rename(target, aside)  # under the lock: no one else creates `aside`
        except OSError as error:
            return f"{message}; it could not be moved aside: {why(error)}"
        return f"{message}; moved aside to {aside.name}"

    def _mutate(self, change: Callable[[Records], T]) -> T:
        """Re-read, apply pending re-keys and ``change``, write; all under the lock."""
        found = problem(self.target)
        if found is not None:  # checked before the lock file is made beside it
            raise StoreError(f"cannot save bookmarks: {found}")
        with self._lock(write=True):
            self._refresh(can_move=True)
            if self._readonly:
                raise StoreError(f"cannot save bookmarks: {self._readonly}")
            records = dict(self._records)
            pending = list(self._pending.items())  # the UI thread may add one meanwhile
            for new, (old, document) in pending:
                _rekey(records, old, new, document)
            result = change(records)
            dump = self._serializer.dump(records, self._extra)
            target = self.target
            found = problem(target)
            if found is not None:
                raise StoreError(f"cannot save bookmarks: {found}")
            try:
                sweep_temp_files(target)
                atomic_write(target, dump.parts)
            except OSError as error:
                raise StoreError(f"cannot save bookmarks: {why(error)}") from None
            self._records, self._stamp = records, _stamp(target)
            for new, _ in pending:
                self._pending.pop(new, None)
                self._views.pop(new, None)
            self._cache_later(dump.parts, dump)
            return result


def _rekey(records: Records, old: str, new: str, document: Document) -> None:
    """Move the record ``old`` to ``new``, re-anchored against ``document``."""
    record = records.pop(old, None)
    if record is None:
        return  # another reader re-keyed or deleted it already
    moved = touched(reanchor_record(record, document), document)
    existing = records.get(new)
    records[new] = merged(moved, existing) if existing is not None else moved


def _with_bookmark(record: DocumentRecord, bookmark: Bookmark) -> DocumentRecord:
    bookmarks = list(record.bookmarks)
    insort(bookmarks, bookmark, key=lambda b: b.start)
    return replace(record, bookmarks=tuple(bookmarks))


def _find(records: Records, fingerprint: str, bookmark_id: str) -> tuple[DocumentRecord, Bookmark]:
    record = records.get(fingerprint)
    bookmark = record.bookmark(bookmark_id) if record is not None else None
    if record is None or bookmark is None:
        raise StoreError(f"cannot save bookmarks: bookmark {bookmark_id} no longer exists")
    return record, bookmark
