"""What changed among the facts: targets whose value moved, terms and names new or dropped.

A figure of OLD and one of NEW are the same target when they count the same
thing in the same unit inside a pair of sections (国内生产总值 in % in the
section of this year's targets); terms, people, organisations, places and works
are compared by their text with spaces and case folded, and count as new (or
dropped) only when the other edition's text does not say them at all.

A :class:`FactSummary` is what a comparison needs of one edition's facts: the
figures of each section and the first mention of each name. It is small, so
it travels back from the worker process that found the facts.

Position unit: character offsets into each document's ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.model.compare.pairing import SectionPair
from reader.model.document import Document, Fact, FactKind

_QUALIFIER_AFTER = re.compile(r"(?:左右|以上|以下|以内|上下|之内|多|余)")
_SPACE = re.compile(r"\s+")
_LATIN = re.compile(r"[a-z0-9]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

CUT_KINDS = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)
"""Kinds found without quotation marks, whose ends can fall inside a word."""

CUT_PAIRS = 4
"""A name whose last character and the next are a pair said this often…"""

CUT_SHARE = 3
"""…and this many times as often as the name itself was cut inside a word."""

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


class Figure(NamedTuple):
    """One mention of a figure, as far as pairing it needs.

    A named tuple, not a dataclass: tens of thousands of them come back from a
    worker process, and a tuple unpickles ~4 times faster.
    """

    key: tuple[str, str]
    """What it counts (spaces and case folded) and its unit: what pairs two figures."""
    counted: str
    """What it counts, as the fact has it."""
    unit: str
    value: tuple[float | int | str | None, str | None, float | int | None]
    """Value, qualifier and end of a range."""
    surface: str
    """As written, with a qualifier that follows it (5%左右)."""
    span: tuple[int, int]
    """Where the edition says it."""


@dataclass(frozen=True)
class FactSummary:
    """What a comparison needs of one edition's facts."""

    figures: Mapping[str, tuple[Figure, ...]]
    """Figures with a counted label and a unit, by section id, in text order."""
    names: Mapping[FactKind, Mapping[str, NameChange]]
    """Terms, works and names by kind: folded text to its first mention and count."""


def _surface(document: Document, fact: Fact, start: int, end: int) -> str:
    qualifier = _QUALIFIER_AFTER.match(document.text, end)
    if qualifier and not fact.text.endswith(qualifier.group()):
        end = qualifier.end()
    return _SPACE.sub(" ", document.text[start:end]).strip()


def _key(text: str) -> str:
    return _SPACE.sub("", text).lower()


def fact_summary(document: Document, facts: Iterable[Fact]) -> FactSummary:
    """Reduce an edition's facts to what :func:`quantity_changes` and :func:`name_changes` use.

    Args:
        document: The edition.
        facts: Its facts.
    """
    figures: dict[str, list[Figure]] = {}
    names: dict[FactKind, dict[str, NameChange]] = {kind: {} for kind in NAMED_KINDS}
    for fact in facts:
        if fact.kind in names and fact.mentions:
            names[fact.kind].setdefault(_key(fact.text), _name_change(fact))
            continue
        if fact.kind is not FactKind.QUANTITY or not fact.unit:
            continue
        if fact.counted is None or len(_key(fact.counted)) < MIN_COUNTED:
            continue  # "到 100%": too little said of what is counted to pair it
        key = (_key(fact.counted), fact.unit)
        value = (fact.value, fact.qualifier, fact.value_end)
        for mention in fact.mentions:
            surface = _surface(document, fact, mention.start, mention.end)
            figures.setdefault(mention.section, []).append(
                Figure(key, fact.counted, fact.unit, value, surface, mention.span)
            )
    return FactSummary(
        {section: tuple(sorted(rows, key=lambda f: f.span)) for section, rows in figures.items()},
        names,
    )


def facts_of(document: Document) -> FactSummary:
    """:func:`fact_summary` of the facts ``extract_facts`` finds in ``document``."""
    from reader.model.facts.extract import extract_facts

    return fact_summary(document, extract_facts(document))


