"""Comparing two editions: CPU time of the comparison, and the screen's first frame.

Run: ``.venv/bin/python bench/compare.py``. The pairs are made from the test
pair in tests/data/compare (a report and its edited "next year") repeated to
~100 KB and ~5 MB, each repetition under its own numbered heading: in NEW one
part in five is the edited "next year" (moved, split, renumbered and rewritten
sections), the other four are as they were, as in a real new edition. Prints, per size:
the comparison's CPU seconds (best of 3; targets: 100 KB ≤ 1 s, 5 MB ≤ 5 s),
the time to the comparison screen's first frame, the time until the
comparison is on screen (the first frame drawn after the section map and the
marked text are shown; headless, the same process; the comparison itself runs
in worker processes), the time until the figures and terms that changed are
listed, and the longest the UI's event loop was held up from the first frame
until then (no key may wait > 50 ms).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "tests" / "data" / "compare"
DATA = ROOT / "bench" / "data"


def _repeat(text: str, old_text: str, size: int, salt: int) -> str:
    head, _, body = text.partition("一、")
    body = "一、" + body
    old_body = "一、" + old_text.partition("一、")[2]
    parts = [head]
    length = len(head.encode("utf-8"))
    number = 0
    while length < size:
        number += 1
        # Renumber every section of the copy under a heading of its own.
        # One part in five is this year's text; the others did not change.
        part = f"第{number}部分 报告{number}\n\n" + (body if salt and number % 5 == 0 else old_body)
        parts.append(part + "\n")
        length += len(part.encode("utf-8"))
    return "".join(parts)


def pair_paths(label: str, size: int) -> tuple[Path, Path]:
    """The OLD and NEW files of a pair of about ``size`` bytes (made when missing)."""
    DATA.mkdir(parents=True, exist_ok=True)
    old = DATA / f"compare-{label}-old.txt"
    new = DATA / f"compare-{label}-new.txt"
    if not old.exists() or not new.exists():
        last = (PAIR / "report_2023.txt").read_text("utf-8")
        this = (PAIR / "report_2024.txt").read_text("utf-8")
        old.write_text(_repeat(last, last, size, 0), "utf-8")
        new.write_text(_repeat(this, last, size, 1), "utf-8")
    return old, new


def cpu_compare(old_path: Path, new_path: Path) -> tuple[float, int]:
    """Best of 3 CPU seconds of ``compare`` (documents parsed beforehand)."""
    from reader.model.compare.comparison import compare
    from reader.model.opening import open_document

    old, new = open_document(str(old_path)), open_document(str(new_path))
    best, edits = float("inf"), 0
    for _ in range(3):
        start = time.process_time()
        edits = len(compare(old, new).changes)
        best = min(best, time.process_time() - start)
    return best, edits


def screen_times(old_path: Path, new_path: Path) -> tuple[float, float, float, float]:
    """Seconds from app start to the comparison screen's first frame, to the
    comparison on screen (the first frame drawn after it is shown) and to the
    facts' changes listed; and the longest the UI's event loop stalled from the
    first frame until the facts' changes were listed."""
    from reader.app import ReaderApp
    from reader.model.opening import open_document
    from reader.screens.compare import CompareScreen

    started = time.perf_counter()
    # As `reader compare` does: the first pages of each, then the app.
    app = ReaderApp(
        document=open_document(str(new_path), head=True),
        compare_with=open_document(str(old_path), head=True),
    )
    first = done = listed = stall = 0.0

    async def run() -> None:
        nonlocal first, done, listed, stall
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            first = time.perf_counter() - started
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            painted = asyncio.Event()
            # A tick every 10 ms on the UI's loop: a late one is a stall.
            last = time.perf_counter()
            while not screen.facts_found:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                stall = max(stall, now - last - 0.01)
                last = now
                if screen.comparison is not None and not done:
                    done = -1.0  # shown: the time is taken once it is drawn
                    screen.call_after_refresh(painted.set)
                if painted.is_set() and done < 0:
                    done = time.perf_counter() - started
            listed = time.perf_counter() - started
            if done <= 0:  # shown and listed in one go (a small pair)
                await painted.wait()
                done = time.perf_counter() - started

    asyncio.run(run())
    return first, done, listed, stall


def main() -> None:
    """Print one line per size."""
    for label, size, target in (("100kb", 100 * 1024, 1.0), ("5mb", 5 * 1024 * 1024, 5.0)):
        old, new = pair_paths(label, size)
        cpu, edits = cpu_compare(old, new)
        first, done, listed, stall = screen_times(old, new)
        print(
            f"compare {label}: {cpu:.2f} s CPU (target ≤ {target:g} s), {edits} edits; "
            f"screen first frame {first:.2f} s, comparison shown {done:.2f} s "
            f"(target ≤ {target:g} s), facts' changes listed {listed:.2f} s, "
            f"longest UI stall {stall * 1000:.0f} ms"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
