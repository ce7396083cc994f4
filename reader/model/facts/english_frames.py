"""English people, places and organisations found by the frame they stand in.

People:
* a byline or field: ``by NAME`` on a line of its own, ``written/created/edited by
  NAME``, ``Author: NAME`` / ``author={NAME}``, ``Copyright (c) 2013-2026 NAME``;
* a lower-case role noun before a full name: ``chairman Adair Turner``;
* a common given name and a capitalised surname: ``Graham Klyne``;
* an epithet: ``Alfred the Great`` (the whole span is the name).

Places:
* ``Sandpoint, ID 83864`` (a US state code and ZIP code after it);
* ``St. Petersburg, Russia`` (a known country or region after the comma);
* ``Halifax, March 3, 1801`` (a dateline at the start of a line);
* ``kingdom/duchy/city/battle/siege/archbishop/duke ... of NAME``.

Organisations:
* the line after a person's name in an indented address or signature block
  (``   Chris Newman`` / ``   Sun Microsystems``), when it has no digits;
* a named event with its year (``NLPCC-2018``, below) where a contest, conference
  or workshop follows in the same clause, or after "at".

Works:
* a named benchmark, data set or shared task with its year: capitals and a year
  joined by a hyphen (``SIGHAN-2015``, ``SemEval-2017``); not a standard or a
  register number (``RFC-2119``, ``ISO-2022-JP``, ``CVE-2021-44228``);
* a link's text that is a title (each word after the first capitalised) where the
  link is followed by "created/made/written ... by": ``Theme Playground https://…
  created by``.

A NAME is two to four capitalised words or initials; an "Unknown" author, a
month, or a word list that starts with a function word is none.
"""

from __future__ import annotations

import re

from reader.model.facts.gazetteer import (
    EN_EPITHETS,
    EN_GIVEN_NAMES,
    EN_PLACES,
    EN_ROLE_NOUNS,
    EN_WORLD_PLACES,
)
from reader.model.facts.word_regex import Anchored, trie_pattern

Span = tuple[int, int]


def _cased(words: str) -> list[str]:
    return [form for word in words.split() for form in (word, word.capitalize())]


