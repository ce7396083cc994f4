"""Dates: absolute calendar expressions, Chinese and English, normalized to ISO.

Values:

* a day ``"2014-07-22"``, a month ``"2014-07"``, a year ``"2014"``;
* a datetime ``"2014-07-22T08:52"``;
* a range ``"2014-06-13/2014-06-14"`` (ISO 8601 interval) or ``"2019/2021"``
  (also ``2013-2026``);
* an RFC 3339 timestamp keeps its fraction and zone: ``"1985-04-12T23:20:50.52Z"``;
* a time of day in words is ``HH:MM`` on a 12-hour clock (``half-past one`` is
  ``"01:30"``, ``quarter to three`` ``"02:45"``);
* an English year alone is a date after a temporal cue (in, since, by, until,
  during ...) or in a citation's brackets (``(1799)``), not before a plural noun
  (``in 2000 homes``);
* a year written with an apostrophe (``the year '84``, ``since ’98``) after the same
  cues leaves its century unspecified, as ISO 8601-2 does: ``"XX84"``; after "the
  year" the phrase is the surface (the apostrophe alone does not make a year);
* a weekday (星期五, Friday) is its own date with the English weekday name as value.

Year inference for year-less dates (6月13日): the year of ``meta.published``;
without it, the latest full date in the first lines of the text that is not a
page-capture date (a line starting 今天是/Today is); without that, the year is
left out and the value uses the ISO 8601 truncated form ``"--06-13"``. A
year-less date more than six months after the publication date is taken to be
in the year before (a January summary of "12月5日").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reader.model.facts.numerals import parse_number
from reader.model.facts.places import has_han
from reader.model.facts.word_regex import Anchored, Guarded, trie_pattern

_Y = r"(?:1[0-9]{3}|20[0-9]{2}|[一二][〇零○一二三四五六七八九]{3})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])"
_SEP = r"(?:至|到|~|～|-|－|—)"
_NOT_DIGIT_BEFORE = r"(?<![0-9０-９])"
_NOT_DIGIT_AFTER = r"(?![0-9０-９])"

# The guards (see ``word_regex.Guarded``) find where a date can start fast: a
# numeral with 年/月 at most three characters on; four digits and a separator.
_CN_DIGIT = "0-9〇零○一二三四五六七八九十"
ZH_DATE = Guarded(
    rf"[0-9一二三四五六七八九十](?=[{_CN_DIGIT}]{{0,3}}[年月])",
    re.compile(
        _NOT_DIGIT_BEFORE
        + rf"(?=(?:{_Y})年|(?:{_M})月)"
        + rf"(?:(?P<y>{_Y})年)?(?:(?P<m>{_M})月)?(?:(?P<d>{_D})[日号])?"
        + rf"(?:{_SEP}(?:(?P<y2>{_Y})年)?(?:(?P<m2>{_M})月)?(?:(?P<d2>{_D})[日号])?)?"
    ),
)
NUMERIC_DATE = Guarded(
    r"[12](?=[0-9]{3}[-/.])",
    re.compile(
        _NOT_DIGIT_BEFORE
        + r"(?P<y>1[0-9]{3}|20[0-9]{2})(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])"
        + r"(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])"
        + r"(?:(?:T|\s+)(?P<hh>[01]?[0-9]|2[0-3]):(?P<mm>[0-5][0-9])(?::(?P<ss>[0-5][0-9])"
        # An RFC 3339 timestamp's fraction of a second and time zone.
        + r"(?P<frac>\.[0-9]+)?)?(?P<zone>Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?"
        + _NOT_DIGIT_AFTER
    ),
)
ZH_WEEKDAY = re.compile(r"(?:星期|礼拜)(?P<w>[一二三四五六日天])")

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
EN_DATE = Guarded(
    # One class first (an alternation of classes would hide it from the fast scan):
    # a day number before a capitalised word, or a month's initial starting a word.
    r"[0-9JFMASOND](?:(?<=[0-9])(?=[0-9]?(?:st|nd|rd|th)?\s+[A-Z])"
    r"|(?<=[JFMASOND])(?<![0-9A-Za-z_].))",
    re.compile(
        rf"\b(?:(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<mo1>{_MONTH_ALT})\.?,?\s+"
        rf"(?P<y1>[12][0-9]{{3}})"
        rf"|(?P<mo2>{_MONTH_ALT})\.?\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y2>[12][0-9]{{3}}))?"
        rf"|(?P<mo3>{_MONTH_ALT})\.?,?\s+(?P<y3>[12][0-9]{{3}}))\b"
    ),
)
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_WEEKDAY = Anchored(
    # Found by "day" (a literal): the initials' pairs (Th, Mo, Sa) start common words.
    r"day\b",
    re.compile(r"\b(?:" + "|".join(_EN_WEEKDAYS) + r")\b"),
    before=8,
    after=2,
)
_ZH_WEEKDAY_NAMES = {
    "一": "Monday",
    "二": "Tuesday",
    "三": "Wednesday",
    "四": "Thursday",
    "五": "Friday",
    "六": "Saturday",
    "日": "Sunday",
    "天": "Sunday",
}
_CAPTURE_LINE = re.compile(r"^\s*(?:今天是|今日|今天|Today is|Retrieved|Accessed|Captured)", re.I)
_PUBLISH_CUE = re.compile(r"发布|发表|来源|日期|时间|Published|Posted|Date", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date found in the text."""

    start: int
    end: int
    value: str
    """ISO value (see the module docstring)."""
    label: str | None = None
    """The date a weekday belongs to, when written right after it."""


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    value = parse_number(text)
    return int(value) if isinstance(value, int) else None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO text for a (possibly partial) date, or ``None`` when it is not a real date."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        try:
            date(year if year is not None else 2000, month, day)  # 2000 is a leap year
        except ValueError:
            return None
        return (
            f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"
        )
    if month is not None:
        return f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"
    if year is not None:
        return f"{year:04d}"
    return None


