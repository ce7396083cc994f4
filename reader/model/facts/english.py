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
from functools import lru_cache

from reader.model.facts.gazetteer import EN_HONORIFICS, EN_ORG_WORDS, EN_PLACES, EN_WORLD_PLACES
from reader.model.facts.word_regex import Anchored, Guarded, bigram_guard, trie_pattern

Span = tuple[int, int]

_CAP = r"[A-Z][a-zA-Z'\-]+"
_CAP_OR_INITIAL = r"(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.)"
# Guards (see ``word_regex.Guarded``) begin with a literal or a character set, so
# that Chinese text, with few capitals, is skipped at full speed.
_WORD_START = r"[A-Z](?<![A-Za-z].)"
EN_PERSON_TITLED = Guarded(
    bigram_guard(EN_HONORIFICS.split("|")),
    re.compile(
        rf"\b(?P<title>{EN_HONORIFICS})\.?\s+(?P<name>{_CAP}(?:\s+{_CAP_OR_INITIAL}){{0,2}}"
        r"(?:,?\s(?:Jr\.|Sr\.|III|II|IV)(?![A-Za-z]))?)"
    ),
)
_SAID = r"(?=,\s+who\b|\s+(?:said|says|told|wrote|argued|added)\b)"
_NAME_SAID = rf"{_CAP}(?:\s+{_CAP_OR_INITIAL})?\s+{_CAP}"
EN_PERSON_SAID = Guarded(
    rf"[A-Z](?=[a-zA-Z'\-]+(?:\s+{_CAP_OR_INITIAL})?\s+{_CAP}{_SAID})",
    re.compile(rf"(?<![A-Za-z]\s)(?<!\.\s)\b(?P<name>{_NAME_SAID}){_SAID}"),
)
_ORG_TAIL = rf"(?:{EN_ORG_WORDS})(?![A-Za-z0-9])\.?"
# Words of one name: spaces, or one line break inside a wrapped paragraph (never a
# blank line, nor the break before an indented line of an address or list block).
_GAP = r"(?:[ \t]+|[ \t]*\r?\n(?![ \t\r\n]))"
# A name may be followed by its acronym in brackets: "Internet Research Agency (IRA)".
_ACRONYM = r"(?:\s\([A-Z][A-Za-z&]{1,9}\))?"
_ORG_HEADS = "University|Ministry|Department|Bank|Institute|Office|Bureau|Council|Committee|"
_ORG_HEADS += "Confederation|Federation|Association|Academy|Society|League|Union"
# Every name holds an organisation word: found by that word, the name read in a
# window around it (a capital first would call the matcher at every capital).
EN_ORG = Anchored(
    trie_pattern(f"{EN_ORG_WORDS}|{_ORG_HEADS}".split("|")) + "(?![A-Za-z0-9])",
    re.compile(
        rf"(?<![A-Za-z0-9])(?:The{_GAP})?(?:{_CAP}{_GAP}(?:(?:of|for|and|&){_GAP})?){{1,5}}"
        rf"{_ORG_TAIL}"
        rf"{_ACRONYM}"
        rf"|(?<![A-Za-z0-9])(?:{_ORG_HEADS})"
        rf"\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}}{_ACRONYM}"
    ),
    before=160,
    after=120,
)
_HONORIFIC = re.compile(rf"(?:{EN_HONORIFICS})\.?")
_ALL_PLACES = f"{EN_PLACES}|{EN_WORLD_PLACES}"
EN_PLACE = re.compile(rf"(?<![A-Za-z0-9])(?:{_ALL_PLACES})(?![A-Za-z0-9])")
# The names as a trie (a fast scan to their capitals); the boundary before is
# checked in Python, where a miss looks again one character on, as EN_PLACE would.
_PLACE_TRIE = re.compile(trie_pattern(_ALL_PLACES.split("|")) + "(?![A-Za-z0-9])")
_LATIN_CAPITAL = re.compile("[A-Z]")


