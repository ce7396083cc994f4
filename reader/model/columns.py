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


def columns_of(items: Sequence[object], names: Sequence[str]) -> list[list[object]]:
    """One list per field name: the values of ``items``' fields, in order."""
    return [[getattr(item, name) for item in items] for name in names]


def rows_of(make: Callable[..., T], columns: Sequence[Sequence[object]]) -> tuple[T, ...]:
    """``make(*fields)`` of each row of :func:`columns_of`'s columns, in order."""
    return tuple(map(make, *columns)) if columns and columns[0] else ()
