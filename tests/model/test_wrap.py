"""Wrapping: each kinsoku and word rule, the sample, and properties on arbitrary text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from reader.model.layout.cells import cell_len
from reader.model.layout.wrap import wrap_paragraph, wrap_text


def lines_of(text: str, start: int, end: int, width: int) -> list[str]:
    """The wrapped lines of ``text[start:end]``, checking the offsets on the way."""
    starts = wrap_paragraph(text, start, end, width)
    assert starts[0] == start
    assert all(a < b for a, b in zip(starts, starts[1:], strict=False))
    bounds = [*starts[1:], end]
    return [text[a:b] for a, b in zip(starts, bounds, strict=True)]


def wrap(text: str, width: int) -> list[str]:
    lines = lines_of(text, 0, len(text), width)
    assert "".join(lines) == text
    return lines


def test_empty_paragraph() -> None:
    assert wrap_paragraph("abc\n\ndef", 4, 4, 10) == [4]
    assert wrap("", 5) == [""]


def test_short_paragraph_is_one_line() -> None:
    assert wrap("苏州日报", 8) == ["苏州日报"]


def test_cjk_breaks_anywhere_at_the_width() -> None:
    assert wrap("一二三四五六七", 6) == ["一二三", "四五六", "七"]
    # A wide character never straddles the edge: 5 cells hold two of them.
    assert wrap("一二三四五", 5) == ["一二", "三四", "五"]


def test_closing_punctuation_is_carried_down_with_a_character() -> None:
    # "一二三，" would be 8 cells at width 6: "，" may not start a line, so "三" goes too.
    assert wrap("一二三，四五", 6) == ["一二", "三，四", "五"]
    assert wrap("一二三。", 6) == ["一二", "三。"]
    assert wrap("他说“好”吗", 5) == ["他说", "“好”", "吗"]


def test_ascii_comma_after_cjk_is_closing() -> None:
    # The sample writes ASCII commas in Chinese text.
    assert wrap("一二三,四五", 6) == ["一二", "三,四", "五"]
    assert wrap("一二三:四五", 6) == ["一二", "三:四", "五"]


def test_opening_punctuation_is_pushed_down() -> None:
    # "一二《" fits in 5 cells but may not end a line.
    assert wrap("一二《三四》", 5) == ["一二", "《三", "四》"]
    assert wrap("一二“三四”", 5) == ["一二", "“三", "四”"]
    for line in wrap("一二“三四”五六（七八）", 5):
        assert not line.endswith(("“", "（"))


def test_dash_and_ellipsis_pairs_stay_together() -> None:
    assert wrap("一二——三四", 5) == ["一二", "——三", "四"]
    assert wrap("一二……三四", 5) == ["一", "二……", "三四"]
    # From 4 cells on, a pair always fits with a character carried down.
    for width in range(4, 12):
        for line in wrap("前文——破折号……省略号——结束", width):
            assert not line.startswith("…")
            assert line.count("—") % 2 == 0 and line.count("…") % 2 == 0


def test_latin_breaks_at_spaces_and_spaces_hang() -> None:
    assert wrap("the quick brown fox", 10) == ["the quick ", "brown fox"]
    # Trailing spaces do not count against the width.
    assert wrap("aaaa   bbbb", 4) == ["aaaa   ", "bbbb"]


def test_hyphen_breaks_between_letters_not_digits() -> None:
    assert wrap("well-known thing", 7) == ["well-", "known ", "thing"]
    assert wrap("on 2014-07-22 x", 8) == ["on ", "2014-07-", "22 x"]


def test_long_url_is_cut_at_the_width() -> None:
    url = "https://example.com/a/very/long/path"
    lines = wrap(f"see {url} ok", 12)
    assert lines[0] == "see "
    assert lines[1] == url[:12]
    assert all(cell_len(line.rstrip(" ")) <= 12 for line in lines)


def test_indentation_is_kept_on_the_first_line() -> None:
    assert wrap("  苏州日报消息", 8) == ["  苏州日", "报消息"]
    assert wrap("\u3000\u3000中文段落", 6) == ["\u3000\u3000中", "文段落"]
    # The indentation is never a break, unless the first word would be cut.
    assert wrap("  ab cd", 4)[0] == "  ab "
    assert wrap("  abcdef", 6) == ["  ", "abcdef"]


def test_width_one_and_two_never_loop() -> None:
    assert wrap("中文", 1) == ["中", "文"]
    assert wrap("中，。", 2) == ["中", "，", "。"]
    assert wrap("abc", 1) == ["a", "b", "c"]
    assert wrap("ab", 0) == ["a", "b"]
    assert wrap("中e\u0301文", 1) == ["中", "e\u0301", "文"]


def test_mixed_cjk_and_latin_breaks_between_them() -> None:
    assert wrap("使用Python语言", 8) == ["使用", "Python语", "言"]
    assert wrap("苏州GDP增长", 7) == ["苏州GDP", "增长"]


def test_tab_counts_four_cells() -> None:
    assert wrap("a\tb", 5) == ["a\t", "b"]


def test_an_opening_mark_before_a_hanging_space_does_not_end_a_line() -> None:
    # Found by test_wrap_properties: "中中“ " ended its line on “ (the space hung).
    text = "中中“ 中"
    assert wrap_paragraph(text, 0, len(text), 5) == [0, 2]
    assert wrap_paragraph("ab ( cd", 0, 7, 4) == [0, 3]


def test_absolute_offsets_inside_a_larger_text() -> None:
    text = "前言\n一二三四五六\n后记"
    assert wrap_paragraph(text, 3, 9, 4) == [3, 5, 7]


def test_wrap_text_concatenates_paragraphs() -> None:
    text = "一二三四五\n\nabc def ghi\n中文，好"
    spans = [(0, 5), (6, 6), (7, 18), (19, 23)]
    expected: list[int] = []
    for start, end in spans:
        expected += wrap_paragraph(text, start, end, 4)
    assert list(wrap_text(text, spans, 4)) == expected
    assert wrap_text(text, [], 4).tolist() == []


NO_START = tuple("，。、；：？！”）》,;:")
NO_END = ("“", "（", "《")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@pytest.mark.parametrize("width", [40, 60, 80])
def test_sample_obeys_kinsoku_and_width(seed_text: str, width: int) -> None:
    spans = paragraph_spans(seed_text)
    starts = wrap_text(seed_text, spans, width)
    ends = {e for _, e in spans}
    count = 0
    for paragraph_start, paragraph_end in spans:
        lines = lines_of(seed_text, paragraph_start, paragraph_end, width)
        assert "".join(lines) == seed_text[paragraph_start:paragraph_end]
        for i, line in enumerate(lines):
            count += 1
            # Rich's own count, independent of ours (the sample has no tabs).
            assert rich_cell_len(line.rstrip(" ")) <= width
            if i > 0:
                assert not line.startswith(NO_START), line
            if i < len(lines) - 1:
                assert not line.rstrip(" ").endswith(NO_END), line
    assert len(starts) == count
    assert ends  # the sample is not empty


# --- properties -------------------------------------------------------------------

CLOSERS = "，。、；：？！”’）》」』】…·％,.;:?!)]}%"
OPENERS = "“‘（《「『【([{"
IDEOGRAPHS = "中文苏州日报我们的发展党委"
PIECES = st.one_of(
    # Runs of ideographs, so that lines have somewhere legal to break.
    st.text(alphabet=IDEOGRAPHS, min_size=1, max_size=10),
    st.text(alphabet=IDEOGRAPHS, min_size=1, max_size=10),
    st.sampled_from(list(CLOSERS + OPENERS + "—…")),
    st.sampled_from(["——", "……", " ", "  ", "\u3000", "\t", "-", "😀", "e\u0301", "\u0301"]),
    st.text(alphabet="abcdefghXYZ0123456789", min_size=1, max_size=14),
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
# Widths 1..120, most of them narrow enough that the short generated texts wrap.
WIDTHS = st.one_of(st.integers(1, 24), st.integers(1, 120))


def is_ideograph(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and cell_len(char) == 2


def obvious_break(line: str, j: int) -> bool:
    """An independent, conservative test: ideograph|ideograph, or space|letter."""
    a, b = line[j - 1], line[j]
    if is_ideograph(a) and is_ideograph(b):
        return j + 1 >= len(line) or cell_len(line[j + 1]) > 0
    return a == " " and (b.isalnum() or is_ideograph(b))


def had_no_choice(previous: str, first_line: bool) -> bool:
    """Whether the previous line offered no obvious earlier break."""
    body = previous.rstrip(" ")
    lo = len(body) - len(body.lstrip(" \u3000\u00a0\t")) if first_line else 0
    return not any(obvious_break(body, j) for j in range(max(lo, 0) + 1, len(body)))


def starts_badly(line: str, previous: str) -> bool:
    c = line[0]
    if c in "，。、；：？！”’）》」』】…·％":
        return True
    if c == "—" and previous.endswith("—"):
        return True
    return c in ",.;:?!)]}%" and not previous.endswith((" ", "\t", "\u3000"))


@settings(max_examples=300, deadline=None)
@given(TEXTS, WIDTHS, st.text(alphabet="前后x\n", max_size=5))
def test_wrap_properties(paragraph: str, width: int, prefix: str) -> None:
    text = prefix + paragraph + "\n后"
    start, end = len(prefix), len(prefix) + len(paragraph)
    lines = lines_of(text, start, end, width)
    # Nothing dropped, nothing added.
    assert "".join(lines) == paragraph
    assert all(lines) or lines == [""]
    for i, line in enumerate(lines):
        visible = line.rstrip(" ")
        nonzero = [c for c in visible if cell_len(c) > 0]
        # Fits, unless it is one character wider than the width (plus its marks).
        assert cell_len(visible) <= width or len(nonzero) == 1, (line, width)
        if i == 0:
            continue
        previous = lines[i - 1]
        if starts_badly(line, previous) or previous.rstrip(" ").endswith(tuple(OPENERS)):
            assert had_no_choice(previous, i == 1), (previous, line, width)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6), st.integers(1, 60))
def test_wrap_text_equals_paragraph_by_paragraph(paragraphs: list[str], width: int) -> None:
    text = "\n".join(paragraphs)
    spans = paragraph_spans(text)
    expected: list[int] = []
    for start, end in spans:
        expected += wrap_paragraph(text, start, end, width)
    assert wrap_text(text, spans, width).tolist() == expected


def test_a_word_cut_at_the_width_leaves_no_closing_mark_first() -> None:
    # "Published:" is wider than the line: the cut steps back a letter, not ":" first.
    assert wrap("Published: 2025-03-06", 9)[:2] == ["Publishe", "d: "]
    assert wrap("aaaaaaaa”", 4) == ["aaaa", "aaa", "a”"]
    # A run of closing marks longer than the line is still cut at the width.
    assert wrap("。。。。。。。。", 4) == ["。。", "。。", "。。", "。。"]
