"""Many small objects sent between processes as columns of their fields.

A frozen dataclass pickles one object at a time through Python code (its
``__reduce__`` or the dataclass's slot state): the 26,000 sections of a 5 MB text
took 0.2 s to pickle, each way between the comparison's worker processes. As
one list per field they pickle in C, and are rebuilt with one ``map`` over the
class (its ``__init__`` is then most of the cost).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


class Column(list[object]):
    """A list that is unpickled through a call of Python code.

    Unpickling runs in C until it calls Python, and only then may another
    thread take the interpreter: a document's columns, its text and its
    paragraphs unpickled in one run held the UI's thread off for ~30 ms.
    """

    def __reduce__(self) -> tuple[Callable[[list[object]], list[object]], tuple[list[object]]]:
        return (_column, (list(self),))


def _column(values: list[object]) -> list[object]:
    return values


def columns_of(items: Sequence[object], names: Sequence[str]) -> list[list[object]]:
    """One list per field name: the values of ``items``' fields, in order (each a
    :class:`Column`, so that another thread may run between two, unpickling)."""
    return [Column([getattr(item, name) for item in items]) for name in names]


def in_pieces(items: Sequence[T], size: int = 4096) -> list[list[T]]:
    """``items`` as consecutive :class:`Column` pieces of ``size`` (join them back
    with ``itertools.chain``)."""
    return [Column(items[at : at + size]) for at in range(0, len(items), size)]  # type: ignore[misc]


def rows_of(make: Callable[..., T], columns: Sequence[Sequence[object]]) -> tuple[T, ...]:
    """``make(*fields)`` of each row of :func:`columns_of`'s columns, in order."""
    return tuple(map(make, *columns)) if columns and columns[0] else ()
