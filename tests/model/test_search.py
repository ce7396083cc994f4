"""Search: literal and regex queries, case rules, errors, chunking and bisect helpers."""

from __future__ import annotations

import re
import time
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.find.search import (
    Query,
    SearchError,
    SearchTimeout,
    compile_query,
    find_all,
    iter_chunks,
)


def spans(text: str, query: Query, **kwargs: int) -> list[tuple[int, int]]:
    starts, ends = find_all(text, compile_query(query), **kwargs)
    assert isinstance(starts, array) and isinstance(ends, array)
    return list(zip(starts, ends, strict=True))


def test_literal_query_escapes_regex_characters() -> None:
    text = "a.b axb (c) a.b"
    assert spans(text, Query("a.b")) == [(0, 3), (12, 15)]
    assert spans(text, Query("(c)")) == [(8, 11)]


def test_cjk_literal_on_the_sample(seed_text: str) -> None:
    found = spans(seed_text, Query("苏州"))
    assert found == [(m.start(), m.end()) for m in re.finditer("苏州", seed_text)]
    # Non-overlapping matches of a literal are what str.count counts.
    assert len(found) == seed_text.count("苏州") > 0
    assert all(seed_text[a:b] == "苏州" for a, b in found)


def test_regex_query() -> None:
    text = "共10个项目，3个亮点，个别"
    assert spans(text, Query(r"\d+个", regex=True)) == [(1, 4), (7, 9)]


def test_smart_case() -> None:
    text = "Suzhou suzhou SUZHOU"
    assert len(spans(text, Query("suzhou"))) == 3
    assert spans(text, Query("Suzhou")) == [(0, 6)]
    assert len(spans(text, Query("suzhou", case="sensitive"))) == 1
    assert len(spans(text, Query("Suzhou", case="insensitive"))) == 3
    # Regex escapes such as \S are not uppercase letters typed by the reader.
    assert len(spans(text, Query(r"s\S+", regex=True))) == 3
    # CJK has no case: smart case changes nothing.
    assert spans("苏州苏州", Query("苏州")) == [(0, 2), (2, 4)]


def test_matches_do_not_overlap() -> None:
    # finditer resumes after each match: "aa" in "aaaa" is found twice, not three times.
    assert spans("aaaa", Query("aa")) == [(0, 2), (2, 4)]
    assert spans("aaa", Query("aa")) == [(0, 2)]


def test_empty_query_is_an_error() -> None:
    with pytest.raises(SearchError, match="empty"):
        compile_query(Query(""))
    with pytest.raises(SearchError):
        compile_query(Query("", regex=True))


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a)", "unbalanced parenthesis at 1"),
        ("(ab", "missing ) at 3"),
        ("[x", "unterminated character set at 2"),
        ("*", "nothing to repeat at 0"),
        ("a{2,1}", "min repeat greater than max repeat at 2"),
    ],
)
def test_invalid_regex_gives_a_short_message(source: str, message: str) -> None:
    with pytest.raises(SearchError) as caught:
        compile_query(Query(source, regex=True))
    assert str(caught.value) == message
    # The same text is fine as a literal.
    compile_query(Query(source))


def test_absurd_regex_is_a_search_error_too() -> None:
    with pytest.raises(SearchError):
        compile_query(Query("a{99999999999}", regex=True))


def test_zero_length_matches_are_skipped() -> None:
    assert spans("axxbx", Query("x*", regex=True)) == [(1, 3), (4, 5)]
    assert spans("abc", Query(r"\b", regex=True)) == []
    assert spans("abc", Query("^", regex=True)) == []


def test_start_end_and_limit() -> None:
    text = "苏州 苏州 苏州 苏州"
    assert spans(text, Query("苏州"), start=1) == [(3, 5), (6, 8), (9, 11)]
    assert spans(text, Query("苏州"), start=0, end=7) == [(0, 2), (3, 5)]
    assert spans(text, Query("苏州"), limit=2) == [(0, 2), (3, 5)]
    assert spans(text, Query("苏州"), limit=0) == []


