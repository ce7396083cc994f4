"""The numbering that opens a line: 一、 （一） 第N章 1.2 Chapter IV Appendix A.

Position unit: offsets into one stripped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model.structure.line_shapes import CJK_RE

_CN = "[一二三四五六七八九十百零〇两]"
_CN_L1_RE = re.compile(rf"{_CN}{{1,4}}(?:、|[．.](?!\d))")
_CN_L2_RE = re.compile(rf"[（(]{_CN}{{1,4}}[）)]")
_CHAPTER_RE = re.compile(rf"第(?:{_CN}{{1,5}}|\d{{1,4}})[章编編篇部卷](?![a-zA-Z\d])")
_SECTION_RE = re.compile(rf"第(?:{_CN}{{1,5}}|\d{{1,4}})节")
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_CHAPTER_RE = re.compile(
    r"(?:Chapter|CHAPTER|Part|PART|Book|BOOK)\s+"
    rf"(?:[IVXLCDM]+|\d{{1,3}}|(?i:{_NUMBER_WORDS}))(?![\w])"
)
NUMBER_STARTS = frozenset("第（(一二三四五六七八九十百零〇两0123456789CPBA")
"""Every character a numbered heading can start with (a cheap first test)."""
_ARABIC_RE = re.compile(
    r"(?:[（(](?P<paren>\d{1,2})[）)]|(?P<num>\d{1,3}(?:\.\d{1,3}){0,5})(?P<sep>[.、．)）])?)"
    r"(?P<gap>[ \t\u3000\xa0]*)"
)
_APPENDIX_RE = re.compile(
    r"(?:Appendix|APPENDIX|Annex|ANNEX)\s+[A-Z](?P<sub>(?:\.\d{1,3})*)\b[.:]?"
)


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
        m = _CHAPTER_RE.match(text)
        if m:
            return Numbering("chapter", 1, m.end())
        m = _SECTION_RE.match(text)
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
        m = _EN_CHAPTER_RE.match(text)
        if m:
            return Numbering("chapter", 1, m.end())
        return None
    if first == "A":
        m = _APPENDIX_RE.match(text)
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
