"""Long runs of built-ins cut into slices, so that other threads get the interpreter.

CPython hands its interpreter lock to a waiting thread only between bytecodes:
a ``map`` of built-ins consumed by ``list`` or ``array``, or a ``sorted`` with a
built-in key, runs in C to its end. Over a 5 MB comparison's 120,000 paragraphs
such a run took 20-35 ms, in a background thread, while the UI's thread waited
for the lock. Done a slice at a time, the lock can change hands between slices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

SLICE = 8192
"""Items per slice: ~1-3 ms of built-ins."""


def in_slices(count: int, part: Callable[[int, int], Iterable[T]]) -> list[T]:
    """``part(lo, hi)`` for consecutive slices of ``range(count)``, joined in order.

    Args:
        count: How many items in all.
        part: The items of ``[lo, hi)``, computed from slices of the inputs.
    """
    out: list[T] = []
    for lo in range(0, count, SLICE):
        out.extend(part(lo, min(count, lo + SLICE)))
    return out