_CAP = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_PART = rf"(?:{_CAP}|[A-Z]\.)"
_NAME = rf"{_CAP}(?:[ \t]+{_PART}){{0,2}}[ \t]+{_CAP}"
_NOT_NAMES = frozenset(
    "Unknown Anonymous The A An This That Order Royal Appointment Staff Reporter On In At By "
    "For From To Of With And But Or If When Since Until Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday Dear Best Kind Yours Regards".split()
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
# Every rule begins with a literal or a character set, so that the scan skips to its
# candidates without entering the matcher (see word_regex); word boundaries are
# then checked in Python (a regex \b first would cost a matcher call per character).
_BY_LINE = re.compile(rf"\n[ \t]*(?:[Bb]y|BY)[ \t]+(?P<name>{_NAME})[ \t]*(?=\r?\n|$)")
# The verbs begin with common letters: found by "by" (a literal, a fast scan).
_BY = r"by[ \t]*\r?\n?[ \t]*\[?[A-Z]"
_BY_VERB = Anchored(
    _BY,
    re.compile(
        rf"{trie_pattern(_cased('written created edited translated illustrated designed'))}"
        rf"[ \t]+by[ \t]*\r?\n?[ \t]*\[?(?P<name>{_NAME})"
    ),
    before=16,
    after=80,
)
_BY_VERB_MORE = Anchored(
    _BY,
    re.compile(
        rf"{trie_pattern(_cased('developed maintained authored'))}[ \t]+by[ \t]*\r?\n?[ \t]*"
        rf"\[?(?P<name>{_NAME})"
    ),
    before=16,
    after=80,
)
_AUTHOR = Anchored(
    (r"uthors?[ \t]*[:=]", r"UTHORS?[ \t]*[:=]"),
    re.compile(rf"(?:[Aa]uthors?|AUTHORS?)[ \t]*[:=][ \t]*[{{\"]?(?P<name>{_NAME})"),
    before=12,
    after=80,
)
_COPYRIGHT = re.compile(
    rf"Copyright[ \t]+(?:\([cC]\)|©)?[ \t]*(?:[0-9]{{4}}(?:[-–][0-9]{{4}})?,?[ \t]+)?"
    rf"(?P<name>{_NAME})(?![ \t]*(?:Inc|Ltd|LLC|Society|Foundation|Corporation|Company))"
)
_ROLE = re.compile(rf"{trie_pattern(EN_ROLE_NOUNS.split('|'))}[ \t]+(?P<name>{_NAME})")
_GIVEN = re.compile(rf"{trie_pattern(EN_GIVEN_NAMES)}(?:[ \t]+[A-Z]\.)?[ \t]+{_CAP}(?![A-Za-z])")
_EPITHET = Anchored(
    rf"the[ \t]+(?:{EN_EPITHETS})(?![A-Za-z])",
    re.compile(rf"{_CAP}[ \t]+the[ \t]+(?:{EN_EPITHETS})(?![A-Za-z])"),
    before=40,
    after=8,
)
_ADDRESS = re.compile(
    rf"\n(?P<indent>[ \t]+)(?P<person>{_NAME})[^\S\n]*(?:\([^)\n]*\))?[ \t]*\n"
    rf"(?P=indent)(?P<org>{_CAP}(?:[ \t]+(?:{_CAP}|&|of|and)){{0,4}})[ \t]*\n"
    rf"(?P=indent)[^\n]*[0-9]"
)
_PEOPLE = (
    (_BY_LINE, "name", False),
    (_BY_VERB, "name", True),
    (_BY_VERB_MORE, "name", True),
    (_AUTHOR, "name", True),
    (_COPYRIGHT, "name", False),
    (_ROLE, "name", True),
    (_GIVEN, 0, True),
    (_EPITHET, 0, True),
    (_ADDRESS, "person", False),
)
"""Each rule, the group that is the name, and whether it must start a word."""

_PLACE_NAME = re.compile(rf"(?:St\.[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}$")
_LINE_START_NAME = re.compile(rf"(?:^|\n)[ \t]*((?:St\.[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})$")
_AFTER_ZIP = re.compile(r",[ \t]+[A-Z]{2}[ \t]+[0-9]{5}(?:-[0-9]{4})?(?![0-9])")
_AFTER_COUNTRY = re.compile(rf",[ \t]+(?:{EN_PLACES}|{EN_WORLD_PLACES})(?![A-Za-z])")
_AFTER_DATE = re.compile(rf",[ \t]+(?:{'|'.join(sorted(_MONTHS))})[ \t]+[0-9]{{1,2}}(?![0-9])")
# Begins with the literal "of" (a fast scan), the space before it checked after.
_OF_NAME = re.compile(rf"of(?<=[ \t\r\n]of)[ \t\r\n]+(?P<of>{_CAP})(?![A-Za-z])(?![ \t]+[A-Z])")
_OF_HEADS = re.compile(
    r"(?<![A-Za-z])(?:kingdom|duchy|dukedom|city|town|village|county|province|state|republic|"
    r"battle|siege|archbishop|bishop|duke|duchess|marquis|count|countess|prince|lord|king|"
    r"queen|emperor|port|isle|island|citizens|people)$"
)


def _is_name(name: str) -> bool:
    return not any(w in _NOT_NAMES or w in _MONTHS for w in name.split())


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalpha()


def find_frame_people(text: str) -> list[tuple[int, int, str | None]]:
    """People by byline, field, role noun, given name or epithet: ``(start, end, title)``.

    Args:
        text: The whole document text.
    """
    out: list[tuple[int, int, str | None]] = []
    for rule, group, word in _PEOPLE:
        for m in rule.finditer(text):
            if word and not _starts_word(text, m.start()):
                continue
            if _is_name(m.group(group)):
                out.append((*m.span(group), None))
    return out


def _name_before(text: str, end: int, line_start: bool = False) -> Span | None:
    window = text[max(0, end - 48) : end]
    m = (_LINE_START_NAME if line_start else _PLACE_NAME).search(window)
    if m is None:
        return None
    start = end - len(window) + m.start(m.lastindex or 0)
    name = text[start:end]
    words = name.split()
    if not _starts_word(text, start) or any(w in _NOT_NAMES or w in _MONTHS for w in words):
        return None
    return (start, end)


def find_frame_places(text: str) -> list[Span]:
    """Places by frame (see the module docstring)."""
    out: list[Span] = []
    for rule, line_start in ((_AFTER_ZIP, False), (_AFTER_COUNTRY, False), (_AFTER_DATE, True)):
        for m in rule.finditer(text):
            span = _name_before(text, m.start(), line_start)
            if span is not None:
                out.append(span)
    for m in _OF_NAME.finditer(text):
        name = m.group("of")
        if (
            name not in _MONTHS
            and name not in _NOT_NAMES
            and _OF_HEADS.search(text, max(0, m.start() - 13), m.start() - 1)
        ):
            out.append(m.span("of"))
    return out


def find_frame_orgs(text: str) -> list[Span]:
    """Organisations named on the line after a person in an address block, and events."""
    orgs = [m.span("org") for m in _ADDRESS.finditer(text) if _is_name(m.group("person"))]
    return orgs + _named_with_year(text)[0]


# Found by the "-year" (rare), the name read backwards: two capitals or more.
_YEAR_TAIL = re.compile(r"-(?:19|20)[0-9]{2}(?![A-Za-z0-9_-])")
_CODE_BEFORE = re.compile(
    r"(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9]{3,}$)[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*$"
)
_NOT_CODES = frozenset("RFC ISO IEC IEEE ANSI ECMA JIS GB CVE ISBN ISSN UTF".split())
_EVENT_AFTER = re.compile(
    r"[^。，；,;\n]{0,16}?(?:比赛|竞赛|比賽|競賽|会议|會議|大会|大會|研讨会|研討會|"
    r"[Ww]orkshop|[Cc]onference|[Cc]ompetition|[Ss]hared[ \t]+[Tt]ask)"
)
_AT_BEFORE = re.compile(r"(?<![A-Za-z])at[ \t]+$")


def _named_with_year(text: str) -> tuple[list[Span], list[Span]]:
    """``NLPCC-2018``-shaped names: (as events, organisations; as works).

    A name is one kind throughout: an organisation if any mention stands in an
    event frame, else a work.
    """
    spans: dict[str, list[Span]] = {}
    events: set[str] = set()
    for m in _YEAR_TAIL.finditer(text):
        code = _CODE_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if code is None or code.group() in _NOT_CODES:
            continue
        name = text[code.start() : m.end()]
        spans.setdefault(name, []).append((code.start(), m.end()))
        if _EVENT_AFTER.match(text, m.end()) or _AT_BEFORE.search(
            text, max(0, code.start() - 4), code.start()
        ):
            events.add(name)
    orgs = [span for name in events for span in spans[name]]
    works = [span for name, found in spans.items() if name not in events for span in found]
    return orgs, works


_LINK_CREDIT = re.compile(
    r"https?://[^\s]+[ \t]+(?:created|made|written|developed|designed|built|maintained)"
    r"[ \t]+by[ \t]"
)
_LINK_TITLE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•◦][ \t]+)?(?P<title>[A-Za-z][\w.+]*(?:[ \t]+[A-Z][\w.+]*){1,4})[ \t]+$"
)


