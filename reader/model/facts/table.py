"""FactTable: a document's facts as columns; ``Fact`` objects only when asked for.

A 10 MB report has ~140,000 fact mentions. As ``Mention`` objects in tuples
they took ~30 MB and, sent from a worker process, as long to unpickle; here
every mention is three ints in ``array('i')`` columns (start, end, section
number) and every fact one row of small columns: its kind, the numbers of its
strings in one interned pool (surface, unit, qualifier, what is counted, a
text value) and its value as a float with a tag saying what it was. The whole
table pickles as a dozen flat objects.

``table.fact(i)`` builds the :class:`Fact` of row ``i``; its ``mentions`` is a
:class:`Mentions` view over the columns, so a fact said 40,000 times costs one
small object until its mentions are walked.

Positions are character offsets into ``Document.text`` (half-open spans).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from reader.model.document import Fact, FactKind, Mention
from reader.model.indexed import TupleLike

KINDS: tuple[FactKind, ...] = tuple(FactKind)
"""Kind numbers of the table, in ``FactKind`` order."""

_KIND_NUMBER = {kind: i for i, kind in enumerate(KINDS)}

_NONE, _INT, _FLOAT, _STR, _BIG = 0, 1, 2, 3, 4
"""Value tags: no value, an int (exact in a float), a float, a pooled string, an
int too big for a float (pooled as its digits)."""


class Mentions(TupleLike[Mention]):
    """Mentions ``lo:hi`` of a table, built one at a time when read."""

    __slots__ = ("_hi", "_lo", "_table")

    def __init__(self, table: FactTable, lo: int, hi: int) -> None:
        self._table, self._lo, self._hi = table, lo, hi

    def __len__(self) -> int:
        return self._hi - self._lo

    def _item(self, index: int) -> Mention:
        return self._table.mention(self._lo + index)

    def _same(self, other: TupleLike[Mention]) -> bool | None:
        assert isinstance(other, Mentions)
        return (
            (other._lo, other._hi) == (self._lo, self._hi) if other._table is self._table else None
        )

    def __repr__(self) -> str:
        return f"Mentions({list(self)!r})"


class FactTable:
    """Facts in kind order, then text order, stored as columns (see the module)."""

    def __init__(self, section_ids: Sequence[str]) -> None:
        """An empty table; :meth:`of` fills one.

        Args:
            section_ids: The document's section ids, in order (mentions keep a number).
        """
        self.section_ids: tuple[str, ...] = tuple(section_ids)
        """Section ids; a mention's section is a number into them."""
        self.strings: list[str] = []
        """The interned strings the facts refer to by number."""
        self.kinds = bytearray()
        """Per fact: its kind's number in :data:`KINDS`."""
        self.text = array("i")
        self.unit = array("i")
        self.qualifier = array("i")
        self.counted = array("i")
        """Per fact: numbers into ``strings`` (-1 for none)."""
        self.value_tags = bytearray()
        self.values = array("d")
        self.end_tags = bytearray()
        self.value_ends = array("d")
        """Per fact: value and range end, as a tag and a float (or a string's number)."""
        self.first = array("i", [0])
        """Fact ``i``'s mentions are ``first[i]:first[i + 1]`` of the mention columns."""
        self.starts = array("i")
        self.ends = array("i")
        self.sections = array("i")
        """Per mention: start, end, and number into ``section_ids``."""

    @classmethod
    def of(cls, facts: Iterable[Fact], section_ids: Sequence[str]) -> FactTable:
        """The table of ``facts`` (each fact's mentions sorted by start).

        Args:
            facts: Facts in the order the table keeps.
            section_ids: The document's section ids, in order.
        """
        writer = TableWriter(section_ids)
        for fact in facts:
            writer.add(
                fact,
                [m.start for m in fact.mentions],
                [m.end for m in fact.mentions],
                [writer.section(m.section) for m in fact.mentions],
            )
        return writer.table()

    def __len__(self) -> int:
        return len(self.kinds)

    def __iter__(self) -> Iterator[Fact]:
        return (self.fact(i) for i in range(len(self.kinds)))

    def kind(self, index: int) -> FactKind:
        """The kind of fact ``index``."""
        return KINDS[self.kinds[index]]

    def mention_range(self, index: int) -> tuple[int, int]:
        """Where fact ``index``'s mentions are in the mention columns."""
        return self.first[index], self.first[index + 1]

    def mention(self, number: int) -> Mention:
        """Mention ``number`` of the mention columns."""
        section = self.section_ids[self.sections[number]]
        return Mention(self.starts[number], self.ends[number], section)

    def fact(self, index: int, lo: int | None = None, hi: int | None = None) -> Fact:
        """Fact ``index``, with its mentions ``lo:hi`` (all of them by default).

        Args:
            index: The fact's row.
            lo: First mention (a number into the mention columns).
            hi: Past the last mention.
        """
        first, last = self.first[index], self.first[index + 1]
        strings = self.strings
        unit, qualifier, counted = self.unit[index], self.qualifier[index], self.counted[index]
        return Fact(
            KINDS[self.kinds[index]],
            strings[self.text[index]],
            _loaded(self.value_tags[index], self.values[index], strings),
            unit=None if unit < 0 else strings[unit],
            qualifier=None if qualifier < 0 else strings[qualifier],
            counted=None if counted < 0 else strings[counted],
            mentions=Mentions(self, first if lo is None else lo, last if hi is None else hi),
            value_end=_number(self.end_tags[index], self.value_ends[index], strings),
        )


