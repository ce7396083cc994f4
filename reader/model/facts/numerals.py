"""Numeral parsing: Arabic and Chinese numerals to Python numbers.

Handles Arabic digits with thousands separators and decimals (``1,200``,
``1.2``), full-width digits, Chinese numerals (``十二``, ``三百零五``,
``两``, ``〇``/``零``), digit-by-digit Chinese years (``二〇一四``), the
large multipliers 万 and 亿 after either form (``1.2万``, ``三千万``) and
the half 半 (``半`` -> 0.5). Values are ``int`` when integral.
"""

from __future__ import annotations

import re
from functools import lru_cache

Number = int | float

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

BLANK = r"[^\S\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]"
"""A blank between the words of one fact: whitespace inside a line, never a line
break or a separator control (``5\\n%`` on two lines is not a percentage)."""

CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"
"""Every character that may appear in a Chinese numeral (Simplified; see ``TRADITIONAL``)."""

TRADITIONAL = str.maketrans("萬億兩", "万亿两")
"""Traditional numeral characters to their Simplified forms (the values are the same)."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC = re.compile(r"^[0-9][0-9,]*(?:\.[0-9]+)?$")


def tidy(value: float) -> Number:
    """Return ``value`` as an ``int`` when it is integral, else as a rounded float.

    Args:
        value: Any finite number.

    Returns:
        ``12000`` rather than ``12000.0``; floats rounded to 10 places so that
        ``1.2 * 10000`` reads as ``12000``.
    """
    # Twelve significant digits first: 4.06 x 10^12 is 4059999999999.9995 in binary.
    rounded = round(float(f"{value:.12g}"), 10)
    if rounded == int(rounded):
        return int(rounded)
    return rounded


def parse_arabic(text: str) -> Number | None:
    """Parse Arabic digits (ASCII or full-width), with ``,`` separators and decimals.

    Args:
        text: e.g. ``"1,200"``, ``"12.5"``, ``"２０１４"``.

    Returns:
        The number, or ``None`` when ``text`` is not an Arabic numeral.
    """
    plain = text.translate(_FULLWIDTH)
    if not _ARABIC.match(plain):
        return None
    return tidy(float(plain.replace(",", "")))


def _parse_cn_below_10000(text: str) -> int | None:
    """Parse a Chinese numeral without 万/亿 (``三千零五``, ``十二``, ``两百``)."""
    if not text:
        return 0
    total = 0
    digit: int | None = None
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        elif char in CN_SMALL_UNITS:
            # A bare 十 at the start means 10 (十二 = 12).
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[char]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    return total


def parse_chinese(text: str) -> Number | None:
    """Parse a Chinese numeral, including 万/亿 groups and digit-by-digit forms.

    Args:
        text: e.g. ``"十二"``, ``"一百零五"``, ``"三千万"``, ``"二〇一四"``, ``"半"``.

    Returns:
        The number, or ``None`` when ``text`` is not a Chinese numeral.
    """
    if not text:
        return None
    text = text.translate(TRADITIONAL)
    if text == "半":
        return 0.5
    if any(c in CN_SMALL_UNITS or c in CN_BIG_UNITS for c in text):
        return _parse_cn_grouped(text)
    if all(c in CN_DIGITS for c in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        # 二〇一四: read digit by digit (years, codes).
        return int("".join(str(CN_DIGITS[c]) for c in text))
    return None


def _parse_cn_grouped(text: str) -> int | None:
    # Split at the last big unit: what comes before it is a numeral of its own, so
    # 一百一十四万亿 is (一百一十四万) x 亿 and 三亿五千万 is 三 x 亿 + 五千万.
    for big in ("亿", "万"):
        head, found, tail = text.rpartition(big)
        if found:
            high = _parse_cn_grouped(head) if head else None
            low = _parse_cn_grouped(tail) if tail else 0
            if high is None or low is None:
                return None
            return high * CN_BIG_UNITS[big] + low
    return _parse_cn_below_10000(text)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Number | None:
    """Parse an Arabic or Chinese numeral, with an optional trailing 万/亿 multiplier.

    Args:
        text: e.g. ``"1.2万"``, ``"2.5亿"``, ``"三千"``, ``"215"``, ``"两"``.

    Returns:
        The number (``int`` when integral), or ``None`` when unparseable.
        Cached: a report writes the same few hundred numerals thousands of times.
    """
    if text.isdecimal() and text.isascii():
        return int(text)  # the common case, without the general parse
    text = text.strip().translate(TRADITIONAL)
    if not text:
        return None
    factor = 1
    body = text
    while body and body[-1] in CN_BIG_UNITS and body[:-1] and not _is_cn(body[:-1]):
        factor *= CN_BIG_UNITS[body[-1]]
        body = body[:-1]
    arabic = parse_arabic(body)
    if arabic is not None:
        return tidy(arabic * factor)
    if factor == 1:
        return parse_chinese(text)
    return None


def _is_cn(text: str) -> bool:
    return all(c in CN_NUMERAL_CHARS for c in text)
