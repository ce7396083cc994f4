"""Property tests: the extractor never raises and its spans are sound."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.model.document import FactKind
from reader.model.facts.extract import extract_facts, fact_record
from reader.model.structure.parse import parse

# Characters the rules care about, so that random text hits them often.
_ALPHABET = st.sampled_from(
    list('一二两三十百千万亿半第年月日至个项次人元%％.,，、。“”「」《》"‘’——\n 市委省县区镇局')
    + list("0123456789苏州昆山李王张同志书记表示精神等地调研中央ABC Mr.Dr July 4,")
)
_TEXT = st.one_of(st.text(max_size=300), st.text(_ALPHABET, max_size=300))
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_SINGLE = {FactKind.QUANTITY, FactKind.DATE, FactKind.PERSON, FactKind.ORGANIZATION}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("0\x1fV")  # found by this test: a unit across a separator control
@example("5\n%")
def test_facts_of_arbitrary_text_are_sound(text: str) -> None:
    doc = parse(text)
    for fact in extract_facts(doc):
        assert fact.mentions
        fact_record(fact)
        for mention in fact.mentions:
            assert 0 <= mention.start < mention.end <= len(doc.text)
            section = doc.section_at(mention.start)
            assert section is not None and mention.section == section.id
            if fact.kind in _SINGLE or fact.kind in (FactKind.PLACE, FactKind.TERM):
                said = doc.text[mention.start : mention.end]
                # One fact is said on one line; its text is what is said, blanks collapsed.
                assert not any(stop in said for stop in _LINE_BREAKS)
                assert " ".join(said.split()) == fact.text
