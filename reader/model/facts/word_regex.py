"""Regex source for a large set of literal words, built as a trie.

A plain ``a|b|c`` alternation over hundreds of names makes the regex engine try
every branch at every position of a 10 MB text. A trie pattern (``苏(?:州|北)``)
tries each first character once. Its top level is an alternation whose branches
all begin with a literal, so the ``re`` module builds a character set of the first
characters and skips positions that cannot start a word without entering the
matcher (hundreds of MB/s). A leading lookahead such as ``(?=[苏北])`` would hide
that set and cost a matcher call per position.

:func:`finditer_first` runs an alternation as separate branches for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

_Trie = dict[str, "_Trie"]
_END = ""


def _insert(root: _Trie, word: str) -> None:
    node = root
    for char in word:
        node = node.setdefault(char, {})
    node[_END] = {}


def _pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    optional = _END in node
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words`` (longest match preferred).

    Args:
        words: Non-empty literal strings.

    Returns:
        Pattern source (no groups); matches nothing when ``words`` is empty.
    """
    root: _Trie = {}
    for word in words:
        if word:
            _insert(root, word)
    return _pattern(root) or "(?!)"


def bigram_guard(words: Iterable[str]) -> str:
    """A guard (see :class:`Guarded`) for the places where one of ``words`` may start.

    An alternation of hundreds of words is slow even with its first-character set:
    common characters (中, 上, 大) start a word-list branch at every turn, and the
    engine then walks all the branches. This guard tests the second character with
    a set too and only then the exact pair, so nearly every false start costs two
    set tests. It begins with a character set, so the scan itself stays fast.

    Args:
        words: Literal strings.

    Returns:
        Pattern source (no groups), one character wide: the first character of a
        word whose first two characters are those of one of ``words``.
    """
    pairs = {word[:2] for word in words if word}
    singles = "".join(re.escape(p) for p in sorted(p for p in pairs if len(p) == 1))
    pairs = {p for p in pairs if len(p) == 2}
    firsts = "".join(re.escape(c) for c in sorted({p[0] for p in pairs} | set(singles)))
    if not firsts:
        return "(?!)"
    seconds = "".join(re.escape(c) for c in sorted({p[1] for p in pairs}))
    tests = [f"(?=[{seconds}](?<={trie_pattern(pairs)}))"] if pairs else []
    if singles:
        # A one-character word needs no second character: the first one decides.
        tests.append(f"(?<=[{singles}])")
    return f"[{firsts}](?:{'|'.join(tests)})"


