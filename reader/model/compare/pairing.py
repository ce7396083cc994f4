"""Pairing the sections of two editions by title and content, not by position.

A section of OLD and one of NEW are the same section when their titles agree
once numbering and figures are set aside (一、 may become 二、, 2021年 2023年)
and their texts share enough word pairs. Pairs are chosen greedily, best
first; what is left over is new or dropped, or split from / merged into a
section whose text holds most of it.

Position unit: section indexes into ``Document.sections``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

from reader.model.document import Document

_NUMBERING = re.compile(
    r"^\s*(?:"
    r"[（(]?[一二三四五六七八九十百零〇两]+[)）、.．]"
    r"|[（(]?\d+[)）、.．](?:\d+[.．]?)*"
    r"|第[一二三四五六七八九十百零〇两\d]+[章节编回部分条篇卷]"
    r"|(?:chapter|part|section|article)\s+[\divxlc]+[.:]?"
    r")\s*",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")

PAIR_THRESHOLD = 0.35
"""The lowest score at which two sections count as the same section."""

PART_THRESHOLD = 0.5
"""Share of a leftover section's word pairs found in another for a split or merge."""

MAX_CANDIDATES = 60_000
"""Above this many (old, new) section pairs, only nearby or same-titled ones are scored."""


class PairKind(str, Enum):
    """How a section fared between the editions."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class SectionPair:
    """One row of the section map: a section of NEW, of OLD, or of both."""

    old: int | None
    """Index of the OLD section, or ``None`` for a new one."""
    new: int | None
    """Index of the NEW section, or ``None`` for a dropped one."""
    score: float
    """How alike the two are, 0.0 to 1.0 (0.0 when one side is missing)."""
    related: int | None = None
    """For a new section split off an OLD one (or a dropped one merged into a
    NEW one): the index of that other section."""


def title_key(title: str) -> str:
    """A title with its numbering dropped and figures folded, for comparing.

    Args:
        title: A section title as written.
    """
    title = _NUMBERING.sub("", title, count=1)
    return _DIGITS.sub("0", title).strip().lower()


def shingles(text: str) -> frozenset[tuple[str, str]]:
    """The consecutive word pairs of ``text`` (a CJK character is a word).

    Args:
        text: Any text.
    """
    tokens = _TOKEN.findall(text.lower())
    return frozenset(zip(tokens, tokens[1:], strict=False))


def dice(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> float:
    """Dice's coefficient of two shingle sets (1.0 when both are empty)."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(part: frozenset[tuple[str, str]], whole: frozenset[tuple[str, str]]) -> float:
    """The share of ``part``'s shingles found in ``whole`` (0.0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0


def section_body(document: Document, index: int) -> str:
    """The text of a section without its heading and subtitle lines.

    Args:
        document: The document.
        index: The section's index.
    """
    section = document.sections[index]
    start = section.start if section.heading is None else section.heading[1]
    paragraphs = document.paragraphs[section.first_paragraph : section.last_paragraph]
    body = [p for p in paragraphs if p.kind.value not in ("heading", "subtitle")]
    if body:
        start = max(start, body[0].start)
    return document.text[start : section.end]


def _score(title_a: str, title_b: str, body_a: frozenset, body_b: frozenset) -> float:  # type: ignore[type-arg]
    titles = SequenceMatcher(None, title_a, title_b, autojunk=False).ratio()
    if len(body_a) < 8 or len(body_b) < 8:
        # Headings with (almost) no text of their own: the title decides.
        return titles
    return 0.35 * titles + 0.65 * dice(body_a, body_b)


def _candidates(
    old_n: int, new_n: int, old_titles: Sequence[str], new_titles: Sequence[str]
) -> list[tuple[int, int]]:
    if old_n * new_n <= MAX_CANDIDATES:
        return [(i, j) for i in range(old_n) for j in range(new_n)]
    # Many sections: score those near the same relative place, and equal titles.
    window = max(8, MAX_CANDIDATES // max(1, 2 * new_n))
    by_title: dict[str, list[int]] = {}
    for i, title in enumerate(old_titles):
        by_title.setdefault(title, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for j in range(new_n):
        centre = round(j * old_n / max(1, new_n))
        pairs.update((i, j) for i in range(max(0, centre - window), min(old_n, centre + window)))
        pairs.update((i, j) for i in by_title.get(new_titles[j], ()))
    return sorted(pairs)


def pair_sections(old: Document, new: Document) -> list[SectionPair]:
    """Pair OLD's sections with NEW's, in NEW's order with dropped ones after their neighbours.

    Args:
        old: Last edition.
        new: This edition.

    Returns:
        One entry per NEW section (paired or new), and one per dropped OLD
        section, placed after the NEW section paired with the OLD one before it.
    """
    old_titles = [title_key(s.title) for s in old.sections]
    new_titles = [title_key(s.title) for s in new.sections]
    old_bodies = [shingles(section_body(old, i)) for i in range(len(old.sections))]
    new_bodies = [shingles(section_body(new, j)) for j in range(len(new.sections))]
    scored = []
    for i, j in _candidates(len(old_titles), len(new_titles), old_titles, new_titles):
        score = _score(old_titles[i], new_titles[j], old_bodies[i], new_bodies[j])
        if score >= PAIR_THRESHOLD:
            # Ties go to the pair nearest the same place in both texts.
            scored.append(
                (score, -abs(i / max(1, len(old_titles)) - j / max(1, len(new_titles))), i, j)
            )
    scored.sort(reverse=True)
    old_of: dict[int, tuple[int, float]] = {}
    new_of: dict[int, int] = {}
    for score, _, i, j in scored:
        if i not in new_of and j not in old_of:
            old_of[j] = (i, score)
            new_of[i] = j
    rows: list[SectionPair] = []
    for j in range(len(new.sections)):
        if j in old_of:
            i, score = old_of[j]
            rows.append(SectionPair(i, j, score))
        else:
            rows.append(SectionPair(None, j, 0.0, _best_part(new_bodies[j], old_bodies)))
    dropped = [i for i in range(len(old.sections)) if i not in new_of]
    for i in dropped:
        row = SectionPair(i, None, 0.0, _best_part(old_bodies[i], new_bodies))
        # After the row of the nearest earlier OLD section that is still there.
        earlier = [k for k, r in enumerate(rows) if r.old is not None and r.old < i]
        rows.insert(earlier[-1] + 1 if earlier else 0, row)
    return rows


def _best_part(
    part: frozenset[tuple[str, str]], others: Sequence[frozenset[tuple[str, str]]]
) -> int | None:
    best, best_share = None, PART_THRESHOLD
    for index, other in enumerate(others):
        share = containment(part, other)
        if share >= best_share:
            best, best_share = index, share
    return best