def chunked(text: str, pattern: re.Pattern[str], size: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for starts, ends in iter_chunks(text, pattern, size):
        found += zip(starts, ends, strict=True)
    return found


def test_chunks_find_a_match_across_the_border_once() -> None:
    text = "xx苏州xx苏州"
    pattern = compile_query(Query("苏州"))
    # Border at 3 falls inside the first 苏州 (offsets 2-4).
    assert chunked(text, pattern, 3) == [(2, 4), (6, 8)]
    # A greedy regex crossing several borders is one match, not one per chunk.
    digits = compile_query(Query(r"\d+", regex=True))
    assert chunked("a1234567b89", digits, 2) == [(1, 8), (9, 11)]


def test_chunks_equal_one_shot_on_the_sample(seed_text: str) -> None:
    for query in [Query("苏州"), Query(r"\d+个", regex=True), Query("的"), Query("x*", regex=True)]:
        pattern = compile_query(query)
        starts, ends = find_all(seed_text, pattern)
        expected = list(zip(starts, ends, strict=True))
        for size in (1, 7, 1000, 1_000_000):
            assert chunked(seed_text, pattern, size) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="ab苏州 \n1", max_size=60),
    st.sampled_from([r"ab", r"a+", r"苏州|州苏", r"\d*", r"(?<=a)b", r"b$", r"^a", "a|"]),
    st.integers(1, 20),
)
def test_chunks_equal_one_shot(text: str, source: str, size: int) -> None:
    pattern = re.compile(source, re.MULTILINE)
    starts, ends = find_all(text, pattern)
    assert chunked(text, pattern, size) == list(zip(starts, ends, strict=True))


TEXTS = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(list("苏州ßİıKk"))),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(
    TEXTS, st.text(min_size=1, max_size=4), st.sampled_from(["smart", "sensitive", "insensitive"])
)
def test_literal_search_never_raises_and_spans_match(text: str, needle: str, case: str) -> None:
    query = Query(needle, case=case)  # type: ignore[arg-type]
    pattern = compile_query(query)
    starts, ends = find_all(text, pattern)
    folded = bool(pattern.flags & re.IGNORECASE)
    previous_end = 0
    for a, b in zip(starts, ends, strict=True):
        assert previous_end <= a < b <= len(text)
        previous_end = b
        found = text[a:b]
        if folded:
            # Case-folded equality, character by character (re folds one
            # character at a time, so lengths agree).
            assert len(found) == len(needle)
            for x, y in zip(found, needle, strict=True):
                assert (
                    x.lower() == y.lower()
                    or x.upper() == y.upper()
                    or (x.casefold() == y.casefold())
                ), (found, needle)
        else:
            assert found == needle
    if not folded:
        assert len(starts) == len(list(re.finditer(re.escape(needle), text)))


# Long runs of non-space with an "x" far away: a backtracking engine tries every
# way of splitting each run into (\S+)+ before giving up on it.
CATASTROPHIC_TEXT = "字" * 3000 + "\n" + "x"


def test_a_catastrophic_regex_is_stopped_at_the_deadline() -> None:
    pattern = compile_query(Query(r"(\S+)+x", regex=True))
    began = time.monotonic()
    with pytest.raises(SearchTimeout):
        find_all(CATASTROPHIC_TEXT, pattern, deadline=began + 0.2)
    # Stopped, not run to the end (Python's re takes minutes on this text); the
    # engine checks its clock every so often, so allow it some slack.
    assert time.monotonic() - began < 5
    with pytest.raises(SearchTimeout):
        list(iter_chunks(CATASTROPHIC_TEXT, pattern, 100, deadline=time.monotonic() + 0.2))


def test_a_deadline_already_past_stops_a_regex_but_not_a_literal() -> None:
    past = time.monotonic() - 1
    with pytest.raises(SearchTimeout):
        find_all("abc", compile_query(Query("b", regex=True)), deadline=past)
    # A literal cannot backtrack: it runs on ``re`` and always finishes.
    starts, _ = find_all("abc", compile_query(Query("b")), deadline=past)
    assert list(starts) == [1]


def test_regex_finds_fullwidth_digits_as_re_does() -> None:
    text = "共１２３个，又45个"
    pattern = compile_query(Query(r"\d+个", regex=True))
    starts, ends = find_all(text, pattern, deadline=time.monotonic() + 5)
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == ["１２３个", "45个"]
    assert [m.group() for m in re.finditer(r"\d+个", text)] == ["１２３个", "45个"]
