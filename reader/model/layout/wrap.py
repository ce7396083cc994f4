"""CJK-aware line breaking by cell width (kinsoku), pure and fast.

Position unit: character offsets into the document text. A wrapped paragraph is
the list of its line *start* offsets; line ``i`` is ``text[starts[i]:starts[i+1]]``
and the last line ends at the paragraph's end. Lines join back to the paragraph
exactly: nothing is dropped or added.

Rules:

* A line's width in cells (``reader.model.layout.cells``; a tab is 4 cells), NOT
  counting its trailing spaces, is at most ``width``. Spaces at a break stay at
  the end of the previous line (they "hang"); the renderer trims them visually.
* Breaks are allowed between CJK (wide) characters, between a CJK character and
  a Latin word, after spaces, after closing CJK punctuation, before opening CJK
  punctuation, and after a hyphen between letters (``well-|known``, not ``2014-07-22``).
* No line starts with closing punctuation (``CLOSING``; the ASCII ``,.;:?!)]}%'"``
  too, unless a space precedes them), nor with a zero-width character; no line
  ends with opening punctuation (``OPENING``); "——" and "……" stay together.
* The first line keeps the paragraph's indentation (spaces, U+3000, NBSP, tab):
  no break is taken inside it, and a break right after it only when the first
  word would otherwise be cut.
* A newline inside a paragraph ends a line (it stays, zero cells wide, at the
  end of that line; the renderer does not draw it).
* Last resort: when no allowed break fits (an overlong word or URL, a run of
  closing punctuation longer than the width), the line is cut at the width; when
  not even one character fits (a wide character at width 1), the line holds that
  one character and the zero-width characters that follow it.

Speed: each line jumps to the widest end that fits (``cells.fit_end``: a few
``str.count`` calls over a class string made by one ``str.translate`` pass) and
steps back to an allowed break, so the Python work per line is independent of
its length for CJK text.
"""

from __future__ import annotations

from array import array
from collections.abc import MutableSequence, Sequence

from reader.model.layout.cells import fit_end, width_classes

__all__ = ["CLOSING", "OPENING", "wrap_paragraph", "wrap_text"]

CLOSING = frozenset(
    "，。、；：？！”’）》」』】〕〉〗〙〛｠…‥·・％．，；：？！）］｝＞﹐﹑﹒﹔﹕﹖﹗"
)
"""Characters that never start a line (besides ASCII closers and the second ``—``)."""

OPENING = frozenset("“‘（《「『【〔〈〖〘〚｟［｛＜([{")
"""Characters that never end a line."""

_ASCII_CLOSING = frozenset(",.;:?!)]}%'\"")
"""ASCII closers: not at a line start unless a space precedes (then ' and " open)."""

_BREAK_AFTER = CLOSING | frozenset("—")
"""Narrow characters after which a break is allowed (“苏州”|ABC, ——|ABC)."""

_BREAK_BEFORE = OPENING | frozenset("—")
"""Narrow characters before which a break is allowed (ABC|“苏州”)."""

_SPACES = frozenset(" \t\u3000")
"""Characters after which a break is allowed."""

_INDENT = " \u3000\u00a0\t"
"""Characters of a paragraph's leading indentation."""

_CUT_BACK = 4
"""How far a last-resort cut may step back to keep a closing mark off the next line."""

_PAIRED = frozenset("—…")
"""Characters whose doubles ("——", "……") are never split."""


def _allowed(p: str, t: str, b: int) -> bool:
    """Whether a line may break before ``p[b]`` (``0 < b < len(p)``).

    Args:
        p: The paragraph text.
        t: Its class string.
        b: Index of the first character of the next line.

    Returns:
        True when the kinsoku and word rules allow the break.
    """
    c = p[b]
    tc = t[b]
    if tc == "0" or c == " " or c in CLOSING:
        return False
    a = p[b - 1]
    if a == c and c in _PAIRED:
        return False
    if a in OPENING:
        return False
    if a in _SPACES:
        # The spaces hang at the line's end; what shows last must not be an
        # opening mark ("中中“ |中" would end the line on “).
        k = b - 2
        while k >= 0 and p[k] in _SPACES:
            k -= 1
        return k < 0 or p[k] not in OPENING
    if c in _ASCII_CLOSING:
        return False
    if tc == "2" or t[b - 1] == "2" or a in _BREAK_AFTER or c in _BREAK_BEFORE:
        return True
    # Hyphenated words only: a hyphen between digits (2014-07-22) is not a break.
    return a == "-" and b >= 2 and p[b - 2].isalpha() and c.isalpha()


