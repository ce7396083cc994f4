"""Reflow properties: nothing lost or reordered, unwrapped text untouched, the map monotonic."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.structure.reflow import MAX_WIDTH, reflow

LATIN = st.text(alphabet="abcdefghij-.,;?!", min_size=1, max_size=12)
CJK = st.text(alphabet="天下大势分久必合。，“”、", min_size=1, max_size=6)
WORDS = st.lists(LATIN | CJK, min_size=1, max_size=60)
LAID_OUT = st.sampled_from(["CHAPTER IV.", "第三章　起", "|a  |b |", "   x = y"])
MARKS = st.sampled_from(["", "  ", "　　", "- ", "1. ", "    "])


@st.composite
def wrapped_texts(draw: st.DrawFn) -> str:
    """Paragraphs hard-wrapped at one width, with blank lines or indents between."""
    width = draw(st.integers(min_value=20, max_value=120))
    blank = draw(st.booleans())
    parts: list[str] = []
    for words in draw(st.lists(WORDS, min_size=1, max_size=8)):
        mark = draw(MARKS)
        parts.append(textwrap.fill(" ".join(words), width, initial_indent=mark))
        if draw(st.booleans()):
            parts.append(draw(LAID_OUT))
    return ("\n\n" if blank else "\n").join(parts) + draw(st.sampled_from(["", "\n"]))


def _visible(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(wrapped_texts())
def test_reflow_never_loses_or_reorders_a_visible_character(text: str) -> None:
    displayed, _ = reflow(text)
    assert _visible(displayed) == _visible(text)


@settings(max_examples=300, deadline=None)
@given(wrapped_texts() | st.text(max_size=400))
def test_the_map_is_monotonic_and_copied_text_maps_to_itself(text: str) -> None:
    displayed, source_map = reflow(text)
    assert source_map.display_length == len(displayed)
    assert source_map.source_length == len(text)
    assert list(source_map.display) == sorted(source_map.display)
    assert list(source_map.source) == sorted(source_map.source)
    back = [source_map.to_source(k) for k in range(len(displayed) + 1)]
    assert back == sorted(back)
    for k, char in enumerate(displayed):
        if not char.isspace():
            assert text[back[k]] == char


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abc def。，天下", min_size=1, max_size=300).filter(
            lambda s: s.strip() != ""
        ),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(["\n\n", "\n\n\n"]),
)
def test_paragraphs_of_one_line_each_come_back_unchanged(paragraphs: list[str], gap: str) -> None:
    text = gap.join(p.replace("\n", " ") for p in paragraphs)
    displayed, source_map = reflow(text)
    assert displayed is text
    assert source_map.is_identity


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abc def,.", min_size=MAX_WIDTH + 1, max_size=600), max_size=30))
def test_lines_longer_than_any_wrap_width_come_back_unchanged(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines)
    displayed, source_map = reflow(text)
    assert displayed is text
    assert source_map.is_identity
