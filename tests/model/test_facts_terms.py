"""Quoted terms: what reads as a term, and what is code, speech or stray punctuation."""

from __future__ import annotations

from reader.model.facts.quotes import find_terms


def _terms(text: str) -> list[str]:
    return [q.text(text) for q in find_terms(text)]


def test_slogans_and_quoted_names_are_terms() -> None:
    text = '“无接触服务”发挥作用，坚持“六稳”。The licence says "AS-IS" and "Plain Text".'
    assert _terms(text) == ["无接触服务", "六稳", "AS-IS", "Plain Text"]


def test_quotations_without_a_letter_are_not_terms() -> None:
    # Grammar lines and code: punctuation and digits alone say nothing.
    text = 'priority = "low" | ";" | "*" | ":0" | "42"'
    assert _terms(text) == ["low"]


def test_a_clause_cut_at_a_comma_is_speech() -> None:
    text = 'He cried "Give us bread," and left. She said "Tis so," and sat.'
    assert _terms(text) == []


def test_a_capitalised_name_quoted_american_style_drops_its_comma() -> None:
    text = 'groups named "Secured Borders," "Being Patriotic," and "Blacktivist."'
    assert _terms(text)[:2] == ["Secured Borders", "Being Patriotic"]


def test_ragged_edges_mismatched_quotes_and_function_words_are_not_terms() -> None:
    text = 'ignore ".git" files; "But" he said; "他说：”我最爱的运动“" ok'
    assert _terms(text) == []


def test_straight_quotes_in_chinese_text_are_terms() -> None:
    text = '本项目重点解决其中的"音似、形字、语法错误"等类型。'
    assert _terms(text) == ["音似、形字、语法错误"]
