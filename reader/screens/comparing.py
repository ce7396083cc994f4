"""The comparison computed off the UI: two worker processes, the documents parsed meanwhile.

The comparison screen shows NEW (its head, for a big text) at once; then three
worker processes run side by side, each opening its files itself: the section
pairs and phrase edits (sent back small: rows and edits), and for each edition
its full parse and its facts summed up. Nothing of the work runs in the UI's
process but unpickling and putting together: a parse there would hold the
UI's interpreter lock in long scans of the whole text (a 1.7 s stall at 5 MB
on a loaded machine). Both reading texts (deletions shown and hidden) and the
paragraph tables of all three texts are made here, off the UI thread, so
that ``d`` and ``s`` only swap one for the other.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from reader.background import Detached, run_detached, run_in_process
from reader.model.compare.changes import FactSummary
from reader.model.compare.comparison import (
    Comparison,
    Source,
    Structure,
    combine,
    compare,
    parsed_with_facts,
    structure_of,
)
from reader.model.compare.merged import MergedView, merged_view
from reader.model.document import Document
from reader.model.structure.parse import parse
from reader.view.paragraph_table import ParagraphTable, table_of
from reader.view.section_map_rows import MapRow, map_rows

WORKER_NICENESS = 10
"""How much the worker processes lower their priority (as the facts worker does)."""

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


def _lower_priority() -> None:
    # On a busy machine the reader's keys come before the comparison.
    with contextlib.suppress(OSError):  # a platform without nice: same priority
        os.nice(WORKER_NICENESS)


def _structure_job(old: Source, new: Source) -> Structure:
    """A worker process's job: :func:`structure_of`, at a lower priority."""
    _lower_priority()
    return structure_of(old, new)


def _facts_job(source: Source) -> tuple[Document, FactSummary]:
    """A worker process's job: :func:`parsed_with_facts`, at a lower priority."""
    _lower_priority()
    return parsed_with_facts(source)


def prepare(old: Document, new: Document, cancelled: Callable[[], bool]) -> Prepared | None:
    """Compare ``old`` with ``new`` (either may be a head-only parse): ``None`` when cancelled.

    Blocks the calling (worker) thread; the UI thread is never used.

    Raises:
        Exception: what the comparison raised, or ``ProcessDied``.
    """
    if old.complete and new.complete and len(old.text) + len(new.text) <= IN_PROCESS_CHARS:
        comparison = run_detached(lambda: compare(old, new), cancelled)
        if comparison is None:
            return None
        return _with_tables(comparison, {})
    # A text from standard input travels whole, so it is parsed in full first.
    old, new = (d if d.path is not None else _full(d) for d in (old, new))
    sources = (_source(old), _source(new))
    found = Detached(lambda: run_in_process(_structure_job, sources, cancelled), "reader-compare")
    old_facts = Detached(
        lambda: run_in_process(_facts_job, sources[:1], cancelled), "reader-compare"
    )
    new_facts = Detached(
        lambda: run_in_process(_facts_job, sources[1:], cancelled), "reader-compare"
    )
    # What needs only one part is done as soon as it is in (the edits take longest).
    tables: dict[int, ParagraphTable] = {}
    new_parsed = new_facts.wait(cancelled)
    if new_parsed is None:
        return None
    tables[id(new_parsed[0])] = table_of(new_parsed[0])
    old_parsed = old_facts.wait(cancelled)
    if old_parsed is None:
        return None
    tables[id(old_parsed[0])] = table_of(old_parsed[0])
    structure = found.wait(cancelled)
    if structure is None:
        return None
    comparison = combine(old_parsed[0], new_parsed[0], structure, old_parsed[1], new_parsed[1])
    return _with_tables(comparison, tables)


def _with_tables(comparison: Comparison, tables: dict[int, ParagraphTable]) -> Prepared:
    """Both reading texts, and the paragraph tables not made yet."""
    shown = merged_view(comparison, show_deleted=True)
    hidden = merged_view(comparison, show_deleted=False)
    for document in (comparison.old, shown.document, hidden.document):
        if id(document) not in tables:
            tables[id(document)] = table_of(document)
    return Prepared(comparison, shown, hidden, map_rows(comparison), tables)
