"""Benchmark the bookmark store: loads of 10,000 and 50,000 bookmarks, cold (no
sidecar cache) and warm (cache valid), the first save after each, and the median
save with 10,000 bookmarks in the store.

Run: ``.venv/bin/python bench/bookmarks.py``. Prints milliseconds.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader import paths  # noqa: E402
from reader.store.bookmarks import BookmarkStore  # noqa: E402
from reader.store.records import Bookmark, DocumentRecord, Quote  # noqa: E402
from reader.store.yamlio import Serializer  # noqa: E402
from tests.store.helpers import make_document  # noqa: E402


def build(path: Path, count: int, documents: int = 1, first: str | None = None) -> None:
    """Write a store of ``count`` bookmarks (spread over ``documents``) in one go."""
    records: dict[str, DocumentRecord] = {}
    per = count // documents
    for d in range(documents):
        fingerprint = first if (first and d == 0) else f"{d:064x}"
        bookmarks = tuple(
            Bookmark(
                id=f"{d:04x}{i:08x}",
                created="2026-11-26T18:15:00+08:00",
                note=f"笔记 {i}",
                section="市委常委带头作示范,督导组层层严格把关",
                start=i,
                end=i + 20,
                quote=Quote(
                    "市委常委带头作示范" * 2, "以为民务实清廉为主题" * 3, "推动教育实践活动" * 4
                ),
            )
            for i in range(per)
        )
        records[fingerprint] = DocumentRecord(
            fingerprint, (f"/docs/{d}.txt",), "标题", "苏州日报", "2014-07-22T08:52:00",
            0, "2026-11-26T18:15:00+08:00", bookmarks,
        )  # fmt: skip
    path.write_bytes(Serializer().dump(records, {}).data)


def _ms(began: float) -> float:
    return 1000 * (time.perf_counter() - began)


def _load(path: Path) -> tuple[BookmarkStore, float, float]:
    """A fresh store loaded from ``path``: (store, wall ms, CPU ms)."""
    store = BookmarkStore(path)
    began, cpu = time.perf_counter(), time.process_time()
    warnings = store.load()
    elapsed, cpu_ms = _ms(began), 1000 * (time.process_time() - cpu)
    assert not warnings, warnings
    return store, elapsed, cpu_ms


def _loads(path: Path, count: int) -> None:
    """Cold (no cache) and warm (cache valid) loads of ``path``; the first save after each."""
    doc = make_document()
    for cache in (False, True):
        if not cache:
            for old in paths.cache_dir().glob("bookmarks-*.json"):
                old.unlink()
        store, wall, cpu = _load(path)
        if cache:  # best of two: the machine may be busy
            again, wall2, cpu2 = _load(path)
            store, wall, cpu = (store, wall, cpu) if wall <= wall2 else (again, wall2, cpu2)
        kind = "warm" if cache else "cold"
        total = sum(len(r.bookmarks) for r in store.documents())
        print(f"load {total:,} bookmarks, {kind}: {wall:.0f} ms wall, {cpu:.0f} ms CPU")
        began = time.perf_counter()
        store.add(doc, 0, 4)
        print(f"  first save after the {kind} load: {_ms(began):.1f} ms")
        store._cache.wait()  # the next load must see this save's cache


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["READER_CACHE_DIR"] = str(Path(folder) / "cache")
        path = Path(folder) / "bookmarks.yaml"
        doc = make_document()
        build(path, 10_000, first=doc.fingerprint)
        print(f"{path.stat().st_size / 2**20:.1f} MB file")
        _loads(path, 10_000)
        store = BookmarkStore(path)
        store.load()
        times, cpus = [], []
        for i in range(30):
            began, cpu = time.perf_counter(), time.process_time()
            store.add(doc, i, i + 4, note=str(i))
            times.append(_ms(began))
            cpus.append(1000 * (time.process_time() - cpu))
            store._cache.wait()  # a user does not save 30 times in a second
        print(
            f"save one bookmark with 10,000 in the store: median {statistics.median(times):.1f}"
            f" ms, min {min(times):.1f}, max {max(times):.1f} ms wall; median"
            f" {statistics.median(cpus):.1f} ms CPU ({path.stat().st_size / 2**20:.1f} MB file)"
        )
        build(path, 50_000, documents=50, first=doc.fingerprint)
        print(f"{path.stat().st_size / 2**20:.1f} MB file")
        _loads(path, 50_000)


if __name__ == "__main__":
    main()
