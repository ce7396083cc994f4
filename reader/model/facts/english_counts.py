"""English counts the unit-word rule misses: counted plural nouns, number words,
technical units and "millions of".

* ``20,000 soldiers``, ``10,000 Frenchmen``, ``14 countries``: a cardinal and the
  plural noun it counts (the noun is the unit and what is counted);
* ``four thousand miles``, ``nine feet``: the cardinal written in words;
* ``1m people``, ``2bn dollars``: a figure with an m/bn/k multiplier before a plural;
* ``2.4GHz``, ``512 MB``, ``12 MB/s``: technical units, with or without a space,
  case as written (``MB`` is not ``mb``);
* ``millions of items``: a vague count (hundreds/thousands/millions of + plural);
* ``4,812,330`` alone: a comma-grouped integer is a count even with no noun
  (grouping is never used in years, section numbers or codes).

Not counts: a number after a reference word (``Section 14``, ``page 12``, ``RFC
9999``, ``port 8080``, ``version 2``), a year-like number (1000-2099 written
without a comma: ``2016 elections``), a digit list (``1,2,3``), part of a code or
address (``i7-2600``, ``192.168.0.1``), and ``one`` with nothing after it.
"""

from __future__ import annotations

import re

from reader.model.facts.numerals import BLANK, Number, parse_arabic, tidy
from reader.model.facts.quantity import Quantity
from reader.model.facts.word_regex import trie_pattern

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_WORDS = [*_SMALL, *_TENS]
_WORD = "|".join(_WORDS)
# Every pattern begins with a character set (then a look-behind for the boundary),
# so that the scan skips to candidates without entering the matcher (see word_regex).
_NUMBER_WORDS = (
    rf"{trie_pattern(_WORDS + [w.capitalize() for w in _WORDS])}"
    rf"(?:-(?:{_WORD}))?(?:{BLANK}(?:{'|'.join(_SCALES)}))*"
)
_PLURAL = (
    r"(?:[a-z]{2,}s(?<!ss)(?<!us)(?<!is)|[a-z]*(?:men|people|feet|children|teeth|mice|geese)"
    r"|[A-Z][a-z]+men)(?![\w'’-])"
)
_NOT_NOUNS = frozenset(
    "was has does goes its this thus yes his hers ours yours theirs whereas always perhaps "
    "towards besides sometimes afterwards means series species news less unless".split()
)
_MULT = {"m": 10**6, "bn": 10**9, "k": 1000}
_BEFORE = r"(?<![A-Za-z0-9_.,\-/#%$€£¥].)"
EN_COUNT = re.compile(
    rf"(?P<num>[0-9]{_BEFORE}(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]*(?:\.[0-9]+)?))"
    rf"(?P<mult>m|bn|k)?{BLANK}(?P<noun>{_PLURAL})"
)
EN_COUNT_WORDS = re.compile(rf"(?P<words>{_NUMBER_WORDS}){BLANK}(?P<noun>{_PLURAL})")
_TECH_UNITS = (
    "KiB|MiB|GiB|TiB|kbit|Mbit|Gbit|kbps|Mbps|Gbps|bps|kHz|MHz|GHz|Hz|mAh|dpi|rpm|°C|"
    "KB|kB|MB|GB|TB|PB|ms|µs|μs|ns|kW|MW|px|W|V|B"
)
EN_TECH = re.compile(
    rf"(?P<num>[0-9]{_BEFORE}[0-9]*(?:\.[0-9]+)?){BLANK}?(?P<unit>(?:{_TECH_UNITS})"
    r"(?:/s|/sec|/秒| per second)?)(?![A-Za-z0-9])"
)
_VAGUE = ["hundreds", "thousands", "millions", "billions", "dozens"]
EN_VAGUE = re.compile(
    rf"(?P<scale>{trie_pattern(_VAGUE + [w.capitalize() for w in _VAGUE])}){BLANK}of{BLANK}"
    rf"(?P<noun>{_PLURAL})"
)
EN_GROUPED = re.compile(rf"[0-9]{_BEFORE}[0-9]{{0,2}}(?:,[0-9]{{3}})+(?![A-Za-z0-9_,]|\.[0-9])")
_REFERENCE = re.compile(
    r"(?i:section|sections|chapter|figure|fig\.|table|page|pages|p\.|pp\.|rfc|no\.|number|"
    r"port|version|v|article|paragraph|line|step|item|appendix|vol\.|volume|model)\s$"
)


def _words_value(words: str) -> Number | None:
    total, current = 0, 0
    for part in words.lower().replace("-", " ").split():
        if part in _SMALL:
            current += _SMALL[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in _SCALES:
            total += max(current, 1) * _SCALES[part]
            current = 0
        else:
            return None
    return total + current


def _word_start(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _referenced(text: str, start: int) -> bool:
    return _REFERENCE.search(text, max(0, start - 12), start) is not None


def find_en_counts(text: str) -> list[Quantity]:
    """The counts of the module docstring, rule by rule (a bare grouped number last,
    where no other rule read it).

    Args:
        text: The whole document text.

    Returns:
        Quantities; the caller drops those overlapping other quantities, dates and names.
    """
    found: list[Quantity] = []
    for m in EN_COUNT.finditer(text):
        noun, num, mult = m.group("noun", "num", "mult")
        if noun.lower() in _NOT_NOUNS or _referenced(text, m.start()):
            continue
        value = parse_arabic(num)
        if value is None or ("," not in num and mult is None and 1000 <= value <= 2099):
            continue  # a year ("the 2016 elections")
        if mult:
            value = tidy(value * _MULT[mult])
        found.append(Quantity(m.start(), m.end(), value, noun, "exact", noun))
    for m in EN_COUNT_WORDS.finditer(text):
        noun, words = m.group("noun", "words")
        if not _word_start(text, m.start()) or noun.lower() in _NOT_NOUNS:
            continue
        value = _words_value(words)
        if value is not None and words.lower() != "one":
            found.append(Quantity(m.start(), m.end(), value, noun, "exact", noun))
    for m in EN_TECH.finditer(text):
        value = parse_arabic(m.group("num"))
        if value is not None and not _referenced(text, m.start()):
            found.append(Quantity(m.start(), m.end(), value, m.group("unit"), "exact", None))
    for m in EN_VAGUE.finditer(text):
        if not _word_start(text, m.start()):
            continue
        scale = m.group("scale").lower()
        value = 12 if scale == "dozens" else _SCALES[scale.removesuffix("s")]
        noun = m.group("noun")
        found.append(Quantity(m.start(), m.end(), value, noun, "more-than", noun))
    taken = bytearray(len(text) + 1)
    for q in found:
        taken[q.start : q.end] = b"\x01" * (q.end - q.start)
    for m in EN_GROUPED.finditer(text):
        value = parse_arabic(m.group())
        if value is None or taken.find(1, m.start(), m.end()) >= 0:
            continue
        if not _referenced(text, m.start()):
            found.append(Quantity(m.start(), m.end(), value, "", "exact", None))
    return found
