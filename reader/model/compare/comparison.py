"""A comparison of two editions: the section map, the edits, and what changed among the facts.

``compare(old, new)`` does all the work (pure, deterministic); the CLI prints
it as JSON or Markdown (:mod:`reader.model.compare.report`) and the comparison
screen shows it. The work has independent parts, so that the screen can run
them in worker processes at once and get back only small results:
:func:`structure` (sections paired, phrase edits; no facts) and each
edition's facts summed up (:func:`reader.model.compare.changes.fact_summary`).
:func:`combine` puts them together with the documents. :func:`structure_of`
and :func:`parsed_with_facts` are the same from paths.

Position unit: character offsets into each document's ``text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from itertools import chain

from reader.model.columns import columns_of, in_pieces, rows_of
from reader.model.compare.changes import (
    FactSummary,
    NameChange,
    QuantityChange,
    fact_summary,
    name_changes,
    quantity_changes,
)
from reader.model.compare.diff import Change, changed_share, diff_sections
from reader.model.compare.pairing import PairKind, SectionPair, pair_sections, title_key
from reader.model.document import Document, Fact

Source = str | Document
"""An edition for a worker process: a path to open there, or the document itself."""


@dataclass(frozen=True, slots=True)
class SectionRow:
    """One row of the section map, with its edits."""

    pair: SectionPair
    kind: PairKind
    share: float
    """Share of the pair's text that changed, 0.0 to 1.0 (1.0 for new and dropped)."""
    changes: tuple[Change, ...] = ()
    """Edits inside the pair, in NEW's order."""
    retitled: bool = False
    """True when the title changed beyond numbering and figures."""


@dataclass(frozen=True)
class Comparison:
    """Everything that changed between OLD and NEW."""

    old: Document
    new: Document
    rows: tuple[SectionRow, ...]
    """The section map: NEW's sections in order, dropped OLD sections among them."""
    quantities: tuple[QuantityChange, ...] = ()
    """Targets and figures whose value changed."""
    added: tuple[NameChange, ...] = ()
    """Terms, works and names new in NEW."""
    dropped: tuple[NameChange, ...] = ()
    """Terms, works and names no longer in NEW."""
    changes: tuple[Change, ...] = field(default=())
    """Every edit of every paired section, in NEW's order (what ]/[ walk)."""

    @property
    def changed_sections(self) -> int:
        """How many rows are not unchanged."""
        return sum(1 for row in self.rows if row.kind is not PairKind.UNCHANGED)


@dataclass(frozen=True)
class Structure:
    """The section map and every edit, without the documents (small to send)."""

    rows: tuple[SectionRow, ...]
    changes: tuple[Change, ...]
    """Every edit, in NEW's order."""
    lengths: tuple[int, int]
    """Length of OLD's and NEW's text: the documents it belongs to."""

    def __reduce__(self) -> tuple[Callable[..., Structure], tuple[object, ...]]:
        # Sent from a worker process as plain tuples, each row's edits as indexes
        # into ``changes``: 26,000 rows at 5 MB pickled in 0.23 s instead of 0.40.
        index = {id(change): k for k, change in enumerate(self.changes)}
        rows = [
            (
                row.pair.old,
                row.pair.new,
                row.pair.score,
                row.pair.related,
                row.pair.same,
                row.kind.value,
                row.share,
                [index[id(change)] for change in row.changes],
                row.retitled,
            )
            for row in self.rows
        ]
        changes = columns_of(self.changes, _CHANGE_FIELDS)
        return (_structure_from, (in_pieces(rows), changes, self.lengths))


_KINDS = {kind.value: kind for kind in PairKind}
_CHANGE_FIELDS = tuple(one.name for one in fields(Change))


_Row = tuple[int | None, int | None, float, int | None, bool, str, float, list[int], bool]


def _structure_from(
    pieces: list[list[_Row]],
    change_columns: list[list[object]],
    lengths: tuple[int, int],
) -> Structure:
    """A :class:`Structure` from what its ``__reduce__`` sent (its rows' edits are
    the very objects of ``changes``, as before pickling)."""
    changes = rows_of(Change, change_columns)
    return Structure(
        tuple(
            SectionRow(
                SectionPair(old, new, score, related, same),
                _KINDS[kind],
                share,
                tuple(changes[k] for k in edits) if edits else (),
                retitled,
            )
            for old, new, score, related, same, kind, share, edits, retitled in chain(*pieces)
        ),
        changes,
        lengths,
    )


