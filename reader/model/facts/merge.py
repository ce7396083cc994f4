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
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.model.document import Fact, FactKind, Span
from reader.model.facts.table import FactTable, TableWriter

_SPACE = re.compile(r"\s+")
_KIND_ORDER = {kind: i for i, kind in enumerate(FactKind)}
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


class FactMerger:
    """Facts merged as the rules find them, written into a :class:`FactTable`.

    One group per (kind, collapsed surface, what is counted); the first fact of
    a group gives the value, unit and qualifier. A group holds its mentions as
    flat ``array('i')`` pairs, never as objects: a 50 MB text has ~700,000
    mentions, which as ``Mention`` objects cost the worker process ~100 MB.

    Args:
        section_starts: Where each section of the document starts.
        section_ids: Their ids (a mention gets the id of the section holding its start).
    """

    def __init__(
        self,
        section_starts: Sequence[int],
        section_ids: Sequence[str],
        unsaid: Sequence[Span] = (),
    ) -> None:
        # Spans where nothing is said in the document's own voice (code blocks):
        # a mention there is dropped, and a fact said only there is no fact.
        self._unsaid = bytearray(max((end for _, end in unsaid), default=0) + 1)
        for start, end in unsaid:
            self._unsaid[start:end] = b"\x01" * (end - start)
        self._starts = list(section_starts)
        self._ids = list(section_ids) or [""]
        self._groups: dict[tuple[FactKind, str, str | None], int] = {}
        self._facts: list[Fact] = []
        self._spans: list[array[int]] = []

    def add(self, fact: Fact, spans: Iterable[Span]) -> None:
        """Add ``fact`` (its ``mentions`` are not read) said at ``spans``.

        Args:
            fact: What the rules found: kind, surface, value and the rest.
            spans: Where it is said.
        """
        unsaid = self._unsaid
        kept = [(a, b) for a, b in spans if unsaid.find(1, a, b) < 0] if len(unsaid) > 1 else spans
        if not kept:
            return
        text = collapse(fact.text)
        key = (fact.kind, text, fact.counted)
        number = self._groups.get(key)
        if number is None:
            number = self._groups[key] = len(self._facts)
            self._facts.append(fact if text == fact.text else replace(fact, text=text))
            self._spans.append(array("i"))
        pairs = self._spans[number]
        for start, end in kept:
            pairs.append(start)
            pairs.append(end)

    def table(self) -> FactTable:
        """The merged facts by kind (``FactKind`` order), then by first mention.

        Each fact's mentions are in text order, each span once. Ties keep the
        order in which the facts were first added.
        """
        writer = TableWriter(self._ids)
        starts = self._starts
        rows: list[tuple[int, int, int]] = []
        for number, pairs in enumerate(self._spans):
            first = min(pairs[0::2]) if pairs else 0
            rows.append((_KIND_ORDER[self._facts[number].kind], first, number))
        rows.sort()
        for _, _, number in rows:
            pairs = self._spans[number]
            spans = sorted(set(zip(pairs[0::2], pairs[1::2], strict=True)))
            self._spans[number] = array("i")  # freed as the table grows
            mention_starts = [start for start, _ in spans]
            writer.add(
                self._facts[number],
                mention_starts,
                [end for _, end in spans],
                # Offsets before the first section belong to it (as Document.section_at).
                [(bisect_right(starts, start) or 1) - 1 for start in mention_starts]
                if starts
                else [0] * len(spans),
            )
        return writer.table()
