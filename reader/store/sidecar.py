"""A JSON copy of the store in the cache directory, so a big store loads fast.

PyYAML builds every value in Python (~15 µs each; 50,000 bookmarks take over
10 s), while ``json.loads`` of the same data takes a few hundred milliseconds.
Our own saves (and slow loads) therefore leave a JSON copy in
``paths.cache_dir()``, written in a background thread after the YAML file is
safely replaced. Its first line holds the sha256 of the exact YAML bytes it was
made from and the sha256 of its own payload: it is used only when both match, so
a hand-edited, replaced or synced YAML file, or a torn or corrupt cache, simply
means the safe YAML path (which then writes a fresh cache). A matching cache is
what our code produced from validated records, so it is as trustworthy as the
YAML; nothing in it is ever executed, only JSON-parsed. Unknown keys are kept:
a store whose unknown values JSON cannot carry exactly (dates, binary, int
keys, ...) gets no cache.

The cache also records the byte layout of the YAML fragments (see
:class:`reader.store.yamlio.Dump`), so the first save after a fast load re-dumps
nothing. Bump :data:`FORMAT` whenever the YAML or the JSON layout changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import paths
from reader.model.memory import gc_paused
from reader.store.errors import StoreError
from reader.store.records import Bookmark, DocumentRecord, Quote
from reader.store.safeio import read_regular
from reader.store.yamlio import MAX_BYTES, Dump, Layout

MAGIC = b"reader-bookmarks-cache"
FORMAT = b"2"
"""2: strings cleaned and offsets bounded on the way in (a cache of 1 may hold neither)."""
STALE_TEMP = 3600.0
"""Seconds after which a temp file of a killed cache writer is removed."""


def cache_file(target: Path) -> Path:
    """The cache of the store file ``target`` (one per resolved store path)."""
    key = hashlib.sha256(os.fsencode(target)).hexdigest()[:24]
    return paths.cache_dir() / f"bookmarks-{key}.json"


@dataclass(frozen=True)
class Snapshot:
    """What a cache is written from: the YAML bytes and the records they hold."""

    file: Path
    """The cache file to write."""
    data: tuple[bytes, ...]
    """The YAML file's exact bytes, in pieces."""
    records: dict[str, DocumentRecord]
    extra: dict[str, Any]
    dump: Dump | None
    """How ``data`` was joined, when our serializer wrote it."""


@dataclass(frozen=True)
class Cached:
    """A cache that matched the YAML bytes."""

    records: dict[str, DocumentRecord]
    extra: dict[str, Any]
    layout: Layout | None
    """The YAML fragments' layout, when the cache was written by a save."""


def read(file: Path, raw: bytes) -> Cached | None:
    """The records of the YAML bytes ``raw`` from the cache ``file``, if it matches."""
    try:
        blob = read_regular(file, 4 * MAX_BYTES)
    except StoreError:
        return None
    if blob is None:
        return None
    header, _, payload = blob.partition(b"\n")
    fields = header.split(b" ")
    if len(fields) != 4 or fields[:2] != [MAGIC, FORMAT]:
        return None
    if fields[2] != hashlib.sha256(raw).hexdigest().encode():
        return None
    if fields[3] != hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        with gc_paused():
            return _build(json.loads(payload))
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def _build(data: dict[str, Any]) -> Cached:
    records: dict[str, DocumentRecord] = {}
    sizes: dict[str, tuple[int, list[int]]] = {}
    for row in data["records"]:
        fp, paths_, title, source, published, position, updated, extra, head, lengths, rows = row
        bookmarks = tuple(
            Bookmark(i, c, n, s, a, e, Quote(x, p, f, qe), d, be)
            for i, c, n, s, a, e, x, p, f, d, be, qe in rows
        )
        records[fp] = DocumentRecord(
            fp, tuple(paths_), title, source, published, position, updated, bookmarks, extra
        )
        sizes[fp] = (head, lengths)
    preamble = data["preamble"]
    layout = (preamble, sizes) if preamble is not None else None
    return Cached(records, data["extra"], layout)


def _plain(value: object) -> bool:
    """True when JSON carries ``value`` back exactly as YAML gave it."""
    kind = type(value)
    if value is None or kind in (str, int, bool):
        return True
    if kind is float:
        return math.isfinite(value)  # type: ignore[arg-type]
    if kind is list:
        return all(_plain(v) for v in value)  # type: ignore[attr-defined]
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())  # type: ignore[attr-defined]
    return False


