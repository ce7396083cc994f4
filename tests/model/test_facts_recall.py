"""Recall rules for real documents, on short texts written for the tests."""

from __future__ import annotations

import pytest

from reader.model.document import Fact, FactKind
from reader.model.facts.extract import extract_facts
from reader.model.facts.numerals import parse_number
from reader.model.structure.parse import parse


def _facts(text: str, kind: FactKind) -> dict[str, Fact]:
    return {f.text: f for f in extract_facts(parse(text)) if f.kind is kind}


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一百一十四万亿", 114 * 10**12),
        ("二十一万亿", 21 * 10**12),
        ("三亿五千万", 350_000_000),
        ("三亿零五万", 300_050_000),
        ("十四亿", 1_400_000_000),
        ("八十万亿", 80 * 10**12),
        ("12.4億", 1_240_000_000),
        ("3.1萬", 31_000),
        ("兩千", 2000),
    ],
)
def test_stacked_and_traditional_big_units(numeral: str, value: int) -> None:
    assert parse_number(numeral) == value


def test_chinese_quantities_with_big_units_ages_and_traditional_measure_words() -> None:
    q = _facts(
        "总值从五十四万亿元增长到一百一十四万亿元，十四亿多人口整体迈进。十八周岁以上的自然人为成年人。"
        "公司虧損約12.4億元，批出2206個配額，市值逾7000萬元，从3方面提出，增长5%左右。",
        FactKind.QUANTITY,
    )
    assert q["一百一十四万亿元"].value == 114 * 10**12
    assert (q["十四亿多人口"].value, q["十四亿多人口"].qualifier) == (1_400_000_000, "more-than")
    assert q["十八周岁以上"].unit == "周岁"
    assert q["12.4億元"].value == 1_240_000_000
    assert q["2206個"].value == 2206
    assert (q["7000萬元"].value, q["7000萬元"].qualifier) == (70_000_000, "more-than")
    assert q["3方面"].unit == "方面"
    assert q["5%左右"].qualifier == "about"


def test_measure_words_of_their_own_do_not_eat_the_next_word() -> None:
    q = _facts("报告分为三部分，纪念建校70周年，上半年完成投资120亿元。", FactKind.QUANTITY)
    assert {"三部分", "70周年", "120亿元"} <= set(q)
    assert "半年" not in q and "70周" not in q


def test_percent_encoding_is_not_a_percentage() -> None:
    q = _facts('encoded = "caf%C3%A9" | "%E2%82%AC%31%32"; it rose 12% (45%).', FactKind.QUANTITY)
    assert set(q) == {"12%", "45%"}


def test_english_counted_plurals_number_words_and_technical_units() -> None:
    q = _facts(
        "In an army of 20,000 soldiers there were few; he hired 10,000 Frenchmen. It was four "
        "thousand miles down and she was nine feet high, for more than 1m people. It processes "
        "millions of items on a 2.4GHz machine with 512 MB of memory, at 12 MB/s; ships came "
        "from 14 countries.\n\n测试环境：主频 2.6GHz 的笔记本，显存 32 GB。\n\n"
        "Total cost                               4,812,330\n",
        FactKind.QUANTITY,
    )
    assert (q["20,000 soldiers"].value, q["20,000 soldiers"].counted) == (20000, "soldiers")
    assert q["10,000 Frenchmen"].value == 10000
    assert q["four thousand miles"].value == 4000
    assert q["nine feet"].value == 9
    assert q["1m people"].value == 1_000_000
    assert q["millions of items"].qualifier == "more-than"
    assert (q["2.4GHz"].unit, q["512 MB"].unit, q["12 MB/s"].unit) == ("GHz", "MB", "MB/s")
    assert {"2.6GHz", "32 GB", "14 countries", "4,812,330"} <= set(q)


def test_references_codes_and_years_are_not_counts() -> None:
    q = _facts(
        "Section 14 describes it; see Figure 3, RFC 9999 and page 12 lines. An i7-2600, "
        "a Model 3 and an MBA; the list 1,2,3; host 192.168.0.1 on 2031.05.06; "
        "the 2016 elections; version 2 releases.",
        FactKind.QUANTITY,
    )
    assert q == {}


def test_big_decimal_amounts_are_whole_numbers() -> None:
    # 4.06 x 10^12 is 4059999999999.9995 in binary floating point.
    assert parse_number("4.06万亿") == 4_060_000_000_000
    assert parse_number("28.5万亿") == 28_500_000_000_000
