"""Document -> facts: quantities, dates, people, organisations, places, works, terms.

Pure and rule-based (compiled regexes over the whole text; no models). The rules
live in the modules named for what they find (``facts_quantity``, ``facts_dates``,
``facts_places``, ``facts_names``, ``facts_quotes``, ``facts_english``); this
module resolves overlaps between them and builds :class:`Fact` objects:

* entity mentions inside a work title (《人民日报》) are dropped, except the
  newspaper itself, which is also an organisation (gold R3);
* among person, organisation and place mentions the maximal span wins (苏州 inside
  苏州工业园区 is not a separate mention); org/place words inside a person's title
  (市委书记) are not mentions (R4);
* a quantity inside a date, a name, a work or a short quoted slogan (“五个不放过”)
  is not a quantity (R6);
* every fact is one entry with all its mentions (:mod:`reader.model.facts.merge`):
  one per surface, whitespace collapsed, and for figures and dates one per
  surface and counted thing; they are merged as found, straight into the
  columns of a :class:`~reader.model.facts.table.FactTable`.

Positions are character offsets into ``Document.text`` (half-open spans).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from reader.model.document import Document, Fact, FactKind, ParagraphKind
from reader.model.facts.dates import DateMention, find_dates
from reader.model.facts.english import (
    find_en_orgs,
    find_en_people,
    find_en_places,
    has_latin_capital,
)
from reader.model.facts.english_counts import find_en_counts
from reader.model.facts.english_frames import (
    find_frame_orgs,
    find_frame_people,
    find_frame_places,
    find_licences,
    find_named_works,
)
from reader.model.facts.merge import FactMerger
from reader.model.facts.names import find_people, orgs_and_titles
from reader.model.facts.places import find_places
from reader.model.facts.quantity import Quantity, find_en_quantities, iter_zh_quantities
from reader.model.facts.quotes import SHORT_SLOGAN, find_works, is_newspaper, term_spans
from reader.model.facts.table import FactTable
from reader.model.facts.word_regex import word_spans
from reader.model.facts.zh_frames import (
    find_author_lines,
    find_zh_extra_orgs,
    find_zh_extra_places,
)
from reader.model.memory import gc_paused

Span = tuple[int, int]


class _Spans:
    """A sorted list of spans (they may overlap) answering "does anything overlap?" fast."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        # Running maximum of ends lets one bisect answer overlap queries.
        self._max_end: list[int] = []
        top = -1
        for _, end in self._spans:
            top = max(top, end)
            self._max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span intersects ``[start, end)``."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._max_end[i] > start