def _cut(p: str, t: str, s: int, e: int) -> int:
    """Where a line from ``s`` with no allowed break is cut: at ``e``, or a little
    earlier so the next line does not start with a closing mark or a zero-width
    character (up to ``_CUT_BACK`` characters back; else at ``e``)."""
    b = e
    while b > s + 1 and e - b < _CUT_BACK and (t[b] == "0" or _closes(p, b)):
        b -= 1
    return b if t[b] != "0" and not _closes(p, b) else e


def _closes(p: str, b: int) -> bool:
    """Whether ``p[b]`` is a closing mark that must not start a line."""
    c = p[b]
    return c in CLOSING or (c in _ASCII_CLOSING and p[b - 1] not in _SPACES)


def _wrap_into(p: str, t: str, width: int, base: int, out: MutableSequence[int]) -> None:
    """Append the line starts of paragraph ``p`` (at offset ``base``) to ``out``.

    A newline inside the paragraph (hard-wrapped prose, verse, an address) ends
    a line: it stays at the end of its line, zero cells wide, like a hanging
    space, and is never drawn.
    """
    nl = p.find("\n")
    if nl < 0:
        _wrap_lines(p, t, width, base, out)
        return
    s = 0
    while nl >= 0:
        _wrap_lines(p[s : nl + 1], t[s : nl + 1], width, base + s, out)
        s = nl + 1
        nl = p.find("\n", s)
    if s < len(p):
        _wrap_lines(p[s:], t[s:], width, base + s, out)


def _wrap_lines(p: str, t: str, width: int, base: int, out: MutableSequence[int]) -> None:
    """Append the line starts of ``p``, which holds no newline but perhaps a last one.

    Args:
        p: The paragraph text.
        t: Its class string (``width_classes(p)``).
        width: Cells per line (at least 1 is used).
        base: Offset of ``p[0]`` in the document text.
        out: Where the absolute line starts go.
    """
    out.append(base)
    n = len(p)
    if n == 0:
        return
    width = max(width, 1)
    simple = "0" not in t and "4" not in t
    indent = n - len(p.lstrip(_INDENT))
    s = 0
    while True:
        e = fit_end(t, s, n, width, simple)
        if e >= n:
            return
        b = e
        if p[e] == " ":
            # Spaces hang at the end of the line; break after them if the next
            # character may start a line ("中 ，" must not leave "，" first).
            while b < n and p[b] == " ":
                b += 1
            if b < n and not _allowed(p, t, b):
                b = e
        if b == e:
            lo = indent if s == 0 else s
            b = e
            while b > lo and not _allowed(p, t, b):
                b -= 1
            if b <= lo and s == 0 and 0 < indent < e and _allowed(p, t, indent):
                # Rather an indentation-only first line than a word cut in two.
                b = indent
            elif b <= lo:
                # Last resort: cut at the width (a character or two earlier when
                # the cut would put a closing mark first: "Publishe|d:", not
                # "Published|:"), or take one character (and its combining
                # marks) when not even one fits.
                b = _cut(p, t, s, e)
                if b == s:
                    b = s + 1
                    while b < n and t[b] == "0":
                        b += 1
        while b < n and p[b] == " ":
            b += 1
        if b >= n:
            return
        out.append(base + b)
        s = b


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[int]:
    """Wrap ``text[start:end]`` to at most ``width`` cells per line.

    Args:
        text: The document text.
        start: Offset where the paragraph starts.
        end: Offset just past its last character.
        width: Cells per line (values below 1 count as 1).

    Returns:
        Absolute line start offsets; the first is ``start`` (``[start]`` for an
        empty paragraph). Line ``i`` is ``text[starts[i]:starts[i+1]]`` and the
        last one ends at ``end``.
    """
    p = text[start:end]
    out: list[int] = []
    _wrap_into(p, width_classes(p), width, start, out)
    return out


def wrap_text(text: str, spans: Sequence[tuple[int, int]], width: int) -> array[int]:
    """Wrap many paragraphs: the line starts of every span, in order, in one array.

    The class string is made once for the range the spans cover, so a chunk of
    paragraphs costs one ``str.translate`` pass.

    Args:
        text: The document text.
        spans: ``(start, end)`` of each paragraph, in text order, not overlapping.
        width: Cells per line (values below 1 count as 1).

    Returns:
        ``array('i')`` of absolute line starts, paragraph after paragraph; each
        paragraph contributes at least its own start.
    """
    out: array[int] = array("i")
    if not spans:
        return out
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    classes = width_classes(text[lo:hi])
    for start, end in spans:
        _wrap_into(text[start:end], classes[start - lo : end - lo], width, start, out)
    return out
