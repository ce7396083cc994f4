"""Chinese organisations, places and people that the anchored rules miss.

Organisations:
* a session or term before (or a meeting after) an organisation belongs to it:
  第十九届中央委员会, 中国共产党第二十次全国代表大会, 第十四届全国人民代表大会第二次会议;
* a stem of 3-6 characters and a distinctive suffix of two or more characters,
  right after a boundary (line start, space, punctuation), in either script:
  申訴專員公署, 衞生防護中心, 欧洲清洁能源银行; not when the stem starts with a
  kind of place or service (社区服务中心, 便民服务中心 are generic bodies);
* institutions named by their type alone: 人民法院, 人民检察院, 村民委员会 ...;
* a bank by its three-character short name (two characters and 行) right after
  a verb of founding or joining, ending the clause: 发起创办亚开行，加入金砖行；
  not 创办银行 (a kind), not 同时履行 (no such verb).

Places:
* a run of province abbreviations before 协同/地区/一体化 ...: 京津冀, 苏浙沪;
* a stem with a province abbreviation and a kind of region: 成渝地区双城经济圈,
  粤港澳大湾区;
* an airport or station after a known place: 郑州新郑国际机场;
* a disaster named after its place, province first: 甘肃积石山(6.2级)地震 gives
  甘肃积石山 (a county-level stem, 2-4 characters, that names no direction, area
  or event word: not 四川南部地震, 云南发生地震, 四川大地震);
* the two ends of a rail service: a line's section ``X綫A至B站`` and ``往返A站及B站``
  give A and B (2-3 characters, not a kind of station: 往返火车站及汽车站 gives none).

People:
* a line of its own holding only a 2-3 character name with a common surname,
  near the top of the text (the author line under a speech's title): 习近平.
"""

from __future__ import annotations

import re

from reader.model.facts.gazetteer import BAIJIAXING, COMPOUND_SURNAMES, KNOWN_PLACES, PROVINCES
from reader.model.facts.places import HAN, STEM_CHAR, STEM_EXCLUDED, has_han
from reader.model.facts.word_regex import Guarded, bigram_guard, trie_pattern

Span = tuple[int, int]

_ORDINAL = r"第[零〇一二两三四五六七八九十百0-9]+[届屆次]"
_SESSION_BEFORE = re.compile(rf"{_ORDINAL}$")
_MEETING_AFTER = re.compile(r"第[零〇一二两三四五六七八九十百0-9]+次(?:全体|全體)?(?:会议|會議)")

