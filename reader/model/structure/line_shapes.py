"""What one stripped line looks like: heading-like, ALL CAPS, a dash line, page furniture.

Pure predicates on a line of text with its surrounding whitespace removed, shared
by the heading rules (:mod:`reader.model.structure.headings`) and the metadata
rules (:mod:`reader.model.structure.meta`).

A line is *heading-like* when, stripped, it is at most :data:`MAX_HEADING_CELLS`
cells wide (40 CJK characters) and does not end in closing punctuation
(。；，：？！… ,.;:?!、, looked at through trailing quotes and brackets).
"""

from __future__ import annotations

import re
from functools import cache

from rich.cells import cell_len

MAX_HEADING_CELLS = 80
"""Widest heading-like line, in terminal cells (40 CJK characters)."""
MAX_CAPS = 60
"""Longest ALL-CAPS heading line, in characters."""

WS = " \t\u3000\xa0"
CLOSERS = "”’」』》〉）)]】\"'"
"""Closing quotes and brackets, looked through when judging how a line ends."""
_CLOSING = frozenset("。；，：？！…,.;:?!、")
DASH_RE = re.compile(r"(?:——|――|—|―|--|－－|──)")
BULLET_RE = re.compile(r"[-*+•·●■◆○▪►◇□√※]")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LOWER_RE = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff]")


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _upper_re() -> re.Pattern[str]:
    return re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de]")


_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"


@cache
def _rfc_header_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:RFC \d+|Internet-Draft|INTERNET-DRAFT)[ \t]{{2,}}"
        rf".*{_MONTH}\s+(?:\d{{1,2}},\s*)?\d{{4}}"
    )


_DASH_END_RE = re.compile(r"(?:——|――|—|―|--|－－|──)$")
_INNER_STOP_RE = re.compile(r"[;:!?]|\.(?!\d)")


@cache
def _roman_re() -> re.Pattern[str]:
    return re.compile(r"[IVXLCDM]+")


@cache
def _spaced_re() -> re.Pattern[str]:
    return re.compile(r"(?:\b\w {1,}){3}\w\b")


@cache
def _letter_spaced_re() -> re.Pattern[str]:
    return re.compile(
        r"[\u3400-\u4dbf\u4e00-\u9fff](?:[ \u3000]+[\u3400-\u4dbf\u4e00-\u9fff]){1,3}"
    )


@cache
def _rfc_footer_re() -> re.Pattern[str]:
    return re.compile(r"\S.*[ \t]{2,}\[Page \d+\]")


def strip_span(line: str) -> tuple[int, int]:
    """The span of ``line`` without leading and trailing whitespace."""
    a = len(line) - len(line.lstrip(WS))
    b = len(line.rstrip(WS))
    return (a, b) if b > a else (a, a)


def ends_open(text: str) -> bool:
    """Whether ``text`` does not end in closing punctuation (looking past quotes)."""
    core = text.rstrip(CLOSERS + WS)
    return bool(core) and core[-1] not in _CLOSING


def heading_like(text: str) -> bool:
    """Short enough for a heading and not ending in closing punctuation."""
    # Two cells a character at most: measure only when that could overflow.
    size = len(text)
    if size > MAX_HEADING_CELLS or (
        size * 2 > MAX_HEADING_CELLS and cell_len(text) > MAX_HEADING_CELLS
    ):
        return False
    return ends_open(text)


def is_page_furniture(text: str) -> bool:
    """Whether a stripped line is an RFC page header or footer."""
    if len(text) > 100:
        return False
    return bool(_rfc_header_re().fullmatch(text) or _rfc_footer_re().fullmatch(text))


def is_dash_line(text: str) -> bool:
    """Whether a stripped line starts with a dash (a subtitle or a dash bullet)."""
    return DASH_RE.match(text) is not None


def ends_in_dash(text: str) -> bool:
    """Whether a stripped line ends in a dash: a lead-in (``…活力——``) or a salutation."""
    return _DASH_END_RE.search(text) is not None


def is_caps(text: str, *, first_of_two: bool = False, limit: int = MAX_CAPS) -> bool:
    """Whether a stripped line reads as an ALL-CAPS heading.

    It may end in one "." (``PREFACE.``); the first line of a two-line caps
    heading may end in ",", ";" or ":". Apart from commas it holds no sentence
    punctuation; a line that is only a roman numeral (``MDCCCXII``), letters
    spaced apart (``T  H  E    E  N  D``), a quotation or a salutation ending in
    a dash (``"MY DEAR FRIEND,--``) is not a heading. ``limit``: the longest
    line, in characters.
    """
    if len(text) > limit or not text:
        return False
    core = text
    if core[-1] == "." and not core.endswith(".."):
        core = core[:-1]
    elif first_of_two and core[-1] in ",;:":
        core = core[:-1]
    if not core or core[-1] >= "\u2e80" or not ends_open(core) or _INNER_STOP_RE.search(core):
        return False
    if ends_in_dash(core) or core[0] in "\"'“‘":
        return False
    if _LOWER_RE.search(core) or CJK_RE.search(core):
        return False
    if _roman_re().fullmatch(core) or _spaced_re().search(core):
        return False
    letters = len(_upper_re().findall(core))
    visible = len(core) - core.count(" ")
    return letters >= 2 and letters * 2 >= visible


def is_letter_spaced(text: str) -> bool:
    """Whether a stripped line is two to four Han characters spaced apart (``附　　则``)."""
    return _letter_spaced_re().fullmatch(text) is not None
