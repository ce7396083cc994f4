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
  (``   Chris Newman`` / ``   Sun Microsystems``), when it has no digits.

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

Span = tuple[int, int]

_CAP = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_PART = rf"(?:{_CAP}|[A-Z]\.)"
_NAME = rf"{_CAP}(?:[ \t]+{_PART}){{0,2}}[ \t]+{_CAP}"
_NOT_NAMES = frozenset(
    "Unknown Anonymous The A An This That Order Royal Appointment Staff Reporter".split()
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
_BYLINE = re.compile(
    rf"^[ \t]*(?:[Bb]y|BY)[ \t]+(?P<name>{_NAME})[ \t]*$"
    rf"|\b(?:[Ww]ritten|[Cc]reated|[Ee]dited|[Tt]ranslated|[Ii]llustrated|[Dd]esigned|"
    rf"[Dd]eveloped|[Mm]aintained|[Aa]uthored)[ \t]+by[ \t]+\[?(?P<name2>{_NAME})"
    rf"|\b(?i:authors?)[ \t]*[:=][ \t]*[{{\"]?(?P<name3>{_NAME})"
    rf"|\bCopyright[ \t]+(?:\([cC]\)|©)?[ \t]*(?:[0-9]{{4}}(?:[-–][0-9]{{4}})?,?[ \t]+)?"
    rf"(?P<name4>{_NAME})(?![ \t]*(?:Inc|Ltd|LLC|Society|Foundation|Corporation|Company))",
    re.MULTILINE,
)
_ROLE = re.compile(rf"\b(?:{EN_ROLE_NOUNS})[ \t]+(?P<name>{_NAME})")
_GIVEN = re.compile(
    rf"\b(?P<name>(?:{'|'.join(sorted(EN_GIVEN_NAMES))})(?:[ \t]+[A-Z]\.)?[ \t]+{_CAP})\b"
)
_EPITHET = re.compile(rf"\b(?P<name>{_CAP}[ \t]+the[ \t]+(?:{EN_EPITHETS}))\b")

_MONTH_ALT = "|".join(sorted(_MONTHS))
_PLACE_NAME = rf"(?:St\.[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
_COUNTRIES = f"{EN_PLACES}|{EN_WORLD_PLACES}"
_PLACE = re.compile(
    rf"(?<![\w.])(?P<zip>{_PLACE_NAME}),[ \t]+[A-Z]{{2}}[ \t]+[0-9]{{5}}(?:-[0-9]{{4}})?\b"
    rf"|(?<![\w.])(?P<country>{_PLACE_NAME}),[ \t]+(?:{_COUNTRIES})\b"
    rf"|^[ \t]*(?P<dateline>{_PLACE_NAME}),[ \t]+(?:{_MONTH_ALT})[ \t]+[0-9]{{1,2}}\b"
    rf"|\b(?:kingdom|duchy|dukedom|city|town|village|county|province|state|republic|battle|"
    rf"siege|archbishop|bishop|duke|duchess|marquis|count|countess|prince|lord|king|queen|"
    rf"emperor|port|isle|island|citizens|people)[ \t]+of[ \t\r\n]+(?P<of>{_CAP})\b(?![ \t]+[A-Z])",
    re.MULTILINE,
)
_ADDRESS = re.compile(
    rf"^(?P<indent>[ \t]+)(?P<person>{_NAME})[^\S\n]*(?:\([^)\n]*\))?[ \t]*\n"
    rf"(?P=indent)(?P<org>{_CAP}(?:[ \t]+(?:{_CAP}|&|of|and)){{0,4}})[ \t]*\n"
    rf"(?P=indent)[^\n]*[0-9]",
    re.MULTILINE,
)


def _is_name(name: str) -> bool:
    words = name.split()
    return words[0] not in _NOT_NAMES and not any(w in _MONTHS for w in words)


def find_frame_people(text: str) -> list[tuple[int, int, str | None]]:
    """People by byline, field, role noun, given name or epithet: ``(start, end, title)``.

    Args:
        text: The whole document text.
    """
    out: list[tuple[int, int, str | None]] = []
    for m in _BYLINE.finditer(text):
        group = next(g for g in ("name", "name2", "name3", "name4") if m.group(g))
        if _is_name(m.group(group)):
            out.append((*m.span(group), None))
    for rule in (_ROLE, _GIVEN, _EPITHET, _ADDRESS):
        for m in rule.finditer(text):
            group = "person" if rule is _ADDRESS else "name"
            if _is_name(m.group(group)):
                out.append((*m.span(group), None))
    return out


def find_frame_places(text: str) -> list[Span]:
    """Places by frame (see the module docstring)."""
    out: list[Span] = []
    for m in _PLACE.finditer(text):
        group = m.lastgroup or ""
        name = m.group(group)
        if name and name.split()[0] not in _NOT_NAMES and name not in _MONTHS:
            out.append(m.span(group))
    return out


def find_frame_orgs(text: str) -> list[Span]:
    """Organisations named on the line after a person in an address block."""
    return [m.span("org") for m in _ADDRESS.finditer(text) if _is_name(m.group("person"))]
