"""What changed inside a pair of sections, as whole phrases: "replaced A with B".

Paragraphs are aligned first (equal paragraphs are passed over at once; a
changed one is paired with the most alike paragraph nearby), then each pair of
changed paragraphs is compared character by character with diff-match-patch
(its C++ build: 1 ms where the pure-Python one takes 17) and its semantic
clean-up, which grows scattered one-character edits into word and phrase
boundaries. Python's ``difflib`` on whole sections of CJK text is quadratic
(8 s for 20,000 characters here) and its edits are not cleaned up.

Position unit: character offsets into each document's ``text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

import fast_diff_match_patch

from reader.model.compare.pairing import dice, shingles
from reader.model.document import Document, ParagraphKind
from reader.model.paragraphs import spans_of

_OPS = {"=": 0, "-": -1, "+": 1}

PARAGRAPH_PAIR = 0.3
"""How alike two paragraphs must be to be compared character by character."""

DIFF_TIMEOUT = 0.5
"""Seconds diff-match-patch may spend on one pair of paragraphs."""


@dataclass(frozen=True, slots=True)
class Change:
    """One edit: OLD's ``deleted`` text at ``old_start`` became NEW's ``inserted`` text."""

    old_start: int
    """Where the deleted text starts in OLD (or where the insertion would go)."""
    old_end: int
    """Just past the deleted text in OLD (``old_start`` for a pure insertion)."""
    new_start: int
    """Where the inserted text starts in NEW (or where the deletion was)."""
    new_end: int
    """Just past the inserted text in NEW (``new_start`` for a pure deletion)."""
    deleted: str
    """The text OLD had here ("" for a pure insertion)."""
    inserted: str
    """The text NEW has here ("" for a pure deletion)."""
    whole_paragraph: bool = False
    """True when a whole paragraph was added or dropped."""


Span = tuple[int, int]
_HEADINGS = frozenset({ParagraphKind.HEADING})


def _body(document: Document, index: int) -> list[Span]:
    """The spans of a section's paragraphs but its heading (from the columns)."""
    section = document.sections[index]
    return spans_of(document.paragraphs, section.first_paragraph, section.last_paragraph, _HEADINGS)


def _trimmed(document: Document, span: Span) -> Span:
    start, end = span
    raw = document.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return start + lead, start + len(raw.rstrip())


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,%_")


