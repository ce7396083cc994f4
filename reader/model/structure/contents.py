"""A table of contents: the list of headings at the top of a book, a code or a memo.

Position unit: indices into the list of units handed in (see
:mod:`reader.model.structure.headings`).

A unit that is only a contents word (目录, 目錄, 目次, Contents, Table of
Contents, letter-spaced or not) opens a table of contents; the units after it
are its entries as long as they are one-line units, short heading-like lines
or dot-leader lines, up to the first one that repeats the first entry, page
number aside (where the text itself begins). The entries are never headings:
the outline comes from the text, not from a second copy of it.
"""

from __future__ import annotations

import re
from functools import cache

from reader.model.structure.line_shapes import heading_like
from reader.model.structure.units import Unit

_CONTENTS_WORDS = frozenset({"目录", "目錄", "目次", "contents", "tableofcontents"})


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _leader_re() -> re.Pattern[str]:
    return re.compile(r".*(?:\.{3,}|…{2,}|\s)\s*\d{1,4}")


@cache
def _page_re() -> re.Pattern[str]:
    return re.compile(r"(?:\s*(?:\.{3,}|…{2,})[.\s]*|\s+)\d{1,4}$")


_FIRSTS = frozenset("目CcTt")
"""First characters of the contents words (a cheap first test)."""
_MAX_ENTRY = 120
"""Longest entry line, in characters."""


def is_contents_word(text: str) -> bool:
    """Whether a stripped line says "contents" and nothing else."""
    return "".join(text.split()).lower() in _CONTENTS_WORDS


def contents_units(units: list[Unit]) -> set[int]:
    """Indices of the units that are entries of a table of contents."""
    found: set[int] = set()
    for i, unit in enumerate(units):
        text = unit.text
        if text[:1] not in _FIRSTS or unit.lines != 1 or len(text) > 30:
            continue
        if not is_contents_word(text):
            continue
        first: str | None = None
        for j in range(i + 1, len(units)):
            if units[j].lines > 1:
                # A block of entries (hard-wrapped text) is never a heading anyway.
                break
            text = " ".join(units[j].text.split())
            key = _page_re().sub("", text)
            if first is None:
                first = key
            elif key == first:
                break
            if len(text) > _MAX_ENTRY or not (heading_like(text) or _leader_re().fullmatch(text)):
                break
            found.add(j)
    return found