def _row(old: Document, new: Document, pair: SectionPair) -> SectionRow:
    if pair.old is None:
        return SectionRow(pair, PairKind.NEW, 1.0)
    if pair.new is None:
        return SectionRow(pair, PairKind.DROPPED, 1.0)
    if pair.same:  # the same text under the same title: nothing to diff
        return SectionRow(pair, PairKind.UNCHANGED, 0.0)
    old_section = old.sections[pair.old]
    new_section = new.sections[pair.new]
    changes = tuple(diff_sections(old, pair.old, new, pair.new))
    retitled = old_section.title != new_section.title and title_key(old_section.title) != title_key(
        new_section.title
    )
    share = changed_share(
        list(changes),
        old_section.end - old_section.start,
        new_section.end - new_section.start,
    )
    kind = PairKind.CHANGED if changes or retitled else PairKind.UNCHANGED
    return SectionRow(pair, kind, share, changes, retitled)


def structure(old: Document, new: Document) -> Structure:
    """Pair the sections and find the phrase edits of each pair.

    Args:
        old: Last edition.
        new: This edition.
    """
    rows = tuple(_row(old, new, pair) for pair in pair_sections(old, new))
    every = sorted(
        (change for row in rows for change in row.changes),
        key=lambda c: (c.new_start, c.old_start),
    )
    return Structure(rows, tuple(every), (len(old.text), len(new.text)))


def combine(
    old: Document,
    new: Document,
    found: Structure,
    old_facts: FactSummary,
    new_facts: FactSummary,
) -> Comparison:
    """The comparison of ``old`` and ``new`` from its parts.

    Args:
        old: Last edition.
        new: This edition.
        found: Their sections paired and their edits (:func:`structure`).
        old_facts: OLD's facts, summed up (:func:`fact_summary`).
        new_facts: NEW's.

    Raises:
        ValueError: ``found`` was computed on other texts (a file changed meanwhile).
    """
    if found.lengths != (len(old.text), len(new.text)):
        raise ValueError("the editions changed while they were being compared")
    pairs = [row.pair for row in found.rows]
    quantities = quantity_changes(
        [s.id for s in old.sections],
        old_facts.figures,
        [s.id for s in new.sections],
        new_facts.figures,
        pairs,
    )
    added, dropped = name_changes(old_facts, old.text, new_facts, new.text)
    return Comparison(
        old, new, found.rows, tuple(quantities), tuple(added), tuple(dropped), found.changes
    )


def without_facts(old: Document, new: Document, found: Structure) -> Comparison:
    """The comparison of ``old`` and ``new`` before their facts are found: the
    section map and every edit, nothing among "what changed".

    Raises:
        ValueError: ``found`` was computed on other texts (a file changed meanwhile).
    """
    if found.lengths != (len(old.text), len(new.text)):
        raise ValueError("the editions changed while they were being compared")
    return Comparison(old, new, found.rows, changes=found.changes)


def compare(
    old: Document,
    new: Document,
    *,
    facts: Callable[[Document], Sequence[Fact]] | None = None,
) -> Comparison:
    """Compare two editions of a document.

    Args:
        old: Last edition.
        new: This edition.
        facts: The fact extractor (``extract_facts`` when not given).
    """
    if facts is None:
        from reader.model.facts.extract import extract_facts

        facts = extract_facts
    return combine(
        old, new, structure(old, new), fact_summary(old, facts(old)), fact_summary(new, facts(new))
    )


def opened(source: Source) -> Document:
    """The document itself, or the file at a path opened and parsed in full."""
    if isinstance(source, Document):
        return source
    from reader.model.opening import open_document

    return open_document(source)


def structure_of(old: Source, new: Source) -> Structure:
    """:func:`structure` of two editions given by path (a worker process's job)."""
    return structure(opened(old), opened(new))


def parsed_with_facts(source: Source) -> tuple[Document, FactSummary]:
    """An edition given by path, parsed, and its facts summed up (a worker process's job).

    The document goes back too: the screen needs it, and unpickling it costs
    the UI's process less than parsing it there (whose scans of the whole text
    would hold the UI's interpreter lock for long stretches).
    """
    from reader.model.facts.extract import extract_facts

    document = opened(source)
    return document, fact_summary(document, extract_facts(document))
