"""FactIndex: a document's facts indexed by kind and section, as flat arrays.

Numbers only (no Rich, no Textual): the facts worker process imports this
module and nothing of the sidebar's rendering, so it starts on the rules'
own imports. Filtering by section is then a look-up, not a pass over 100,000
facts on the UI thread; ``FactRows`` builds a ``Fact`` only when one is read.

Positions are character offsets into ``Document.text`` (see the model).
"""

from __future__ import annotations

import contextlib
import os
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import overload

from reader.model.document import Document, Fact, FactKind, Meta, Section
from reader.model.facts.table import KINDS, FactTable

WORKER_NICENESS = 10
"""How much lower the facts worker process runs than the reader (``nice`` steps)."""

FactGroups = list[tuple[FactKind, Sequence[Fact]]]
"""Non-empty groups in ``FactKind`` order: ``(kind, facts in text order)``."""


class FactRows(Sequence[Fact]):
    """Rows of a :class:`FactTable` as facts, each built when it is read.

    Either facts ``start:stop`` of the table with all their mentions, or
    entries ``start:stop`` of a section's ``(fact, lo, hi)`` triples: the fact
    with only its mentions ``lo:hi`` (those said in that section).
    """

    __slots__ = ("_entries", "_start", "_stop", "_table")

    def __init__(
        self, table: FactTable, start: int, stop: int, entries: array[int] | None = None
    ) -> None:
        self._table, self._start, self._stop, self._entries = table, start, stop, entries

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> Fact: ...

    @overload
    def __getitem__(self, index: slice) -> FactRows: ...

    def __getitem__(self, index: int | slice) -> Fact | FactRows:
        size = self._stop - self._start
        if isinstance(index, slice):
            first, last, step = index.indices(size)
            if step != 1:
                raise ValueError("fact rows are sliced with step 1 only")
            last = max(first, last)
            return FactRows(self._table, self._start + first, self._start + last, self._entries)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("fact row out of range")
        row = self._start + index
        entries = self._entries
        if entries is None:
            return self._table.fact(row)
        return self._table.fact(entries[3 * row], entries[3 * row + 1], entries[3 * row + 2])

    def __iter__(self) -> Iterator[Fact]:
        return (self[i] for i in range(self._stop - self._start))


@dataclass(frozen=True)
class FactIndex:
    """A document's facts, grouped by kind for the whole text and for each section.

    All numbers: the :class:`FactTable`, where each kind starts in it, and per
    section the ``(fact, lo, hi)`` triples of the facts said there (``lo:hi``
    their mentions in that section: a fact's mentions are in text order and a
    section is one stretch of text, so they are one run). It pickles as flat
    arrays, so a worker process can build it and send it back cheaply.
    """

    table: FactTable
    """Every fact, in kind order, then text order."""
    kind_first: array[int]
    """Facts of kind number ``k`` are rows ``kind_first[k]:kind_first[k + 1]``."""
    entries: array[int]
    """``(fact, lo, hi)`` triples, section by section, in fact order within one."""
    section_first: array[int]
    """Section number ``s`` has triples ``section_first[s]:section_first[s + 1]``."""

    @classmethod
    def build(cls, document: Document) -> FactIndex:
        """Extract ``document``'s facts and index them (slow: run it in a worker).

        Args:
            document: The parsed document.
        """
        # Imported here, in the worker: the extractor's word lists cost ~70 ms
        # to import, which the first frame should not pay.
        from reader.model.facts.extract import extract_table

        return cls.of(extract_table(document))

    @classmethod
    def of(cls, table: FactTable | Sequence[Fact], section_ids: Sequence[str] = ()) -> FactIndex:
        """Index facts that were already extracted.

        Args:
            table: A table, or facts in kind order, then text order (as
                ``extract_facts`` returns them).
            section_ids: The document's section ids (for a sequence of facts).
        """
        if not isinstance(table, FactTable):
            table = FactTable.of(table, section_ids)
        kinds, first, sections = table.kinds, table.first, table.sections
        kind_first = array("i", [0] * (len(KINDS) + 1))
        for number in kinds:
            kind_first[number + 1] += 1
        for k in range(len(KINDS)):
            kind_first[k + 1] += kind_first[k]
        per_section = [array("i") for _ in table.section_ids]
        for fact in range(len(kinds)):
            lo, hi = first[fact], first[fact + 1]
            while lo < hi:
                section = sections[lo]
                run = lo + 1
                while run < hi and sections[run] == section:
                    run += 1
                per_section[section].extend((fact, lo, run))
                lo = run
        entries = array("i")
        section_first = array("i", [0])
        for part in per_section:
            entries.extend(part)
            section_first.append(len(entries) // 3)
        return cls(table, kind_first, entries, section_first)

    @property
    def facts(self) -> FactRows:
        """Every fact, in kind order, then text order (built as read)."""
        return FactRows(self.table, 0, len(self.table))

    @cached_property
    def _section_numbers(self) -> dict[str, int]:
        numbers: dict[str, int] = {}
        for number, section in enumerate(self.table.section_ids):
            numbers.setdefault(section, number)
        return numbers

    def groups(self, section: str | None = None) -> FactGroups:
        """The non-empty groups of the whole document, or of one section.

        Args:
            section: A section id, or ``None`` for the whole document.
        """
        table = self.table
        if section is None:
            bounds = self.kind_first
            return [
                (kind, FactRows(table, bounds[k], bounds[k + 1]))
                for k, kind in enumerate(KINDS)
                if bounds[k + 1] > bounds[k]
            ]
        number = self._section_numbers.get(section)
        if number is None:
            return []
        entries, kinds = self.entries, table.kinds
        start, stop = self.section_first[number], self.section_first[number + 1]
        groups: FactGroups = []
        while start < stop:
            kind = kinds[entries[3 * start]]
            end = start + 1
            while end < stop and kinds[entries[3 * end]] == kind:
                end += 1
            groups.append((KINDS[kind], FactRows(table, start, end, entries)))
            start = end
        return groups


def find_facts(text: str, meta: Meta, sections: tuple[Section, ...]) -> FactIndex:
    """The facts worker process's work: index the facts of a document's text.

    Only what the extractor reads is sent (the text, the metadata for the year
    of year-less dates, the sections for each mention's section); the
    paragraphs stay behind. The process lowers its own priority first: on a
    busy machine the reader's keys come before its facts.

    Args:
        text: The displayed text.
        meta: Its metadata.
        sections: Its sections.
    """
    with contextlib.suppress(OSError):  # a platform without nice: same priority
        os.nice(WORKER_NICENESS)
    return FactIndex.build(Document(text, meta, sections, ()))
