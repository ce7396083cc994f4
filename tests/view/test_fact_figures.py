"""Figures of a billion or more read as words in the sidebar, exactly; others stay."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.view.fact_rows import compact_figures

SCALE = {"billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (">126,000,000,000,000 元", ">126 trillion 元"),
        ("1,200,000,000", "1.2 billion"),
        ("US$1,250,000,000", "US$1.25 billion"),
        ("12,000 – 15,000,000,000", "12,000 – 15 billion"),
        # Too many digits to say shortly, or under a billion: as they are.
        ("12,345,678,901 次", "12,345,678,901 次"),
        ("1,000,000", "1,000,000"),  # a million in words is no shorter
        ("999,999,999", "999,999,999"),
        ("999,999", "999,999"),
        ("5,000", "5,000"),
        ("2014-06-13 – 2014-06-14", "2014-06-13 – 2014-06-14"),
    ],
)
def test_long_figures_in_words(value: str, shown: str) -> None:
    assert compact_figures(value) == shown


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(["", " 元", " people"]))
def test_words_say_the_same_number(number: int, unit: str) -> None:
    written = f"{number:,}{unit}"
    shown = compact_figures(written)
    if shown == written:
        return
    mantissa, name, *rest = shown.split(" ")
    assert Decimal(mantissa) * SCALE[name] == number
    assert " ".join(rest) == unit.strip()
    assert len(shown) < len(written)
