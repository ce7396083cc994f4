"""The comparison computed off the UI: two worker processes, in two steps.

The comparison screen shows NEW (its head, for a big text) at once. Then two
worker processes run side by side, one per core, each opening the files
itself: one parses both editions, pairs their sections and finds their edits,
and sends back only the edits; the other parses both editions and sends them
back at once (this process unpickles them while the edits are being found),
then finds their facts at the lowest priority and sends back only their
summaries, for "what changed". The section map and the marked text are shown
as soon as the edits are in; the facts' changes are listed when they come.
Three processes (one per task, before) were slower on two cores: each paid
~0.5 s to start, the documents were parsed four times, and the edits waited
for the facts. Nothing of the work runs in the UI's process but unpickling and
putting together: a parse there would hold the UI's interpreter lock in long
scans of the whole text (a 1.7 s stall at 5 MB on a loaded machine). Both
reading texts (deletions shown and hidden) and the paragraph tables of all
three texts are made here, off the UI thread, so that ``d`` and ``s`` only swap
one for the other.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import cast

from reader.background import Detached, run_detached, run_in_process, stream_in_process
from reader.model.compare.changes import FactSummary
from reader.model.compare.comparison import (
    Comparison,
    Source,
    combine,
    compare,
    without_facts,
)
from reader.model.compare.jobs import documents_job, structure_job
from reader.model.compare.merged import MergedView, merged_view
from reader.model.document import Document
from reader.model.structure.parse import parse
from reader.view.paragraph_table import ParagraphTable, table_of
from reader.view.section_map_rows import MapRow, map_rows

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

    def table(self, document: Document) -> ParagraphTable | None:
        """The paragraph table made for ``document``, if it is one of the comparison's."""
        return self.tables.get(id(document))


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
) -> Comparison | None:
    """Compare ``old`` with ``new`` (either may be a head-only parse), in two steps.

    ``shown`` gets the sections paired and every edit as soon as they are in
    (what changed among the facts is empty then); the comparison with the
    facts is returned when they are in too. ``None`` when cancelled.

    Blocks the calling (worker) thread; the UI thread is never used.

    Raises:
        Exception: what the comparison raised, or ``ProcessDied``.
    """
    if old.complete and new.complete and len(old.text) + len(new.text) <= IN_PROCESS_CHARS:
        comparison = run_detached(lambda: compare(old, new), cancelled)
        if comparison is None:
            return None
        shown(_with_tables(comparison, complete=True))
        return comparison
    # A text from standard input travels whole, so it is parsed in full first.
    old, new = (d if d.path is not None else _full(d) for d in (old, new))
    sources = (_source(old), _source(new))
    # Two worker processes, one per core: one finds the edits; the other parses
    # the documents for this process meanwhile (which unpickles them while the
    # edits are being found), then finds their facts.
    found = Detached(lambda: run_in_process(structure_job, sources, cancelled), "reader-compare")
    stream = cast(
        Generator[object, None, None], stream_in_process(documents_job, sources, cancelled)
    )
    try:
        documents = next(stream, None)
        edits = found.wait(cancelled)
        if documents is None or edits is None or cancelled():
            return None
        old_document, new_document = cast(tuple[Document, Document], documents)
        shown(_with_tables(without_facts(old_document, new_document, edits)))
        summaries = next(stream, None)
        if summaries is None or cancelled():
            return None
    finally:
        stream.close()  # the process is killed if it is still running
    old_facts, new_facts = cast(tuple[FactSummary, FactSummary], summaries)
    return combine(old_document, new_document, edits, old_facts, new_facts)


def _with_tables(comparison: Comparison, *, complete: bool = False) -> Prepared:
    """Both reading texts, the section map and the paragraph tables."""
    tables: dict[int, ParagraphTable] = {}
    shown = merged_view(comparison, show_deleted=True)
    hidden = merged_view(comparison, show_deleted=False)
    for document in (comparison.old, shown.document, hidden.document):
        if id(document) not in tables:
            tables[id(document)] = table_of(document)
    return Prepared(
        comparison,
        shown,
        hidden,
        map_rows(comparison),
        tables,
        comparison.changed_sections,
        complete,
    )
