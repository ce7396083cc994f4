"""The search the main screen delegates to: run it in a worker, show what it finds.

Position unit: character offsets into ``Document.text``.

Never blocking: each query runs in a thread worker (exclusive in the group
``"search"``, so a new keystroke cancels the running scan). The worker first
scans a window around the reading position and posts those matches at once,
so the reader sees highlights where they are reading within milliseconds; then
it scans the whole text with ``iter_chunks``, checking for cancellation between
chunks and posting the running count, and finally the full set.

Never freezing: the scanning itself runs in daemon threads (``run_detached``),
so a cancelled search or quitting never waits for the engine; a regular
expression gets :data:`SEARCH_SECONDS` of matching in all, after which it is
stopped and the bar says so ("pattern too slow: stopped after 0.5 s").
"""

from __future__ import annotations

import time
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from textual.worker import get_current_worker

from reader.background import run_detached
from reader.model.document import Document, Section
from reader.model.find.search import (
    Query,
    SearchError,
    SearchPattern,
    SearchTimeout,
    compile_query,
    find_all,
    iter_chunks,
)
from reader.screens.highlights import Highlights
from reader.view.cycle import HighlightCycle
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from reader.widgets.search_bar import SearchBar

__all__ = ["SearchController", "count_label", "section_counts"]

LAYER = "search"
"""The reading pane's highlight layer for matches."""

WINDOW_BEFORE = 20_000
WINDOW_AFTER = 60_000
"""Characters around the reading position scanned first (a few screens either way)."""

CHUNK_CHARS = 200_000
"""Characters per cancellable step of the full scan (well under a millisecond for a literal)."""

PROGRESS_SECONDS = 0.1
"""How often the running count is posted during a long scan."""

SEARCH_SECONDS = 0.5
"""Matching time a regular expression gets (window and whole text together)."""


def stopped_label(seconds: float = SEARCH_SECONDS) -> str:
    """What the bar says about a pattern that was stopped."""
    return f"pattern too slow: stopped after {seconds:g} s"


def count_label(count: int, *, done: bool = True) -> str:
    """``"17 matches"``, ``"1 match"``, ``"no matches"``; ``"…"`` while counting."""
    if count == 0 and done:
        return "no matches"
    noun = "match" if count == 1 else "matches"
    return f"{count} {noun}" + ("" if done else "…")


def section_counts(sections: Sequence[Section], starts: array[int]) -> dict[str, int]:
    """How many matches start in each section (sections with none are left out).

    Args:
        sections: The document's sections, in text order.
        starts: Match starts, ascending.
    """
    counts: dict[str, int] = {}
    for section in sections:
        count = bisect_left(starts, section.end) - bisect_left(starts, section.start)
        if count:
            counts[section.id] = count
    return counts


@dataclass
class _Scan:
    """One query's run: what was asked and what was found so far."""

    generation: int
    query: Query
    starts: array[int]
    ends: array[int]
    done: bool = False
    stopped: bool = False
    """The pattern ran out of time: nothing is shown."""