def quantity_changes(
    old_ids: Sequence[str],
    old: Mapping[str, tuple[Figure, ...]],
    new_ids: Sequence[str],
    new: Mapping[str, tuple[Figure, ...]],
    pairs: Sequence[SectionPair],
) -> list[QuantityChange]:
    """Figures counting the same thing in the same unit whose value changed, in NEW's order.

    Args:
        old_ids: Last edition's section ids, by section index.
        old: Its figures by section id (:attr:`FactSummary.figures`).
        new_ids: This edition's section ids.
        new: Its figures by section id.
        pairs: The section pairs.
    """
    changes: list[QuantityChange] = []
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        new_figures = new.get(new_ids[pair.new])
        if not new_figures:
            continue
        olds: dict[tuple[str, str], list[Figure]] = {}
        for figure in old.get(old_ids[pair.old], ()):
            olds.setdefault(figure.key, []).append(figure)
        for figure in new_figures:
            candidates = olds.get(figure.key)
            if not candidates:
                continue
            was = candidates.pop(0)
            if was.value == figure.value and was.surface == figure.surface:
                continue
            changes.append(
                QuantityChange(
                    figure.counted, figure.unit, was.surface, figure.surface, was.span, figure.span
                )
            )
    return changes


def name_changes(
    old: FactSummary, old_text: str, new: FactSummary, new_text: str
) -> tuple[list[NameChange], list[NameChange]]:
    """Terms, works and names new in NEW, and those dropped from OLD.

    A name is new only when OLD's text never says it (the extractor may have
    missed it there), and dropped only when NEW's text never says it; a name
    cut inside a word (:func:`_cut`) is neither.

    Args:
        old: Last edition's facts, summed up.
        old_text: Its text.
        new: This edition's facts, summed up.
        new_text: Its text.

    Returns:
        ``(new, dropped)``, each by kind (``NAMED_KINDS`` order), then by first mention.
    """
    added: list[NameChange] = []
    dropped: list[NameChange] = []
    for kind in NAMED_KINDS:
        olds, news = old.names.get(kind, {}), new.names.get(kind, {})
        added += [
            c
            for key, c in news.items()
            if key not in olds and not _said(c.text, old_text) and not _cut(c, new_text)
        ]
        dropped += [
            c
            for key, c in olds.items()
            if key not in news and not _said(c.text, new_text) and not _cut(c, old_text)
        ]
    order = {kind: n for n, kind in enumerate(NAMED_KINDS)}
    added.sort(key=lambda c: (order[c.kind], c.span))
    dropped.sort(key=lambda c: (order[c.kind], c.span))
    return added, dropped


def _cut(name: NameChange, text: str) -> bool:
    """Whether a Chinese name ends inside a word: its last character and the one after it
    form a pair ``text`` says at least ``CUT_PAIRS`` times and ``CUT_SHARE`` times as
    often as the name (提高区|域: 区域 is a word of the text, 提高区 a piece of 提高区域)."""
    if name.kind not in CUT_KINDS:
        return False
    end = name.span[1]
    if not 0 < end < len(text) or not (_HAN.match(text[end - 1]) and _HAN.match(text[end])):
        return False
    pairs = text.count(text[end - 1 : end + 1])
    return pairs >= CUT_PAIRS and pairs >= CUT_SHARE * name.mentions


def _said(name: str, text: str) -> bool:
    """Whether ``text`` says ``name``: spaces and case aside, a Latin one as a whole word.

    One search of the text a name (no folded copy of a 5 MB text is made: that
    would hold the interpreter lock for its whole length at once).
    """
    words = name.split()
    if not words:
        return True
    latin_start, latin_end = _LATIN.match(name[0].lower()), _LATIN.match(name[-1].lower())
    if len(words) == 1 and not latin_start and not latin_end:
        return name in text
    pattern = r"\s+".join(re.escape(word) for word in words)
    if latin_start:
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if latin_end:
        pattern += r"(?![A-Za-z0-9])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _name_change(fact: Fact) -> NameChange:
    first = fact.mentions[0]
    return NameChange(fact.kind, _SPACE.sub(" ", fact.text).strip(), len(fact.mentions), first.span)
