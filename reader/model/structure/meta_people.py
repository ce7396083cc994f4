"""Who wrote, delivered and edited a text, and its edition: the readers of those lines.

Position unit: character offsets into the normalized text; lines are given as a
list of strings (``text.split("\\n")``) with their start offsets. Each reader
records what it finds in the scan's :class:`MetaState` and says whether the line
was one of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reader.model.structure.dates import find_date
from reader.model.structure.meta_lines import byline_names, edition_line, speaker_name
from reader.model.structure.meta_state import MetaState
from reader.model.structure.title import next_nonblank, trim

FOOT_LINES = 3
"""How many non-blank lines at the foot may name the editor."""
FOOT_WINDOW = 8
"""How many physical lines at the foot are looked at."""

_WS = " \t\u3000\xa0"
_BRACKETS = "《》〈〉<>「」『』\"“”'‘’[]【】()（）"


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _author_re() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")


_EDITOR_RE = re.compile(r"[（(]?(?:责任编辑|責任編輯|编辑|編輯|Editor)\s*[:：]")


def read_extra(state: MetaState, line: str, base: int) -> bool:
    """Below the title: an edition line, or the office and name of a speech's speaker."""
    a, b = trim(line, 0, len(line), _WS)
    if state.edition is None and edition_line(line):
        state.edition = line[a:b]
        state.spans["edition"] = (base + a, base + b)
        return True
    name = speaker_name(line) if state.author is None else None
    if name is None:
        return False
    state.author = name
    at = line.rfind(name)
    state.spans["author"] = (base + at, base + at + len(name))
    return True


def read_foot(state: MetaState, lines: Sequence[str], starts: Sequence[int], top: int) -> None:
    """A ``责任编辑：NAME`` line among the last lines of the text: the editor."""
    seen = 0
    for index in range(len(lines) - 1, max(top, len(lines) - FOOT_WINDOW) - 1, -1):
        line = lines[index]
        if not line.strip(_WS):
            continue
        seen += 1
        if seen > FOOT_LINES or index in state.lines:
            return
        lead = len(line) - len(line.lstrip(_WS))
        key = _EDITOR_RE.match(line, lead)
        if key is not None and len(line.strip(_WS)) <= 40:
            read_person(state, True, line, starts[index], key.end(), len(line))
            state.lines.add(index)
            return


def read_byline(state: MetaState, line: str, base: int) -> bool:
    names = byline_names(line)
    if names is None:
        return False
    if names and state.author is None:
        state.author = names
        at = line.find(names)
        if at >= 0:  # names joined from several places in the line have no one span
            state.spans["author"] = (base + at, base + at + len(names))
    found = find_date(line) if state.published is None else None
    if found is not None:
        state.published = found[0]
        state.spans["published"] = (base + found[1][0], base + found[1][1])
    return True


def read_author(state: MetaState, lines: Sequence[str], starts: Sequence[int], index: int) -> bool:
    """A lone 2-4 Han line right under the date line of a title: the speaker or author."""
    if next_nonblank(lines, state.dated + 1) != index:
        return False
    a, b = trim(lines[index], 0, len(lines[index]), _WS)
    if not _author_re().fullmatch(lines[index], a, b):
        return False
    state.author = lines[index][a:b]
    state.spans["author"] = (starts[index] + a, starts[index] + b)
    return True


def read_person(state: MetaState, editor: bool, line: str, base: int, a: int, b: int) -> None:
    """The name after ``作者：``/``Author:`` (the author) or ``责任编辑：`` (the editor)."""
    found = find_date(line, a, b)
    stop = found[1][0] if found is not None else b
    gap = re.search(r"[ \t\u3000\xa0]{2,}", line[a:stop])
    if gap is not None:
        stop = a + gap.start()
    name_a, name_b = trim(line, a, stop, _WS + _BRACKETS)
    if name_b <= name_a:
        return
    field = "editor" if editor else "author"
    if getattr(state, field) is None:
        setattr(state, field, line[name_a:name_b])
        state.spans[field] = (base + name_a, base + name_b)
