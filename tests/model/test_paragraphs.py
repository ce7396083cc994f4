"""Paragraphs as columns read as the tuple of the same Paragraph objects."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.model.document import Paragraph, ParagraphKind
from reader.model.paragraphs import Paragraphs
from reader.model.structure.parse import parse

paragraph_lists = st.lists(
    st.tuples(
        st.integers(0, 2**31 - 1),
        st.integers(0, 2**31 - 1),
        st.sampled_from(list(ParagraphKind)),
        st.integers(0, 10_000),
    ),
    max_size=30,
).map(lambda rows: tuple(Paragraph(k, *row) for k, row in enumerate(rows)))


@given(paragraph_lists)
def test_columns_are_the_tuple(paragraphs: tuple[Paragraph, ...]) -> None:
    columns = Paragraphs.of(paragraphs)
    assert len(columns) == len(paragraphs)
    assert columns == paragraphs and paragraphs == columns
    assert tuple(columns) == paragraphs and list(columns) == list(paragraphs)
    assert columns[1:4] == paragraphs[1:4] and columns[::-1] == paragraphs[::-1]
    assert hash(columns) == hash(paragraphs)
    assert columns.kinds == [p.kind for p in paragraphs]
    assert list(columns.starts) == [p.start for p in paragraphs]
    assert pickle.loads(pickle.dumps(columns)) == columns
    if paragraphs:
        assert columns[-1] == paragraphs[-1]
    with pytest.raises(IndexError):
        columns[len(paragraphs)]


def test_a_parse_keeps_its_paragraphs_as_columns(seed_text: str) -> None:
    document = parse(seed_text)
    assert isinstance(document.paragraphs, Paragraphs)
    assert document.paragraph_at(document.paragraphs[3].start + 1) == document.paragraphs[3]
    assert columns_differ_from(document.paragraphs)


def columns_differ_from(columns: Paragraphs) -> bool:
    """A changed paragraph makes the columns unequal."""
    changed = list(columns)
    changed[-1] = Paragraph(changed[-1].index, 0, 0, changed[-1].kind, changed[-1].section)
    return columns != tuple(changed) and columns != Paragraphs.of(changed)


@given(paragraph_lists, st.sets(st.sampled_from(list(ParagraphKind))), st.data())
def test_spans_and_columns_read_as_the_paragraphs(
    paragraphs: tuple[Paragraph, ...], skip: set[ParagraphKind], data: st.DataObject
) -> None:
    from reader.model.paragraphs import KIND_NUMBERS, spans_of

    columns = Paragraphs.of(paragraphs)
    first = data.draw(st.integers(0, len(paragraphs)))
    last = data.draw(st.integers(first, len(paragraphs)))
    expected = [
        (p.start, p.end) for p in paragraphs[first:last] if p.end > p.start and p.kind not in skip
    ]
    assert columns.spans(first, last, frozenset(skip)) == expected
    assert spans_of(paragraphs, first, last, frozenset(skip)) == expected
    rebuilt = Paragraphs.from_columns(
        [p.start for p in paragraphs],
        [p.end for p in paragraphs],
        bytes(KIND_NUMBERS[p.kind] for p in paragraphs),
        [p.section for p in paragraphs],
    )
    assert rebuilt == columns and rebuilt.kind_numbers == columns.kind_numbers


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        Paragraphs.from_columns([0, 5], [4], b"\x00\x00", [0, 0])
