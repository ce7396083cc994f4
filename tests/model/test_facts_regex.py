"""The fast scans find exactly what the plain regexes find (guards, split branches)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.facts import dates as facts_dates
from reader.model.facts import english as facts_english
from reader.model.facts import english_frames as facts_english_frames
from reader.model.facts import names as facts_names
from reader.model.facts import places as facts_places
from reader.model.facts import quantity as facts_quantity
from reader.model.facts.gazetteer import KNOWN_PLACES
from reader.model.facts.word_regex import (
    Anchored,
    Guarded,
    bigram_guard,
    finditer_first,
    trie_pattern,
    word_spans,
)

_ALPHABET = st.sampled_from(
    list("苏州昆山南京北京市省县区镇乡村委政府局办公室、等及其在和的，。 \n一二两三十百千万")
    + list("0123456789年月日号至-/.%个项次人元半分之第多余约超过精神同志说表示王李张欧阳")
    + list('总书记主席ABC Mr. Dr Smith said University of Bank July Monday, 12 $ “”"‘’「」')
)
_TEXT = st.text(_ALPHABET, max_size=200)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def _guarded() -> list[Guarded]:
    return [
        facts_dates.ZH_DATE,
        facts_dates.NUMERIC_DATE,
        facts_dates.EN_DATE,
        facts_places.KNOWN_PLACE,
        facts_places.SUFFIX_PLACE,
        facts_places.ENUMERATION,
        facts_names.NAME_BEFORE_TITLE,
        facts_names.SURNAME_TRIGGER,
        facts_names.SPEECH_TRIGGER,
        facts_english.EN_PERSON_TITLED,
        facts_english.EN_PERSON_SAID,
        facts_quantity.EN_QUANTITY,
    ]


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_guarded_scans_equal_plain_finditer(text: str) -> None:
    for guarded in _guarded():
        assert _spans(guarded.finditer(text)) == _spans(guarded.pattern.finditer(text))


_WORDS = st.sampled_from(
    "The University of Leeds Bank Acme Ltd. Inc & Sons J. R. Co. Apache MIT Public License "
    "Licence Version 2.0 (MIT) Alfred the Great half past one quarter to three o'clock Five "
    "Parliament Committee for Science and of Department Justice (DOJ) said , . \n a "
    "Monday Wednesday Sunday today days written created by Maintained by Ada Lovelace "
    "Author: authors= [Ming Xu] :  chairman adviser Carter Page George W. Bush Korea South "
    "Georgia New Zealand York Paris XParis Texas".split(" ")
)
_EN_TEXT = st.lists(_WORDS, max_size=40).map(" ".join)


def _anchored() -> list[Anchored]:
    return [
        facts_english.EN_ORG,
        facts_english._FIRM,
        facts_english_frames._LICENCE,
        facts_english_frames._EPITHET,
        facts_dates.CLOCK_TIME,
        facts_dates.EN_WEEKDAY,
        facts_english_frames._BY_VERB,
        facts_english_frames._BY_VERB_MORE,
        facts_english_frames._AUTHOR,
    ]


@settings(max_examples=300, deadline=None)
@given(_EN_TEXT)
def test_anchored_scans_equal_plain_finditer(text: str) -> None:
    for anchored in _anchored():
        assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_split_branches_equal_one_alternation(text: str) -> None:
    patterns = [p for _, p in facts_quantity.ZH_QUANTITY]
    assert [(i, m.span()) for i, m in finditer_first(patterns, text)] == _joined(patterns, text)


def _joined(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, tuple[int, int]]]:
    """Matches of the one-regex alternation of ``patterns``, with the branch index."""
    # Inner group names would clash across branches: make them non-capturing.
    bodies = [_NAMED.sub("(?:", p.pattern) for p in patterns]
    joined = re.compile("|".join(f"(?P<b{i}>{body})" for i, body in enumerate(bodies)))
    out = []
    for m in joined.finditer(text):
        branch = next(name for name, value in m.groupdict().items() if value is not None)
        out.append((int(branch[1:]), m.span()))
    return out


_NAMED = re.compile(r"\(\?P<\w+>")


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_org_branches_equal_one_alternation(text: str) -> None:
    branches = facts_names._org_regexes(frozenset({"昆山市", "玄武"}))
    patterns = [b.pattern if isinstance(b, Guarded) else b for b in branches]
    assert isinstance(patterns[0], re.Pattern) and all(isinstance(p, re.Pattern) for p in patterns)
    got = [(i, m.span()) for i, m in finditer_first(branches, text)]
    assert got == _joined(patterns, text)  # type: ignore[arg-type]


def test_guarded_scans_see_overlapping_candidates() -> None:
    # 书记 starts inside 总书记: a guard that consumed 总书记 would hide it.
    texts = [
        "习近平总书记说，王建国同志精神",
        "1999-2000-01-02",
        "欧阳明明表示",
        "在昆山市、太仓市等地",
    ]
    for text in texts:
        for guarded in _guarded():
            assert _spans(guarded.finditer(text)) == _spans(guarded.pattern.finditer(text))
    starts = [m.start() for m in facts_names.NAME_BEFORE_TITLE.finditer("习近平总书记")]
    assert starts == [3, 4]


def test_bigram_guard_covers_every_word_start() -> None:
    words = ["苏州", "苏州工业园区", "南京", "x"]
    guard = re.compile(bigram_guard(words))
    text = "在苏州工业园区和南京，x也是"
    starts = {m.start() for m in re.finditer(trie_pattern(words), text)}
    assert starts <= {m.start() for m in guard.finditer(text)}
    assert bigram_guard([]) == "(?!)"
    assert re.fullmatch(trie_pattern(KNOWN_PLACES), "苏州")


_NAMES = st.sampled_from(
    ["Ada", "Ada Lovelace", "Lovelace", "王小明", "王小", "小明", "Ming Xu", "Xu"]
)


@settings(max_examples=200, deadline=None)
@given(st.sets(_NAMES, min_size=1), _EN_TEXT, _TEXT)
def test_word_spans_equal_one_trie_per_script(names: set[str], english: str, chinese: str) -> None:
    text = english + " 王小明说 Ada Lovelace " + chinese
    latin = {n for n in names if n.isascii()}
    han = names - latin
    expected = [
        m.span() for words in (latin, han) if words for m in re.finditer(trie_pattern(words), text)
    ]
    assert word_spans(names, text) == sorted(expected)


@settings(max_examples=300, deadline=None)
@given(_EN_TEXT)
def test_english_places_equal_the_plain_regex(text: str) -> None:
    plain = [m.span() for m in facts_english.EN_PLACE.finditer(text)]
    assert facts_english.find_en_places(text) == plain


@settings(max_examples=300, deadline=None)
@given(_EN_TEXT)
def test_of_name_starts_after_a_space(text: str) -> None:
    plain = re.compile(
        rf"[ \t\r\n]of[ \t\r\n]+(?P<of>{facts_english_frames._CAP})(?![A-Za-z])(?![ \t]+[A-Z])"
    )
    got = [m.span("of") for m in facts_english_frames._OF_NAME.finditer(text)]
    assert got == [m.span("of") for m in plain.finditer(text)]
