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
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from reader.model.document import Document, ParagraphKind, Section
from reader.model.paragraphs import spans_of

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
K = TypeVar("K")
V = TypeVar("V")
_TITLES = frozenset({ParagraphKind.HEADING, ParagraphKind.SUBTITLE})

PAIR_THRESHOLD = 0.35
"""The lowest score at which two sections count as the same section."""

PART_THRESHOLD = 0.5
"""Share of a leftover section's word pairs found in another for a split or merge."""

ALL_PAIRS = 10_000
"""Up to this many (old, new) section pairs, every pair is scored."""

TOP_CANDIDATES = 8
"""Above that, the OLD sections sharing most word pairs with a NEW one are scored…"""

COMMON_POSTINGS = 50
"""…counting only word pairs found in at most this many (or √n) OLD sections…"""

WINDOW = 3
"""…plus those with its title and those this near its place."""

PART_WINDOW = 40
"""How far from its place a split-off or merged section's other half is looked for."""


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
    same: bool = False
    """True when both have the same title (numbering and figures aside) and the
    very same text after it: nothing inside changed."""


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
    if a is b or (not a and not b):
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
    body = spans_of(document.paragraphs, section.first_paragraph, section.last_paragraph, _TITLES)
    if body:
        start = max(start, body[0][0])
    return document.text[start : section.end]


def _once(known: dict[K, V], key: K, make: Callable[[K], V]) -> V:
    """``make(key)``, made once per equal key (equal titles and texts share one
    object, and so one score: see ``pair_sections``)."""
    found = known.get(key)
    if found is None:
        found = known[key] = make(key)
    return found


def _after_heading(document: Document, section: Section) -> str:
    """A section's text after its heading: subtitle, body and all."""
    start = section.start if section.heading is None else section.heading[1]
    return document.text[start : section.end]


def _title_shingles(title: str) -> frozenset[str]:
    chars = title.replace(" ", "")
    if len(chars) < 3:
        return frozenset([chars]) if chars else frozenset()
    return frozenset(chars[k : k + 2] for k in range(len(chars) - 1))


def _title_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _score(
    title_a: frozenset[str],
    title_b: frozenset[str],
    body_a: frozenset[tuple[str, str]],
    body_b: frozenset[tuple[str, str]],
) -> float:
    titles = _title_similarity(title_a, title_b)
    if len(body_a) < 8 or len(body_b) < 8:
        # Headings with (almost) no text of their own: the title decides.
        return titles
    return 0.35 * titles + 0.65 * dice(body_a, body_b)


def _candidates(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    old_bodies: Sequence[frozenset[tuple[str, str]]],
    new_bodies: Sequence[frozenset[tuple[str, str]]],
) -> Iterator[tuple[int, int]]:
    """The (old, new) pairs worth scoring: every pair when there are few, else the
    OLD sections sharing the most distinctive word pairs with a NEW one, those
    with the same title, and those at about the same place."""
    old_n, new_n = len(old_keys), len(new_keys)
    if old_n * new_n <= ALL_PAIRS:
        yield from ((i, j) for i in range(old_n) for j in range(new_n))
        return
    postings: dict[tuple[str, str], list[int]] = {}
    for i, body in enumerate(old_bodies):
        for shingle in body:
            postings.setdefault(shingle, []).append(i)
    common = max(COMMON_POSTINGS, int(old_n**0.5))
    by_title: dict[str, list[int]] = {}
    for i, key in enumerate(old_keys):
        by_title.setdefault(key, []).append(i)
    # Only word pairs found in few OLD sections tell sections apart.
    distinctive = {shingle: olds for shingle, olds in postings.items() if len(olds) <= common}
    by_body: dict[int, set[int]] = {}  # a body met before (shared shingles) shares its picks
    for j in range(new_n):
        body = new_bodies[j]
        picked = by_body.get(id(body))
        if picked is None:
            shared: Counter[int] = Counter()
            for shingle in body & distinctive.keys():
                shared.update(distinctive[shingle])
            picked = by_body[id(body)] = {i for i, _ in shared.most_common(TOP_CANDIDATES)}
        chosen = set(picked)
        chosen.update(by_title.get(new_keys[j], ())[:TOP_CANDIDATES])
        centre = round(j * old_n / max(1, new_n))
        chosen.update(range(max(0, centre - WINDOW), min(old_n, centre + WINDOW + 1)))
        yield from ((i, j) for i in sorted(chosen))


