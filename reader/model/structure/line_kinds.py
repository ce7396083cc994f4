"""Which lines of a plain text are laid out on purpose, for the reflow.

Position unit: line indices into ``text.split("\\n")``. Each function returns the
set of lines of one kind, found by scanning the whole text for what marks the
kind (``str.find`` for literals, a few regular expressions on candidate lines
only), so that a 10 MB text costs a few passes in C rather than a rule per line.

* **laid out** (tables, ASCII art): a run of two or more spaces or a tab inside
  the line that does not follow sentence punctuation (the two spaces after a
  full stop of typewritten text are not a column gap), a ``|``, a box-drawing
  character, or a rule of four ``-=_*+~``;
* **marker** lines open a list item: ``-``, ``*``, ``•`` and other bullets, ``1.``,
  ``1)``, ``(a)``, ``a)``, ``（一）``, RFC's ``o``;
* **heading** lines are the ones the rules of
  :mod:`reader.model.structure.headings` take for headings: numbered (``第N章``,
  ``一、``, ``Chapter IV``, ``2.1 Title``, ``Appendix A``) and heading-like, or
  ALL CAPS (two caps lines in a row are one title wrapped, and may be joined).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.model.structure.line_shapes import WS, heading_like
from reader.model.structure.numbering import numbering

WIDE = "\u2e80"
"""Characters from here up are wide (CJK, kana, hangul, full-width forms)."""

_QUOTES = "\"'“”‘’「」『』()（）《》"
_AFTER_SENTENCE = frozenset(".?!:;,\"')]。？！；：，”’")
_RULES = ("----", "====", "____", "****", "++++", "~~~~", ".....", "|")
_BOX = ("\u2500", "\u2501", "\u2502", "\u2503", "\u250c", "\u2510", "\u2514", "\u2518")
_BOX_RE = re.compile("[\u2500-\u257f]")
_MARKER_RE = re.compile(
    r"(?:[-*+•·●○◦▪■□◆◇►√※]|o(?= )|\d{1,3}[.)、]|\(?[a-zA-Z\d]{1,3}\)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)])"
    r"(?:[ \t\u3000]|(?=[\u2e80-\uffff]))"
)
_MARKER_STARTS = frozenset("-*+•·●○◦▪■□◆◇►√※o0123456789(（")
_HEADING_STARTS = frozenset("第（(一二三四五六七八九十百零〇两0123456789")
_CANDIDATE_RE = re.compile(
    "\n[ \t\u3000\xa0]*(?:[-*+•·●○◦▪■□◆◇►√※o(（0-9第一二三四五六七八九十百零〇两]|.\\)"
    "|Chapter|CHAPTER|Part|PART|Book|BOOK|Appendix|APPENDIX|Annex|ANNEX)"
)
"""Where a line starts that may be a list item or a numbered heading."""
_HEADING_WORDS = tuple("Chapter CHAPTER Part PART Book BOOK Appendix APPENDIX Annex ANNEX".split())


def cell_widths(text: str, lines: list[str], lengths: list[int]) -> list[int]:
    """The width of each line in cells, wide characters counting two.

    UTF-8 takes one byte for ASCII and three for CJK, so ``(chars + bytes) // 2``
    is the width without looking at a character in Python.
    """
    if text.isascii():
        return lengths
    data = text.encode("utf-8", "surrogatepass")
    return [(a + b) >> 1 for a, b in zip(lengths, map(len, data.split(b"\n")), strict=True)]


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _find_all(text: str, needle: str) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


def laid_out_lines(text: str, lines: list[str], starts: list[int], indents: list[int]) -> set[int]:
    """Lines of tables and ASCII art (see the module docstring)."""
    found: set[int] = set()
    for needle in ("  ", "\t"):
        skip_to = -1
        for at in _find_all(text, needle):
            if at < skip_to:
                continue
            index = _line_of(starts, at)
            skip_to = starts[index] + len(lines[index])
            line = lines[index]
            for k in _gaps(line, needle):
                if k > indents[index] and line[k - 1] not in _AFTER_SENTENCE:
                    found.add(index)
                    break
    for needle in _RULES:
        if needle[0] not in text:  # one fast scan for a character most texts lack
            continue
        for at in _find_all(text, needle):
            found.add(_line_of(starts, at))
    if not text.isascii() and any(box in text for box in _BOX):
        found.update(_line_of(starts, m.start()) for m in _BOX_RE.finditer(text))
    return found


def _gaps(line: str, needle: str) -> list[int]:
    """Where runs of ``needle`` start inside ``line`` and are followed by text."""
    stripped_end = len(line.rstrip(WS))
    out: list[int] = []
    at = line.find(needle)
    while 0 <= at < stripped_end:
        out.append(at)
        at = line.find(needle, at + len(needle))
        while 0 <= at < stripped_end and line[at - 1] in " \t":
            at = line.find(needle, at + 1)
    return out


def marker_and_heading_lines(
    text: str, lines: list[str], starts: list[int], indents: list[int]
) -> tuple[set[int], set[int], set[int]]:
    """Lines that open a list item, numbered heading lines and ALL-CAPS lines.

    One scan of the text finds the lines that start (after their indent) with
    a character a marker or a numbered heading can start with; only those meet
    the rules.
    """
    markers: set[int] = set()
    headings: set[int] = set()
    numbered: set[int] = set()
    marker_starts, heading_starts = _MARKER_STARTS, _HEADING_STARTS
    hits = [0, *(m.start() + 1 for m in _CANDIDATE_RE.finditer(text))]
    for index in sorted({bisect_right(starts, at) - 1 for at in hits}):
        line, indent = lines[index], indents[index]
        lead = line[indent : indent + 1]
        if lead in marker_starts or line[indent + 1 : indent + 2] == ")":
            if _MARKER_RE.match(line, indent):
                markers.add(index)
        if lead in heading_starts or (lead in "CPBA" and line.startswith(_HEADING_WORDS, indent)):
            numbered.add(index)
            stripped = line.strip(WS)
            if heading_like(stripped) and numbering(stripped, False) is not None:
                headings.add(index)
    caps = {i for i, line in enumerate(lines) if line.isupper() and line.isascii()}
    return markers, headings, caps - numbered


def joiner(left: str, right: str, indent: int) -> str:
    """What goes between line ``left`` and line ``right`` when they are joined.

    CJK + CJK: nothing; Latin + Latin: one space; a line-final hyphen or dash
    between letters is kept and joined with nothing (no de-hyphenation).
    """
    left = left.rstrip(WS)
    last = left[-1]
    if last in "-—" and len(left) > 1 and left[-2] != " ":
        return ""
    a = left.rstrip(_QUOTES)[-1:] or last
    b = right[indent:].lstrip(_QUOTES)[:1] or right[indent]
    return "" if a >= WIDE or b >= WIDE else " "
