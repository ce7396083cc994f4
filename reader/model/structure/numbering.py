"""The numbering that opens a line: 一、 （一） 第N章 1.2 Chapter IV Appendix A.

Position unit: offsets into one stripped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.model.structure.line_shapes import CJK_RE

_CN = "[一二三四五六七八九十百零〇两]"
_CN_L1_RE = re.compile(rf"{_CN}{{1,4}}(?:、|[．.](?!\d))")
_CN_L2_RE = re.compile(rf"[（(]{_CN}{{1,4}}[）)]")


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _chapter_re() -> re.Pattern[str]:
    return re.compile(
        rf"第(?:{_CN}{{1,5}}|\d{{1,4}})(?P<kind>[章编編篇部卷]|分编|分編)(?![a-zA-Z\d])"
    )


@cache
def _section_re() -> re.Pattern[str]:
    return re.compile(rf"第(?:{_CN}{{1,5}}|\d{{1,4}})[节節]")


_CN_KINDS = {"编": "bian", "編": "bian", "篇": "bian", "部": "bian", "卷": "bian"}
_CN_KINDS |= {"分编": "fenbian", "分編": "fenbian", "章": "zhang"}
CN_RANKS = {"bian": 0, "fenbian": 1, "zhang": 2, "jie": 3}
"""The parts of a Chinese code or book, outermost first: 编 > 分编 > 章 > 节."""
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


@cache
def _en_chapter_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:Chapter|CHAPTER|Part|PART|Book|BOOK)\s+"
        rf"(?:[IVXLCDM]+|\d{{1,3}}|(?i:{_NUMBER_WORDS}))(?![\w])"
    )


NUMBER_STARTS = frozenset("第（(一二三四五六七八九十百零〇两0123456789CPBA")
"""Every character a numbered heading can start with (a cheap first test)."""
_ARABIC_RE = re.compile(
    r"(?:[（(](?P<paren>\d{1,2})[）)]|(?P<num>\d{1,3}(?:\.\d{1,3}){0,5})(?P<sep>[.、．)）])?)"
    r"(?P<gap>[ \t\u3000\xa0]*)"
)


@cache
def _appendix_re() -> re.Pattern[str]:
    return re.compile(r"(?:Appendix|APPENDIX|Annex|ANNEX)\s+[A-Z](?P<sub>(?:\.\d{1,3})*)\b[.:]?")


@dataclass(frozen=True)
class Numbering:
    """The numbering that opens a line."""

    style: str
    """A name for the numbering style, e.g. ``"cn1"``, ``"arabic2"``."""
    level: int
    """The level the style stands for."""
    rest: int
    """Offset in the stripped line where the text after the number starts."""


def numbering(text: str, cn_context: bool) -> Numbering | None:
    """The numbering at the start of a stripped line, if any.

    Args:
        text: The stripped line.
        cn_context: Whether the document has Chinese-numbered headings, which
            pushes Arabic numbers two levels down.

    Returns:
        The numbering, or ``None``.
    """
    if not text:
        return None
    first = text[0]
    if first == "第":
        m = _chapter_re().match(text)
        if m:
            kind = _CN_KINDS[m["kind"]]
            return Numbering(kind, 2 if kind == "fenbian" else 1, m.end())
        m = _section_re().match(text)
        if m:
            return Numbering("jie", 2, m.end())
        return None
    if first in "（(":
        m = _CN_L2_RE.match(text)
        if m:
            return Numbering("cn2", 2, m.end())
    else:
        m = _CN_L1_RE.match(text)
        if m:
            return Numbering("cn1", 1, m.end())
    if first in "CPBcpb":
        m = _en_chapter_re().match(text)
        if m:
            return Numbering("chapter", 1, m.end())
        return None
    if first == "A":
        m = _appendix_re().match(text)
        if m:
            depth = 1 + m["sub"].count(".")
            return Numbering(f"appendix{depth}", depth, m.end())
        return None
    m = _ARABIC_RE.match(text)
    if m is None or (m["paren"] is None and m["num"] is None):
        return None
    rest = text[m.end() :]
    if not rest:
        return None
    lead = rest[0]
    if m["paren"] is not None:
        parts = 1
    else:
        parts = m["num"].count(".") + 1
        if parts == 1 and m["sep"] is None:
            return None
        if m["sep"] in (")", "）") and parts > 1:
            return None
    # A Latin title needs a gap after the number and a capital or digit first.
    if lead.isascii():
        if not m["gap"] or not (lead.isupper() or lead.isdigit()):
            return None
    elif not CJK_RE.match(lead) and lead not in "“「《\"'":
        return None
    style = "paren" if m["paren"] is not None else f"arabic{parts}"
    return Numbering(style, parts + (2 if cn_context else 0), m.end())


def nested_levels(numbers: list[Numbering | None]) -> list[int | None]:
    """Levels of the Chinese parts 编/分编/章/节 by what encloses each one.

    A 章 right under a 编 is level 2, under a 分编 level 3, and level 1 in a
    text with no 编 at all; a new 编 closes the 分编, 章 and 节 before it.

    Args:
        numbers: The numbering of each heading, in text order.

    Returns:
        The level of each heading numbered as a part, ``None`` for the others.
    """
    open_ranks: set[int] = set()
    levels: list[int | None] = []
    for number in numbers:
        rank = CN_RANKS.get(number.style) if number is not None else None
        if rank is None:
            levels.append(None)
            continue
        open_ranks = {r for r in open_ranks if r < rank}
        levels.append(1 + len(open_ranks))
        open_ranks.add(rank)
    return levels