_DISTINCT_SUFFIXES = (
    "委员会|委員會|协会|協會|学会|學會|集团|集團|银行|銀行|公署|中心|研究院|研究所|研究室|"
    "基金会|基金會|联合会|聯合會|管理局|检察院|檢察院|法院|大学|大學|学院|學院|医院|醫院"
)
_BOUNDARY = r"\s，。、；：！？,.;:!?（）()「」『』“”#*"
# Guarded by the suffix's first character with a boundary 3-6 characters before it;
# the stem starts right after that boundary.
# A body named after a kind of place or service is generic (社区服务中心, 便民服务中心,
# 乡镇卫生院): an institution type, not one organisation.
_GENERIC_FIRST = (
    "社区|社區|小区|小區|农村|農村|城市|乡镇|鄉鎮|街道|基层|基層|党群|黨群|综合|綜合|便民|服务|服務|"
    "各级|各級|各类|各類|相关|相關|有关|有關|地方|当地|當地"
)
_AFTER_BOUNDARY = "|".join(rf"(?<=[{_BOUNDARY}][{HAN}]{{{n}}}.)" for n in range(3, 7))
DISTINCT_ORG = Guarded(
    bigram_guard(_DISTINCT_SUFFIXES.split("|")) + f"(?:{_AFTER_BOUNDARY})",
    re.compile(
        rf"(?:(?<=[{_BOUNDARY}])|\A)(?!{_GENERIC_FIRST}){STEM_CHAR}{{3,6}}?(?:{_DISTINCT_SUFFIXES})"
        r"(?![城区點点线線委员員长長])"
    ),
    back=3,
    shift=-3,
    text_start=True,
)
INSTITUTIONS = re.compile(
    trie_pattern(
        "最高人民法院 最高人民检察院 最高人民檢察院 人民法院 人民检察院 人民檢察院 "
        "村民委员会 居民委员会 村民委員會 居民委員會".split()
    )
)
_PROVINCE_ABBREVIATIONS = (
    "京津沪滬渝冀晋晉辽遼吉黑苏蘇浙皖闽閩赣贛鲁魯豫鄂湘粤粵琼瓊川蜀黔滇陕陝甘陇隴青蒙桂藏宁寧港澳台"
)
REGION = re.compile(
    rf"[{_PROVINCE_ABBREVIATIONS}](?<![{_PROVINCE_ABBREVIATIONS}].)[{_PROVINCE_ABBREVIATIONS}]{{1,4}}"
    r"(?=协同|協同|地区|地區|一体化|一體化|区域|區域|城市群|经济圈|經濟圈|两地|兩地|三地|四地)"
)
# A kind of region after the abbreviations of its places: 成渝地区双城经济圈 (two
# characters, one a province's), 京津冀城市群, 粤港澳大湾区 (three, all of them).
_ZONE_KINDS = "经济圈 經濟圈 城市群 经济带 經濟帶 大湾区 大灣區 都市圈".split()
ZONE = re.compile(
    # Every form spelled out, so that the pattern begins with literals (a fast scan).
    trie_pattern(
        area + pair + kind
        for area in ("", "地区", "地區")
        for pair in ("", "双城", "雙城")
        for kind in _ZONE_KINDS
    )
)
FACILITY = re.compile("机场|機場|火车站|火車站|高铁站|高鐵站")
_PLACE_BEFORE_FACILITY = re.compile(
    rf"(?:{trie_pattern(KNOWN_PLACES)})(?:市|省)?{STEM_CHAR}{{0,6}}$"
)
# Found by the disaster word (rare), the province and stem read backwards.
DISASTER = re.compile("地震|洪灾|洪災|泥石流|山体滑坡|山體滑坡|森林火灾|森林火災")
_PLACE_BEFORE_DISASTER = re.compile(
    rf"(?:{trie_pattern(PROVINCES)})[省]?(?P<stem>{STEM_CHAR}{{2,4}}?)"
    r"(?:[0-9０-９.．]+[级級])?(?:特大|强烈|強烈)?$"
)
_NOT_PLACE_STEMS = frozenset(
    "地区 地區 境内 境內 发生 發生 遭遇 一带 一帶 多地 部分 全省 南部 北部 东部 東部 西部 中部 "
    "东南 東南 西南 东北 東北 西北 沿海 山区 山區 农村 農村 特大 强烈 強烈 突发 突發 今年 去年 "
    "近日 昨日 今日 上月 本月 此次 本次 这次 那次 历史 歷史".split()
)
# Two patterns, not one alternation: a class and a literal as first items would
# hide the set of first characters from the fast scan (see word_regex).
_SECTIONS = (
    re.compile(rf"[綫线線](?P<a>{STEM_CHAR}{{2,3}}?)至(?P<b>{STEM_CHAR}{{2,3}}?)站"),
    re.compile(rf"往返(?P<a>{STEM_CHAR}{{2,3}}?)站(?:及|和|与|與|、)(?P<b>{STEM_CHAR}{{2,3}}?)站"),
)
_STATION_KINDS = frozenset(
    "火车 火車 高铁 高鐵 汽车 汽車 巴士 公交 地铁 地鐵 客运 客運 终点 終點 起点 起點 总 總 "
    "首 末 下一 上一 各 车 車 轮渡 輪渡 码头 碼頭".split()
)
_FOUNDING = "创办|創辦|创建|創建|创立|創立|筹建|籌建|成立|发起|發起|加入|入股"
_BANK_SHORT = re.compile(rf"(?:{_FOUNDING})(?P<bank>{STEM_CHAR}{{2}}行)(?=[，。、；,;）)\s])")
_NOT_BANK_STEMS = frozenset("银 銀 同 自 进 進 执 執 履 运 運 发 發 施 实 實 银行 銀行".split())
_NAME_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<name>(?:{COMPOUND_SURNAMES})[{HAN}]{{1,2}}|[{BAIJIAXING}][{HAN}]{{1,2}})"
    r"[ \t\u3000]*\r?$",
    re.MULTILINE,
)
_EXCLUDED = re.compile(f"[{STEM_EXCLUDED}]")
_HAN_PAIR = re.compile(f"[{HAN}]{{2}}")
AUTHOR_WINDOW = 2000
"""How far from the top a lone name line is read as the author."""


