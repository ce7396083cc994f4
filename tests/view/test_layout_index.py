"""The reading pane's wrapped-line index: offsets <-> rows, lazily refined."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import ParagraphKind
from reader.model.layout.cells import cell_len
from reader.model.layout.wrap import wrap_paragraph
from reader.view.layout_index import LayoutIndex, ParagraphTable, paragraph_gaps

ALPHABET = "苏州市委，。、“”（）《》——abc de,fg. 12\t"
paragraph_texts = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=120), max_size=12)


def build(texts: list[str], separator: str = "\n") -> tuple[str, list[tuple[int, int]]]:
    """Join paragraph texts into one document text and return it with the spans."""
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for text in texts:
        spans.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + len(separator)
    return separator.join(parts), spans


def all_rows(index: LayoutIndex) -> list[tuple[int, int, int, int]]:
    """Every row as (paragraph, line, start, end)."""
    rows = []
    row = 0
    # total_rows is re-read each time: wrapping a paragraph refines the estimate.
    while row < index.total_rows:
        info = index.row_info(row)
        assert info is not None
        rows.append((info.paragraph, info.line, info.start, info.end))
        row += 1
    assert index.row_info(index.total_rows) is None
    return rows


@settings(max_examples=60, deadline=None)
@given(texts=paragraph_texts, width=st.integers(min_value=1, max_value=50), gap=st.integers(0, 2))
def test_every_offset_maps_to_a_row_that_holds_it(texts: list[str], width: int, gap: int) -> None:
    text, spans = build(texts)
    index = LayoutIndex(text, ParagraphTable(spans, [gap] * len(spans)), width)
    for p, (start, end) in enumerate(spans):
        for offset in range(start, end + 1):
            row = index.row_of_offset(offset)
            info = index.row_info(row)
            assert info is not None and not info.blank
            assert info.paragraph == p
            if offset < end:
                assert info.start <= offset < info.end
            else:
                assert info.end == end  # the paragraph end shows on its last line
            assert index.row_of_offset(info.start) == row
            assert index.offset_of_row(row) == info.start


@settings(max_examples=60, deadline=None)
@given(texts=paragraph_texts, width=st.integers(min_value=1, max_value=50))
def test_line_spans_are_in_order_and_cover_each_paragraph(texts: list[str], width: int) -> None:
    text, spans = build(texts, "\n\n")
    gaps = [0] + [1] * (len(spans) - 1) if spans else []
    index = LayoutIndex(text, ParagraphTable(spans, gaps), width)
    rows = all_rows(index)
    assert index.complete
    previous_end = 0
    joined: dict[int, str] = {}
    for paragraph, line, start, end in rows:
        assert start >= previous_end or line < 0
        if line >= 0:
            assert start < end or spans[paragraph][0] == spans[paragraph][1]
            joined[paragraph] = joined.get(paragraph, "") + text[start:end]
            previous_end = end
            # No line is wider than the width once its trailing spaces hang
            # (a single character too wide for it is the wrapper's last resort).
            shown = text[start:end].rstrip(" ")
            assert cell_len(shown) <= width or len(shown) == 1
    for p, (start, end) in enumerate(spans):
        assert joined[p] == text[start:end]
    expected = sum(gaps) + sum(len(wrap_paragraph(text, s, e, width)) for s, e in spans)
    assert index.total_rows == expected == len(rows)


@settings(max_examples=40, deadline=None)
@given(
    texts=paragraph_texts,
    width=st.integers(min_value=2, max_value=40),
    ratio=st.floats(min_value=0.2, max_value=3.0),
    budget=st.integers(min_value=1, max_value=200),
)
def test_chunked_refinement_ends_where_a_full_wrap_does(
    texts: list[str], width: int, ratio: float, budget: int
) -> None:
    text, spans = build(texts)
    gaps = [1] * len(spans)
    lazy = LayoutIndex(text, ParagraphTable(spans, gaps), width, cells_per_char=ratio)
    eager = LayoutIndex(text, ParagraphTable(spans, gaps), width)
    eager.wrap_paragraphs(0, len(spans))
    while lazy.wrap_next_chunk(budget):
        pass
    assert lazy.complete and lazy.pending == 0
    assert all_rows(lazy) == all_rows(eager)


@settings(max_examples=25, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=0, max_value=90), min_size=1, max_size=700),
    width=st.integers(min_value=3, max_value=30),
    order=st.randoms(use_true_random=False),
)
def test_row_sums_stay_exact_across_blocks_whatever_the_wrap_order(
    lengths: list[int], width: int, order: random.Random
) -> None:
    texts = ["苏州a " * (n // 4) + "x" * (n % 4) for n in lengths]
    text, spans = build(texts)
    gaps = [i % 3 for i in range(len(spans))]
    index = LayoutIndex(text, ParagraphTable(spans, gaps), width, cells_per_char=1.3)
    # The estimates, read once before any wrap; they must not drift afterwards.
    tops = [index.paragraph_top(q) for q in range(len(spans) + 1)]
    estimates = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    assert index.total_rows == sum(estimates)
    paragraphs = list(range(len(spans)))
    order.shuffle(paragraphs)
    for step, p in enumerate(paragraphs):
        index.wrap_paragraphs(p, p + 1)
        if step % 97 == 0 or step == len(paragraphs) - 1:
            # What the rows must be: a plain running sum of the counts.
            counts = [
                gaps[q] + len(index.line_starts(q)) if index.is_wrapped(q) else estimates[q]
                for q in range(len(spans))
            ]
            top = 0
            for q, count in enumerate(counts):
                assert index.paragraph_top(q) == top
                assert index.paragraph_at_row(top) == q
                assert index.paragraph_at_row(top + count - 1) == q
                top += count
            assert index.total_rows == top


def test_estimates_before_wrapping_and_exact_counts_after() -> None:
    texts = ["苏" * 100, "a" * 10, "州" * 45]
    text, spans = build(texts)
    index = LayoutIndex(text, ParagraphTable(spans, [0, 1, 1]), 20, cells_per_char=2.0)
    # 100 wide chars at 10 per line: 10 rows; 10 narrow: 1 (+1 gap); 45 wide: 5 (+1).
    assert index.total_rows == 10 + 2 + 6
    assert index.pending == 3
    index.wrap_paragraphs(1, 2)
    assert index.pending == 2 and index.is_wrapped(1) and not index.is_wrapped(0)


def test_ensure_rows_keeps_rows_above_in_place_and_makes_the_view_exact() -> None:
    texts = ["苏州" * 30] * 50
    text, spans = build(texts)
    # A deliberately bad estimate (half the real width) so wrapping moves rows.
    index = LayoutIndex(text, ParagraphTable(spans, [1] * 50), 20, cells_per_char=1.0)
    top_before = index.paragraph_top(20)
    index.ensure_rows(top_before, 10)
    assert index.paragraph_top(20) == top_before
    assert index.is_wrapped(20)
    first = index.paragraph_at_row(top_before)
    last = index.paragraph_at_row(top_before + 9)
    assert all(index.is_wrapped(p) for p in range(first, last + 1))
    assert not index.is_wrapped(0)
    # 60 chars of 2 cells at width 20 is 6 lines, plus a gap.
    assert index.paragraph_top(21) - index.paragraph_top(20) == 7


def test_ensure_end_wraps_the_last_paragraphs() -> None:
    text, spans = build(["word " * 40] * 10)
    index = LayoutIndex(text, ParagraphTable(spans, [1] * 10), 30)
    index.ensure_end(12)
    assert index.is_wrapped(9) and index.is_wrapped(8) and not index.is_wrapped(0)


def test_offsets_between_paragraphs_belong_to_the_next_one() -> None:
    text, spans = build(["abc", "def"], "\n\n\n")
    index = LayoutIndex(text, ParagraphTable(spans, [0, 1]), 10)
    assert index.paragraph_at_offset(3) == 0  # the end of "abc"
    assert index.paragraph_at_offset(4) == 1  # a blank text line
    assert index.row_of_offset(5) == 2  # gap row 1, "def" on row 2
    assert index.row_of_offset(10_000) == 2
    assert index.offset_of_row(1) == spans[1][0]  # a blank row: the next paragraph
    assert index.rows_of_span(0, 7) == range(0, 3)


def test_an_empty_document_has_no_rows() -> None:
    index = LayoutIndex("", ParagraphTable([], []), 40)
    assert index.total_rows == 0
    assert index.row_info(0) is None
    assert index.row_of_offset(5) == 0
    assert index.offset_of_row(3) == 0
    assert not index.wrap_next_chunk()


def test_a_table_needs_one_gap_per_paragraph() -> None:
    with pytest.raises(ValueError):
        ParagraphTable([(0, 1), (2, 3)], [0])


def test_paragraph_gaps_by_kind() -> None:
    k = ParagraphKind
    kinds = [k.META, k.META, k.BODY, k.BODY, k.HEADING, k.SUBTITLE, k.BODY, k.HEADING, k.BODY]
    assert paragraph_gaps(kinds) == [0, 0, 1, 1, 2, 0, 1, 2, 1]
    assert paragraph_gaps([]) == []
