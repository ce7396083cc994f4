"""The bookmark list and the palette with 50,000 bookmarks (issue 11, item 11).

Run: ``.venv/bin/python bench/bookmark_list.py [count]``. A headless app at 100×30
with a store of ``count`` bookmarks over 50 documents (loaded warm, as after the
first start); times are wall milliseconds of direct calls, best of 3, never
through ``pilot.press`` (which adds ~64 ms of harness time a key):

- open: ``B`` until the list is mounted and its rows in view are drawn;
- delete: ``d`` (the action: the row goes, the save is queued in the store's
  thread) and the next frame's lines in view;
- undo: ``u`` likewise;
- palette: the bookmark provider's first discovery and one keystroke's search.

Targets: open ≤ 500 ms, delete ≤ 100 ms.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bookmarks import build  # noqa: E402

from reader.app import ReaderApp  # noqa: E402
from reader.commands.documents import BookmarksProvider  # noqa: E402
from reader.model.opening import open_document  # noqa: E402
from reader.screens.bookmarks import BookmarksScreen  # noqa: E402
from reader.screens.main import MainScreen  # noqa: E402
from reader.store.bookmarks import BookmarkStore  # noqa: E402
from reader.widgets.bookmark_list import BookmarkList  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e3e3ef0b6fd35ab0.txt"


def _ms(began: float) -> float:
    return 1000 * (time.perf_counter() - began)


def _draw(rows: BookmarkList) -> None:
    for y in range(rows.scrollable_content_region.height):
        rows.render_line(y)


async def run(count: int) -> None:
    """Build the store, start the app and time the list and the palette."""
    path = Path(os.environ["READER_CONFIG_DIR"]) / "bookmarks.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    build(path, count, documents=50)
    warm = BookmarkStore(path)
    warm.load()  # writes the JSON cache: the app's load is warm
    warm._cache.wait()
    app = ReaderApp(open_document(SEED))
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.to_thread(app.bookmarks.wait)
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        total = sum(len(r.bookmarks) for r in app.bookmarks.store.documents())
        print(f"{total:,} bookmarks in {path.stat().st_size / 2**20:.1f} MB")
        opens, deletes, undos = [], [], []
        for _ in range(3):
            began = time.perf_counter()
            screen = BookmarksScreen(app.bookmarks, current=None)
            await app.push_screen(screen)
            _draw(screen.rows)
            opens.append(_ms(began))
            for action, times in (
                (screen.action_delete_bookmark, deletes),
                (screen.action_undo_delete, undos),
            ):
                began = time.perf_counter()
                action()
                _draw(screen.rows)
                times.append(_ms(began))
                await asyncio.to_thread(app.bookmarks.wait)
            screen.action_close()
            await pilot.pause()
        print(f"B (open the list): {min(opens):.0f} ms (max {max(opens):.0f})")
        print(f"d (delete one): {min(deletes):.1f} ms (max {max(deletes):.1f})")
        print(f"u (undo): {min(undos):.1f} ms (max {max(undos):.1f})")
        firsts, keys = [], []
        for _ in range(3):
            provider = BookmarksProvider(main)
            began = time.perf_counter()
            found = [hit async for hit in provider.discover()]
            firsts.append(_ms(began))
            began = time.perf_counter()
            hits = [hit async for hit in provider.search("笔记 4")]
            keys.append(_ms(began))
        print(
            f"palette: discovery {min(firsts):.0f} ms ({len(found)} hits), "
            f"a keystroke's search {min(keys):.0f} ms ({len(hits)} hits)"
        )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as folder:
        os.environ["READER_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["READER_CACHE_DIR"] = str(Path(folder) / "cache")
        os.environ["READER_DATA_DIR"] = str(Path(folder) / "data")
        asyncio.run(run(count))


if __name__ == "__main__":
    main()