def pair_sections(old: Document, new: Document) -> list[SectionPair]:
    """Pair OLD's sections with NEW's, in NEW's order with dropped ones after their neighbours.

    Args:
        old: Last edition.
        new: This edition.

    Returns:
        One entry per NEW section (paired or new), and one per dropped OLD
        section, placed after the NEW section paired with the OLD one before it.
    """
    keys: dict[str, str] = {}  # a title seen before is not keyed again
    old_keys = [_once(keys, s.title, title_key) for s in old.sections]
    new_keys = [_once(keys, s.title, title_key) for s in new.sections]
    old_n, new_n = max(1, len(old_keys)), max(1, len(new_keys))
    old_of: dict[int, tuple[int, float]] = {}
    new_of: dict[int, int] = {}
    # Sections whose title and text did not change pair at once, in order.
    same: dict[tuple[str, str], deque[int]] = {}
    for i, section in enumerate(old.sections):
        same.setdefault((old_keys[i], _after_heading(old, section)), deque()).append(i)
    unchanged: set[int] = set()
    for j, section in enumerate(new.sections):
        olds = same.get((new_keys[j], _after_heading(new, section)))
        if olds:
            i = olds.popleft()
            old_of[j] = (i, 1.0)
            new_of[i] = j
            unchanged.add(j)
    del same
    old_left = [i for i in range(len(old_keys)) if i not in new_of]
    new_left = [j for j in range(len(new_keys)) if j not in old_of]
    # Equal titles (and texts, below) share one object, and so one score.
    titles: dict[str, frozenset[str]] = {}
    old_titles = {i: _once(titles, old_keys[i], _title_shingles) for i in old_left}
    new_titles = {j: _once(titles, new_keys[j], _title_shingles) for j in new_left}
    # A text met before (boilerplate, a repeated clause) shares its shingles.
    known: dict[str, frozenset[tuple[str, str]]] = {}
    old_bodies = {i: _once(known, section_body(old, i), shingles) for i in old_left}
    new_bodies = {j: _once(known, section_body(new, j), shingles) for j in new_left}
    scored = []
    known_scores: dict[tuple[int, int, int, int], float] = {}
    for a, b in _candidates(
        [old_keys[i] for i in old_left],
        [new_keys[j] for j in new_left],
        [old_bodies[i] for i in old_left],
        [new_bodies[j] for j in new_left],
    ):
        i, j = old_left[a], new_left[b]
        parts = (old_titles[i], new_titles[j], old_bodies[i], new_bodies[j])
        key = (id(parts[0]), id(parts[1]), id(parts[2]), id(parts[3]))
        score = known_scores.get(key)
        if score is None:
            score = known_scores[key] = _score(*parts)
        if score >= PAIR_THRESHOLD:
            # Ties go to the pair nearest the same place in both texts.
            scored.append((score, -abs(i / old_n - j / new_n), i, j))
    scored.sort(reverse=True)
    for score, _, i, j in scored:
        if i not in new_of and j not in old_of:
            old_of[j] = (i, score)
            new_of[i] = j
    rows: list[SectionPair] = []
    for j in range(len(new.sections)):
        if j in old_of:
            i, score = old_of[j]
            rows.append(SectionPair(i, j, score, same=j in unchanged))
        else:
            part = _best_part(new_bodies[j], old_bodies, old_left, j * old_n / new_n)
            rows.append(SectionPair(None, j, 0.0, part))
    # A dropped section goes after the row of the nearest earlier OLD section kept.
    kept = sorted(new_of)
    row_of = {r.old: k for k, r in enumerate(rows) if r.old is not None}
    after: dict[int, list[SectionPair]] = {}
    for i in old_left:
        if i in new_of:
            continue
        part = _best_part(old_bodies[i], new_bodies, new_left, i * new_n / old_n)
        k = bisect_left(kept, i)
        anchor = -1 if k == 0 else row_of[kept[k - 1]]
        after.setdefault(anchor, []).append(SectionPair(i, None, 0.0, part))
    placed = list(after.get(-1, []))
    for k, row in enumerate(rows):
        placed.append(row)
        placed.extend(after.get(k, ()))
    return placed


def _best_part(
    part: frozenset[tuple[str, str]],
    others: dict[int, frozenset[tuple[str, str]]],
    changed: list[int],
    place: float,
) -> int | None:
    """The changed section of the other edition holding most of ``part`` (a split
    or merge), among those near ``place`` (an index into the other edition)."""
    k = bisect_left(changed, round(place))
    near = changed[max(0, k - PART_WINDOW) : k + PART_WINDOW]
    best, best_share = None, PART_THRESHOLD
    for index in near:
        share = containment(part, others[index])
        if share >= best_share:
            best, best_share = index, share
    return best