def snap_to_words(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Grow each edit to whole numbers and Latin words (``1100`` → ``1244``, not ``100`` → ``244``).

    An edit that begins or ends inside a run of digits or letters takes the rest
    of that run from the equal text beside it, on both sides at once.

    Args:
        diffs: ``(op, text)`` pairs (0 equal, -1 delete, 1 insert).
    """
    # Group into alternating equal text and edits (deleted, inserted).
    groups: list[list[str]] = []  # [equal] or [deleted, inserted]
    for op, piece in diffs:
        if op == 0:
            groups.append([piece])
        else:
            if not groups or len(groups[-1]) == 1:
                groups.append(["", ""])
            groups[-1][0 if op == -1 else 1] += piece
    for k, group in enumerate(groups):
        if len(group) != 2:
            continue
        deleted, inserted = group
        edge = (deleted[:1] or "") + (inserted[:1] or "")
        if k > 0 and len(groups[k - 1]) == 1 and any(map(_word_char, edge)):
            before = groups[k - 1][0]
            cut = len(before)
            while cut > 0 and _word_char(before[cut - 1]):
                cut -= 1
            if cut < len(before):
                moved = before[cut:]
                groups[k - 1][0] = before[:cut]
                deleted, inserted = moved + deleted, moved + inserted
        edge = (deleted[-1:] or "") + (inserted[-1:] or "")
        if k + 1 < len(groups) and len(groups[k + 1]) == 1 and any(map(_word_char, edge)):
            after = groups[k + 1][0]
            cut = 0
            while cut < len(after) and _word_char(after[cut]):
                cut += 1
            if cut:
                groups[k + 1][0] = after[cut:]
                deleted, inserted = deleted + after[:cut], inserted + after[:cut]
        group[0], group[1] = deleted, inserted
    out: list[tuple[int, str]] = []
    for group in groups:
        if len(group) == 1:
            if group[0]:
                out.append((0, group[0]))
        else:
            if group[0]:
                out.append((-1, group[0]))
            if group[1]:
                out.append((1, group[1]))
    return out


def diff_paragraph_texts(old_text: str, new_text: str, old_at: int, new_at: int) -> list[Change]:
    """The phrase-level edits that turn ``old_text`` into ``new_text``.

    Args:
        old_text: A paragraph of OLD.
        new_text: The paragraph of NEW it became.
        old_at: Offset of ``old_text`` in OLD.
        new_at: Offset of ``new_text`` in NEW.
    """
    ops = fast_diff_match_patch.diff(
        old_text,
        new_text,
        timelimit=DIFF_TIMEOUT,
        checklines=False,
        cleanup="Semantic",
        counts_only=False,
    )
    diffs = snap_to_words([(_OPS[op], piece) for op, piece in ops])
    changes: list[Change] = []
    o, n = old_at, new_at
    pending_delete: tuple[int, str] | None = None
    for op, piece in diffs:
        if op == 0:
            if pending_delete is not None:
                start, deleted = pending_delete
                changes.append(Change(start, start + len(deleted), n, n, deleted, ""))
                pending_delete = None
            o += len(piece)
            n += len(piece)
        elif op == -1:
            # Snapping can leave two deletions side by side: one edit.
            pending_delete = (
                (o, piece)
                if pending_delete is None
                else (pending_delete[0], pending_delete[1] + piece)
            )
            o += len(piece)
        else:
            if pending_delete is not None:
                start, deleted = pending_delete
                changes.append(Change(start, o, n, n + len(piece), deleted, piece))
                pending_delete = None
            else:
                changes.append(Change(o, o, n, n + len(piece), "", piece))
            n += len(piece)
    if pending_delete is not None:
        start, deleted = pending_delete
        changes.append(Change(start, start + len(deleted), n, n, deleted, ""))
    return changes


def _align(old_texts: list[str], new_texts: list[str]) -> Iterator[tuple[int | None, int | None]]:
    """(old, new) paragraph indexes: equal or paired, added (old None), dropped (new None)."""
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from zip(range(i1, i2), range(j1, j2), strict=True)
            continue
        old_sh = {i: shingles(old_texts[i]) for i in range(i1, i2)}
        next_old = i1
        for j in range(j1, j2):
            new_sh = shingles(new_texts[j])
            best, best_score = None, PARAGRAPH_PAIR
            for i in range(next_old, i2):
                score = dice(old_sh[i], new_sh)
                if score > best_score:
                    best, best_score = i, score
            if best is None:
                yield None, j
                continue
            for i in range(next_old, best):
                yield i, None
            yield best, j
            next_old = best + 1
        for i in range(next_old, i2):
            yield i, None


def diff_sections(old: Document, old_index: int, new: Document, new_index: int) -> list[Change]:
    """Every edit between a section of OLD and its counterpart in NEW, in NEW's order.

    Args:
        old: Last edition.
        old_index: The section's index in OLD.
        new: This edition.
        new_index: Its counterpart's index in NEW.
    """
    old_paras = _body(old, old_index)
    new_paras = _body(new, new_index)
    old_texts = [old.text[start:end].strip() for start, end in old_paras]
    new_texts = [new.text[start:end].strip() for start, end in new_paras]
    if old_texts == new_texts:
        return []
    changes: list[Change] = []
    # Where a dropped paragraph stood in NEW: before the next NEW paragraph.
    new_cursor = new.sections[new_index].end
    aligned = list(_align(old_texts, new_texts))
    for k, (i, j) in enumerate(aligned):
        if j is not None:
            new_start, new_end = _trimmed(new, new_paras[j])
        else:
            following = next((jj for _, jj in aligned[k + 1 :] if jj is not None), None)
            if following is not None:
                new_start = new_end = _trimmed(new, new_paras[following])[0]
            else:
                new_start = new_end = _last_end(new, new_paras, new_cursor)
        if i is None:
            assert j is not None
            old_at = _insertion_point(old, old_paras, aligned, k, old.sections[old_index].end)
            changes.append(
                Change(old_at, old_at, new_start, new_end, "", new_texts[j], whole_paragraph=True)
            )
        elif j is None:
            old_start, old_end = _trimmed(old, old_paras[i])
            changes.append(
                Change(
                    old_start, old_end, new_start, new_start, old_texts[i], "", whole_paragraph=True
                )
            )
        elif old_texts[i] != new_texts[j]:
            old_start, _ = _trimmed(old, old_paras[i])
            changes.extend(diff_paragraph_texts(old_texts[i], new_texts[j], old_start, new_start))
    changes.sort(key=lambda c: (c.new_start, c.old_start))
    return changes


def _last_end(document: Document, paragraphs: list[Span], fallback: int) -> int:
    return _trimmed(document, paragraphs[-1])[1] if paragraphs else fallback


def _insertion_point(
    old: Document,
    old_paras: list[Span],
    aligned: list[tuple[int | None, int | None]],
    k: int,
    fallback: int,
) -> int:
    following = next((ii for ii, _ in aligned[k + 1 :] if ii is not None), None)
    if following is not None:
        return _trimmed(old, old_paras[following])[0]
    return _last_end(old, old_paras, fallback)


def changed_share(changes: list[Change], old_length: int, new_length: int) -> float:
    """How much of a pair of sections changed: edited characters over all characters.

    Args:
        changes: The pair's changes.
        old_length: Length of OLD's section.
        new_length: Length of NEW's section.
    """
    total = old_length + new_length
    if total == 0:
        return 0.0
    edited = sum(len(c.deleted) + len(c.inserted) for c in changes)
    return min(1.0, edited / total)
