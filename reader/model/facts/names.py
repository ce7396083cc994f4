"""Chinese organisation and person names, by rule.

Organisations:

* an anchor (a bare 省/市/县/区/镇/乡 not preceded by 全/我/本/各..., or 中央/国家/
  全国/中共, or a known place) followed by units ``stem + suffix`` — an empty
  stem only with 委 or a suffix of two or more characters (市委, 市政府), a
  one-character stem only with a longer suffix, otherwise a 2–4 character stem
  (市公安局, 国家统计局) — and extended over further units (市委常委会,
  国家统计局苏州调查队): the maximal span;
* an abbreviation that names one body (中央, 国务院, 央视 ...);
* not when a role word follows (市委书记, 市委各常委, 市委主要领导): that is
  part of a person's title (gold R4).

People:

* a name after a title or a 、-joined title list (省委副书记、市委书记石泰峰);
  the titles as written become the fact's value;
* a name before a title that follows names (习近平总书记, 雷锋同志), when it
  starts with a common surname or, for 3-character names before 总书记/主席/
  总理, when a boundary (punctuation, 把/对/和 ...) stands before it;
* a surname plus two characters before 精神 or 同志 (焦裕禄精神), or before a
  speech verb (说/表示/指出/强调) right after a boundary.

Every name found is then looked up over the whole text (one regex alternation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reader.model.facts.gazetteer import (
    COMPOUND_SURNAMES,
    KNOWN_PLACES,
    ORG_ABBREVIATIONS,
    ORG_SUFFIXES,
    PERSON_TITLES,
    ROLE_AFTER_ORG,
    SURNAMES,
    TITLES_AFTER_NAME,
)
from reader.model.facts.places import HAN, STEM_CHAR, STEM_EXCLUDED, has_han
from reader.model.facts.word_regex import (
    Guarded,
    Searcher,
    bigram_guard,
    finditer_first,
    trie_pattern,
)

Span = tuple[int, int]

_SUFFIXES = ORG_SUFFIXES.split("|")
# Tries, not flat alternations: the suffix is tried at every stem length, and a
# trie tests each next character once instead of walking dozens of branches.
_MULTI = trie_pattern(s for s in _SUFFIXES if len(s) > 1)
_ANY = trie_pattern(_SUFFIXES)
_UNIT = rf"(?:(?:{_MULTI}|委(?!员))|{STEM_CHAR}(?:{_MULTI})|{STEM_CHAR}{{2,4}}?(?:{_ANY}))"
# A further unit never starts with an ordinal: 全国人民代表大会 + 第二次会议 is the
# body and its meeting, not a body whose next unit is 第二次会 (see zh_frames).
_EXT = rf"(?!第)(?:{STEM_CHAR}{{0,1}}(?:{_MULTI})|{STEM_CHAR}{{2,4}}?(?:{_ANY}))"


_FUNCTION_BEFORE_SUFFIX = "在赴到从于和与及至往去由对向把被将是为同跟让经的了"


@lru_cache(maxsize=8)
def _org_regexes(extra_places: frozenset[str]) -> tuple[Searcher, ...]:
    """The organisation rule as branches for :func:`finditer_first`, in order.

    Each branch begins with a literal or a character class, or is guarded by one,
    so that the scan skips fast to the next candidate; together they match what
    one alternation would.
    """
    names = KNOWN_PLACES | extra_places
    tail = f"{_UNIT}(?:{_EXT})*"
    return (
        Guarded(
            bigram_guard(names),
            re.compile(rf"(?:{trie_pattern(names)})(?:省|市|县|区)?{tail}"),
        ),
        re.compile(rf"(?:中共中央|中共|国家|全国|中央){tail}"),
        # A bare 市/区 after another Han character is usually part of a word (全市,
        # 社区); only a function word or a boundary may stand before it. The
        # lookbehinds follow the suffix so that the branch starts with a class.
        re.compile(rf"[省市县区镇乡](?:(?<![{HAN}].)|(?<=[{_FUNCTION_BEFORE_SUFFIX}].)){tail}"),
        re.compile(rf"(?:{ORG_ABBREVIATIONS})(?:{_EXT})*"),
    )


def _org_matches(text: str, extra_places: frozenset[str]) -> Iterator[re.Match[str]]:
    for _, m in finditer_first(_org_regexes(extra_places), text):
        yield m


_ROLE_AFTER = re.compile(ROLE_AFTER_ORG)
_SURNAME = f"(?:{COMPOUND_SURNAMES}|[{SURNAMES}])"
_NAME_STOP = re.compile(
    r"强调|表示|指出|主持|出席|会见|介绍|认为|告诉|透露|视察|调研|考察|看望|慰问|参加|代表|"
    r"先生|女士|同志|[说在到等和与及的率带一也就对向为是要作提称讲还曾已又都将则来去回]"
)
TITLE_BEFORE_NAME = Guarded(
    bigram_guard(PERSON_TITLES.split("|")),
    re.compile(rf"(?:{PERSON_TITLES})\s?(?P<name>{_SURNAME}[{HAN}]{{1,2}})"),
)
# The guards (see ``word_regex.Guarded``) begin with a literal or a character set
# so that the scan skips fast to the few places where the rule can match.
NAME_BEFORE_TITLE = Guarded(
    bigram_guard(TITLES_AFTER_NAME.split("|")), re.compile(rf"(?=(?P<title>{TITLES_AFTER_NAME}))")
)
# Guarded by the word after the name: the name (2-3 characters, or 4 with a
# compound surname) starts 3 or 4 characters before it.
SURNAME_TRIGGER = Guarded(
    bigram_guard(["精神", "同志"]),
    re.compile(rf"(?P<name>{_SURNAME}[{HAN}]{{2}})(?=精神|同志)"),
    back=1,
    shift=-3,
)
SPEECH_TRIGGER = Guarded(
    bigram_guard("说 表示 指出 强调 认为 介绍".split()),
    re.compile(
        rf"(?:(?<=[\s，。；：！？,;:!?“”「」])|\A)(?P<name>{_SURNAME}[{HAN}]{{2}})"
        r"(?=说|表示|指出|强调|认为|介绍)"
    ),
    back=1,
    shift=-3,
)
_HIGH_TITLES = ("总书记", "主席", "总理", "委员长")
_NAME_BOUNDARY = set("把将对向和与同及、，,。；;：:“（(由是在 \n")
_SURNAME_SET = set(SURNAMES)
_TITLE_AT_END = re.compile(f"(?:{PERSON_TITLES})$")
_HAN_RUN = re.compile(f"[{HAN}]+")
_EXCLUDED = re.compile(f"[{STEM_EXCLUDED}]")


@dataclass(frozen=True, slots=True)
class Person:
    """A name found by a rule, with the titles written next to it."""

    start: int
    end: int
    titles: str | None


def find_orgs(text: str, places: list[str]) -> list[Span]:
    """Organisation spans (possibly overlapping; the caller keeps maximal ones).

    Args:
        text: The whole document text.
        places: Place names found in the text, used as anchors (昆山市公安局).

    Returns:
        Organisation spans, unordered. Spans followed by a role word are left out.
    """
    extra = frozenset(p for p in places if p not in KNOWN_PLACES)
    out: list[Span] = []
    for m in _org_matches(text, extra):
        if _ROLE_AFTER.match(text, m.end()):
            continue
        out.append(m.span())
    return out


def orgs_and_titles(text: str, places: list[str]) -> tuple[list[Span], list[Span]]:
    """:func:`find_orgs` and the title spans (市委书记, 昆山市委书记) in one scan.

    Args:
        text: The whole document text.
        places: Place names found in the text, used as anchors.

    Returns:
        The organisation spans and the spans of organisation-plus-role titles.
    """
    extra = frozenset(p for p in places if p not in KNOWN_PLACES)
    orgs: list[Span] = []
    titles: list[Span] = []
    if not has_han(text):
        return orgs, titles
    role_after = _ROLE_AFTER.match
    for m in _org_matches(text, extra):
        role = role_after(text, m.end())
        if role is None:
            orgs.append(m.span())
        else:
            titles.append((m.start(), role.end()))
    return orgs, titles


def title_spans(text: str) -> list[Span]:
    """Spans of org-abbreviation-plus-role titles (市委书记): never org mentions."""
    out: list[Span] = []
    for m in _org_matches(text, frozenset()):
        role = _ROLE_AFTER.match(text, m.end())
        if role:
            out.append((m.start(), role.end()))
    return out


def _trim_name(text: str, start: int, end: int) -> int:
    """End of a name: 2 characters when a stop word starts at the third."""
    if end - start == 3 and _NAME_STOP.match(text, start + 2):
        return start + 2
    return end


def _titles_before(text: str, title_start: int, title_end: int, roles: dict[int, int]) -> str:
    """The 、-joined title list ending at ``title_end`` (省委副书记、市委书记)."""
    parts: list[str] = []
    end = title_end
    start = title_start
    while True:
        # Prefer the org+role span ending here (市委书记) over the bare title (书记).
        start = roles.get(end, start)
        parts.append(text[start:end])
        if start < 1 or text[start - 1] != "、":
            break
        end = start - 1
        prev = _TITLE_AT_END.search(text[max(0, end - 6) : end])
        if prev is None:
            break
        start = end - len(prev.group(0))
    return "、".join(reversed(parts))


def find_people(text: str, blocked: list[Span], titles: list[Span] | None = None) -> list[Person]:
    """People found by the rules of the module docstring (first sightings only).

    Args:
        text: The whole document text.
        blocked: Spans of orgs and places: a name candidate overlapping one is dropped.
        titles: :func:`title_spans` of ``text``, when the caller has them already.

    Returns:
        People with their titles; the caller looks each name up over the whole text.
    """
    if not has_han(text):
        return []
    blocked_starts = {s for s, _ in blocked}
    if titles is None:
        titles = title_spans(text)
    roles = {end: start for start, end in titles}
    out: list[Person] = []
    for m in TITLE_BEFORE_NAME.finditer(text):
        start = m.start("name")
        end = _trim_name(text, start, m.end("name"))
        if start in blocked_starts:
            continue
        out.append(Person(start, end, _titles_before(text, m.start(), start, roles)))
    for m in NAME_BEFORE_TITLE.finditer(text):
        person = _name_before(text, m.start(), m.group("title"))
        if person is not None and person.start not in blocked_starts:
            out.append(person)
    for m in SURNAME_TRIGGER.finditer(text):
        # A name never follows a numeral straight on: 八项规定精神 is "the spirit
        # of the eight rules" (项 is a measure word there), not a person 项规定.
        if m.start() not in blocked_starts and not _after_numeral(text, m.start()):
            out.append(Person(m.start(), m.end(), None))
    for m in SPEECH_TRIGGER.finditer(text):
        if m.start() not in blocked_starts:
            out.append(Person(m.start(), m.end(), None))
    return out


_NUMERALS = frozenset("0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿几")


def _after_numeral(text: str, start: int) -> bool:
    """Whether the character before ``start`` is a numeral."""
    return start > 0 and text[start - 1] in _NUMERALS


def _is_name_chars(word: str) -> bool:
    return _HAN_RUN.fullmatch(word) is not None and _EXCLUDED.search(word) is None


def _name_before(text: str, pos: int, title: str) -> Person | None:
    """A 2–3 character name ending at ``pos``, right before ``title``."""
    three = text[max(0, pos - 3) : pos]
    if len(three) == 3 and _is_name_chars(three):
        before = text[pos - 4] if pos >= 4 else "\n"
        if three[0] in _SURNAME_SET or (title in _HIGH_TITLES and before in _NAME_BOUNDARY):
            return Person(pos - 3, pos, title)
    two = text[max(0, pos - 2) : pos]
    if len(two) == 2 and _is_name_chars(two) and two[0] in _SURNAME_SET:
        return Person(pos - 2, pos, title)
    return None
