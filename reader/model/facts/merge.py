"""One entry per fact: whitespace-collapsed surfaces and every mention merged.

The rules find mentions; a reader wants facts. Two mentions are one fact when they
have the same kind, the same surface once whitespace is collapsed, and (for
figures and dates) count the same thing: "5.2%" of growth and "5.2%" of
unemployment stay two facts, "五年" said forty times is one fact with forty
mentions. A surface wrapped over two lines is shown on one: the line break
becomes one space between words, and nothing between two CJK characters
("全国人民代表大\\n会" is "全国人民代表大会").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from reader.model.document import Fact, FactKind, Mention

_SPACE = re.compile(r"\s+")
_ANY_SPACE = re.compile(r"\s")


def _wide(char: str) -> bool:
    # CJK ideographs, kana, hangul and full-width punctuation take no spaces between them.
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def collapse(surface: str) -> str:
    """``surface`` on one line: runs of whitespace become one space, or none between CJK.

    Args:
        surface: A fact's text as it stands in the document.

    Returns:
        The text with no line break, tab or doubled space, trimmed at both ends.
    """
    if _ANY_SPACE.search(surface) is None:
        return surface
    surface = surface.strip()

    def join(m: re.Match[str]) -> str:
        before, after = surface[m.start() - 1], surface[m.end()]
        return "" if _wide(before) and _wide(after) else " "

    return _SPACE.sub(join, surface)


def _joined(same: list[Fact]) -> tuple[Mention, ...]:
    """All mentions of ``same`` in text order, each once (the rules give them in
    text order already, so sorting is the exception)."""
    mentions = [m for f in same for m in f.mentions]
    if any(a.start > b.start for a, b in pairwise(mentions)):
        mentions.sort(key=lambda m: (m.start, m.end))
    unique = [m for i, m in enumerate(mentions) if i == 0 or m.span != mentions[i - 1].span]
    return tuple(unique)


def merge_facts(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per (kind, collapsed surface, what is counted), with all its mentions.

    Args:
        facts: Facts as the rules found them (possibly one per mention).

    Returns:
        The merged facts, in the order of their first appearance in ``facts``; the
        first fact of a group gives the value, unit and qualifier.
    """
    groups: dict[tuple[FactKind, str, str | None], list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.kind, collapse(fact.text), fact.counted), []).append(fact)
    merged: list[Fact] = []
    for (_, text, _), same in groups.items():
        first = same[0]
        if len(same) == 1 and text == first.text:
            merged.append(first)
            continue
        merged.append(replace(first, text=text, mentions=_joined(same)))
    return merged