class _Marks:
    """Characters covered by many spans, one byte each: "does anything overlap?" in C."""

    def __init__(self, size: int, spans: Iterable[Span] = ()) -> None:
        self._marks = bytearray(size + 1)
        self.mark(spans)

    def mark(self, spans: Iterable[Span]) -> None:
        """Cover ``spans`` too."""
        marks = self._marks
        for start, end in spans:
            if end > start:
                marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span intersects ``[start, end)``."""
        return self._marks.find(1, start, end) >= 0


_RANKED = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)
"""Which kind wins a tie of two spans alike: people, then organisations, then places."""
_RANK = {kind: rank for rank, kind in enumerate(_RANKED)}
_START_BITS = 40
_LONGEST = 1 << 40
"""A candidate is one int (see :func:`_ranked`): its length and start each fit in 40 bits."""


def _ranked(start: int, end: int, kind: FactKind) -> int:
    """A candidate as one int that sorts as ``(start - end, start, kind's rank)``.

    Tens of thousands of candidates as ints, not tuples, take a third of
    the memory and sort faster. Only non-empty spans (``end > start``).
    """
    return (((_LONGEST - (end - start)) << _START_BITS | start) << 2) | _RANK[kind]


def _resolve(candidates: set[int]) -> Iterator[tuple[int, int, FactKind]]:
    """Keep maximal spans: longer first, then earlier; drop anything overlapping a kept one.

    Spans are short (names), so marking their characters in a bytearray keeps this
    linear in the text instead of comparing every pair.

    Args:
        candidates: Spans and kinds as :func:`_ranked` ints (the set is emptied).
    """
    ranked = sorted(candidates)
    candidates.clear()
    starts, shift = (1 << _START_BITS) - 1, _START_BITS + 2
    top = max(((key >> 2) & starts) + _LONGEST - (key >> shift) for key in ranked) if ranked else 0
    occupied = bytearray(top + 1)
    for key in ranked:
        start = (key >> 2) & starts
        end = start + _LONGEST - (key >> shift)
        if occupied.find(1, start, end) >= 0:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        yield start, end, _RANKED[key & 3]


def _entities(
    document: Document,
    merger: FactMerger,
    works: _Spans,
    newspapers: list[Span],
    mask: _Marks,
    english: bool = True,
) -> None:
    """People, organisations and places, added to ``merger``; their spans marked in ``mask``."""
    text = document.text
    places = find_places(text)
    places += find_zh_extra_places(text)
    orgs, title_list = orgs_and_titles(text, [text[s:e] for s, e in places])
    orgs += find_zh_extra_orgs(text, orgs)
    titles = _Spans(title_list)
    blocked = orgs + places
    people = find_people(text, blocked, title_list)
    en_people = find_en_people(text) + find_frame_people(text) if english else []
    en_people += [(start, end, None) for start, end in find_author_lines(text)]
    person_titles: dict[str, str | None] = {}
    for p in people:
        name = text[p.start : p.end]
        if not person_titles.get(name):
            person_titles[name] = p.titles
    for start, end, title in en_people:
        name = text[start:end]
        if not person_titles.get(name):
            person_titles[name] = title
    del people, en_people, blocked, title_list
    candidates: set[int] = set()

    def add(spans: Iterable[Span], kind: FactKind, skip: _Spans | None) -> None:
        for start, end in spans:
            if end > start and not (skip is not None and skip.overlaps(start, end)):
                if not works.overlaps(start, end):
                    candidates.add(_ranked(start, end, kind))

    if person_titles:
        # Every sighting of a name found once by a rule (one trie regex, no per-name scan).
        add(word_spans(person_titles, text), FactKind.PERSON, None)
    add(orgs, FactKind.ORGANIZATION, titles)
    if english:
        add(find_en_orgs(text) + find_frame_orgs(text), FactKind.ORGANIZATION, titles)
    add(places, FactKind.PLACE, titles)
    if english:
        add(find_en_places(text) + find_frame_places(text), FactKind.PLACE, titles)
    del orgs, places, titles
    kept = chain(_resolve(candidates), ((s, e, FactKind.ORGANIZATION) for s, e in newspapers))
    grouped: dict[tuple[FactKind, str], array[int]] = {}  # spans as flat pairs
    for start, end, kind in kept:
        pairs = grouped.get((kind, text[start:end]))
        if pairs is None:
            pairs = grouped[kind, text[start:end]] = array("i")
        pairs.append(start)
        pairs.append(end)
    for (kind, surface), pairs in grouped.items():
        value: str | None = surface
        if kind is FactKind.PERSON:
            value = person_titles.get(surface) or None
        spans = list(zip(pairs[0::2], pairs[1::2], strict=True))
        mask.mark(spans)
        merger.add(Fact(kind, surface, value), spans)


def _quote_facts(
    document: Document, merger: FactMerger
) -> tuple[list[Span], list[Span], array[int]]:
    """Works and terms, added to ``merger``, and the spans that mask other kinds.

    Returns:
        The work spans (brackets included), the newspaper titles (also
        organisations) and the short quoted slogans (no quantities inside), as
        start, end pairs.
    """
    text = document.text
    works = find_works(text)
    terms = term_spans(text)
    by_title: dict[str, list[Span]] = {}
    for w in works:
        by_title.setdefault(w.text(text), []).append((w.start, w.end))
    licences = find_licences(text) + find_named_works(text) if has_latin_capital(text) else []
    for start, end in licences:
        by_title.setdefault(text[start:end], []).append((start, end))
    for title, spans in by_title.items():
        merger.add(Fact(FactKind.WORK, title, title), spans)
    for term, spans in terms.items():
        merger.add(Fact(FactKind.TERM, term, term), spans)
    newspapers = [(w.start, w.end) for w in works if is_newspaper(w.text(text))]
    work_spans = [(w.outer_start, w.outer_end) for w in works] + licences
    # Flat pairs: a report quotes its slogans tens of thousands of times.
    slogans = array("i")
    for term, spans in terms.items():
        if len(term) <= SHORT_SLOGAN:
            for start, end in spans:
                slogans.append(start)
                slogans.append(end)
    return work_spans, newspapers, slogans


def _date_facts(
    document: Document, merger: FactMerger, dates: list[DateMention], mask: _Marks
) -> None:
    """One fact per date, added to ``merger``; where two readings overlap the longer
    one wins. The dates' spans are marked in ``mask``, which must have no mark yet."""
    kept: list[DateMention] = []
    for d in sorted(dates, key=lambda d: (d.start - d.end, d.start)):
        if d.end <= d.start or mask.overlaps(d.start, d.end):
            continue
        mask.mark(((d.start, d.end),))
        kept.append(d)
    for d in kept:
        date = Fact(FactKind.DATE, document.text[d.start : d.end], d.value, counted=d.label)
        merger.add(date, ((d.start, d.end),))


def _quantity_facts(
    document: Document,
    merger: FactMerger,
    quantities: Iterable[Quantity],
    mask: _Marks,
    seen: set[int],
    taken: _Marks | None = None,
) -> None:
    """The quantities outside ``mask``, added to ``merger`` as they come.

    Args:
        seen: Spans already added (``start << 40 | end``), shared between calls.
        taken: Where every quantity passed is marked (kept or not).
    """
    text = document.text
    overlaps, add = mask.overlaps, merger.add
    for q in quantities:
        start, end, value, unit, qualifier, counted, value_end = q
        if taken is not None:
            taken.mark(((start, end),))
        # The Chinese and English rules both read "12.5%": keep one.
        key = start << _START_BITS | end
        if key in seen or overlaps(start, end):
            continue
        seen.add(key)
        fact = Fact(
            FactKind.QUANTITY,
            text[start:end],
            value,
            unit=unit,
            qualifier=qualifier,
            counted=counted,
            value_end=value_end,
        )
        add(fact, ((start, end),))


def extract_facts(document: Document) -> tuple[Fact, ...]:
    """Every fact of ``document``, grouped by kind and in text order within a kind.

    Args:
        document: A parsed document; ``meta.published`` gives the year of year-less
            dates (see :mod:`reader.model.facts.dates` for the fallback).

    Returns:
        Facts sorted by kind (the :class:`FactKind` order), then first mention;
        their mentions are views over the table of :func:`extract_table`.
    """
    return tuple(extract_table(document))


def extract_table(document: Document) -> FactTable:
    """Every fact of ``document`` as a :class:`FactTable` (columns, few objects).

    What the app keeps and a worker process sends back: the facts of
    :func:`extract_facts`, in the same order.

    Args:
        document: A parsed document.
    """
    with gc_paused():  # many objects while the rules run (see reader.model.memory)
        return _extract(document)


def _extract(document: Document) -> FactTable:
    text = document.text
    published = document.meta.published.date() if document.meta.published else None
    code = [(p.start, p.end) for p in document.paragraphs if p.kind is ParagraphKind.CODE]
    merger = FactMerger(
        [s.start for s in document.sections], [s.id for s in document.sections], code
    )
    work_spans, newspapers, slogans = _quote_facts(document, merger)
    # English names, months and weekdays all need a capital A-Z: one scan decides.
    english = has_latin_capital(text)
    # What no quantity may overlap, one byte a character (not tens of thousands of tuples).
    mask = _Marks(len(text))
    _date_facts(document, merger, find_dates(text, published, english=english), mask)
    _entities(document, merger, _Spans(work_spans), newspapers, mask, english)
    mask.mark(zip(slogans[0::2], slogans[1::2], strict=True))
    mask.mark(work_spans)
    del work_spans, newspapers, slogans
    # English first: its cue words (about 12.5%) qualify a percentage both rules read.
    # The quantities stream into the table: a list of them is ~3 bytes a character.
    seen: set[int] = set()
    taken = _Marks(len(text)) if english else None
    quantities = chain(find_en_quantities(text), iter_zh_quantities(text))
    _quantity_facts(document, merger, quantities, mask, seen, taken)
    if taken is not None:
        # Counted nouns and technical units only where the unit-word rule read nothing.
        counts = (q for q in find_en_counts(text) if not taken.overlaps(q.start, q.end))
        _quantity_facts(document, merger, counts, mask, seen)
    del seen, taken, mask  # the rules' leftovers, before the table is laid out
    return merger.table()


def fact_record(fact: Fact) -> dict[str, Any]:
    """The JSON shape of a fact (for ``reader facts --json``).

    Args:
        fact: Any fact.

    Returns:
        ``{"kind", "text", "value", "unit", "qualifier", "counted", "mentions"}``,
        plus ``"value_end"`` when set; mentions are ``{"start", "end", "section"}``.
    """
    record: dict[str, Any] = {
        "kind": fact.kind.value,
        "text": fact.text,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "counted": fact.counted,
        "mentions": [{"start": m.start, "end": m.end, "section": m.section} for m in fact.mentions],
    }
    if fact.value_end is not None:
        record["value_end"] = fact.value_end
    return record
