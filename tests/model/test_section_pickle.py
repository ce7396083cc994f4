"""Sections travel between processes (a worker parses, the UI shows): every field comes back."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from reader.model.document import Section
from reader.model.structure.parse import parse

SECTIONS = st.builds(
    Section,
    index=st.integers(0, 10**6),
    id=st.text(max_size=20),
    level=st.integers(0, 6),
    title=st.text(max_size=40),
    subtitle=st.none() | st.text(max_size=40),
    start=st.integers(0, 10**9),
    end=st.integers(0, 10**9),
    heading=st.none() | st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)),
    first_paragraph=st.integers(0, 10**6),
    last_paragraph=st.integers(0, 10**6),
    parent=st.none() | st.integers(0, 10**6),
)


@given(SECTIONS)
def test_a_section_comes_back_equal_field_by_field(section: Section) -> None:
    back = pickle.loads(pickle.dumps(section, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == section
    assert type(back) is Section


def test_a_parsed_documents_sections_come_back_equal() -> None:
    document = parse(
        "报告\n\n一、总体\n\n正文一。\n\n（一）细则\n\n正文二。\n\n二、结语\n\n正文。\n"
    )
    assert len(document.sections) > 2
    assert pickle.loads(pickle.dumps(document.sections)) == document.sections
