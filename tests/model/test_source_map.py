"""The map from displayed text back to the source: exact on copies, monotonic always."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.model.structure.source_map import SourceMap, SourceMapBuilder


def test_identity_maps_every_offset_to_itself() -> None:
    source_map = SourceMap.identity(10)
    assert source_map.is_identity
    assert [source_map.to_source(i) for i in range(11)] == list(range(11))
    assert [source_map.to_display(i) for i in range(11)] == list(range(11))


def test_joined_lines_map_back_to_both_source_lines() -> None:
    source = "one two\nthree four\n\n[Page 1]\nfive"
    builder = SourceMapBuilder(source)
    builder.copy(0, 7)  # "one two"
    builder.insert(" ", 7)  # the line break becomes a space
    builder.copy(8, 18)  # "three four"
    builder.insert("\n", 18)
    builder.copy(29, 33)  # "five"; the page footer is dropped
    text, source_map = builder.build()
    assert text == "one two three four\nfive"
    assert not source_map.is_identity
    assert source_map.to_source(text.index("three")) == source.index("three")
    assert source_map.to_source(text.index("five")) == source.index("five")
    assert source_map.to_source(7) == 7  # the inserted space stands for the line break
    # A dropped footer maps forward to the next displayed text.
    assert source_map.to_display(source.index("[Page")) == text.index("\n")
    assert source_map.to_display(source.index("five")) == text.index("five")


def test_adjacent_copies_merge_into_one_run() -> None:
    builder = SourceMapBuilder("abcdef")
    builder.copy(0, 3)
    builder.copy(3, 6)
    text, source_map = builder.build()
    assert text == "abcdef"
    assert source_map.is_identity


@st.composite
def _pieces(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, int]]]:
    source = draw(st.text("ab \n", min_size=0, max_size=60))
    ops: list[tuple[str, int, int]] = []
    at = 0
    while at < len(source):
        step = draw(st.integers(1, len(source) - at))
        ops.append((draw(st.sampled_from(["copy", "skip", "insert"])), at, at + step))
        at += step
    return source, ops


@given(_pieces())
def test_map_is_monotonic_and_copies_are_exact(
    case: tuple[str, list[tuple[str, int, int]]],
) -> None:
    source, ops = case
    builder = SourceMapBuilder(source)
    copies: list[tuple[int, int, int]] = []
    for op, start, end in ops:
        if op == "copy":
            copies.append((builder.length, start, end))
            builder.copy(start, end)
        elif op == "insert":
            builder.insert("·", start)
            builder.copy(start, end)
            copies.append((builder.length - (end - start), start, end))
    text, source_map = builder.build()
    to_source = [source_map.to_source(i) for i in range(len(text) + 1)]
    assert to_source == sorted(to_source)
    to_display = [source_map.to_display(i) for i in range(len(source) + 1)]
    assert to_display == sorted(to_display)
    for display_start, start, end in copies:
        assert text[display_start : display_start + end - start] == source[start:end]
        for k in range(end - start):
            assert source_map.to_source(display_start + k) == start + k
