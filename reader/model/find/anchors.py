"""Passage anchors, and finding a passage again after the text changed.

Position unit: half-open ``(start, end)`` character offsets into the normalized
text, as everywhere in ``reader.model``.

An :class:`Anchor` keeps a passage's old offsets, its exact text and up to
``context`` characters on either side. :func:`resolve` looks for it in a new text,
in this order, and says which rule found it:

1. ``"exact"``: the quote is still at its old offset, and its context agrees;
2. ``"moved"``: the quote occurs elsewhere; among the occurrences the one whose
   prefix and suffix agree best wins, the nearest on ties. An occurrence is
   trusted only when its context agrees (at least :data:`MIN_SUPPORT` characters)
   or the quote occurs once in the whole text: a common word found somewhere else
   is a guess, and a guess must not be called exact or moved;
3. ``"context"``: the prefix and suffix are found with text of plausible length
   between them; the passage changed inside and the span is what now lies between;
4. ``"fuzzy"``: a window around the old offset (and around where the prefix or
   the suffix alone is found) holds text similar to the quote
   (``difflib`` ratio >= :data:`FUZZY_THRESHOLD`);
5. ``"detached"``: nothing fits; the span is the old start, clamped, and empty.

Everything is ``str.find``/``rfind`` or work bounded by a window, so a 10 MB text
costs a few milliseconds at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Method = Literal["exact", "moved", "context", "fuzzy", "detached"]

MIN_SUPPORT = 8
"""Characters of agreeing context that make a repeated quote's occurrence trusted."""
FUZZY_THRESHOLD = 0.8
"""Lowest ``difflib`` similarity accepted as the same passage."""
MIN_FUZZY_LENGTH = 4
"""Quotes shorter than this are never matched fuzzily: too easy to match by chance."""
MAX_FUZZY_LENGTH = 4000
"""Longer quotes are not matched fuzzily (quadratic cost); they detach instead."""
MAX_CANDIDATES = 4096
"""Occurrences of a quote or prefix examined, nearest first, before giving up."""


@dataclass(frozen=True)
class Anchor:
    """A passage and what surrounded it when it was marked."""

    start: int
    """Old offset of the passage's first character."""
    end: int
    """Old offset just past the passage."""
    exact: str
    """The passage text."""
    prefix: str
    """Up to ``context`` characters before the passage."""
    suffix: str
    """Up to ``context`` characters after the passage."""


@dataclass(frozen=True)
class Resolved:
    """Where an anchor lies in a new text, and how it was found."""

    start: int
    end: int
    method: Method

    @property
    def found(self) -> bool:
        """False when the passage is detached."""
        return self.method != "detached"


def make_anchor(text: str, start: int, end: int, context: int = 32) -> Anchor:
    """Anchor the passage ``text[start:end]``.

    Args:
        text: The text the offsets refer to.
        start: Offset of the passage (clamped into the text).
        end: Offset just past the passage (clamped; never before ``start``).
        context: How many characters of prefix and suffix to keep.

    Returns:
        The anchor.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    context = max(0, context)
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def resolve(text: str, anchor: Anchor) -> Resolved:
    """Find ``anchor`` in ``text``; see the module docstring for the rules.

    Args:
        text: The (possibly changed) text.
        anchor: The anchor made from the old text.

    Returns:
        The new span and the rule that found it. Never raises on any input.
    """
    old = max(0, min(anchor.start, len(text)))
    found = _find_exact(text, anchor, old)
    if found is None:
        found = _find_by_context(text, anchor, old)
    if found is None:
        found = _find_fuzzy(text, anchor, old)
    return found if found is not None else Resolved(old, old, "detached")


def _support(text: str, anchor: Anchor, start: int, end: int) -> int:
    """How many context characters next to ``text[start:end]`` agree with the anchor's."""
    prefix, suffix = anchor.prefix, anchor.suffix
    before = text[max(0, start - len(prefix)) : start]
    count = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        count += 1
    after = text[end : end + len(suffix)]
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        count += 1
    return count


def _nearest(text: str, needle: str, origin: int, limit: int = MAX_CANDIDATES) -> list[int]:
    """Offsets of ``needle`` in ``text``, nearest to ``origin`` first, at most ``limit``."""
    out: list[int] = []
    forward = text.find(needle, origin)
    backward = text.rfind(needle, 0, origin + len(needle) - 1) if origin > 0 else -1
    while len(out) < limit and (forward >= 0 or backward >= 0):
        take_forward = backward < 0 or (forward >= 0 and forward - origin <= origin - backward)
        if take_forward:
            out.append(forward)
            forward = text.find(needle, forward + 1)
        else:
            out.append(backward)
            backward = text.rfind(needle, 0, backward + len(needle) - 1) if backward > 0 else -1
    return out


