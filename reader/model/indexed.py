"""Sequences whose items are made one at a time, by index, when they are read.

Paragraph columns, a fact's mentions and a text's lines read on demand are all
``Sequence``s that hold no item objects: each says how many items it has
(``__len__``) and how to make item ``k`` (``_item``); this base gives them the
rest (negative and out-of-range indexes, slices, iteration). ``TupleLike``
adds equality and hashing as the tuple of the same items, for sequences that
stand in for a tuple in frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Indexed(Sequence[T]):
    """A sequence made item by item: subclasses give ``__len__`` and ``_item``."""

    __slots__ = ()

    def _item(self, index: int) -> T:
        """Item ``index`` (``0 <= index < len(self)``)."""
        raise NotImplementedError

    def _sliced(self, items: Iterable[T]) -> Sequence[T]:
        """What a slice gives (a tuple unless a subclass says otherwise)."""
        return tuple(items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        size = len(self)
        if isinstance(index, slice):
            return self._sliced(map(self._item, range(*index.indices(size))))
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index)

    def __iter__(self) -> Iterator[T]:
        return map(self._item, range(len(self)))


class TupleLike(Indexed[T]):
    """An :class:`Indexed` equal to, and hashed as, the tuple of its items."""

    __slots__ = ()

    def _same(self, other: TupleLike[T]) -> bool | None:
        """Whether ``other`` holds the same items, when its storage tells at once."""
        return None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)):
            same = self._same(other)
            if same is not None:
                return same
        if isinstance(other, Sequence):
            return len(other) == len(self) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple's