def word_spans(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Spans of every sighting of ``words`` in ``text`` (longest word preferred).

    Words that begin with an ASCII letter are found by a plain trie: the scan skips
    to their initials, and a capital that starts no word fails in a step or two,
    twice as fast as a guard whose every hit costs a Python call (1,800 names on
    10 MB of English: 0.18 s against 0.39 s). Other words (Han names, whose first
    characters are common) go through a :func:`bigram_guard`.

    Args:
        words: Non-empty literal strings.
        text: The text to scan.

    Returns:
        Non-overlapping spans within each of the two sets, sorted by start.
    """
    latin = {w for w in words if w and w[0].isascii() and w[0].isalpha()}
    other = {w for w in words if w and w not in latin}
    spans: list[tuple[int, int]] = []
    if latin:
        spans.extend(m.span() for m in re.finditer(trie_pattern(latin), text))
    if other:
        guarded = Guarded(bigram_guard(other), re.compile(trie_pattern(other)))
        spans.extend(m.span() for m in guarded.finditer(text))
    spans.sort()
    return spans


class Searcher(Protocol):
    """What :func:`finditer_first` needs of a branch: ``re.Pattern.search``."""

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The leftmost match at or after ``pos``."""
        ...


class Guarded:
    """A pattern tried only where a cheap guard pattern matches.

    ``Guarded(guard, pattern).search(text, pos)`` equals ``pattern.search(text, pos)``
    provided every match of ``pattern`` starts at a candidate of a guard match: the
    guard scans fast (it should begin with a literal or a character class), the
    pattern is matched at the candidates only. The candidates of a guard match at
    ``h`` are ``h + shift - back`` to ``h + shift``: a guard may find a character
    that stands a little after or before the start (a separator, a boundary).
    With ``text_start`` the start of the text is a candidate too.

    A guard matches one character (a literal or a set, then lookarounds only), so
    that one ``finditer`` over it sees every candidate, overlapping ones included.
    """

    def __init__(
        self,
        guard: str,
        pattern: re.Pattern[str],
        *,
        back: int = 0,
        shift: int = 0,
        text_start: bool = False,
    ) -> None:
        """Compile ``guard``; keep ``pattern`` and the candidate window."""
        self._guard = re.compile(guard)
        self.pattern = pattern
        self._back = back
        self._shift = shift
        self._text_start = text_start

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The leftmost match of the pattern at or after ``pos``."""
        guard = self._guard.search
        match = self.pattern.match
        untried = pos
        if pos == 0 and self._text_start:
            found = match(string, 0)
            if found is not None:
                return found
            untried = 1
        hit = guard(string, max(0, pos - self._shift))
        while hit is not None:
            last = hit.start() + self._shift
            for start in range(max(untried, last - self._back), last + 1):
                found = match(string, start)
                if found is not None:
                    return found
            untried = max(untried, last + 1)
            hit = guard(string, hit.start() + 1)
        return None

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in text order, as ``re.Pattern.finditer``."""
        match = self.pattern.match
        back, shift = self._back, self._shift
        untried = 0  # candidates before this were tried, or lie inside a match
        if self._text_start:
            found = match(string, 0)
            untried = 1
            if found is not None:
                yield found
                untried = found.end() if found.end() > 0 else 1
        if back == 0:
            # One candidate per hit (most guards): the loop below without its range.
            for hit in self._guard.finditer(string):
                start = hit.start() + shift
                if start < untried:
                    continue
                found = match(string, start)
                if found is None:
                    untried = start + 1
                else:
                    yield found
                    end = found.end()
                    untried = end if end > start else start + 1
            return
        for hit in self._guard.finditer(string):
            last = hit.start() + shift
            if last < untried:
                continue
            first = last - back
            for start in range(first if first > untried else untried, last + 1):
                found = match(string, start)
                if found is not None:
                    yield found
                    # Go on after the match; after an empty one, at the next character.
                    last = found.end() - 1 if found.end() > start else start
                    break
            untried = last + 1


class Anchored:
    """A pattern tried only near the hits of a rare word that every match contains.

    A pattern that begins with a capital letter, or with a trie of common short
    words, enters the matcher at every capital or every such letter of an English
    text. When each match must contain a rarer word (``Licence``, ``&``, ``the
    Great``), scanning for that word and searching the pattern in a window around
    each hit finds the same matches: ``before`` and ``after`` bound how far a
    match reaches on either side of the word. Matches come in text order, never
    overlapping, as ``re.Pattern.finditer``.

    The anchor may be several patterns: each should begin with a literal word
    (``past``, ``o'clock``), which the ``re`` module finds ten times faster than
    the first character set of an alternation of them (``[pto]``).
    """

    def __init__(
        self,
        anchor: str | tuple[str, ...],
        pattern: re.Pattern[str],
        *,
        before: int,
        after: int,
    ) -> None:
        """Compile the anchor pattern(s); keep ``pattern`` and the window."""
        anchors = (anchor,) if isinstance(anchor, str) else anchor
        self._anchors = [re.compile(a) for a in anchors]
        self.pattern = pattern
        self._before = before
        self._after = after

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in text order, as ``re.Pattern.finditer``."""
        search, match = self.pattern.search, self.pattern.match
        done = 0  # the end of the last match: no other match starts before it
        if len(self._anchors) == 1:
            hits: Iterable[re.Match[str]] = self._anchors[0].finditer(string)
        else:
            hits = sorted(
                (h for a in self._anchors for h in a.finditer(string)), key=lambda h: h.start()
            )
        for hit in hits:
            if hit.end() <= done:
                continue
            window = search(string, max(done, hit.start() - self._before), hit.end() + self._after)
            # A match after the word belongs to a later hit; the window may have cut
            # it short. The match found is then taken again without the window's end.
            if window is None or window.start() > hit.start():
                continue
            found = match(string, window.start())
            if found is not None:
                yield found
                done = found.end() if found.end() > found.start() else found.start() + 1


def finditer_first(patterns: Sequence[Searcher], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """``re.finditer`` of the alternation ``p0|p1|...``, one regex per branch.

    The ``re`` module skips fast to the next possible start only when a pattern
    begins with a literal or a character class (or an alternation of literals);
    an alternation whose branches begin with groups or lookbehinds is tried at
    every position (about 10 MB/s). Split into branches that each begin well,
    the same matches come out: at each position the first branch that matches
    wins, and scanning resumes at the end of the match, as in ``finditer``.

    Args:
        patterns: The branches, in the alternation's order. None may match empty.
        text: The text to scan.

    Yields:
        ``(branch index, match)`` in text order, never overlapping.
    """
    never = len(text) + 1
    pending = [p.search(text) for p in patterns]
    starts = [m.start() if m is not None else never for m in pending]
    branches = range(len(patterns))
    while True:
        first = min(starts)
        if first == never:
            return
        # index() finds the first branch starting there: the alternation's order.
        best = starts.index(first)
        m = pending[best]
        assert m is not None
        yield best, m
        pos = m.end() if m.end() > first else first + 1
        for i in branches:
            if starts[i] < pos:
                # Its match overlapped the winner: look again from the winner's end.
                found = pending[i] = patterns[i].search(text, pos)
                starts[i] = found.start() if found is not None else never
