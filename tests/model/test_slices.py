"""Work done a slice at a time gives what it gives in one go."""

from __future__ import annotations

from itertools import repeat
from operator import add

from hypothesis import given
from hypothesis import strategies as st

from reader.model import slices
from reader.model.slices import in_slices


@given(st.lists(st.integers(-1000, 1000), max_size=200), st.integers(1, 9))
def test_slices_joined_are_the_whole(values: list[int], size: int) -> None:
    seen: list[tuple[int, int]] = []

    def part(lo: int, hi: int) -> map[int]:
        seen.append((lo, hi))
        return map(add, values[lo:hi], repeat(1))

    original = slices.SLICE
    slices.SLICE = size
    try:
        assert in_slices(len(values), part) == [v + 1 for v in values]
    finally:
        slices.SLICE = original
    # Consecutive, none longer than a slice, covering everything once.
    assert [lo for lo, _ in seen] == list(range(0, len(values), size))
    assert all(0 < hi - lo <= size for lo, hi in seen)
    assert sum(hi - lo for lo, hi in seen) == len(values)
