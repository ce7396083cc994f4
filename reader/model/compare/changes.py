"""What changed among the facts: targets whose value moved, terms and names new or dropped.

A figure of OLD and one of NEW are the same target when they count the same
thing in the same unit inside a pair of sections (国内生产总值 in % in the
section of this year's targets); terms, people, organisations, places and works
are compared by their text with spaces and case folded.

Position unit: character offsets into each document's ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.model.compare.pairing import SectionPair
from reader.model.document import Document, Fact, FactKind

_QUALIFIER_AFTER = re.compile(r"(?:左右|以上|以下|以内|上下|之内|多|余)")
_SPACE = re.compile(r"\s+")

MIN_COUNTED = 2
"""Fewest characters of a counted label that can pair two figures."""

NAMED_KINDS = (
    FactKind.TERM,
    FactKind.WORK,
    FactKind.PERSON,
    FactKind.ORGANIZATION,
    FactKind.PLACE,
)
"""Kinds compared as "new in NEW" / "dropped from OLD", in the order they are listed."""


@dataclass(frozen=True, slots=True)
class QuantityChange:
    """A figure that counts the same thing in both editions with another value."""

    counted: str
    """What is counted (the fact's label), e.g. 国内生产总值."""
    unit: str
    """The unit both share, e.g. %."""
    old_text: str
    """OLD's figure as written, with a qualifier that follows it (5.5%左右)."""
    new_text: str
    """NEW's figure as written (5%左右)."""
    old_span: tuple[int, int]
    """Where OLD says it."""
    new_span: tuple[int, int]
    """Where NEW says it."""


@dataclass(frozen=True, slots=True)
class NameChange:
    """A term, work or name said in only one of the editions."""

    kind: FactKind
    text: str
    """As written (the first mention's surface)."""
    mentions: int
    """How often the edition that has it says it."""
    span: tuple[int, int]
    """Its first mention in that edition."""


def _surface(document: Document, fact: Fact, start: int, end: int) -> str:
    qualifier = _QUALIFIER_AFTER.match(document.text, end)
    if qualifier and not fact.text.endswith(qualifier.group()):
        end = qualifier.end()
    return _SPACE.sub(" ", document.text[start:end]).strip()


def _key(text: str) -> str:
    return _SPACE.sub("", text).lower()


def _quantities_by_section(facts: Iterable[Fact]) -> dict[str, list[tuple[Fact, int, int]]]:
    table: dict[str, list[tuple[Fact, int, int]]] = {}
    for fact in facts:
        if fact.kind is not FactKind.QUANTITY or not fact.unit:
            continue
        if fact.counted is None or len(_key(fact.counted)) < MIN_COUNTED:
            continue  # "到 100%": too little said of what is counted to pair it
        for mention in fact.mentions:
            table.setdefault(mention.section, []).append((fact, mention.start, mention.end))
    for rows in table.values():
        rows.sort(key=lambda row: row[1])
    return table


def quantity_changes(
    old: Document,
    old_facts: Sequence[Fact],
    new: Document,
    new_facts: Sequence[Fact],
    pairs: Sequence[SectionPair],
) -> list[QuantityChange]:
    """Figures counting the same thing in the same unit whose value changed, in NEW's order.

    Args:
        old: Last edition.
        old_facts: Its facts.
        new: This edition.
        new_facts: Its facts.
        pairs: The section pairs.
    """
    old_rows = _quantities_by_section(old_facts)
    new_rows = _quantities_by_section(new_facts)
    changes: list[QuantityChange] = []
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        olds: dict[tuple[str, str], list[tuple[Fact, int, int]]] = {}
        for row in old_rows.get(old.sections[pair.old].id, ()):
            olds.setdefault((_key(row[0].counted or ""), row[0].unit or ""), []).append(row)
        for fact, start, end in new_rows.get(new.sections[pair.new].id, ()):
            key = (_key(fact.counted or ""), fact.unit or "")
            candidates = olds.get(key)
            if not candidates:
                continue
            old_fact, old_start, old_end = candidates.pop(0)
            same = (old_fact.value, old_fact.qualifier, old_fact.value_end) == (
                fact.value,
                fact.qualifier,
                fact.value_end,
            )
            old_text = _surface(old, old_fact, old_start, old_end)
            new_text = _surface(new, fact, start, end)
            if same and old_text == new_text:
                continue
            changes.append(
                QuantityChange(
                    fact.counted or "",
                    fact.unit or "",
                    old_text,
                    new_text,
                    (old_start, old_end),
                    (start, end),
                )
            )
    return changes


def _names(facts: Iterable[Fact], kind: FactKind) -> dict[str, Fact]:
    table: dict[str, Fact] = {}
    for fact in facts:
        if fact.kind is kind and fact.mentions:
            table.setdefault(_key(fact.text), fact)
    return table


def name_changes(
    old_facts: Sequence[Fact], new_facts: Sequence[Fact]
) -> tuple[list[NameChange], list[NameChange]]:
    """Terms, works and names new in NEW, and those dropped from OLD.

    Args:
        old_facts: Last edition's facts.
        new_facts: This edition's facts.

    Returns:
        ``(new, dropped)``, each by kind (``NAMED_KINDS`` order), then by first mention.
    """
    added: list[NameChange] = []
    dropped: list[NameChange] = []
    for kind in NAMED_KINDS:
        olds = _names(old_facts, kind)
        news = _names(new_facts, kind)
        for key, fact in news.items():
            if key not in olds:
                added.append(_name_change(fact))
        for key, fact in olds.items():
            if key not in news:
                dropped.append(_name_change(fact))
    order = {kind: n for n, kind in enumerate(NAMED_KINDS)}
    added.sort(key=lambda c: (order[c.kind], c.span))
    dropped.sort(key=lambda c: (order[c.kind], c.span))
    return added, dropped


def _name_change(fact: Fact) -> NameChange:
    first = fact.mentions[0]
    return NameChange(fact.kind, _SPACE.sub(" ", fact.text).strip(), len(fact.mentions), first.span)