def _find_exact(text: str, anchor: Anchor, old: int) -> Resolved | None:
    """Rules 1 and 2: the exact quote, at its old offset or moved."""
    exact = anchor.exact
    if not exact:
        return None
    full = len(anchor.prefix) + len(anchor.suffix)
    if text.startswith(exact, old) and _support(text, anchor, old, old + len(exact)) == full:
        return Resolved(old, old + len(exact), "exact")
    best: tuple[int, int] | None = None  # (support, position)
    count = 0
    for pos in _nearest(text, exact, old):
        count += 1
        support = _support(text, anchor, pos, pos + len(exact))
        if best is None or support > best[0]:
            best = (support, pos)
            if support == full:
                break  # candidates come nearest first: nothing later can beat this
    if best is None:
        return None
    support, pos = best
    unique = count == 1 and text.find(exact, pos + 1) < 0
    if not (unique or support >= min(full, MIN_SUPPORT)):
        return None
    return Resolved(pos, pos + len(exact), "exact" if pos == old else "moved")


def _find_by_context(text: str, anchor: Anchor, old: int) -> Resolved | None:
    """Rule 3: prefix and suffix found with plausible text between them."""
    prefix, suffix, length = anchor.prefix, anchor.suffix, len(anchor.exact)
    if len(prefix) + len(suffix) < MIN_SUPPORT:
        return None
    longest = 2 * length + 32
    # A passage that shrank to nothing was deleted, not changed: leave it detached.
    shortest = max(1, length // 3) if length else 0
    if prefix:
        starts = [p + len(prefix) for p in _nearest(text, prefix, max(0, old - len(prefix)))]
    elif anchor.start == 0:
        starts = [0]  # the passage began the text
    else:
        return None
    for start in starts:
        if suffix:
            end = _closest_end(text, suffix, start, shortest, longest, length)
            if end < 0:
                continue
        else:
            end = len(text)  # the passage ended the text
            if not shortest <= end - start <= longest:
                continue
        return Resolved(start, end, "context")
    return None


def _closest_end(
    text: str, suffix: str, start: int, shortest: int, longest: int, length: int
) -> int:
    """Where ``suffix`` begins after ``start``, the length nearest the old one winning."""
    best = -1
    pos = text.find(suffix, start + shortest, start + longest + len(suffix))
    while pos >= 0:
        if best < 0 or abs(pos - start - length) < abs(best - start - length):
            best = pos
        pos = text.find(suffix, pos + 1, start + longest + len(suffix))
    return best


def _find_fuzzy(text: str, anchor: Anchor, old: int) -> Resolved | None:
    """Rule 4: text similar to the quote in a window near where it should be."""
    exact = anchor.exact
    if not MIN_FUZZY_LENGTH <= len(exact) <= MAX_FUZZY_LENGTH:
        return None
    pad = max(256, len(exact))
    origins = [old]
    if len(anchor.prefix) >= MIN_SUPPORT:
        hits = _nearest(text, anchor.prefix, old, limit=1)
        origins += [hits[0] + len(anchor.prefix)] if hits else []
    if len(anchor.suffix) >= MIN_SUPPORT:
        hits = _nearest(text, anchor.suffix, old + len(exact), limit=1)
        origins += [max(0, hits[0] - len(exact))] if hits else []
    best: tuple[float, int, int, int] | None = None  # (ratio, -distance, start, end)
    for origin in dict.fromkeys(origins):
        lo = max(0, origin - pad)
        hi = min(len(text), origin + len(exact) + pad)
        for start, end in _window_candidates(exact, text[lo:hi]):
            start, end = start + lo, end + lo
            ratio = _ratio(exact, text[start:end])
            key = (ratio, -abs(start - old), start, end)
            if ratio >= FUZZY_THRESHOLD and (best is None or key > best):
                best = key
    if best is None:
        return None
    return Resolved(best[2], best[3], "fuzzy")


def _ratio(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _window_candidates(quote: str, window: str) -> list[tuple[int, int]]:
    """Spans of ``window`` that may hold an edited copy of ``quote``.

    The matching blocks of one alignment are split into clusters wherever the gap
    in the window is much larger than the gap in the quote; each cluster whose
    matches cover at least half the quote gives a span (with and without the
    unmatched head and tail of the quote added on).
    """
    matcher = SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    slack = len(quote) // 4 + 8
    clusters: list[list[tuple[int, int, int]]] = []
    for a, b, size in blocks:
        if clusters:
            pa, pb, psize = clusters[-1][-1]
            if (b - (pb + psize)) - (a - (pa + psize)) <= slack:
                clusters[-1].append((a, b, size))
                continue
        clusters.append([(a, b, size)])
    out: list[tuple[int, int]] = []
    for cluster in clusters:
        if 2 * sum(size for _, _, size in cluster) < len(quote):
            continue
        first, last = cluster[0], cluster[-1]
        tight = (first[1], last[1] + last[2])
        head = first[0]
        tail = len(quote) - (last[0] + last[2])
        loose = (max(0, tight[0] - head), min(len(window), tight[1] + tail))
        out.append(tight)
        if loose != tight:
            out.append(loose)
    return out
