"""Benchmark the bookmark store: one save with 10,000 bookmarks, load of 50,000.

Run: ``.venv/bin/python bench/bookmarks.py``. Prints milliseconds (median of runs).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    path.write_text(Serializer().dump(records, {}), encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bookmarks.yaml"
        doc = make_document()
        build(path, 10_000, first=doc.fingerprint)
        store = BookmarkStore(path)
        began = time.perf_counter()
        store.load()
        print(f"load 10,000 bookmarks: {1000 * (time.perf_counter() - began):.0f} ms")
        first = time.perf_counter()
        store.add(doc, 0, 4)
        print(f"first save (cold dump cache): {1000 * (time.perf_counter() - first):.1f} ms")
        times = []
        for i in range(30):
            began = time.perf_counter()
            store.add(doc, i, i + 4, note=str(i))
            times.append(1000 * (time.perf_counter() - began))
        print(
            f"save one bookmark with 10,000 in the store: median {statistics.median(times):.1f}"
            f" ms, max {max(times):.1f} ms ({path.stat().st_size / 2**20:.1f} MB file)"
        )
        build(path, 50_000, documents=50)
        store = BookmarkStore(path)
        began = time.perf_counter()
        warnings = store.load()
        elapsed = 1000 * (time.perf_counter() - began)
        total = sum(len(r.bookmarks) for r in store.documents())
        print(f"load {total:,} bookmarks: {elapsed:.0f} ms {warnings or ''}")


if __name__ == "__main__":
    main()
