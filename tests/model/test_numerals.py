"""Numeral parsing: Arabic, Chinese, multipliers, halves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.facts.numerals import parse_arabic, parse_chinese, parse_number, tidy


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("215", 215),
        ("1,200", 1200),
        ("12.5", 12.5),
        ("２０１４", 2014),
        ("1.2万", 12000),
        ("2.5亿", 250000000),
        ("十二", 12),
        ("十", 10),
        ("二十", 20),
        ("一百零五", 105),
        ("三千", 3000),
        ("三千万", 30000000),
        ("两", 2),
        ("半", 0.5),
        ("二〇一四", 2014),
        ("一万二千", 12000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    result = parse_number(text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize("text", ["", "abc", "十x", "1.2.3", "万"])
def test_unparseable(text: str) -> None:
    assert parse_number(text) is None


def test_tidy_gives_ints_for_integral_floats() -> None:
    assert tidy(1.2 * 10000) == 12000
    assert isinstance(tidy(1.2 * 10000), int)
    assert tidy(0.5) == 0.5


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_arabic_roundtrip(n: int) -> None:
    assert parse_arabic(str(n)) == n
    assert parse_arabic(f"{n:,}") == n


_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Write 1 <= n < 10000 in Chinese numerals (a reference written for the test)."""
    parts = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                parts.append("零")
                zero = False
            parts.append(_DIGITS[digit] + unit)
        elif parts:
            zero = True
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_chinese_matches_reference(n: int) -> None:
    assert parse_chinese(_to_chinese(n)) == n
