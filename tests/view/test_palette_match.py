"""The palette's matcher: bounded text, one pass, Textual's ordering of hits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.fuzzy import FuzzySearch

from reader.view.palette_match import MATCH_CHARS, bounded, fuzzy_match


def test_a_substring_beats_scattered_letters() -> None:
    whole = fuzzy_match("part 3", "Go to section: Part 3 heading")
    scattered = fuzzy_match("part 3", "Go to section: Pa rt of 3")
    assert whole is not None and scattered is not None
    assert whole.score > scattered.score
    assert whole.offsets == tuple(range(15, 21))


def test_letters_in_order_or_no_match() -> None:
    assert fuzzy_match("gts", "Go to section") is not None
    assert fuzzy_match("neg", "Go to section: 长长长") is None
    assert fuzzy_match("", "anything") is None


def test_only_the_first_characters_are_matched() -> None:
    title = "长" * 15_000 + "neg"
    assert fuzzy_match("neg", title) is None
    assert fuzzy_match("neg", "neg" + title) is not None
    assert len(bounded(title)) == MATCH_CHARS and bounded(title).endswith("…")
    assert bounded("short") == "short"


def test_repeated_letters_take_one_pass() -> None:
    # Textual's matcher enumerates C(200, 12) ways to place these letters.
    match = fuzzy_match("e" * 11 + "x", "e" * 15_000)
    assert match is None
    found = fuzzy_match("e" * 12, "e" * 15_000)
    assert found is not None and found.offsets == tuple(range(12))


words = st.text(alphabet="abcde 苏州", min_size=1, max_size=12)


@given(words, words)
def test_matches_exactly_when_textual_does_on_short_texts(query: str, candidate: str) -> None:
    query = query.strip() or "a"
    ours = fuzzy_match(query, candidate)
    score, _ = FuzzySearch().match(query, candidate)
    assert (ours is not None) == (score > 0)
    if ours is not None:
        assert all(
            candidate[o].lower() == q.lower() for o, q in zip(ours.offsets, query, strict=True)
        )