def find_named_works(text: str) -> list[Span]:
    """Works by name: benchmarks with their year and credited link titles (docstring)."""
    works = _named_with_year(text)[1]
    for m in _LINK_CREDIT.finditer(text):
        title = _LINK_TITLE.search(text, max(0, m.start() - 64), m.start())
        if title is not None and _is_name(title.group("title").split()[-1]):
            works.append(title.span("title"))
    return works


_LICENCE = Anchored(
    # Found by the word Licence (a capital begins the pattern: a matcher call at
    # every capital of an English text); a "The" before it is added after.
    r"Licen[cs]e",
    re.compile(
        r"(?P<words>(?:[A-Z][\w.+-]*[ \t]+){1,4})(?:Public[ \t]+)?Licen[cs]e"
        r"(?:,?[ \t]+(?:[Vv]ersion[ \t]+|v)?[0-9]+(?:\.[0-9]+)*)?(?:[ \t]+\([A-Z0-9][\w.-]*\))?"
        r"(?![A-Za-z0-9])"
    ),
    before=120,
    after=80,
)
_NOT_LICENCE_WORDS = frozenset("This That Such Your Our Any Each No Other Same A An".split())


def find_licences(text: str) -> list[Span]:
    """Licence names, works by their title: ``The MIT License (MIT)``, ``Apache
    License 2.0``; not ``this License`` or ``the License`` (a reference, no name)."""
    out: list[Span] = []
    for m in _LICENCE.finditer(text):
        words = m.group("words").split()
        start = m.start()
        if words[0] == "The" and len(words) > 1:
            words = words[1:]
        elif text.endswith("The ", 0, start):
            start -= 4
        if _starts_word(text, start) and words[0] not in _NOT_LICENCE_WORDS:
            out.append((start, m.end()))
    return out
