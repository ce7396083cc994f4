"""Chinese place names: a general gazetteer plus rules for county-level places.

Rules, in order:

1. A known province, prefecture-level city or country (``gazetteer``), with its
   administrative suffix when written (苏州市), and extended over a zone suffix
   when one follows closely (苏州工业园区). Not when a concept word follows
   (中国梦, 中国特色).
2. An unknown stem of 2–3 characters with a place suffix (市/县/区/镇/乡/村/
   街道/园区/开发区/新区 ...) right after a boundary (line start, punctuation or
   a preposition such as 在/赴/到): 昆山市, 姑苏区.
3. The bare stem of a rule-2 place is a place wherever else it is written
   (昆山市 makes 昆山 a place): one regex alternation over the text.
4. In an enumeration ``A、B、C等`` where one item is a place, the other items
   of 2–4 characters are places too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.model.facts.gazetteer import (
    ADMIN_SUFFIXES,
    KNOWN_PLACES,
    PLACE_NOT_BEFORE,
    PLACE_SUFFIXES,
)
from reader.model.facts.word_regex import Guarded, bigram_guard, trie_pattern

Span = tuple[int, int]

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
STEM_EXCLUDED = (
    "的了和与及各等在对把被向从为将还也都就是有不以之其这那每级并或要个着过让使由而但如因所"
    + "全我本该此"
)
"""Function characters that never sit inside a name stem."""
STEM_CHAR = f"(?:(?![{STEM_EXCLUDED}])[{HAN}])"
_ANY_HAN = re.compile(f"[{HAN}]")


@lru_cache(maxsize=4)
def has_han(text: str) -> bool:
    """Whether ``text`` has a Han character: every Chinese rule needs one, so an
    English text skips them all (one scan per text: a ``str`` keeps its hash)."""
    return _ANY_HAN.search(text) is not None


_EXCLUDED = re.compile(f"[{STEM_EXCLUDED}]")

_KNOWN_ALT = trie_pattern(KNOWN_PLACES)
KNOWN_PLACE = Guarded(
    bigram_guard(KNOWN_PLACES),
    re.compile(
        rf"(?:{_KNOWN_ALT})(?:(?:{ADMIN_SUFFIXES})(?!长|長|委|政府))?"
        rf"(?:{STEM_CHAR}{{0,4}}?(?:高新技术产业开发区|经济技术开发区|高新区|开发区|新区|园区))?"
        rf"(?!{PLACE_NOT_BEFORE})"
    ),
)
# Quote marks are not boundaries: “街巷集市” is a phrase, not a market town.
_BOUNDARY_CHARS = r"\s，。、；：！？,.;:!?（）()"
_BOUNDARY_WORDS = "在赴到从于和与及至往去经自"
_BOUNDARY = rf"(?:\A|(?<=[{_BOUNDARY_CHARS}])|(?<=[{_BOUNDARY_WORDS}]))"
_GENERIC_STEMS = frozenset(
    "工业 经济 高新 技术 开发 保税 农村 城市 城乡 贫困 民族 自治 边远 偏远 革命 中心 重点 示范 "
    "试验 实验 综合 自贸 特别 行政 风景 旅游 生态 保护 老城 新城 城区 社区 小区 全市 全县 全区 "
    "各市 各县 各区 本市 本县 我市 我县 该市 该县 地级 县级 省级 市级".split()
)
_SUFFIX_PLACE_RE = re.compile(
    _BOUNDARY
    + rf"(?P<stem>(?![走进入来到去回上下出开对向给为将让使]){STEM_CHAR}{{2,3}}?)"
    + rf"(?P<suffix>{PLACE_SUFFIXES})"
    + r"(?!长|長|委|政府|民|场|級|级|属|情|容|貌|区|里|郊)"
)
# Guarded by the boundary character before the stem, or the text start.
_SUFFIX_FIRSTS = "".join(sorted({s[0] for s in PLACE_SUFFIXES.split("|")}))
_B = f"[{_BOUNDARY_CHARS}{_BOUNDARY_WORDS}]"
# Guarded by the suffix's first character with a boundary two or three characters
# before it (suffix characters are rarer than boundaries); the text start apart.
SUFFIX_PLACE = Guarded(
    rf"[{_SUFFIX_FIRSTS}](?:(?<={_B}[{HAN}]{{2}}.)|(?<={_B}[{HAN}]{{3}}.))",
    _SUFFIX_PLACE_RE,
    back=1,
    shift=-2,
    text_start=True,
)
_COMMON_NOUN_ENDS = {
    "市": "集城都超股夜早菜花楼门",
    "区": "社小城景山灾辖市片街校禁误盲雷专分老库牧矿湾",
    "村": "农乡山渔",
    "镇": "城乡重古",
    "乡": "城家故下老同",
}
"""Last stem characters that make ``stem + suffix`` a common noun (集市, 社区, 农村)."""
_REUSABLE_SUFFIXES = frozenset("市 县 区 镇 乡 旗".split())
ENUMERATION = Guarded(
    # Guarded by the first 、 of a list that ends in 等: the list starts 1-4 before it.
    rf"、(?=(?:[{HAN}]{{1,4}}、)*[{HAN}]{{1,4}}(?:等|及其))",
    re.compile(rf"(?:[{HAN}]{{1,4}}、)+[{HAN}]{{1,4}}(?=等|及其)"),
    back=3,
    shift=-1,
)


def find_places(text: str) -> list[Span]:
    """Spans of Chinese place names (possibly overlapping; the caller keeps maximal ones).

    Args:
        text: The whole document text.

    Returns:
        Place spans, unordered.
    """
    if not has_han(text):
        return []
    spans: set[Span] = {m.span() for m in KNOWN_PLACE.finditer(text)}
    stems: set[str] = set()
    for m in SUFFIX_PLACE.finditer(text):
        stem = m.group("stem")
        suffix = m.group("suffix")
        if stem in _GENERIC_STEMS or stem in KNOWN_PLACES:
            continue
        if stem[-1] in _COMMON_NOUN_ENDS.get(suffix, ""):
            continue
        spans.add(m.span())
        if suffix in _REUSABLE_SUFFIXES:
            stems.add(stem)
    if stems:
        reuse = re.compile(trie_pattern(stems))
        spans.update(m.span() for m in reuse.finditer(text))
    spans.update(_siblings(text, spans))
    return list(spans)


def _siblings(text: str, spans: set[Span]) -> list[Span]:
    """Items of ``A、B、C等`` enumerations that hold at least one place."""
    by_end = {end for _, end in spans}
    out: list[Span] = []
    for m in ENUMERATION.finditer(text):
        pieces: list[Span] = []
        pos = m.start()
        for part in m.group(0).split("、"):
            pieces.append((pos, pos + len(part)))
            pos += len(part) + 1
        first_is_place = pieces[0][1] in by_end
        rest_places = [p for p in pieces[1:] if p in spans]
        if not (first_is_place or rest_places):
            continue
        for piece in pieces[1:]:
            word = text[piece[0] : piece[1]]
            if 2 <= len(word) <= 4 and _EXCLUDED.search(word) is None:
                out.append(piece)
    return out
