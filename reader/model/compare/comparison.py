"""A comparison of two editions: the section map, the edits, and what changed among the facts.

``compare(old, new)`` does all the work (pure, deterministic); the CLI prints
it as JSON or Markdown (:mod:`reader.model.compare.report`) and the comparison
screen shows it.

Position unit: character offsets into each document's ``text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.model.compare.changes import (
    NameChange,
    QuantityChange,
    name_changes,
    quantity_changes,
)
from reader.model.compare.diff import Change, changed_share, diff_sections
from reader.model.compare.pairing import PairKind, SectionPair, pair_sections, title_key
from reader.model.document import Document, Fact


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


def _row(old: Document, new: Document, pair: SectionPair) -> SectionRow:
    if pair.old is None:
        return SectionRow(pair, PairKind.NEW, 1.0)
    if pair.new is None:
        return SectionRow(pair, PairKind.DROPPED, 1.0)
    old_section = old.sections[pair.old]
    new_section = new.sections[pair.new]
    changes = tuple(diff_sections(old, pair.old, new, pair.new))
    retitled = title_key(old_section.title) != title_key(new_section.title)
    share = changed_share(
        list(changes),
        old_section.end - old_section.start,
        new_section.end - new_section.start,
    )
    kind = PairKind.CHANGED if changes or retitled else PairKind.UNCHANGED
    return SectionRow(pair, kind, share, changes, retitled)


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
    pairs = pair_sections(old, new)
    rows = tuple(_row(old, new, pair) for pair in pairs)
    old_facts = facts(old)
    new_facts = facts(new)
    added, dropped = name_changes(old_facts, new_facts)
    every = sorted(
        (change for row in rows for change in row.changes),
        key=lambda c: (c.new_start, c.old_start),
    )
    return Comparison(
        old,
        new,
        rows,
        tuple(quantity_changes(old, old_facts, new, new_facts, pairs)),
        tuple(added),
        tuple(dropped),
        tuple(every),
    )
