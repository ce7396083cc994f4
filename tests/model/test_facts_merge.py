"""One entry per fact: mentions merged, whitespace collapsed (junk on its face)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.model.document import Fact, FactKind
from reader.model.facts.extract import extract_facts
from reader.model.facts.merge import collapse
from reader.model.structure.parse import parse


def _facts(text: str) -> tuple[Fact, ...]:
    return extract_facts(parse(text))


def test_a_figure_said_three_times_is_one_fact_with_three_mentions() -> None:
    text = "规划期为五年。\n\n今后五年要稳住。\n\n再干五年。\n"
    fives = [f for f in _facts(text) if f.kind is FactKind.QUANTITY and f.text == "五年"]
    assert len(fives) == 1
    assert [text[m.start : m.end] for m in fives[0].mentions] == ["五年"] * 3


def test_the_same_figure_counting_different_things_stays_two_facts() -> None:
    text = "国内生产总值增长5.2%，城镇调查失业率平均5.2%。"
    same = [f for f in _facts(text) if f.kind is FactKind.QUANTITY and f.text == "5.2%"]
    assert len({f.counted for f in same}) == len(same) == 2


def test_a_date_repeated_is_one_fact() -> None:
    text = "The memo of July 2002 was short.\n\nIn July 2002 it was filed.\n"
    dates = [f for f in _facts(text) if f.kind is FactKind.DATE and f.text == "July 2002"]
    assert len(dates) == 1 and len(dates[0].mentions) == 2


def test_a_name_wrapped_over_two_lines_is_one_fact_on_one_line() -> None:
    text = (
        "The harbour dues were paid for by the Northern Lighthouse\n"
        "Board. Later the Northern Lighthouse Board paid again.\n"
    )
    facts = _facts(text)
    assert not any("\n" in f.text for f in facts)
    orgs = [f for f in facts if f.text.startswith("Northern Lighthouse")]
    assert [(f.text, len(f.mentions)) for f in orgs] == [("Northern Lighthouse Board", 2)]


def test_collapse_joins_cjk_without_a_space_and_words_with_one() -> None:
    assert collapse("全国人民代表大\n会") == "全国人民代表大会"
    assert collapse("23rd March\n      2005") == "23rd March 2005"
    assert collapse("  Leo\r\nX ") == "Leo X"
    assert collapse("5.2%") == "5.2%"


@given(st.text(alphabet=st.sampled_from("ab中文 \n\t\r\u3000\x0c"), max_size=30))
def test_collapse_leaves_no_whitespace_but_single_spaces(surface: str) -> None:
    out = collapse(surface)
    assert out == out.strip()
    assert "  " not in out
    assert all(c == " " or not c.isspace() for c in out)
