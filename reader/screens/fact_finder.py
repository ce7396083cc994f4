"""FactFinder: finds a document's facts off the UI thread and hands them to the sidebar.

The extractor is pure and can take seconds on a big text, so it runs detached
(quitting never waits for it) in a thread worker of the facts pane; the pane
says "Finding facts…" meanwhile. A newer request cancels an older one.
"""

from __future__ import annotations

import gc

from textual.worker import get_current_worker

from reader.background import run_detached
from reader.model.document import Document
from reader.view.fact_rows import FactIndex
from reader.widgets.facts import FactsPane


class FactFinder:
    """Finds facts for one facts pane.

    Args:
        facts: The sidebar that lists what is found.
    """

    def __init__(self, facts: FactsPane) -> None:
        self.facts = facts

    def find(self, document: Document) -> None:
        """Find ``document``'s facts in a worker; the sidebar lists them when done."""

        def run() -> None:
            worker = get_current_worker()
            try:
                # Detached: quitting must not wait for a big document's facts.
                index = run_detached(lambda: FactIndex.build(document), lambda: worker.is_cancelled)
            except Exception as error:  # an extractor bug must not take the reader down
                self.facts.app.call_from_thread(self._failed, error)
                return
            if index is not None and not worker.is_cancelled:
                self.facts.app.call_from_thread(self._found, document, index)

        self.facts.run_worker(run, thread=True, exclusive=True, group="facts", exit_on_error=False)

    def _found(self, document: Document, index: FactIndex) -> None:
        if document is not self.facts.document:  # another document came meanwhile
            return
        self.facts.show_facts(index)
        # A big document's facts are hundreds of thousands of long-lived
        # objects; left to the cyclic collector, each of its full passes
        # stalls a key press by ~100 ms. They never form cycles worth finding.
        gc.freeze()

    def _failed(self, error: Exception) -> None:
        self.facts.show_error("Facts unavailable")
        self.facts.notify(f"Could not find the facts: {type(error).__name__}", severity="error")
