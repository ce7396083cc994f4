"""Works (text inside 《》/〈〉) and quoted terms (text inside “”, 「」, 『』, "", ‘’).

A work is every ``《…》`` title, brackets stripped; a newspaper title (ending in
报, or an English "Times/Post/Journal/Daily…") also names its publisher, so the
caller adds it as an organization. A term is a short quotation: at most
:data:`MAX_TERM` characters, on one line, with no sentence-ending punctuation
inside (a quoted sentence is speech, not a term), and reading as a term (see
:func:`_term_size`: a letter, clean edges, not a clause cut at a comma). Terms are counted over the
whole text, title and headings included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

MAX_TERM = 32
"""Longest quotation that is still a term (longer ones are speech)."""

MAX_WORK = 60
"""Longest text inside 《》 taken as a title."""

SHORT_SLOGAN = 6
"""A quoted term up to this length is a slogan: numerals inside are not quantities."""

WORK = re.compile(r"《([^《》\n]{1,%d})》|〈([^〈〉\n]{1,%d})〉" % (MAX_WORK, MAX_WORK))
# Every branch begins with its opening mark (the lookbehinds follow it), so the
# scan skips fast from one quotation mark to the next.
TERM = re.compile(
    r"“([^“”\n]{1,%d})”|「([^「」\n]{1,%d})」|『([^『』\n]{1,%d})』"
    # A straight quote opens after anything but a Latin letter or digit (Chinese text
    # quotes with "" too: 其中的"音似错误"), and closes before anything but one.
    r"|\"(?<![A-Za-z0-9_\"].)([^\"\n]{1,%d})\"(?![A-Za-z0-9_\"])"
    r"|‘(?<![\w‘].)([^‘’\n]{1,%d})’(?![\w’])" % ((MAX_TERM,) * 5)
)
_SENTENCE_END = re.compile(r"[。！？!?]|\.\s")
_LETTER = re.compile(r"[^\W\d_]")
_OPENERS = "（《「『“‘([{"
_CLOSERS = "，。、；：？！）》」』”’,.;:?!)]}"
_QUOTE_MARKS = re.compile(r"[“”「」『』\"]")
_SPEECH_END = (",", ";", "，", "；", "：", ":")
_FUNCTION_WORDS = frozenset(
    "a an and as at but by for from if in it nor of on or so than that the then this to "
    "yes no oh well".split()
)
NEWSPAPER = re.compile(
    r"(?:日报|晚报|时报|商报|早报|晨报|青年报|法制报|周报|报)$"
    r"|(?:Times|Post|Journal|Herald|Daily|Gazette|Tribune|Guardian|Telegraph)$"
)


@dataclass(frozen=True, slots=True)
class Quoted:
    """One bracketed or quoted stretch: the inner span and the outer (with marks)."""

    start: int
    end: int
    outer_start: int
    outer_end: int

    def text(self, source: str) -> str:
        """The inner text."""
        return source[self.start : self.end]


def _inner(m: re.Match[str]) -> tuple[int, int] | None:
    # Each branch has one group and nothing nests: the last group is the one matched.
    return m.span(m.lastindex) if m.lastindex else None


def find_works(text: str) -> list[Quoted]:
    """Every title in 《》 or 〈〉.

    Args:
        text: The whole document text.

    Returns:
        Works in text order.
    """
    out: list[Quoted] = []
    for m in WORK.finditer(text):
        inner = _inner(m)
        if inner and text[inner[0] : inner[1]].strip():
            out.append(Quoted(inner[0], inner[1], m.start(), m.end()))
    return out


def find_terms(text: str) -> list[Quoted]:
    """Every short quotation (see the module docstring).

    Args:
        text: The whole document text.

    Returns:
        Quoted terms in text order.
    """
    return [Quoted(start, end, outer[0], outer[1]) for start, end, outer in _terms(text)]


def term_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """The inner spans of :func:`find_terms`, grouped by the term's text.

    Args:
        text: The whole document text.

    Returns:
        Term text -> inner spans in text order (no objects per mention: a long
        report quotes its slogans tens of thousands of times).
    """
    grouped: dict[str, list[tuple[int, int]]] = {}
    for start, end, _ in _terms(text):
        grouped.setdefault(text[start:end], []).append((start, end))
    return grouped


def _terms(text: str) -> Iterator[tuple[int, int, tuple[int, int]]]:
    sentence_end = _SENTENCE_END.search
    for m in TERM.finditer(text):
        # Each branch has one group and nothing nests: the last group is the one matched.
        group = m.lastindex
        if not group:
            continue
        body = m.group(group)
        if not body.strip() or body != body.strip() or sentence_end(body):
            continue
        size = _term_size(body)
        if size:
            start = m.start(group)
            yield start, start + size, m.span()


@lru_cache(maxsize=4096)
def _term_size(body: str) -> int:
    """How much of a quotation that passed the length and sentence tests is a term (0: none).

    Not a term: no letter or CJK character at all (``";"``, ``":0"``), a ragged edge
    (``.git``), other quotation marks inside (mismatched quotes), or one function
    word ("But", "the"). A quotation ending in "," or ";" is speech cut short
    ("'Tis so,") unless every word is capitalised: then it is a name quoted in the
    American way, comma inside ("Secured Borders,"), and the term stops before it.
    """
    if body.endswith(_SPEECH_END):
        body = body[:-1].rstrip()
        if not body or not all(word[0].isupper() or word[0].isdigit() for word in body.split()):
            return 0
    if _LETTER.search(body) is None or body[0] in _CLOSERS or body[-1] in _OPENERS:
        return 0
    if _QUOTE_MARKS.search(body) or body.lower() in _FUNCTION_WORDS:
        return 0
    return len(body)


def is_newspaper(title: str) -> bool:
    """Whether a work title names a newspaper (and so its publisher too)."""
    return bool(NEWSPAPER.search(title))