@lru_cache(maxsize=4)
def has_latin_capital(text: str) -> bool:
    """Whether ``text`` has a capital A-Z: every English name, month and weekday
    rule needs one, so a text without (most Chinese documents) skips them all.
    Cached: the extractor asks twice, and a text without one is scanned to its end."""
    return _LATIN_CAPITAL.search(text) is not None


_NOT_NAME_WORDS = frozenset(
    "The A An This That These Those It He She They We I In On At For But And Or If When "
    "While Since After Before As By From With".split()
)


_REGNAL = frozenset(("King", "Queen", "Pope", "Emperor", "Empress"))


def find_en_people(text: str) -> list[tuple[int, int, str | None]]:
    """English people: ``(start, end, title)`` triples.

    Args:
        text: The whole document text.

    Returns:
        Name spans (the title excluded) with the title written before them, if any.
    """
    out: list[tuple[int, int, str | None]] = []
    for m in EN_PERSON_TITLED.finditer(text):
        # A monarch's or pope's title is part of the name by which they are known.
        start = m.start() if m.group("title") in _REGNAL else m.start("name")
        out.append((start, m.end("name"), m.group("title")))
    for m in EN_PERSON_SAID.finditer(text):
        words = m.group("name").split()
        if words[0] in _NOT_NAME_WORDS or _HONORIFIC.fullmatch(words[0]):
            continue  # "President Joe Biden said" is found by the titled rule
        out.append((m.start("name"), m.end("name"), None))
    return out


_LEADING_WORD = re.compile(r"([A-Z][a-z]*)\s+")
_DETERMINERS = frozenset(
    "Each Every Any No This That These Those Our Their Its His Her Some All Many Both But And "
    "When If While Since After Before As So Then Yet Or Nor".split()
)
# A single-word institution stands for the body itself, unless a name goes on
# ("Congress Street"); lower case ("a congress of botanists") is not it.
_INSTITUTION = re.compile(
    r"(?:Parliament|Congress|Senate|Cabinet|Commons)(?![A-Za-z])(?![ \t]+[A-Z])"
)
# Firms: initials joined by "&" before a surname, or a surname "& Sons/Co./Brothers";
# found by the "&" (a capital first would call the matcher at every capital).
_FIRM = Anchored(
    "&",
    re.compile(
        r"[A-Z]\.(?:[ \t]*&[ \t]*[A-Z]\.)+[ \t]+[A-Z][a-z]+(?:[ \t]+&[ \t]+(?:Sons|Co\.))?"
        r"|[A-Z][a-z]+[ \t]+&[ \t]+(?:Sons|Co\.|Brothers|Company)"
    ),
    before=40,
    after=40,
)
_CITED = re.compile(r"(?:\([cC]\)|©|Copyright)\s*$")
_ABBREVIATIONS = ("Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Assn.")


def find_en_orgs(text: str) -> list[Span]:
    """English organisation spans (a leading "The" is not part of the name, and a
    sentence's full stop is not either, unless the name ends in an abbreviation)."""
    out: list[Span] = []
    for m in EN_ORG.finditer(text):
        start, end = m.span()
        # "The" stays where a legal name is cited with it: "Copyright (C) The X Society".
        if text.startswith("The ", start) and not _CITED.search(text, max(0, start - 16), start):
            start += 4
        if text[end - 1] == "." and not text.endswith(_ABBREVIATIONS, start, end):
            end -= 1
        # A determiner or a sentence's first word is not part of the name.
        lead = _LEADING_WORD.match(text, start, end)
        if lead is not None and lead.group(1) in _DETERMINERS:
            start = lead.end()
        out.append((start, end))
    for m in [*_INSTITUTION.finditer(text), *_FIRM.finditer(text)]:
        if m.start() == 0 or not text[m.start() - 1].isalpha():
            out.append(m.span())
    return out


def find_en_places(text: str) -> list[Span]:
    """English place spans from the general list (the spans of ``EN_PLACE``)."""
    out: list[Span] = []
    search = _PLACE_TRIE.search
    found = search(text)
    while found is not None:
        start = found.start()
        if start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
            found = search(text, start + 1)
            continue
        out.append(found.span())
        found = search(text, found.end())
    return out