def infer_year(text: str, published: date | None) -> int | None:
    """The year to give year-less dates (see the module docstring)."""
    if published is not None:
        return published.year
    head = text[:2000].split("\n")[:8]
    best: tuple[int, date] | None = None
    for line in head:
        if _CAPTURE_LINE.match(line):
            continue
        rank = 1 if _PUBLISH_CUE.search(line) else 0
        for found in _full_dates(line):
            if best is None or (rank, found) > best:
                best = (rank, found)
    return best[1].year if best else None


def _full_dates(line: str) -> list[date]:
    out: list[date] = []
    for m in ZH_DATE.finditer(line):
        y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        if y and mo and d and _iso(y, mo, d):
            out.append(date(y, mo, d))
    for m in NUMERIC_DATE.finditer(line):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _iso(y, mo, d):
            out.append(date(y, mo, d))
    return out


def _with_year(month: int, day: int | None, year: int | None, published: date | None) -> int | None:
    """Year for a year-less month/day: a date well after publication is last year's."""
    if year is None or published is None:
        return year
    probe = date(year, month, min(day or 1, 28))
    return year - 1 if (probe - published).days > 183 else year


def find_dates(text: str, published: date | None, *, english: bool = True) -> list[DateMention]:
    """All absolute dates in ``text``.

    Args:
        text: The whole document text.
        published: The publication date, when known (for year-less dates).
        english: ``False`` skips English months and weekdays (for a text with no
            capital A-Z, where they cannot match).

    Returns:
        Date mentions, not necessarily in text order; overlaps resolved by the caller.
    """
    year = infer_year(text, published)
    out: list[DateMention] = []
    numeric_spans: list[tuple[int, int]] = []
    for m in NUMERIC_DATE.finditer(text):
        iso = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if iso is None:
            continue
        if m.group("hh") is not None:
            iso += f"T{int(m.group('hh')):02d}:{m.group('mm')}"
            if m.group("ss"):
                iso += f":{m.group('ss')}{m.group('frac') or ''}"
            iso += m.group("zone") or ""
        out.append(DateMention(m.start(), m.end(), iso))
        numeric_spans.append(m.span())
    chinese = has_han(text)
    for m in ZH_DATE.finditer(text) if chinese else ():
        if m.end() == m.start():
            continue
        found = _zh_date(m, year, published)
        if found is not None:
            out.append(found)
    out.extend(_weekdays(text, out, english, chinese))
    out.extend(_year_ranges(text))
    if english:
        out.extend(_en_dates(text, year, published))
        out.extend(_bare_years(text))
        out.extend(_short_years(text))
        out.extend(_clock_times(text))
    return out


