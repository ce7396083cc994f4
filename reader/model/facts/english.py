"""English names, best effort: people, organisations and places in running text.

* person: an honorific or title (Mr., Dr., President, Prime Minister ...) and one
  to three capitalised words (the title is the fact's value); or two or three
  capitalised words followed by ", who" or a speech verb (said, says, told);
* organisation: capitalised words ending in an organisation word (Inc., Ltd.,
  University, Ministry, Committee, Bank ...), or "University/Ministry/Department/
  Bank ... of" + capitalised words;
* place: a short general list of countries, regions and capitals.
"""

from __future__ import annotations

import re

from reader.model.facts.gazetteer import EN_HONORIFICS, EN_ORG_WORDS, EN_PLACES
from reader.model.facts.word_regex import Guarded, bigram_guard

Span = tuple[int, int]

_CAP = r"[A-Z][a-zA-Z'\-]+"
_CAP_OR_INITIAL = r"(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.)"
# Guards (see ``word_regex.Guarded``) begin with a literal or a character set, so
# that Chinese text, with few capitals, is skipped at full speed.
_WORD_START = r"[A-Z](?<![A-Za-z].)"
EN_PERSON_TITLED = Guarded(
    bigram_guard(EN_HONORIFICS.split("|")),
    re.compile(
        rf"\b(?P<title>{EN_HONORIFICS})\.?\s+(?P<name>{_CAP}(?:\s+{_CAP_OR_INITIAL}){{0,2}})"
    ),
)
_SAID = r"(?=,\s+who\b|\s+(?:said|says|told|wrote|argued|added)\b)"
_NAME_SAID = rf"{_CAP}(?:\s+{_CAP_OR_INITIAL})?\s+{_CAP}"
EN_PERSON_SAID = Guarded(
    rf"[A-Z](?=[a-zA-Z'\-]+(?:\s+{_CAP_OR_INITIAL})?\s+{_CAP}{_SAID})",
    re.compile(rf"(?<![A-Za-z]\s)(?<!\.\s)\b(?P<name>{_NAME_SAID}){_SAID}"),
)
_ORG_TAIL = rf"(?:{EN_ORG_WORDS})\b\.?"
EN_ORG = Guarded(
    _WORD_START,
    re.compile(
        rf"\b(?:The\s+)?(?:{_CAP}\s+(?:(?:of|for|and|&)\s+)?){{1,5}}{_ORG_TAIL}"
        rf"|\b(?:University|Ministry|Department|Bank|Institute|Office|Bureau|Council|Committee)"
        rf"\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}}"
    ),
)
_HONORIFIC = re.compile(rf"(?:{EN_HONORIFICS})\.?")
EN_PLACE = Guarded(bigram_guard(EN_PLACES.split("|")), re.compile(rf"\b(?:{EN_PLACES})\b"))
_LATIN_CAPITAL = re.compile("[A-Z]")


def has_latin_capital(text: str) -> bool:
    """Whether ``text`` has a capital A-Z: every English name, month and weekday
    rule needs one, so a text without (most Chinese documents) skips them all."""
    return _LATIN_CAPITAL.search(text) is not None


_NOT_NAME_WORDS = frozenset(
    "The A An This That These Those It He She They We I In On At For But And Or If When "
    "While Since After Before As By From With".split()
)


def find_en_people(text: str) -> list[tuple[int, int, str | None]]:
    """English people: ``(start, end, title)`` triples.

    Args:
        text: The whole document text.

    Returns:
        Name spans (the title excluded) with the title written before them, if any.
    """
    out: list[tuple[int, int, str | None]] = []
    for m in EN_PERSON_TITLED.finditer(text):
        out.append((m.start("name"), m.end("name"), m.group("title")))
    for m in EN_PERSON_SAID.finditer(text):
        words = m.group("name").split()
        if words[0] in _NOT_NAME_WORDS or _HONORIFIC.fullmatch(words[0]):
            continue  # "President Joe Biden said" is found by the titled rule
        out.append((m.start("name"), m.end("name"), None))
    return out


_ABBREVIATIONS = ("Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Assn.")


def find_en_orgs(text: str) -> list[Span]:
    """English organisation spans (a leading "The" is not part of the name, and a
    sentence's full stop is not either, unless the name ends in an abbreviation)."""
    out: list[Span] = []
    for m in EN_ORG.finditer(text):
        start, end = m.span()
        if text.startswith("The ", start):
            start += 4
        if text[end - 1] == "." and not text.endswith(_ABBREVIATIONS, start, end):
            end -= 1
        out.append((start, end))
    return out


def find_en_places(text: str) -> list[Span]:
    """English place spans from the general list."""
    return [m.span() for m in EN_PLACE.finditer(text)]
