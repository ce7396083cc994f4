"""``Document.paragraphs`` as columns: a :class:`Paragraph` built only when one is asked for.

Position unit: character offsets into ``Document.text`` (as :class:`Paragraph`).

A 50 MB text has 150,000 paragraphs: as frozen objects with their own integers
they took ~165 bytes each (25 MB); as four columns (start, end, section in
``array('i')``, kind in ``bytes``) they take 13. The sequence is a
``Sequence[Paragraph]`` equal to the tuple of the same paragraphs, so the rest of
the app reads it as before; ``starts`` gives the start offsets without objects.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from reader.model.document import Paragraph, ParagraphKind
from reader.model.indexed import TupleLike

KINDS: tuple[ParagraphKind, ...] = tuple(ParagraphKind)
"""The kinds, in the order their numbers index."""
KIND_NUMBERS = {kind: number for number, kind in enumerate(KINDS)}
"""The number each kind is stored as (see :attr:`Paragraphs.kind_numbers`)."""
_NUMBER = KIND_NUMBERS


class Paragraphs(TupleLike[Paragraph]):
    """Paragraphs in text order, stored as columns."""

    __slots__ = ("_kinds", "_sections", "ends", "starts")

    def __init__(self) -> None:
        self.starts = array("i")
        """Per paragraph: its start offset."""
        self.ends = array("i")
        """Per paragraph: its end offset."""
        self._sections = array("i")
        self._kinds = bytearray()

    @classmethod
    def of(cls, paragraphs: Iterable[Paragraph]) -> Paragraphs:
        """The columns of ``paragraphs`` (their indices must be 0, 1, 2 …)."""
        made = cls()
        for paragraph in paragraphs:
            made.append(paragraph.start, paragraph.end, paragraph.kind, paragraph.section)
        return made

    @classmethod
    def from_columns(
        cls,
        starts: Iterable[int],
        ends: Iterable[int],
        kind_numbers: bytes,
        sections: Iterable[int],
    ) -> Paragraphs:
        """Paragraphs from their columns (kinds as :data:`KIND_NUMBERS`), in one go."""
        made = cls()
        made.starts = array("i", starts)
        made.ends = array("i", ends)
        made._kinds = bytearray(kind_numbers)
        made._sections = array("i", sections)
        if not len(made.starts) == len(made.ends) == len(made._kinds) == len(made._sections):
            raise ValueError("columns of different lengths")
        return made

    @property
    def kind_numbers(self) -> bytes:
        """Per paragraph: its kind's number (:data:`KIND_NUMBERS`), no kind built."""
        return bytes(self._kinds)

    def append(self, start: int, end: int, kind: ParagraphKind, section: int) -> None:
        """Add the next paragraph."""
        self.starts.append(start)
        self.ends.append(end)
        self._kinds.append(_NUMBER[kind])
        self._sections.append(section)

    def spans(
        self, first: int, last: int, skip: frozenset[ParagraphKind] = frozenset()
    ) -> list[tuple[int, int]]:
        """``(start, end)`` of paragraphs ``first`` to ``last`` (half-open) that are
        not empty and whose kind is not in ``skip`` (no paragraph built)."""
        return spans_of(self, first, last, skip)

    @property
    def kinds(self) -> list[ParagraphKind]:
        """Per paragraph: its kind (no paragraph built)."""
        return [KINDS[number] for number in self._kinds]

    def __len__(self) -> int:
        return len(self.starts)

    def _item(self, k: int) -> Paragraph:
        return Paragraph(k, self.starts[k], self.ends[k], KINDS[self._kinds[k]], self._sections[k])

    def _same(self, other: TupleLike[Paragraph]) -> bool:
        assert isinstance(other, Paragraphs)
        return (self.starts, self.ends, self._kinds, self._sections) == (
            other.starts,
            other.ends,
            other._kinds,
            other._sections,
        )

    def __repr__(self) -> str:
        return f"Paragraphs({len(self)} paragraphs)"

    def __getstate__(self) -> tuple[array[int], array[int], array[int], bytearray]:
        return self.starts, self.ends, self._sections, self._kinds

    def __setstate__(self, state: tuple[array[int], array[int], array[int], bytearray]) -> None:
        self.starts, self.ends, self._sections, self._kinds = state


def spans_of(
    paragraphs: Sequence[Paragraph],
    first: int,
    last: int,
    skip: frozenset[ParagraphKind] = frozenset(),
) -> list[tuple[int, int]]:
    """``(start, end)`` of ``paragraphs[first:last]`` that are not empty and whose
    kind is not in ``skip``: from the columns when they are :class:`Paragraphs`
    (a comparison of 5 MB reads 100,000 sections' paragraphs: 0.9 s as objects).

    Args:
        paragraphs: A document's paragraphs (columns or a tuple).
        first: Index of the first paragraph.
        last: Index just past the last.
        skip: Kinds left out.
    """
    if isinstance(paragraphs, Paragraphs):
        starts, ends, codes = paragraphs.starts, paragraphs.ends, paragraphs._kinds
        left_out = {_NUMBER[kind] for kind in skip}
        return [
            (starts[k], ends[k])
            for k in range(first, last)
            if ends[k] > starts[k] and codes[k] not in left_out
        ]
    return [
        (p.start, p.end) for p in paragraphs[first:last] if p.end > p.start and p.kind not in skip
    ]
