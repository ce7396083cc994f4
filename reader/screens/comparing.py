"""The comparison computed off the UI: two worker processes, in two steps.

The comparison screen shows NEW (its head, for a big text) at once. Then two
worker processes run side by side, one per core, each opening one edition
itself and handing it to the other through a pipe (a ``Handoff``: the two
parses take the time of one). One pairs the sections and finds the edits, and
sends back only the edits; the other sends both documents back at once (this
process unpickles them while the edits are being found), then finds their
facts at the lowest priority and sends back only their summaries, for "what
changed". The section map and the marked text are shown as soon as the edits
are in; the facts' changes are listed when they come. Three processes (one per
task) were slower on two cores: each paid ~0.5 s to start, the documents were
parsed four times, and the edits waited for the facts. Nothing of the work
runs in the UI's process but unpickling and putting together: a parse there
would hold the UI's interpreter lock in long scans of the whole text (a 1.7 s
stall at 5 MB on a loaded machine). Both reading texts (deletions shown and
hidden) and the paragraph tables of all three texts are made here, off the UI
thread, so that ``d`` and ``s`` only swap one for the other.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import cast

from reader.background import Detached, run_detached
from reader.model.compare.changes import FactSummary
from reader.model.compare.comparison import (
    Comparison,
    Source,
    Structure,
    combine,
    compare,
    without_facts,
)
from reader.model.compare.jobs import documents_job, structure_job
from reader.model.compare.merged import MergedView, merged_view
from reader.model.document import Document
from reader.model.memory import gc_paused
from reader.model.structure.parse import parse
from reader.view.layout_index import LayoutIndex
from reader.view.paragraph_table import ParagraphTable, table_of
from reader.view.section_map_rows import MapRow, map_rows
from reader.worker_process import Handoff, WorkerProcess

IN_PROCESS_CHARS = 400_000
"""Up to this many characters in both texts, the comparison runs in a thread of
this process (~0.3 s): starting worker processes would take longer."""


@dataclass(frozen=True)
class Prepared:
    """A comparison and both of its reading texts."""

    comparison: Comparison
    shown: MergedView
    """NEW with OLD's deleted text inline."""
    hidden: MergedView
    """NEW as it is, insertions marked."""
    rows: list[MapRow]
    """The section map."""
    tables: dict[int, ParagraphTable]
    """Paragraph tables of OLD and both reading texts, by ``id`` of the document:
    what a reading pane would otherwise make on the UI thread at each swap."""
    changed: int
    """How many sections changed (counted here, not on the UI thread)."""
    complete: bool = False
    """True when ``comparison`` has what changed among the facts too."""

    layouts: dict[int, LayoutIndex] = field(default_factory=dict)
    """Both reading texts laid out at the reading pane's width when the
    comparison began (~35 ms of the UI thread each at 5 MB), by ``id``."""

    def table(self, document: Document) -> ParagraphTable | LayoutIndex | None:
        """The layout (else the paragraph table) made for ``document``, if it is
        one of the comparison's."""
        return self.layouts.get(id(document)) or self.tables.get(id(document))


def _source(document: Document) -> Source:
    # A file is opened again in the worker (a path pickles in no time); a text
    # read from standard input has no path and travels whole.
    return document.path if document.path is not None else document


def _full(document: Document) -> Document:
    if document.complete:
        return document
    return parse(
        document.source_text,
        path=document.path,
        encoding=document.encoding,
        displayed=document.source_map,
    )


def prepare(
    old: Document,
    new: Document,
    cancelled: Callable[[], bool],
    shown: Callable[[Prepared], None],
    width: Callable[[], int],
) -> Comparison | None:
    """Compare ``old`` with ``new`` (either may be a head-only parse), in two steps.

    ``shown`` gets the sections paired and every edit as soon as they are in
    (what changed among the facts is empty then), the reading texts laid out
    ``width()`` cells wide (asked then, of the UI thread: the pane is laid out since);
    the comparison with the facts is returned when they are in too. ``None``
    when cancelled.

    Blocks the calling (worker) thread; the UI thread is never used.

    Raises:
        Exception: what the comparison raised, or ``ProcessDied``.
    """
    if old.complete and new.complete and len(old.text) + len(new.text) <= IN_PROCESS_CHARS:
        comparison = run_detached(lambda: compare(old, new), cancelled)
        if comparison is None:
            return None
        shown(_with_tables(comparison, width(), complete=True))
        return comparison
    # A text from standard input travels whole, so it is parsed in full first.
    old, new = (d if d.path is not None else _full(d) for d in (old, new))
    sources = (_source(old), _source(new))
    with ExitStack() as stack:
        # Two worker processes, one per core, each parsing one edition and handing
        # it to the other: one finds the edits; the other sends both documents
        # here (this process unpickles them while the edits are being found),
        # then finds their facts.
        old_over = stack.enter_context(Handoff())
        new_over = stack.enter_context(Handoff())
        edits_process = stack.enter_context(
            WorkerProcess(
                structure_job, (*sources, old_over.sender, new_over.receiver), streaming=False
            )
        )
        documents_process = stack.enter_context(
            WorkerProcess(
                documents_job, (*sources, new_over.sender, old_over.receiver), streaming=True
            )
        )
        old_over.close()  # each process holds its own ends now
        new_over.close()
        edits_process.start()  # both, before either is waited for
        documents_process.start()
        found = Detached(lambda: next(edits_process.values(cancelled), None), "reader-compare")
        stream = documents_process.values(cancelled)
        # What comes back is ~200,000 long-lived objects at 5 MB, and showing them
        # makes as many: no cyclic collection until the facts are in too (each
        # full pass over them held the UI's interpreter lock for 50-180 ms); they
        # are frozen out of later collections once they are on screen (by the
        # screen) and once the facts are in (here).
        with gc_paused():
            both = next(stream, None)
            edits = cast(Structure | None, found.wait(cancelled))
            if both is None or edits is None or cancelled():
                return None
            old_document, new_document = cast(tuple[Document, Document], both)
            shown(_with_tables(without_facts(old_document, new_document, edits), width()))
            summaries = next(stream, None)
            if summaries is None or cancelled():
                return None
            old_facts, new_facts = cast(tuple[FactSummary, FactSummary], summaries)
            comparison = combine(old_document, new_document, edits, old_facts, new_facts)
            # Frozen before the collector runs again: its first full pass would
            # otherwise scan everything that came since the screen froze the rest.
            gc.freeze()
    return comparison


def _with_tables(comparison: Comparison, width: int, *, complete: bool = False) -> Prepared:
    """Both reading texts, the section map, the paragraph tables, and both
    reading texts laid out ``width`` cells wide."""
    tables: dict[int, ParagraphTable] = {}
    shown = merged_view(comparison, show_deleted=True)
    hidden = merged_view(comparison, show_deleted=False)
    for document in (comparison.old, shown.document, hidden.document):
        if id(document) not in tables:
            tables[id(document)] = table_of(document)
    layouts = {
        id(view.document): LayoutIndex(view.document.text, tables[id(view.document)], width)
        for view in (shown, hidden)
    }
    return Prepared(
        comparison,
        shown,
        hidden,
        map_rows(comparison),
        tables,
        comparison.changed_sections,
        complete,
        layouts,
    )
