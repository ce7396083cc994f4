"""Benchmark the reading pane on the sample repeated to N MB (default 10).

`python bench/reading.py [MB] [--freeze]` prints, headless (App.run_test):

* time to the first frame with text (from App start to the first drawn text row);
* 100 PageDowns through direct action calls, each followed by drawing the view
  (Pilot key presses cost ~64 ms of harness time, so they are not used);
* a resize (the synchronous part that blocks input, then the background refine);
* a jump to the end;
and, outside the app, the index alone: build time, chunk times, full wrap time.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import document_path  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.strip import Strip  # noqa: E402

from reader.model.document import Document  # noqa: E402
from reader.model.structure.parse import parse  # noqa: E402
from reader.view.layout_index import LayoutIndex, ParagraphTable, paragraph_gaps  # noqa: E402
from reader.widgets.reading import CHUNK_CHARS, ReadingPane  # noqa: E402

SIZE = (120, 40)


class TimedPane(ReadingPane):
    """Notes when the first row with text is drawn."""

    first_text_at: float | None = None

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.first_text_at is None and strip.text.strip():
            self.first_text_at = time.perf_counter()
        return strip


class BenchApp(App[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield TimedPane(self.document)


def draw(pane: ReadingPane) -> None:
    """Draw every row in view, as a frame would."""
    for y in range(pane.scrollable_content_region.height):
        pane.render_line(y)


def last_line(pane: ReadingPane) -> bool:
    """Whether the view's last row ends the document."""
    rows = [pane.render_line(y).text.strip() for y in range(pane.size.height)]
    return bool(rows[-1]) and pane.document.text.rstrip().endswith(rows[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def bench_app(document: Document) -> None:
    app = BenchApp(document)
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(TimedPane)
        # Poll with short sleeps: pilot.pause() would wait for the background wrap.
        while pane.first_text_at is None:
            await asyncio.sleep(0.002)
        print(f"first frame with text: {ms(pane.first_text_at - start)}")
        assert pane._index is not None
        print(f"  paragraphs still estimated then: {pane._index.pending}")

        t0 = time.perf_counter()
        pending = pane._index.pending
        pane.action_bottom()
        draw(pane)
        print(f"jump to end right after the first frame: {ms(time.perf_counter() - t0)}")
        print(f"  ({pending} paragraphs were still estimates; last line shown: {last_line(pane)})")
        pane.action_top()

        times = []
        for _ in range(100):
            t0 = time.perf_counter()
            pane.action_page_down()
            draw(pane)
            times.append(time.perf_counter() - t0)
        times.sort()
        print(
            f"100 PageDowns (action + drawing the view): median {ms(times[50])}, "
            f"p95 {ms(times[95])}, max {ms(times[-1])}, total {ms(sum(times))}"
        )

        t0 = time.perf_counter()
        while not pane._index.complete:
            await pilot.pause()
        print(f"background refine finished after another {ms(time.perf_counter() - t0)}")
        print(f"  exact rows: {pane._index.total_rows}")

        offset = pane.current_offset
        relayouts: list[float] = []
        relayout = pane._relayout

        def timed_relayout() -> None:
            r0 = time.perf_counter()
            relayout()
            relayouts.append(time.perf_counter() - r0)

        pane._relayout = timed_relayout  # type: ignore[method-assign]
        t0 = time.perf_counter()
        await pilot.resize_terminal(80, 40)
        waited = time.perf_counter() - t0
        draw(pane)
        print(f"resize to 80 cols: the handler blocks {ms(max(relayouts))}")
        print(f"  Pilot returned after {ms(waited)} (it waits for the background re-wrap)")
        print(f"  reading line kept: {pane.current_offset == offset}")

        t0 = time.perf_counter()
        pane.action_bottom()
        draw(pane)
        print(f"jump to end: {ms(time.perf_counter() - t0)}")


def bench_index(document: Document) -> None:
    t0 = time.perf_counter()
    gaps = paragraph_gaps([p.kind for p in document.paragraphs])
    table = ParagraphTable([p.span for p in document.paragraphs], gaps)
    t1 = time.perf_counter()
    index = LayoutIndex(document.text, table, 80)
    t2 = time.perf_counter()
    print(f"index: paragraph table (once a document) {ms(t1 - t0)}")
    print(f"index: build with estimates (each width) {ms(t2 - t1)}")
    chunks = []
    t0 = time.perf_counter()
    more = True
    while more:
        c0 = time.perf_counter()
        more = index.wrap_next_chunk(CHUNK_CHARS)
        _ = index.total_rows  # what the pane does after each chunk
        chunks.append(time.perf_counter() - c0)
    total = time.perf_counter() - t0
    mb = len(document.text.encode("utf-8")) / 1e6
    print(
        f"index: full wrap in {len(chunks)} chunks, {ms(total)} ({mb / total:.1f} MB/s), "
        f"chunk mean {ms(statistics.mean(chunks))}, max {ms(max(chunks))}"
    )
    lines = sum(len(index.line_starts(p)) for p in range(index.paragraph_count))
    print(f"index: {index.paragraph_count} paragraphs, {lines} lines, {index.total_rows} rows")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    megabytes = int(args[0]) if args else 10
    text = document_path(megabytes).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    document = parse(text)
    if "--freeze" in sys.argv:
        # What an app can do after loading: move the document's objects out of
        # the collector's reach, so a full collection does not walk them.
        gc.collect()
        gc.freeze()
    print(
        f"{megabytes} MB, {len(text)} chars; parse (not the pane's): {ms(time.perf_counter() - t0)}"
    )
    bench_index(document)
    asyncio.run(bench_app(document))


if __name__ == "__main__":
    main()