def _sha256(pieces: tuple[bytes, ...]) -> bytes:
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece)  # releases the GIL for big pieces
    return digest.hexdigest().encode()


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _row(bookmark: Bookmark) -> bytes:
    quote = bookmark.quote
    if not (_plain(bookmark.extra) and _plain(quote.extra)):
        raise ValueError("an unknown key's value cannot be cached as JSON")
    return _json(
        [
            bookmark.id, bookmark.created, bookmark.note, bookmark.section,
            bookmark.start, bookmark.end, quote.exact, quote.prefix, quote.suffix,
            bookmark.detached, bookmark.extra, quote.extra,
        ]
    )  # fmt: skip


class CacheWriter:
    """Writes caches in one background thread, newest snapshot first, never blocking.

    A snapshot submitted while a write runs replaces any waiting one: only the
    latest state is worth caching. The thread is not a daemon, so a reader that
    quits right after a save still finishes its cache.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: Snapshot | None = None
        self._thread: threading.Thread | None = None
        # Per fingerprint: the bookmarks tuple and its joined JSON rows (writer thread only).
        self._rows: dict[str, tuple[tuple[Bookmark, ...], bytes, tuple[bytes, ...]]] = {}

    def submit(self, snapshot: Snapshot) -> None:
        """Write ``snapshot`` soon, in the background."""
        with self._lock:
            self._pending = snapshot
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="reader-bookmark-cache", daemon=False
                )
                self._thread.start()

    def wait(self) -> None:
        """Block until every submitted snapshot is written (tests, benchmarks)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                snapshot, self._pending = self._pending, None
                if snapshot is None:
                    self._thread = None
                    return
            # A cache is only a cache: any failure leaves the slow, safe path.
            with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
                self._write(snapshot)

    def _write(self, snapshot: Snapshot) -> None:
        if not _plain(snapshot.extra):
            raise ValueError("an unknown key's value cannot be cached as JSON")
        dump = snapshot.dump
        parts = [
            b'{"extra":' + _json(snapshot.extra),
            b',"preamble":' + _json(dump.preamble if dump is not None else None),
            b',"records":[',
        ]
        rows: dict[str, tuple[tuple[Bookmark, ...], bytes, tuple[bytes, ...]]] = {}
        for number, (fp, record) in enumerate(snapshot.records.items()):
            if not _plain(record.extra):
                raise ValueError("an unknown key's value cannot be cached as JSON")
            head: int | None = None
            lengths: list[int] | None = None
            if dump is not None:
                head = dump.heads[fp]
                lengths = [len(fragment) for fragment in dump.bodies[fp].fragments]
            fields = [
                fp, list(record.paths), record.title, record.source, record.published,
                record.position, record.updated, record.extra, head, lengths,
            ]  # fmt: skip
            rows[fp] = self._body(fp, record.bookmarks)
            parts += (b"," if number else b"", _json(fields)[:-1], b",[", rows[fp][1], b"]]")
        parts.append(b"]}")
        self._rows = rows
        payload = b"".join(parts)
        header = b" ".join(
            [
                MAGIC,
                FORMAT,
                _sha256(snapshot.data),
                hashlib.sha256(payload).hexdigest().encode(),
            ]
        )
        _replace(snapshot.file, header + b"\n" + payload)

    def _body(
        self, fp: str, bookmarks: tuple[Bookmark, ...]
    ) -> tuple[tuple[Bookmark, ...], bytes, tuple[bytes, ...]]:
        old = self._rows.get(fp)
        if old is not None and old[0] is bookmarks:
            return old
        # The old tuple is alive while this runs, so an id() found here is the same object.
        known = dict(zip(map(id, old[0]), old[2], strict=True)) if old is not None else {}
        fragments = tuple(known.get(id(b)) or _row(b) for b in bookmarks)
        return bookmarks, b",".join(fragments), fragments


def _replace(file: Path, data: bytes) -> None:
    """Replace ``file`` atomically; no fsync: a torn cache fails its hash check."""
    file.parent.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for stale in file.parent.glob(f".{file.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > STALE_TEMP:
                stale.unlink()
    # Our own unique name, not tempfile's: no lock shared with other threads
    # (a fork while this runs must not leave a child holding one).
    temp = file.with_name(f".{file.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
