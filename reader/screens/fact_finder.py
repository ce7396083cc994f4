"""FactFinder: finds a document's facts off the UI and hands them to the sidebar.

The extractor is pure and takes seconds on a big text (4.5 s at 10 MB). In a
thread it would hold the UI's GIL for much of that time, and every key
pressed meanwhile would wait its turn; so a long text's facts are found in a
worker process, on the other core (``run_in_process``), and come back as the
flat arrays of a :class:`FactIndex`. The text goes to it through an unnamed
file (``TextForWorker``), never pickled whole in the UI's process. A short
text's facts (under :data:`PROCESS_FROM` characters, a few tenths of a
second at most) are found in a thread: starting a process would cost more.

Either way the wait runs in a thread worker of the facts pane, which a newer
request cancels (the worker process is killed) and which quitting never waits
for. If the worker process cannot be started, the facts are found in a thread
after all and a notification says so.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from textual.worker import get_current_worker

from reader.background import ProcessUnavailable, TextForWorker, run_detached, run_in_process
from reader.model.document import Document
from reader.view.fact_index import FactIndex, find_facts
from reader.widgets.facts import FactsPane

PROCESS_FROM = 200_000
"""Characters from which the facts are found in a worker process: about 0.1 s
of extraction, less than a process costs to start (~0.2 s of CPU, 25 MB)."""


class FactFinder:
    """Finds facts for one facts pane.

    Args:
        facts: The sidebar that lists what is found.
    """

    process_from: int = PROCESS_FROM
    """Characters from which a worker process finds the facts (see the module)."""

    def __init__(self, facts: FactsPane) -> None:
        self.facts = facts

    def find(self, document: Document) -> None:
        """Find ``document``'s facts in a worker; the sidebar lists them when done."""

        def run() -> None:
            worker = get_current_worker()
            try:
                index = self._index(document, lambda: worker.is_cancelled)
            except Exception as error:  # an extractor bug must not take the reader down
                self.facts.app.call_from_thread(self._failed, error)
                return
            if index is not None and not worker.is_cancelled:
                self.facts.app.call_from_thread(self._found, document, index)

        self.facts.run_worker(run, thread=True, exclusive=True, group="facts", exit_on_error=False)

    def _index(self, document: Document, cancelled: Callable[[], bool]) -> FactIndex | None:
        """The facts, found in a worker process for a long text, else in a thread."""
        if len(document.text) >= self.process_from:
            try:
                text = TextForWorker(document.text)
            except OSError as error:  # no room for the temporary file
                unavailable: Exception = error
            else:
                with text:
                    try:
                        args = (text, document.meta, document.sections)
                        return run_in_process(find_facts, args, cancelled)
                    except ProcessUnavailable as error:
                        unavailable = error
            self.facts.app.call_from_thread(self._in_thread, unavailable)
        # Detached: quitting must not wait for a big document's facts.
        return run_detached(lambda: FactIndex.build(document), cancelled)

    def _in_thread(self, error: Exception) -> None:
        self.facts.notify(
            f"Facts are found beside the reader, which may slow keys: {error}",
            title="No worker process",
            severity="warning",
        )

    def _found(self, document: Document, index: FactIndex) -> None:
        if document is not self.facts.document:  # another document came meanwhile
            return
        self.facts.show_facts(index)
        # The document's paragraphs and sections are many long-lived objects;
        # left to the cyclic collector, each of its full passes stalls a key
        # press. (The facts themselves are a few flat arrays.)
        gc.freeze()

    def _failed(self, error: Exception) -> None:
        self.facts.show_error("Facts unavailable")
        self.facts.notify(f"Could not find the facts: {type(error).__name__}", severity="error")