def find_zh_extra_orgs(text: str, orgs: list[Span]) -> list[Span]:
    """Organisations beyond ``orgs`` (see the module docstring), possibly overlapping.

    Args:
        text: The whole document text.
        orgs: Organisation spans found by the anchored rules.
    """
    if not has_han(text):
        return []
    found = [m.span() for m in DISTINCT_ORG.finditer(text)]
    found += [m.span() for m in INSTITUTIONS.finditer(text)]
    for m in _BANK_SHORT.finditer(text):
        bank = m.group("bank")
        if bank[:2] not in _NOT_BANK_STEMS and bank[1] not in _NOT_BANK_STEMS:
            found.append(m.span("bank"))
    starts_by_end: dict[int, int] = {}
    for start, end in orgs + found:
        starts_by_end[end] = min(start, starts_by_end.get(end, start))
    out = list(found)
    for start, end in orgs + found:
        new_start, new_end = start, end
        session = _SESSION_BEFORE.search(text, max(0, start - 8), start)
        if session is not None:
            new_start = starts_by_end.get(session.start(), session.start())
        # The meeting may follow the span, or the span may already hold its start
        # (第二次会 read as stem + 会).
        meeting = _MEETING_AFTER.search(text, max(start, end - 6), end + 12)
        if meeting is not None and meeting.start() <= end < meeting.end():
            new_end = meeting.end()
        if (new_start, new_end) != (start, end):
            out.append((new_start, new_end))
    return out


def find_zh_extra_places(text: str) -> list[Span]:
    """Regions of province abbreviations and airports or stations (module docstring)."""
    if not has_han(text):
        return []
    out = [m.span() for m in REGION.finditer(text)]
    abbreviations = set(_PROVINCE_ABBREVIATIONS)
    for m in ZONE.finditer(text):
        start = m.start()
        three, two = text[max(0, start - 3) : start], text[max(0, start - 2) : start]
        if len(three) == 3 and all(c in abbreviations for c in three):
            out.append((start - 3, m.end()))
        elif (
            len(two) == 2
            and any(c in abbreviations for c in two)
            and _HAN_PAIR.fullmatch(two)
            and not _EXCLUDED.search(two)
        ):
            out.append((start - 2, m.end()))
    for m in FACILITY.finditer(text):
        # The facility names a place when a known place starts its name (郑州新郑国际机场).
        window = max(0, m.start() - 10)
        place = _PLACE_BEFORE_FACILITY.search(text, window, m.start())
        if place is not None:
            out.append((place.start(), m.end()))
    for m in (m for section in _SECTIONS for m in section.finditer(text)):
        # Both ends must be names: a kind of station at either end (终点站) or a
        # numeral (一直) means the frame is not a named section.
        if not (_not_station_name(m.group("a")) or _not_station_name(m.group("b"))):
            out.extend((m.span("a"), m.span("b")))
    for m in DISASTER.finditer(text):
        place = _PLACE_BEFORE_DISASTER.search(text, max(0, m.start() - 14), m.start())
        if place is None:
            continue
        stem = place.group("stem")
        if stem in _NOT_PLACE_STEMS or stem[-1] in "大强強特" or stem[:2] in _NOT_PLACE_STEMS:
            continue
        out.append((place.start(), place.end("stem")))
    return out


def _not_station_name(stem: str) -> bool:
    first = stem[:1]
    return stem in _STATION_KINDS or first in _STATION_KINDS or first in "一二三四五六七八九十"


def find_author_lines(text: str) -> list[Span]:
    """Name spans of lone 2-3 character name lines near the top of the text."""
    head = text[:AUTHOR_WINDOW]
    if not has_han(head):
        return []
    return [m.span("name") for m in _NAME_LINE.finditer(head)]
