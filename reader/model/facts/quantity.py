"""Quantities: a numeral plus a measure word or unit, Chinese and English.

Rules (see ``tests/data/seed-facts.gold.yaml`` R5/R6 for the annotation policy):

* A quantity is a numeral (Arabic, Chinese, with 万/亿, 多/余, 半) followed by a
  measure word or unit from a general list; the surface excludes the counted
  noun and the cue words before it (不少于, 约 ...), which become the qualifier.
* Not quantities: ordinals (第二批), a bare 一 + measure word used as an article
  (一场, 一次, 一系列), a Chinese numeral with no measure word (四风, 三严三实),
  and anything the caller masks (dates, proper names, short quoted slogans).
* Percentages (12.5%, 百分之五), money (3.2亿元, $4.5 million, 1,200 yuan) and
  English numbers with a unit word are quantities too.
* A decimal figure that fills a table cell on its own (``│ 0.8225 │``) is a
  measurement (a score, a rate); a whole number there may be an id or a rank, and
  a figure with two dots is a version, so neither is taken.

Values are numbers (``int`` when integral); ranges carry ``value_end``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reader.model.facts.counted import zh_counted
from reader.model.facts.numerals import BLANK, Number, parse_number, tidy
from reader.model.facts.word_regex import Guarded, finditer_first, trie_pattern

_ZH_UNITS = (
    "个百分点 百分点 个工作日 工作日 个小时 个学时 个课时 个月 个季度 个星期 "
    "人次 户次 架次 车次 万元 亿元 千元 百元 美元 欧元 英镑 日元 港元 元 "
    "平方公里 平方千米 平方米 立方米 公顷 公里 千米 厘米 毫米 米 "
    "千克 公斤 万吨 吨 斤 克 千瓦时 千瓦 兆瓦 亩 "
    "户 人 名 位 个 项 次 场 条 家 辆 件 所 座 套 台 架 艘 部 本 册 篇 份 张 支 批 "
    "大类 类 种 级 期 轮 年 周 天 小时 分钟 秒 学时 课时 倍 岁 处 栋 间 棵 株 只 起 宗 例 "
    "层 道 根 块 节 门 组 周岁 周年 部分 方面 人口 "
    # Traditional forms of the measure words above that differ.
    "個百分點 百分點 個工作日 個小時 個學時 個月 個星期 萬元 億元 千元 美元 港元 "
    "平方公里 萬噸 噸 個 項 場 條 輛 張 隻 歲 週 週年 種 類 級 輪 間 宗 層 門 組 學時"
).split()
_ZH_UNITS.sort(key=len, reverse=True)
_UNIT_ALT = trie_pattern(_ZH_UNITS)  # longest unit first, one test per character

_CN_NUM = r"[一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千万亿萬億]*"
_AR_NUM = r"[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9]+)?"
_NUM = rf"(?:{_AR_NUM}|{_CN_NUM})"
_NOT_AFTER_CHARS = "第0-9０-９.．零〇一二两兩三四五六七八九十百千万亿萬億A-Za-z%"
# The first character is consumed before the lookbehind checks the one before it,
# so that the branch begins with a character set (fast scanning, see word_regex);
# Arabic and Chinese numerals share the branch, so the text is scanned once for both.
_NUMERAL = (
    rf"[0-9０-９一二两兩三四五六七八九十](?<![{_NOT_AFTER_CHARS}].)"
    r"(?:(?<=[0-9０-９])[0-9０-９]*(?:[,，][0-9]{3})*(?:[.．][0-9]+)?"
    r"|(?<=[一二两兩三四五六七八九十])[零〇一二两兩三四五六七八九十百千万亿萬億]*)"
)
_MAIN_REST = (
    rf"(?:(?P<sep>至|到|[-~～—－])(?P<num2>{_NUM}))?"
    r"(?P<approx>[多余])?(?P<mult>[万亿萬億]+)?(?P<approx2>[多余])?"
    rf"(?P<unit>{_UNIT_ALT})(?P<half>半)?"
    r"(?P<post>以上|以下|以内|左右|上下|多)?"
)
_MAIN, _HALF, _PERCENT_WORD = 0, 1, 2
ZH_QUANTITY: tuple[tuple[int, re.Pattern[str]], ...] = (
    # A numeral and a unit, else Arabic digits and a per cent sign (N%).
    (
        _MAIN,
        re.compile(
            rf"(?P<num>{_NUMERAL})(?:{_MAIN_REST}"
            # N% (not the %XX of a percent-encoded URL), and 左右/以上 after it.
            r"|(?<=[0-9０-９])(?P<pct>[%％‰])(?![0-9A-Fa-f]{2})(?P<ppost>左右|以上|以下|以内)?)"
        ),
    ),
    (
        _HALF,
        re.compile(
            r"(?P<hnum>半)(?<![一二三四五六七八九十大多过上下].)(?P<hunit>个小时|个月|小时|天|年|日|分钟)"
        ),
    ),
    (_PERCENT_WORD, re.compile(rf"百分之(?P<pnum>{_NUM}(?:点[零〇一二三四五六七八九]+)?)")),
)
"""The rule as the branches of one alternation, in order (see ``finditer_first``):
a numeral and a unit or N%, 半 and a time unit, 百分之N."""

_EN_UNITS = (
    "per cent|percent|percentage points|million|billion|trillion|thousand|"
    "kilometres|kilometers|km|miles|metres|meters|kilograms|kg|tonnes|tons|"
    "hectares|acres|square metres|square meters|"
    "years|months|weeks|days|hours|minutes|seconds|"
    "people|persons|employees|workers|students|members|households|times|cases|"
    "yuan|dollars|euros|pounds|US dollars"
)
EN_QUANTITY = Guarded(
    # A number or currency sign that starts a word (see word_regex.Guarded).
    r"[0-9$€£¥UR](?<![\w.$€£¥%].)",
    re.compile(
        r"(?<![\w.$€£¥%])(?P<cur>US\$|\$|€|£|¥|RMB ?)?"
        r"(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
        rf"(?:(?P<pct>{BLANK}?%)(?![0-9A-Fa-f]{{2}})|{BLANK}(?P<unit>" + _EN_UNITS + r")\b"
        rf"(?:{BLANK}(?P<unit2>yuan|dollars|euros|pounds|people|years|tonnes|tons)\b)?)?",
    ),
)

# A cell border (a Markdown table as shown, or a plain-text one), the figure, the next
# border or the line end; the border after it is left for the next cell.
TABLE_DECIMAL = re.compile(
    r"[│|][ \t]*(?P<num>[0-9]+\.[0-9]+)[ \t]*(?=[│|]|\r?\n|\Z)", re.MULTILINE
)

_ZH_CUES: tuple[tuple[str, str], ...] = (
    ("不少于", "at-least"),
    ("不低于", "at-least"),
    ("至少", "at-least"),
    ("最少", "at-least"),
    ("不超过", "at-most"),
    ("最多", "at-most"),
    ("至多", "at-most"),
    ("不到", "less-than"),
    ("不足", "less-than"),
    ("少于", "less-than"),
    ("低于", "less-than"),
    ("超过", "more-than"),
    ("多于", "more-than"),
    ("高于", "more-than"),
    ("逾", "more-than"),
    ("大约", "about"),
    ("约", "about"),
    ("将近", "about"),
    ("接近", "about"),
    ("近", "about"),
)
_ZH_CUE_RE = re.compile(
    "(?:" + "|".join(c for c, _ in _ZH_CUES) + r")(?:达到|达|有)?$",
)
_ZH_CUE_MAP = dict(_ZH_CUES)
_EN_CUE_RE = re.compile(
    r"(?i:(more than|over|at least|no less than|about|around|approximately|nearly|almost|"
    r"up to|no more than|less than|fewer than|under))\s$"
)
_EN_CUE_MAP = {
    "more than": "more-than",
    "over": "more-than",
    "at least": "at-least",
    "no less than": "at-least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "up to": "at-most",
    "no more than": "at-most",
    "less than": "less-than",
    "fewer than": "less-than",
    "under": "less-than",
}
_POST_QUALIFIER = {
    "以上": "more-than",
    "多": "more-than",
    "以下": "at-most",
    "以内": "at-most",
    "左右": "about",
    "上下": "about",
}
_EN_FOLLOW_RE = re.compile(r"\s?(?:of\s)?((?:[A-Za-z-]+\s?){1,3})")


class Quantity(NamedTuple):
    """One quantity found in the text (before it becomes a ``Fact``).

    A named tuple, not a frozen dataclass: a long report has tens of thousands and
    a tuple is built several times faster.
    """

    start: int
    end: int
    value: Number
    unit: str
    qualifier: str
    counted: str | None
    value_end: Number | None = None


def _zh_qualifier(text: str, start: int) -> tuple[str | None, int]:
    cue = _ZH_CUE_RE.search(text, max(0, start - 6), start)
    if cue is None:
        return None, start
    word = cue.group(0).removesuffix("达到").removesuffix("达").removesuffix("有")
    return _ZH_CUE_MAP[word], cue.start()


def find_zh_quantities(text: str) -> list[Quantity]:
    """All Chinese-style quantities (also % after Arabic digits) in ``text``.

    Args:
        text: The whole document text.

    Returns:
        Quantities in text order; the caller drops those inside dates or names.
    """
    return list(iter_zh_quantities(text))


def iter_zh_quantities(text: str) -> Iterator[Quantity]:
    """:func:`find_zh_quantities` one at a time, never all held at once.

    A 10 MB report has ~35,000 of them: as a list, ~11 MB of tuples held
    while the extractor runs.

    Args:
        text: The whole document text.
    """
    return _merged_ranges(text, _zh_found(text))


def _zh_found(text: str) -> Iterator[Quantity]:
    last_end = 0  # where the quantity before this one ends (what it counted stops there)
    kinds = [kind for kind, _ in ZH_QUANTITY]
    for branch, m in finditer_first([pattern for _, pattern in ZH_QUANTITY], text):
        start, end = m.span()
        kind = kinds[branch]
        if kind == _HALF:
            unit = m.group("hunit").removeprefix("个")
            value: Number | None = 0.5
            qualifier, cue_start = "exact", start
            end_value: Number | None = None
        elif kind == _PERCENT_WORD:
            raw = m.group("pnum")
            whole, _, frac = raw.partition("点")
            base = parse_number(whole)
            if base is None:
                continue
            value = tidy(float(f"{base}.{''.join(str(parse_number(c)) for c in frac)}"))
            unit, qualifier, cue_start, end_value = "%", "exact", start, None
        elif m.group("pct"):
            value = parse_number(m.group("num"))
            unit, cue_start, end_value = m.group("pct"), start, None
            unit = "%" if unit == "％" else unit
            qualifier = _POST_QUALIFIER.get(m.group("ppost") or "", "exact")
        else:
            num, num2, approx, mult, approx2, unit, half, post = m.group(
                "num", "num2", "approx", "mult", "approx2", "unit", "half", "post"
            )
            # 一 + measure word is an article (一场, 一次) unless a half or 多/万 follows.
            if num == "一" and not (approx or approx2 or mult or half or num2):
                continue
            mult = mult or ""
            value = parse_number(num + mult)
            if value is None:
                continue
            end_value = parse_number(num2 + mult) if num2 else None
            if len(unit) > 1:
                unit = unit.removeprefix("个").removeprefix("個")
            if half:
                value = tidy(value + 0.5)
            qualifier = "exact"
            if approx or approx2:
                qualifier = "more-than"
            if post:
                qualifier = _POST_QUALIFIER[post]
            cue, cue_start = _zh_qualifier(text, start)
            if cue and qualifier == "exact":
                qualifier = cue
            if end_value is not None:
                qualifier = "range"
        if value is None:
            continue
        counted = zh_counted(text, end, cue_start, unit, last_end)
        last_end = end
        yield Quantity(start, end, value, unit, qualifier, counted, end_value)


def _merged_ranges(text: str, found: Iterable[Quantity]) -> Iterator[Quantity]:
    """Join ``3年至5年`` (two quantities with one unit around 至/到/-) into one range."""
    prev: Quantity | None = None
    for q in found:
        if (
            prev is not None
            and prev.unit == q.unit
            and prev.value_end is None
            and text[prev.end : q.start] in ("至", "到", "-", "～", "~", "—", "－")
        ):
            prev = Quantity(prev.start, q.end, prev.value, q.unit, "range", q.counted, q.value)
        else:
            if prev is not None:
                yield prev
            prev = q
    if prev is not None:
        yield prev


def find_en_quantities(text: str) -> list[Quantity]:
    """English-style quantities: percentages, money and numbers with a unit word.

    Args:
        text: The whole document text.

    Returns:
        Quantities in text order. A bare number with no unit or currency is skipped
        (section numbers, years and codes are not quantities).
    """
    found: list[Quantity] = []
    for m in EN_QUANTITY.finditer(text):
        cur, pct, unit, unit2 = m.group("cur"), m.group("pct"), m.group("unit"), m.group("unit2")
        if not (cur or pct or unit):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        label = "%"
        if unit:
            low = unit.lower()
            scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
            if low in scale:
                value = tidy(value * scale[low])
                label = unit2 or (cur.strip() if cur else "")
            elif low in ("per cent", "percent"):
                label = "%"
            else:
                label = unit + (" " + unit2 if unit2 else "")
        elif not pct:
            label = ""
        if cur and label != cur.strip():
            label = (cur.strip() + " " + label).strip() if label and label != "%" else cur.strip()
        qualifier = "exact"
        cue = _EN_CUE_RE.search(text, max(0, m.start() - 16), m.start())
        if cue:
            qualifier = _EN_CUE_MAP[cue.group(1).lower()]
        follow = _EN_FOLLOW_RE.match(text, m.end())
        counted = follow.group(1).strip() if follow and not unit2 else None
        found.append(Quantity(m.start(), m.end(), value, label, qualifier, counted or None))
    if "│" in text or "|" in text:
        found += _table_decimals(text)
        found.sort(key=lambda q: q.start)
    return found


def _table_decimals(text: str) -> list[Quantity]:
    """Decimal figures alone in a table cell (see the module docstring)."""
    out: list[Quantity] = []
    for m in TABLE_DECIMAL.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            out.append(Quantity(*m.span("num"), value, "", "exact", None))
    return out
