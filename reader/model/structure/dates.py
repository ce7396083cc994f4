"""Dates and times written in a line: 2025年3月5日 10:30, 2025-03-05, March 5, 2025, 5 Mar 2025.

Position unit: character offsets into the text handed in.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from reader.model.document import Span

_WS = " \t\u3000\xa0"
_DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:[ \t\u3000\xa0T]*(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1
    )
}
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_EN_DATE_RE = re.compile(
    rf"(?:{_MONTH}\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\s+"
    rf"{_MONTH.replace('mon', 'mon2')}\s+(?P<y2>\d{{4}}))"
    r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
)


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _weekday_re() -> re.Pattern[str]:
    return re.compile(
        r"\s*(?:星期[一二三四五六日天]|周[一二三四五六日]|礼拜[一二三四五六日天]|"
        r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)?\s*"
    )


def find_date(text: str, pos: int = 0, endpos: int | None = None) -> tuple[datetime, Span] | None:
    """The first date (with optional time) in ``text[pos:endpos]``.

    Args:
        text: Where to look.
        pos: Where to start.
        endpos: Where to stop (default: the end).

    Returns:
        The datetime and its span, or ``None``.
    """
    end = len(text) if endpos is None else endpos
    best: tuple[datetime, Span] | None = None
    for match in _DATE_RE.finditer(text, pos, end):
        value = _make_datetime(
            match["y"], match["m"], match["d"], match["H"], match["M"], match["S"], None
        )
        if value is not None:
            best = (value, (match.start(), _rstrip_end(text, match.start(), match.end())))
            break
    for match in _EN_DATE_RE.finditer(text, pos, end):
        if best is not None and match.start() >= best[1][0]:
            break
        mon = match["mon"] or match["mon2"]
        value = _make_datetime(
            match["y1"] or match["y2"],
            str(_MONTHS[mon[:3].lower()]),
            match["d1"] or match["d2"],
            match["H"],
            match["M"],
            None,
            match["ampm"],
        )
        if value is not None:
            return value, (match.start(), _rstrip_end(text, match.start(), match.end()))
    return best


def is_only_date(text: str) -> bool:
    found = find_date(text)
    if found is None:
        return False
    a, b = found[1]
    rest = text[:a] + " " + text[b:]
    return _weekday_re().fullmatch(rest) is not None


def _rstrip_end(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in _WS:
        b -= 1
    return b


def _make_datetime(
    year: str | None,
    month: str | None,
    day: str | None,
    hour: str | None,
    minute: str | None,
    second: str | None,
    ampm: str | None,
) -> datetime | None:
    if year is None or month is None or day is None:
        return None
    h = int(hour) if hour else 0
    if ampm and ampm[0] in "Pp" and h < 12:
        h += 12
    elif ampm and ampm[0] in "Aa" and h == 12:
        h = 0
    try:
        return datetime(int(year), int(month), int(day), h, int(minute or 0), int(second or 0))
    except ValueError:
        return None