def _stored(value: float | int | str | None, pooled: Callable[[str], int]) -> tuple[int, float]:
    """A value as a tag and a float (strings by their number in the pool)."""
    if value is None:
        return _NONE, 0.0
    if isinstance(value, str):
        return _STR, float(pooled(value))
    if isinstance(value, bool) or not isinstance(value, int):
        return _FLOAT, float(value)
    as_float = float(value) if abs(value) < 2**53 else math.nan
    if as_float == value:
        return _INT, as_float
    return _BIG, float(pooled(str(value)))


def _loaded(tag: int, number: float, strings: Sequence[str]) -> float | int | str | None:
    if tag == _STR:
        return strings[int(number)]
    return _number(tag, number, strings)


def _number(tag: int, number: float, strings: Sequence[str]) -> float | int | None:
    if tag == _NONE:
        return None
    if tag == _INT:
        return int(number)
    if tag == _BIG:
        return int(strings[int(number)])
    return number


class TableWriter:
    """Fills a :class:`FactTable` row by row, interning its strings.

    Args:
        section_ids: The document's section ids, in order.
    """

    def __init__(self, section_ids: Sequence[str]) -> None:
        self._table = FactTable(section_ids)
        self._strings: dict[str, int] = {}
        self._sections = {section: i for i, section in enumerate(self._table.section_ids)}

    def _pooled(self, value: str | None) -> int:
        if value is None:
            return -1
        number = self._strings.get(value)
        if number is None:
            number = self._strings[value] = len(self._strings)
        return number

    def section(self, section_id: str) -> int:
        """The number of ``section_id`` (a new one for an id outside the known sections)."""
        number = self._sections.get(section_id)
        if number is None:
            number = self._sections[section_id] = len(self._sections)
        return number

    def add(
        self, fact: Fact, starts: Iterable[int], ends: Iterable[int], sections: Iterable[int]
    ) -> None:
        """Append ``fact``'s row, with mentions given as columns (its own are not read).

        Args:
            fact: The fact's fields (its ``mentions`` are ignored).
            starts: Its mentions' starts, in text order.
            ends: Their ends.
            sections: Their section numbers (from :meth:`section`).
        """
        table, pooled = self._table, self._pooled
        table.kinds.append(_KIND_NUMBER[fact.kind])
        table.text.append(pooled(fact.text))
        table.unit.append(pooled(fact.unit))
        table.qualifier.append(pooled(fact.qualifier))
        table.counted.append(pooled(fact.counted))
        tag, number = _stored(fact.value, pooled)
        table.value_tags.append(tag)
        table.values.append(number)
        tag, number = _stored(fact.value_end, pooled)
        table.end_tags.append(tag)
        table.value_ends.append(number)
        table.starts.extend(starts)
        table.ends.extend(ends)
        table.sections.extend(sections)
        table.first.append(len(table.starts))

    def table(self) -> FactTable:
        """The table written so far (the writer is done with it)."""
        table = self._table
        table.strings = list(self._strings)
        table.section_ids = tuple(self._sections)
        return table
