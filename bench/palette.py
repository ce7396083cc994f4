"""The command palette on 100,000 sections and on a 15,000-character heading (issue 11, item 4).

Prints, for the sections provider on 100,000 sections: the time to list the
commands before anything is typed, the time of a whole search per query, and
the longest the event loop waited between two of the search's steps (what a key
typed meanwhile waits for: target 100 ms); the time from Escape to the reading
screen with the palette open (headless app, Pilot included: target 0.2 s); and
the memory a `neg` search takes on a 15,000-character heading (target +50 MB).

`python bench/palette.py`
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader.commands import SectionsProvider, best_matches, section_command  # noqa: E402
from reader.model.opening import open_document  # noqa: E402
from reader.screens.main import MainScreen  # noqa: E402
from tests import hostile  # noqa: E402
from tests.ui.helpers import make_app  # noqa: E402


async def longest_wait(work: asyncio.Future[object]) -> float:
    """The longest gap between two turns of the event loop while ``work`` runs."""
    longest = 0.0
    last = time.perf_counter()
    while not work.done():
        await asyncio.sleep(0)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    return longest


async def sections_figures(folder: Path) -> None:
    path = hostile.write(folder, "tiny.md", hostile.tiny_sections())
    document = open_document(path)
    print(f"{len(document.sections):,} sections")
    candidates = [(section_command(s), s) for s in document.sections]
    for query in ("H99998", "neg", "h1", "go"):
        started = time.perf_counter()
        search = asyncio.ensure_future(best_matches(query, iter(candidates)))
        gap = await longest_wait(search)
        found = search.result()
        took = time.perf_counter() - started
        print(
            f"  search {query!r}: {len(found)} hits in {took:.2f} s, "
            f"longest wait for the event loop {gap * 1000:.1f} ms"
        )
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = SectionsProvider(app.screen)
        started = time.perf_counter()
        listed = [hit async for hit in provider.discover()]
        print(f"  discover: {len(listed)} commands in {time.perf_counter() - started:.3f} s")
        await app.workers.wait_for_complete()  # the facts: their own thread, not the palette's
        for typed in ("", "H9", "go"):
            await pilot.press("ctrl+p", *typed)
            started = time.perf_counter()
            await pilot.press("escape")
            took = time.perf_counter() - started
            assert isinstance(app.screen, MainScreen)
            print(f"  ctrl+p {typed!r}, Escape at once: back to the text in {took:.3f} s")


async def long_heading_figures(folder: Path) -> None:
    data = hostile.long_heading(15_000).replace("长".encode(), b"nge")
    document = open_document(hostile.write(folder, "long.md", data))
    title = document.sections[0].title
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    found = await best_matches("neg", [(section_command(s), s) for s in document.sections])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"heading of {len(title):,} characters: 'neg' gives {len(found)} hits, "
        f"peak +{(peak - before) / 1e6:.2f} MB"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        await sections_figures(Path(folder))
        await long_heading_figures(Path(folder))


if __name__ == "__main__":
    asyncio.run(main())
