"""Metadata lines at the top of a text, and the document language.

Position unit: character offsets into the normalized text; lines are given as a
list of strings (``text.split("\\n")``) with their start offsets.

Rules (only the first :data:`META_LINES` non-blank lines, within the first
:data:`META_WINDOW` physical lines, are looked at, and the metadata block ends at
the first line that is none of these):

* capture line: ``今天是2025年07月04日 星期五`` -> ``captured`` (a date);
* breadcrumb: three or more short items joined by ``>``, ``＞``, ``›``, ``»``,
  ``→`` or ``/`` (an optional ``当前位置：`` prefix counts as one item), none
  all digits, no URL -> ``breadcrumb``;
* source line: a short line that starts with a key (``来源``, ``出处``, ``作者``,
  ``责任编辑``, ``编辑``, ``发布时间``, ``发布日期``, ``时间``, ``日期``, their
  Traditional forms, ``Source:``, ``Published:``, ``Date:``, ``Author:``, ``By``)
  or with a date followed by a key. ``来源`` names the source (the text in
  ``《》`` when present, else the text before any date); a ``NN版`` is the
  edition; ``发布时间`` gives ``published`` (a date alone is midnight), else the
  source's date does;
* before the title, a header block (two-column lines, ``Request for
  Comments:``, ``Category:`` … and lines right below them); anywhere, a dateline
  (``新华社杭州3月12日电``: its agency is the ``source``), a byline (``记者 NAME``,
  ``By NAME``: its names are the ``author``, its date ``published``) and an
  editorial placeholder (``[Illustration]``); see
  :mod:`reader.model.structure.meta_lines`;
* a line that is only a date (and time), bracketed or not -> ``published`` when
  not yet set;
* title, with its subtitle: see :mod:`reader.model.structure.title`;
* below the title, an edition line -> ``edition`` and an office-and-name line
  (``国务院总理 李克强``) -> ``author``;
* right under the date line of a title, a lone line of two to four Han
  characters is the speaker -> ``author``; ``作者：``/``Author:`` give the
  ``author``, ``责任编辑：``/``Editor:`` the ``editor``, at the top or among the
  last lines (see :mod:`reader.model.structure.meta_people`).

Every recognized line is reported so the parser can mark it META.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model.document import Meta
from reader.model.structure.dates import find_date as find_date
from reader.model.structure.dates import is_only_date
from reader.model.structure.language import detect_language as detect_language
from reader.model.structure.meta_lines import (
    dateline_agency,
    is_header_line,
    is_placeholder,
)
from reader.model.structure.meta_people import (
    read_author,
    read_byline,
    read_extra,
    read_foot,
    read_person,
)
from reader.model.structure.meta_state import MetaState
from reader.model.structure.title import (
    PAREN_DATE_RE,
    next_nonblank,
    read_subtitle,
    read_title,
    trim,
)

META_LINES = 10
"""How many non-blank lines at the top may hold metadata."""
META_WINDOW = 20
"""How many physical lines at the top are looked at."""

_WS = " \t\u3000\xa0"
"""Widest line of a title written over several lines (30 CJK characters)."""
"""Indentation from which a line after a header block counts as centred."""
_CAPTURE_RE = re.compile(r"[ \t\u3000\xa0]*今天是[ \t\u3000\xa0:：]*")
_KEY_RE = re.compile(
    r"(?P<key>责任编辑|責任編輯|发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|更新时间|"
    r"来源|來源|出处|出處|作者|编辑|編輯|时间|時間|日期|"
    r"Source|Published|Posted|Updated|Date|Author|Editor)\s*[:：]"
)
_BY_RE = re.compile(r"[ \t\u3000\xa0]*By\s+[A-Z]")
_SOURCE_KEYS = frozenset({"来源", "來源", "出处", "出處", "Source"})
_EDITOR_KEYS = frozenset({"责任编辑", "責任編輯", "编辑", "編輯", "Editor"})
_PERSON_KEYS = _EDITOR_KEYS | {"作者", "Author"}
_TIME_KEYS = frozenset(
    {"发布时间", "發布時間", "發佈時間", "发布日期", "發布日期", "發佈日期", "Published", "Posted"}
)
_LOOSE_TIME_KEYS = frozenset({"时间", "時間", "日期", "Date", "更新时间", "Updated"})
_EDITION_RE = re.compile(r"(?:第\s*)?(?:\d{1,3}|[A-Z]\d{0,2})\s*版")
_BRACKETS = "《》〈〉<>「」『』\"“”'‘’[]【】()（）"

_CRUMB_PREFIX_RE = re.compile(r"(?:当前位置|當前位置|您的位置|你的位置|You are here)\s*[:：]\s*")
_CRUMB_SEP_RE = re.compile(r"\s*(?:>>|>|＞|›|»|→|/|／)\s*")
_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！!？?]")


@dataclass(frozen=True)
class MetaScan:
    """What :func:`read_meta` found: the metadata and the lines it came from."""

    meta: Meta
    """The metadata, language included."""
    lines: frozenset[int] = field(default_factory=frozenset)
    """Indices of the lines that are metadata (to be marked META)."""


def read_meta(
    text: str, lines: Sequence[str], starts: Sequence[int], *, markdown: bool = False
) -> MetaScan:
    """Recognize the metadata lines at the top of ``text``.

    Args:
        text: The whole normalized text.
        lines: ``text.split("\\n")``.
        starts: Start offset of each line.
        markdown: For Markdown only the language is set (its headings are
            structure, not metadata).

    Returns:
        The metadata and the indices of its lines.
    """
    language = detect_language(text)
    if markdown:
        return MetaScan(Meta(language=language))
    state = MetaState()
    seen = 0
    index = 0
    limit = min(len(lines), META_WINDOW)
    while index < limit and seen < META_LINES:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        seen += 1
        consumed = _read_line(state, lines, starts, index)
        if consumed == 0:
            break
        index += consumed
    read_foot(state, lines, starts, index)
    published = state.published
    if published is None and state.source_date is not None:
        published = state.source_date
        state.spans["published"] = state.source_date_span
    meta = Meta(
        title=state.title,
        subtitle=state.subtitle,
        source=state.source,
        edition=state.edition,
        published=published,
        captured=state.captured,
        breadcrumb=state.breadcrumb,
        author=state.author,
        editor=state.editor,
        language=language,
        spans=dict(state.spans),
    )
    return MetaScan(meta, frozenset(state.lines))


def _read_line(state: MetaState, lines: Sequence[str], starts: Sequence[int], index: int) -> int:
    """Consume the metadata line at ``index``; return how many lines it took (0: none)."""
    line = lines[index]
    if len(line) > 300:
        return 0
    taken = _read_one(state, lines, starts, index)
    if taken:
        state.lines.update(range(index, index + taken))
        state.last = index + taken - 1
    return taken


def _read_one(state: MetaState, lines: Sequence[str], starts: Sequence[int], index: int) -> int:
    line = lines[index]
    base = starts[index]
    if state.captured is None and _read_captured(state, line, base):
        return 1
    if not state.breadcrumb and _read_breadcrumb(state, line, base):
        return 1
    if read_byline(state, line, base) or _read_source(state, line, base):
        return 1
    if state.title is None and _read_header(state, lines, index):
        return 1
    if is_placeholder(line):
        return 1
    agency = dateline_agency(line)
    if agency is not None:
        if agency and state.source is None:
            a = base + len(line) - len(line.lstrip(_WS))
            state.source = agency
            state.spans["source"] = (a, a + len(agency))
        return 1
    if state.published is None and _read_date_line(state, line, base):
        if state.title is not None:
            state.dated = index
        return 1
    found = read_title(lines, starts, index, header=state.header) if state.title is None else None
    if found is not None:
        state.title, state.spans["title"] = found.title, found.span
        if found.subtitle is not None and found.subtitle_span is not None:
            state.subtitle, state.spans["subtitle"] = found.subtitle, found.subtitle_span
            return found.last - index + 1
        after = next_nonblank(lines, found.last + 1)
        subtitle = read_subtitle(lines[after], starts[after]) if after is not None else None
        if after is not None and subtitle is not None:
            state.subtitle, state.spans["subtitle"] = subtitle
            return after - index + 1
        return found.last - index + 1
    if state.dated >= 0 and state.author is None and read_author(state, lines, starts, index):
        return 1
    if state.title is not None and read_extra(state, line, base):
        return 1
    return 0


def _read_header(state: MetaState, lines: Sequence[str], index: int) -> bool:
    """A header-block line, or a line that runs on directly below one."""
    line = lines[index]
    if is_header_line(line) or (state.header and state.last == index - 1):
        state.header = True
        return True
    return False


def _read_captured(state: MetaState, line: str, base: int) -> bool:
    head = _CAPTURE_RE.match(line)
    if head is None:
        return False
    found = find_date(line, head.end())
    if found is None:
        return False
    value, (a, b) = found
    if line[head.end() : a].strip(_WS):
        return False
    state.captured = value.date()
    state.spans["captured"] = (base + a, base + b)
    return True


def _read_breadcrumb(state: MetaState, line: str, base: int) -> bool:
    stripped = line.strip(_WS)
    if not stripped or len(stripped) > 100 or "://" in stripped:
        return False
    prefix = _CRUMB_PREFIX_RE.match(stripped)
    body = stripped[prefix.end() :] if prefix else stripped
    items = _CRUMB_SEP_RE.split(body)
    needed = 2 if prefix else 3
    if len(items) < needed:
        return False
    for item in items:
        if not item or len(item) > 20 or item.isdigit() or _SENTENCE_PUNCT_RE.search(item):
            return False
    state.breadcrumb = tuple(items)
    a = base + len(line) - len(line.lstrip(_WS))
    state.spans["breadcrumb"] = (a, a + len(stripped))
    return True


def _read_source(state: MetaState, line: str, base: int) -> bool:
    stripped = line.strip(_WS)
    if len(stripped) > 160:
        return False
    keys = list(_KEY_RE.finditer(line))
    lead = len(line) - len(line.lstrip(_WS))
    if not keys:
        if _BY_RE.match(line) and len(stripped) <= 80 and not _SENTENCE_PUNCT_RE.search(stripped):
            return True
        return False
    before = line[lead : keys[0].start()].strip(_WS)
    if before and not is_only_date(before):
        return False
    if before:
        found = find_date(line, lead, keys[0].start())
        if found is not None and state.published is None:
            state.published = found[0]
            state.spans["published"] = (base + found[1][0], base + found[1][1])
    for i, key in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(line)
        name = key["key"]
        if name in _SOURCE_KEYS:
            _read_source_value(state, line, base, key.end(), end)
        elif name in _PERSON_KEYS:
            read_person(state, name in _EDITOR_KEYS, line, base, key.end(), end)
        elif name in _TIME_KEYS or (name in _LOOSE_TIME_KEYS and state.published is None):
            found = find_date(line, key.end(), end)
            if found is not None:
                state.published = found[0]
                state.spans["published"] = (base + found[1][0], base + found[1][1])
    return True


def _read_source_value(state: MetaState, line: str, base: int, a: int, b: int) -> None:
    found = find_date(line, a, b)
    edition = _EDITION_RE.search(line, a, b)
    stop = b
    if found is not None:
        stop = min(stop, found[1][0])
        state.source_date = found[0]
        state.source_date_span = (base + found[1][0], base + found[1][1])
    if edition is not None:
        stop = min(stop, edition.start())
        state.edition = edition.group().replace(" ", "")
        state.spans["edition"] = (base + edition.start(), base + edition.end())
    # A run of two or more spaces ends the name: what follows is another field.
    gap = re.search(r"[ \t\u3000\xa0]{2,}", line[a:stop])
    if gap is not None:
        stop = a + gap.start()
    name_a, name_b = trim(line, a, stop, _WS + _BRACKETS)
    if name_b > name_a:
        state.source = line[name_a:name_b]
        state.spans["source"] = (base + name_a, base + name_b)


def _read_date_line(state: MetaState, line: str, base: int) -> bool:
    stripped = line.strip(_WS)
    paren = PAREN_DATE_RE.fullmatch(stripped)
    if paren is not None:
        stripped = paren["date"]
    if not stripped or len(stripped) > 60 or not is_only_date(stripped):
        return False
    found = find_date(line)
    if found is None:
        return False
    state.published = found[0]
    state.spans["published"] = (base + found[1][0], base + found[1][1])
    return True