YEAR_RANGE = Guarded(
    r"[12](?=[0-9]{3}[-–][12][0-9]{3})",
    re.compile(
        r"(?<![0-9\-.])(?P<a>1[0-9]{3}|20[0-9]{2})[-–](?P<b>1[0-9]{3}|20[0-9]{2})(?![0-9\-])"
    ),
)
_YEAR_CUES = "in since until till by before after from during circa".split()
_YEAR_CUES += [c.capitalize() for c in _YEAR_CUES] + ["c.", "the year"]
# Found by the year's digits (rarer than the cue words), the cue read backwards.
BARE_YEAR = Guarded(
    r"[12](?=[0-9]{3})",
    re.compile(r"(?<![0-9])(?P<y>1[0-9]{3}|20[0-9]{2})(?![0-9]|\s+[a-z]+s\b|\s*%)"),
)
_YEAR_CUE_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?:{trie_pattern(_YEAR_CUES)})\s+|\()$")


# Found by the apostrophe (rare), the cue read backwards; not a quoted '84' or '84th.
SHORT_YEAR = re.compile(r"['’](?P<y>[0-9]{2})(?![0-9'’A-Za-z])")
_SHORT_CUE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:(?P<year>[Tt]he[ \t]+year)|[Ii]n|[Ss]ince|[Oo]f|[Bb]y|[Uu]ntil)[ \t]+$"
)
_PLURAL_AFTER = re.compile(r"[ \t]+[a-z]+s\b")


def _short_years(text: str) -> list[DateMention]:
    """``the year '84`` (the phrase), ``since '98`` (the year): century unspecified."""
    out = []
    for m in SHORT_YEAR.finditer(text):
        cue = _SHORT_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if cue is None or _PLURAL_AFTER.match(text, m.end()):
            continue
        start = cue.start("year") if cue.group("year") else m.start()
        out.append(DateMention(start, m.end(), "XX" + m.group("y")))
    return out


def _year_ranges(text: str) -> list[DateMention]:
    """``2013-2026``: two years, the second later, joined by a hyphen or en dash."""
    return [
        DateMention(m.start(), m.end(), f"{m.group('a')}/{m.group('b')}")
        for m in YEAR_RANGE.finditer(text)
        if int(m.group("b")) > int(m.group("a"))
    ]


def _bare_years(text: str) -> list[DateMention]:
    """A year alone after in/since/by/... or in brackets; not ``in 2000 homes``."""
    out = []
    for m in BARE_YEAR.finditer(text):
        cue = _YEAR_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if cue is None:
            continue  # no cue, or "within 1990"
        if cue.group().startswith("(") and not text.startswith(")", m.end()):
            continue  # "(2000 homes" or "(1999-2001)": not a citation year
        out.append(DateMention(m.start(), m.end(), m.group("y")))
    return out


def _zh_date(m: re.Match[str], year: int | None, published: date | None) -> DateMention | None:
    y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
    if y is None and mo is None:
        return None  # a bare 13日 is too vague to place
    if y is not None and mo is None and d is not None:
        return None
    if y is None and mo is not None:
        y = _with_year(mo, d, year, published)
    first = _iso(y, mo, d)
    if first is None:
        return None
    end = m.end()
    y2, mo2, d2 = _num(m.group("y2")), _num(m.group("m2")), _num(m.group("d2"))
    if y2 is None and mo2 is None and d2 is None:
        # The separator group matched nothing useful: end before it.
        end = _first_part_end(m)
        return DateMention(m.start(), end, first)
    # The second half inherits what it leaves out: 6月13日至14日, 2019年至2021年.
    if y2 is None and (mo2 is not None or d2 is not None):
        y2 = y
    if mo2 is None and d2 is not None:
        mo2 = mo
    if (mo is None) != (mo2 is None) or (d is None) != (d2 is None):
        return DateMention(m.start(), _first_part_end(m), first)
    second = _iso(y2, mo2, d2)
    if second is None:
        return DateMention(m.start(), _first_part_end(m), first)
    return DateMention(m.start(), end, f"{first}/{second}")


def _first_part_end(m: re.Match[str]) -> int:
    for group in ("d", "m", "y"):
        if m.group(group) is not None:
            return m.end(group) + 1
    return m.end()