class SearchController:
    """Runs the search and shows matches, counts and errors.

    It drives what it is given and nothing else: the reading pane (its search
    layer; the scans run as the pane's workers), the outline (match counts per
    section), the search bar (its status) and the highlights `n`/`N` walk.

    Args:
        reading: The pane searched and highlighted.
        outline: The pane that shows the count per section.
        bar: The search bar, for its status line.
        highlights: Where the finished matches become the `n`/`N` cycle.
    """

    def __init__(
        self, reading: ReadingPane, outline: OutlinePane, bar: SearchBar, highlights: Highlights
    ) -> None:
        self.reading = reading
        self.outline = outline
        self.bar = bar
        self.highlights = highlights
        self._generation = 0
        self._scan: _Scan | None = None
        self._jump_when_done = False

    @property
    def document(self) -> Document:
        """The document searched (the one in the reading pane)."""
        return self.reading.document

    def document_replaced(self, same_text: bool) -> None:
        """The reading pane shows another document: search it for the same query.

        Args:
            same_text: The text is the same (a full parse replaced the head):
                the matches still hold, only the per-section counts change.
        """
        scan = self._scan
        if scan is None:
            return
        if same_text:
            # A scan still running posts its counts for the new sections itself.
            if scan.done:
                spans = list(zip(scan.starts, scan.ends, strict=True))
                self.reading.set_highlights(LAYER, spans)
                self.outline.match_counts = section_counts(self.document.sections, scan.starts)
            return
        jump = self._jump_when_done
        self.update(scan.query.text, scan.query.regex)
        self._jump_when_done = jump

    @property
    def active(self) -> bool:
        """Whether a search is running or its matches are shown."""
        return self._scan is not None

    # -- from the bar ---------------------------------------------------------

    def update(self, text: str, regex: bool) -> None:
        """Search for ``text`` (cancelling any running search).

        Args:
            text: The query as typed; empty clears.
            regex: Read ``text`` as a regular expression.
        """
        self._generation += 1
        self._jump_when_done = False
        self.reading.workers.cancel_group(self.reading, LAYER)
        query = Query(text, regex=regex)
        if not text:
            self._drop()
            self.bar.set_status("")
            return
        try:
            pattern = compile_query(query)
        except SearchError as error:
            self._drop()
            self.bar.set_status(str(error), error=True)
            return
        self._scan = _Scan(self._generation, query, array("i"), array("i"))
        self.bar.set_status("searching…")
        generation = self._generation
        text_ = self.document.text
        offset = self.reading.current_offset
        self.reading.run_worker(
            lambda: self._run(generation, text_, pattern, offset),
            name=f"search {text!r}",
            group=LAYER,
            exclusive=True,
            thread=True,
        )

    def submit(self, text: str, regex: bool) -> None:
        """Go to the first match at or after the reading position (now or when found).

        Args:
            text: The query as typed (searched first if it is not the current one,
                e.g. after Escape cleared it).
            regex: Read ``text`` as a regular expression.
        """
        scan = self._scan
        if scan is None or scan.query != Query(text, regex=regex):
            self.update(text, regex)
            scan = self._scan
        if scan is None:
            return
        if scan.done:
            self._jump()
        else:
            self._jump_when_done = True

    def clear(self) -> bool:
        """Drop the search: cancel it, clear highlights and counts.

        Returns:
            Whether there was a search to clear.
        """
        was_active = self.active
        self._generation += 1
        self.reading.workers.cancel_group(self.reading, LAYER)
        self._drop()
        self.bar.set_status("")
        return was_active

    def _drop(self) -> None:
        self._scan = None
        self._jump_when_done = False
        self.highlights.clear(LAYER)
        self.reading.set_highlights(LAYER, [])
        self.outline.match_counts = {}

    def status(self) -> str:
        """The bar's status for the current search: ``"3/17"`` once moving."""
        cycle = self.highlights.cycle
        scan = self._scan
        if scan is None:
            return ""
        if scan.stopped:
            return stopped_label()
        if cycle is not None and cycle.layer == LAYER and cycle.index is not None:
            return cycle.status
        return count_label(len(scan.starts), done=scan.done)

    # -- in the worker thread ---------------------------------------------------

    def _run(self, generation: int, text: str, pattern: SearchPattern, offset: int) -> None:
        """Scan the window around ``offset``, then the whole text, posting as it goes.

        Each step runs in a daemon thread: this worker thread only waits for it,
        so a cancelled search (a new keystroke, Escape, quitting) is dropped at
        once while the engine finishes (or times out) on its own.
        """
        worker = get_current_worker()
        app = self.reading.app
        deadline = time.monotonic() + SEARCH_SECONDS

        def cancelled() -> bool:
            return worker.is_cancelled

        lo = max(0, offset - WINDOW_BEFORE)
        hi = min(len(text), offset + WINDOW_AFTER)
        try:
            near = run_detached(
                lambda: find_all(text, pattern, lo, hi, deadline=deadline), cancelled
            )
            if near is None:
                return
            app.call_from_thread(self._show_near, generation, *near)
            starts: array[int] = array("i")
            ends: array[int] = array("i")
            posted = time.monotonic()
            chunks = iter_chunks(text, pattern, CHUNK_CHARS, deadline=deadline)
            while True:
                step = run_detached(lambda: next(chunks, None), cancelled)
                if step is None:
                    break
                chunk_starts, chunk_ends = step
                starts.extend(chunk_starts)
                ends.extend(chunk_ends)
                now = time.monotonic()
                if now - posted >= PROGRESS_SECONDS:
                    posted = now
                    app.call_from_thread(self._show_progress, generation, len(starts))
        except SearchTimeout:
            if not worker.is_cancelled:
                app.call_from_thread(self._show_stopped, generation)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._show_all, generation, starts, ends)

    # -- back on the UI thread ------------------------------------------------

    def _current(self, generation: int) -> _Scan | None:
        """The scan if ``generation`` is still the latest (a late post is ignored)."""
        scan = self._scan
        return scan if scan is not None and scan.generation == generation else None

    def _show_near(self, generation: int, starts: array[int], ends: array[int]) -> None:
        if self._current(generation) is None:
            return
        self.reading.set_highlights(LAYER, list(zip(starts, ends, strict=True)))

    def _show_progress(self, generation: int, count: int) -> None:
        if self._current(generation) is not None:
            self.bar.set_status(count_label(count, done=False))

    def _show_stopped(self, generation: int) -> None:
        scan = self._current(generation)
        if scan is None:
            return
        scan.done = scan.stopped = True
        self._jump_when_done = False
        self.reading.set_highlights(LAYER, [])
        self.outline.match_counts = {}
        self.bar.set_status(stopped_label(), error=True)

    def _show_all(self, generation: int, starts: array[int], ends: array[int]) -> None:
        scan = self._current(generation)
        if scan is None:
            return
        scan.starts, scan.ends, scan.done = starts, ends, True
        spans = list(zip(starts, ends, strict=True))
        self.highlights.set(HighlightCycle(LAYER, spans, label=scan.query.text))
        self.outline.match_counts = section_counts(self.document.sections, starts)
        self.bar.set_status(count_label(len(starts)))
        if self._jump_when_done:
            self._jump()

    def _jump(self) -> None:
        self._jump_when_done = False
        cycle = self.highlights.cycle
        if cycle is None or cycle.layer != LAYER or not len(cycle):
            return
        self.highlights.step(forward=True)
        self.bar.set_status(self.status())
