"""Objects sent as columns of their fields come back equal; so do whole documents."""

from __future__ import annotations

import pickle
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from reader.model.columns import columns_of, rows_of
from reader.model.compare.diff import Change
from reader.model.structure.parse import parse

changes = st.lists(
    st.builds(
        Change,
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.text(max_size=5),
        st.text(max_size=5),
        st.booleans(),
    ),
    max_size=20,
)


@given(changes)
def test_columns_rebuild_the_same_objects_in_order(items: list[Change]) -> None:
    names = [one.name for one in fields(Change)]
    columns = columns_of(items, names)
    assert len(columns) == len(names) and all(len(c) == len(items) for c in columns)
    assert rows_of(Change, pickle.loads(pickle.dumps(columns))) == tuple(items)


@given(st.text("一二、。\n甲ab #", max_size=200))
def test_a_document_pickles_as_itself_without_its_cached_look_ups(text: str) -> None:
    document = parse(text)
    document.section_at(len(text))  # fills a cached look-up table
    back = pickle.loads(pickle.dumps(document))
    assert back == document and back.sections == document.sections
    assert "_section_starts" not in back.__dict__