def _weekdays(
    text: str, dates: list[DateMention], english: bool = True, chinese: bool = True
) -> list[DateMention]:
    ends = {d.end: d.value for d in dates}
    out: list[DateMention] = []
    for m in ZH_WEEKDAY.finditer(text) if chinese else ():
        owner = _owner(text, m.start(), ends)
        out.append(DateMention(m.start(), m.end(), _ZH_WEEKDAY_NAMES[m.group("w")], owner))
    for m in EN_WEEKDAY.finditer(text) if english else ():
        owner = _owner(text, m.start(), ends)
        out.append(DateMention(m.start(), m.end(), m.group(0), owner))
    return out


def _owner(text: str, start: int, ends: dict[int, str]) -> str | None:
    """The date written right before a weekday (``2025年07月04日 星期五``), if any."""
    gap = start
    while gap > 0 and text[gap - 1] in " 　,，(（":
        gap -= 1
    return ends.get(gap)


def _en_dates(text: str, year: int | None, published: date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for m in EN_DATE.finditer(text):
        y: int | None
        d: int | None
        if m.group("mo1"):
            y, mo, d = int(m.group("y1")), _MONTHS[m.group("mo1")], int(m.group("d1"))
        elif m.group("mo2"):
            mo, d = _MONTHS[m.group("mo2")], int(m.group("d2"))
            y_raw = m.group("y2")
            y = int(y_raw) if y_raw else _with_year(mo, d, year, published)
            if m.group("mo2") == "May" and not y_raw:
                continue  # "May 3" without a year is too often the verb
        else:
            y, mo, d = int(m.group("y3")), _MONTHS[m.group("mo3")], None
        iso = _iso(y, mo, d)
        if iso is not None:
            out.append(DateMention(m.start(), m.end(), iso))
    return out


_HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15, "five": 5, "ten": 10, "twenty": 20}
_MINUTES["twenty-five"] = 25
_HOUR_ALT = "|".join(sorted(_HOURS, key=len, reverse=True))
_CLOCK_PHRASES = [
    f"{minute}{sep}{rel}{sep2}{hour}"
    for minute in _MINUTES
    for rel in ("past", "to")
    for sep in (" ", "-")
    for sep2 in (" ", "-")
    for hour in _HOURS
] + [f"{hour} o{mark}clock" for hour in _HOURS for mark in "'’"]
# Every phrase spelled out (both cases of the first letter): the pattern begins with
# literals, so the scan is fast.
CLOCK_TIME = Anchored(
    # Found by "past/to + hour" or "o'clock" (the phrases begin with common letters).
    (
        rf"past[- ](?:{_HOUR_ALT})(?![a-z])",
        rf"to[- ](?:{_HOUR_ALT})(?![a-z])",
        "o['’]clock",
    ),
    re.compile(
        trie_pattern(_CLOCK_PHRASES + [p[0].upper() + p[1:] for p in _CLOCK_PHRASES]) + "(?![a-z])"
    ),
    before=24,
    after=8,
)
_CLOCK_PARTS = re.compile(
    rf"(?P<min>{'|'.join(sorted(_MINUTES, key=len, reverse=True))})[- ](?P<rel>past|to)[- ]"
    rf"(?P<hour>{_HOUR_ALT})|(?P<hour2>{_HOUR_ALT}) o",
    re.IGNORECASE,
)


def _clock_times(text: str) -> list[DateMention]:
    """A time of day in words: ``half-past one`` (01:30, a 12-hour clock), ``quarter to
    three`` (02:45), ``five o'clock`` (05:00); the value is ``HH:MM``."""
    out: list[DateMention] = []
    for found in CLOCK_TIME.finditer(text):
        m = _CLOCK_PARTS.match(found.group())
        if m is None or (found.start() > 0 and text[found.start() - 1].isalpha()):
            continue
        if m.group("hour2"):
            hour, minute = _HOURS.index(m.group("hour2").lower()) + 1, 0
        else:
            hour = _HOURS.index(m.group("hour").lower()) + 1
            minute = _MINUTES[m.group("min").lower()]
            if m.group("rel").lower() == "to":
                hour, minute = (hour - 2) % 12 + 1, 60 - minute
        out.append(DateMention(found.start(), found.end(), f"{hour:02d}:{minute:02d}"))
    return out
