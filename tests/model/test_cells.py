"""Cell widths: agreement with Rich, the tab and emoji policy, and cutting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from reader.model.layout.cells import (
    TAB_CELLS,
    cell_len,
    char_width,
    cut_at_cells,
    fit_end,
    span_cells,
    width_classes,
)

# Characters whose widths the reading pane depends on, with the width we expect.
WIDTHS = [
    ("a", 1),
    (" ", 1),
    ("中", 2),
    ("，", 2),
    ("。", 2),
    ("\u3000", 2),
    ("😀", 2),
    ("\u0301", 0),
    ("\u200b", 0),
    ("\u200d", 0),
    # East Asian "ambiguous": Rich says one cell, and so do we.
    ("“", 1),
    ("”", 1),
    ("‘", 1),
    ("’", 1),
    ("—", 1),
    ("…", 1),
    ("·", 1),
    ("\u00a0", 1),
    ("\t", TAB_CELLS),
    ("\ufe0f", 1),
]


@pytest.mark.parametrize(("char", "width"), WIDTHS)
def test_char_width(char: str, width: int) -> None:
    assert char_width(char) == width


def test_cell_len_fast_paths_and_mixed() -> None:
    assert cell_len("") == 0
    assert cell_len("hello") == 5
    assert cell_len("苏州日报") == 8
    assert cell_len("苏州“双面绣”:") == 2 + 2 + 1 + 6 + 1 + 1
    assert cell_len("e\u0301") == 1
    assert cell_len("a\tb") == 2 + TAB_CELLS


def test_cell_len_never_narrower_than_rich_for_emoji_sequences() -> None:
    for text in ["⚠\ufe0f", "😀\ufe0f", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3"]:
        assert cell_len(text) >= rich_cell_len(text)


# Text without tabs, VS16 or ZWJ: there our count must equal Rich's exactly.
RICH_ALPHABET = "ab Z9,.中文苏州，。、“”‘’—…·　😀\u0301《》（）"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=RICH_ALPHABET, max_size=80))
def test_cell_len_agrees_with_rich(text: str) -> None:
    assert cell_len(text) == rich_cell_len(text)
    assert cell_len(text) == sum(char_width(c) for c in text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=RICH_ALPHABET + "\t\ufe0f", max_size=60), st.integers(-2, 130))
def test_cut_at_cells_is_the_largest_fitting_index(text: str, cells: int) -> None:
    i = cut_at_cells(text, cells)
    assert 0 <= i <= len(text)
    assert cell_len(text[:i]) <= max(cells, 0)
    if i < len(text):
        assert cell_len(text[: i + 1]) > max(cells, 0)


def test_cut_at_cells_wide_never_straddles() -> None:
    assert cut_at_cells("中文", 3) == 1
    assert cut_at_cells("中文", 1) == 0
    assert cut_at_cells("abc", 2) == 2
    # A combining mark after the last fitting character stays with it.
    assert cut_at_cells("ae\u0301b", 2) == 3


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=RICH_ALPHABET + "\t", max_size=60),
    st.integers(0, 60),
    st.integers(0, 130),
)
def test_fit_end_from_any_start(text: str, start: int, cells: int) -> None:
    start = min(start, len(text))
    classes = width_classes(text)
    assert len(classes) == len(text)
    end = fit_end(classes, start, len(text), cells)
    assert span_cells(classes, start, end) == cell_len(text[start:end]) <= cells
    if end < len(text):
        assert cell_len(text[start : end + 1]) > cells
