"""Facts as columns: every fact comes back as it went in; groups by kind and section."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from reader.model.document import Fact, FactKind, Mention
from reader.model.facts.extract import extract_facts, extract_table
from reader.model.facts.table import FactTable
from reader.view.fact_index import FactIndex
from tests.ui.helpers import build_document, make_app

SECTIONS = ("lead", "1-a", "2-b")

values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=5),
)


@st.composite
def facts(draw: st.DrawFn) -> Fact:
    spans = sorted(draw(st.sets(st.tuples(st.integers(0, 500), st.integers(1, 9)), max_size=6)))
    return Fact(
        draw(st.sampled_from(FactKind)),
        draw(st.text(max_size=8)),
        draw(values),
        unit=draw(st.none() | st.sampled_from(["%", "次", "km"])),
        qualifier=draw(st.none() | st.just("about")),
        counted=draw(st.none() | st.text(max_size=4)),
        # Sections are stretches of text: 0-169, 170-339, 340 on.
        mentions=tuple(Mention(s, s + n, SECTIONS[min(s // 170, 2)]) for s, n in spans),
        value_end=draw(st.none() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False)),
    )


@given(st.lists(facts(), max_size=12))
def test_every_fact_comes_back_from_the_columns_as_it_went_in(listed: list[Fact]) -> None:
    table = pickle.loads(pickle.dumps(FactTable.of(listed, SECTIONS)))
    back = list(table)
    assert back == listed
    for fact, again in zip(listed, back, strict=True):
        assert type(again.value) is type(fact.value)
        assert tuple(again.mentions) == fact.mentions and len(again.mentions) == len(fact.mentions)


@given(st.lists(facts(), max_size=12))
def test_a_section_lists_each_fact_said_there_with_only_its_mentions_there(
    listed: list[Fact],
) -> None:
    listed.sort(key=lambda f: list(FactKind).index(f.kind))
    index = FactIndex.of(listed, SECTIONS)
    for section in SECTIONS:
        want = [
            (f.kind, f.text, tuple(m for m in f.mentions if m.section == section))
            for f in listed
            if any(m.section == section for m in f.mentions)
        ]
        got = [
            (kind, fact.text, tuple(fact.mentions))
            for kind, rows in index.groups(section)
            for fact in rows
        ]
        assert got == want
    whole = [(kind, list(rows)) for kind, rows in index.groups()]
    assert [f for _, rows in whole for f in rows] == listed
    assert all(rows and all(f.kind is kind for f in rows) for kind, rows in whole)


def test_the_seeds_table_holds_the_extractors_facts() -> None:
    document = make_app().document
    assert document is not None
    assert list(extract_table(document)) == list(extract_facts(document))


def test_a_fact_said_many_times_is_a_few_bytes_a_mention() -> None:
    lines = ["全年开展调研1.2万余次。"] * 3000
    document = build_document("Many", [("一、数字", None, lines)])
    table = extract_table(document)
    (fact,) = list(table)
    assert len(fact.mentions) == 3000 and fact.mentions[-1].section == document.sections[-1].id
    # Three 4-byte int columns, not 3,000 objects: 12 bytes a mention and a little more.
    assert len(pickle.dumps(FactIndex.of(table))) < 13 * 3000


def test_rows_slice_and_index_like_a_sequence() -> None:
    listed = [Fact(FactKind.TERM, str(n), mentions=(Mention(n, n + 1, "lead"),)) for n in range(5)]
    rows = FactIndex.of(listed, ["lead"]).facts
    assert [f.text for f in rows[1:3]] == ["1", "2"] and rows[-1].text == "4"
    assert [f.text for f in rows[3:][:1]] == ["3"] and len(rows[9:]) == 0
