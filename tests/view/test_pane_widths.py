"""Side pane widths: they shrink with the terminal, the text column keeps 24 cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.view.pane_widths import READING_MIN, pane_widths


def test_wide_terminal_gives_the_full_widths() -> None:
    assert pane_widths(160, True, True) == (28, 32)


def test_panes_shrink_with_the_terminal() -> None:
    widths = pane_widths(100, True, True)
    assert 12 <= widths.outline < 28 and 14 <= widths.facts < 32
    assert 100 - sum(widths) >= READING_MIN


def test_at_40_columns_one_pane_fits_and_the_last_opened_stays() -> None:
    assert pane_widths(40, True, True, keep="outline") == (12, 0)
    assert pane_widths(40, True, True, keep="facts").outline == 0
    assert pane_widths(40, True, True, keep="facts").facts == 40 - READING_MIN


def test_too_narrow_for_any_pane_hides_it() -> None:
    assert pane_widths(30, True, False) == (0, 0)


@given(st.integers(1, 400), st.booleans(), st.booleans(), st.sampled_from(["outline", "facts"]))
def test_the_reading_pane_never_goes_under_its_least_width(
    total: int, outline: bool, facts: bool, keep: str
) -> None:
    widths = pane_widths(total, outline, facts, keep)  # type: ignore[arg-type]
    assert widths.outline >= 0 and widths.facts >= 0
    if sum(widths):
        assert total - sum(widths) >= READING_MIN
    assert outline or not widths.outline
    assert facts or not widths.facts
