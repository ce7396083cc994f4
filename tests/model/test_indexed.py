"""Sequences made item by item read as the list or tuple of the same items."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.model.structure.line_scan import EndLines


@given(
    st.text("ab\n 一", max_size=60), st.integers(-70, 70), st.integers(-70, 70), st.integers(-3, 3)
)
def test_lines_on_demand_are_the_split_text(text: str, start: int, stop: int, step: int) -> None:
    lines, split = EndLines(text), text.split("\n")
    assert len(lines) == len(split) and list(lines) == split
    assert lines[start : stop : step or 1] == split[start : stop : step or 1]
    assert isinstance(lines[:], list)
    if -len(split) <= start < len(split):
        assert lines[start] == split[start]
    else:
        with pytest.raises(IndexError):
            lines[start]
    starts = [0] + [k + 1 for k, char in enumerate(text) if char == "\n"]
    assert list(lines.starts) == starts and lines.starts[-1] == starts[-1]
