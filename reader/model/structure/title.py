"""The title lines at the top of a text: one line, a centred line, or short lines joined.

Position unit: character offsets into the normalized text; lines are given as a
list of strings (``text.split("\\n")``) with their start offsets.

* A title line is substantial, does not end in sentence punctuation
  (。；，：.;,:, except that the line opening the text may end in ";", as old
  title pages do), is not a dash bullet, a numbered heading or only a date.
  ``A——B`` is split into title ``A`` and subtitle ``B``.
* After a header block (see :mod:`reader.model.structure.meta_lines`) the title
  is a centred line (indented by :data:`CENTRED` or more); a second centred line
  right below joins it.
* Short title-like lines (each at most :data:`TITLE_PART_CELLS` cells) followed by
  a dash subtitle line or a bracketed date line ``（2030年4月1日）`` are one title,
  joined with a space; blank lines may stand between them. Without that line
  after them they are verse or a list, not a title.
* A following line that starts with a dash is the subtitle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from reader.model.document import Span
from reader.model.structure.dates import is_only_date

WS = " \t\u3000\xa0"
TITLE_PART_CELLS = 60
"""Widest line of a title written over several lines (30 CJK characters)."""
CENTRED = 5
"""Indentation from which a line after a header block counts as centred."""
PAREN_DATE_RE = re.compile(r"[（(](?P<date>[^（()）]{6,30})[）)]")
"""A date in brackets on a line of its own, under a title."""
_TITLE_END_BAD = frozenset("。；，：.;,:、")
_CLOSERS = "”’」』》〉）)]】\"'"
_DASH_RE = re.compile(r"[ \t\u3000\xa0]*(?:——|――|—|―|--|－－)[ \t\u3000\xa0]*")
_TITLE_SPLIT_RE = re.compile(r"[ \t\u3000\xa0]*(?:——|――|—|--)[ \t\u3000\xa0]*")
_NUMBERED_RE = re.compile(
    r"(?:[一二三四五六七八九十百零〇两]{1,4}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    r"\d{1,3}(?:\.\d{1,3})*[.、．)）]?\s|第[一二三四五六七八九十百零〇两\d]+[章节編编篇部卷]|#)"
)
_BULLET_RE = re.compile(r"[-*•·●■◆○▪►]\s")


@dataclass(frozen=True)
class TitleLines:
    """A title as found: its text, its subtitle, where they are."""

    title: str
    span: Span
    last: int
    """Index of the last line of the title (before any subtitle line)."""
    subtitle: str | None = None
    subtitle_span: Span | None = None


def _title_line(lines: Sequence[str], index: int, *, first: bool) -> tuple[int, int] | None:
    """The trimmed span of ``lines[index]`` when it can be (part of) a title.

    ``first``: the line opens the text, where an old title page may end it in ";".
    """
    line = lines[index]
    a, b = trim(line, 0, len(line), WS)
    stripped = line[a:b]
    if len(stripped) < 2 or cell_len(stripped) > 120:
        return None
    end = stripped.rstrip(_CLOSERS)[-1:]
    if end in _TITLE_END_BAD and not (first and end == ";"):
        return None
    if _DASH_RE.match(stripped) or _NUMBERED_RE.match(stripped) or _BULLET_RE.match(stripped):
        return None
    if is_only_date(stripped) or not any(ch.isalnum() for ch in stripped):
        return None
    return a, b


def _title_parts(lines: Sequence[str], index: int) -> list[int]:
    """The lines of a title written over several short lines, ``[index]`` when it is one.

    Short title-like lines join only when a dash subtitle line or a bracketed
    date line comes right after them: verse or a list of short lines is no title.
    """
    parts = [index]
    line = index
    while len(parts) <= 3 and cell_len(lines[line].strip(WS)) <= TITLE_PART_CELLS:
        after = next_nonblank(lines, line + 1)
        if after is None:
            break
        text = lines[after].strip(WS)
        if _DASH_RE.match(text) or PAREN_DATE_RE.fullmatch(text):
            return parts
        if _title_line(lines, after, first=False) is None or _TITLE_SPLIT_RE.search(text):
            break
        parts.append(after)
        line = after
    return [index]


def read_title(
    lines: Sequence[str], starts: Sequence[int], index: int, *, header: bool
) -> TitleLines | None:
    """The title that starts at ``lines[index]``, if it can start there.

    Args:
        lines: The lines of the text.
        starts: Start offset of each line.
        index: The line to look at.
        header: Whether a header block came before (the title is then centred).

    Returns:
        The title, or ``None``.
    """
    first = not any(line.strip(WS) for line in lines[:index])
    found = _title_line(lines, index, first=first)
    if found is None:
        return None
    a, b = found
    line, base = lines[index], starts[index]
    if header:
        # After a header block the title is the centred line; a second one joins it.
        if a < CENTRED:
            return None
        parts = [index]
        below = index + 1
        if below < len(lines) and _title_line(lines, below, first=False) is not None:
            if len(lines[below]) - len(lines[below].lstrip(WS)) >= CENTRED:
                parts.append(below)
    else:
        parts = _title_parts(lines, index)
    if len(parts) > 1:
        end = starts[parts[-1]] + len(lines[parts[-1]].rstrip(WS))
        text = " ".join(lines[k].strip(WS) for k in parts)
        return TitleLines(text, (base + a, end), parts[-1])
    split = _TITLE_SPLIT_RE.search(line, a, b)
    if split is not None and split.start() > a and split.end() < b:
        return TitleLines(
            line[a : split.start()],
            (base + a, base + split.start()),
            index,
            line[split.end() : b],
            (base + split.end(), base + b),
        )
    return TitleLines(line[a:b], (base + a, base + b), index)


def read_subtitle(line: str, base: int) -> tuple[str, Span] | None:
    """The subtitle on a line that starts with a dash, and its span."""
    dash = _DASH_RE.match(line)
    if dash is None:
        return None
    a, b = trim(line, dash.end(), len(line), WS)
    text = line[a:b]
    if not text or cell_len(text) > 120 or text[-1] in _TITLE_END_BAD:
        return None
    return text, (base + a, base + b)


def next_nonblank(lines: Sequence[str], index: int) -> int | None:
    for i in range(index, min(len(lines), index + 4)):
        if lines[i].strip():
            return i
    return None


def trim(text: str, a: int, b: int, chars: str) -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b
