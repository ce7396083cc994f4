"""Heading rules for plain text.

Position unit: line indices into ``text.split("\\n")``; the parser turns them into
character offsets. The parser hands over *units* (candidate paragraphs: one line
each in a one-line-per-paragraph text, blank-line-separated blocks in a
hard-wrapped one); these rules decide which units are headings. Line shapes
(heading-like, ALL CAPS, dash lines, page furniture) are in
:mod:`reader.model.structure.line_shapes`, numberings in
:mod:`reader.model.structure.numbering`.

Rules, in order of precedence for one unit:

a. **Dash subtitle** (the news-summary pattern): a heading-like one-line unit,
   not itself starting with a dash, followed by a one-line unit that starts
   with ``——``/``—``/``--`` and is short and open-ended; the unit after that
   must not start with a dash too (a run of dash lines is a bullet list, as in
   government reports). Level 1, or the level of its numbering if numbered.
b. **Chinese numbering**: ``一、`` (level 1), ``（一）``/``(一)`` (level 2), the
   parts ``第N编/篇/部/卷``, ``第N分编``, ``第N章``, ``第N节``, each level by the
   parts that enclose it (编 1, a 章 under it 2, under a 分编 3), and
   ``Chapter N``/``Part II`` (1). The line must be heading-like, except that a
   line that is one sentence ending in 。 and is followed by longer body text
   still counts: a ``（一）`` line of up to :data:`MAX_SENTENCE_HEADING`
   characters with commas (``（一）坚持稳中求进，着力完善宏观调控。``), another
   numbering up to :data:`MAX_SHORT_SENTENCE` without. A ``（一）标题。正文……``
   line of several sentences is a body paragraph (its lead-in is run in). A
   chapter number alone (``CHAPTER I.``) with a heading-like title on the next
   line of its block is one heading of both lines.
c. **Arabic numbering**: ``1.``, ``1、``, ``（1）``, ``1.1``, ``2.3.4 Title``,
   RFC ``1.  Introduction``, ``Appendix A.``. Level = number of components, plus
   2 when the document also has Chinese-numbered headings (so ``1.`` sits
   under ``（一）``). The text after the number must start with a capital,
   a digit or CJK, and be heading-like, or end in one "." with no other
   sentence punctuation when the number has two or more parts or body text
   follows (``2.1.1.1 The "defer-until" parameter.``). In a hard-wrapped text
   the unit must be one line; ``2. We then...`` wrapping on is a paragraph.
d. **ALL CAPS** (see ``is_caps``): at least two letters, no lowercase, mostly
   letters, may end in one "."; a block of two caps lines is one heading (the
   first line may end in ",", ";" or ":"), three or more are not headings.
   Running text or a numbered line must follow: title-page words
   (``FARMERS`` / ``of the``) and a closing ``THE END`` are not headings.
e. **Column 0 in an indented text** (see :mod:`reader.model.structure.flush_left`)
   and **Han characters spaced apart** (``附　　则``) followed by body text: level 1,
   whether or not other headings exist.
f. **Fallback**, only when a–e found nothing: a one-line heading-like unit of 4
   or more characters with at least two words (or four CJK characters), no
   。！？, no list marker, not a date (Chinese, numeric or English), not a
   byline or dateline, not a lead-in ending in a dash, followed by a unit at
   least twice as long and 40+ characters, and not next to another unit that
   could be such a heading.

Always: a numbered line next to a line with the same numbering style and level
(no body between) is a list item, not a heading; RFC page headers and footers
(``RFC 2119   Key Words   March 1997``, ``Bradner   BCP   [Page 1]``) are page
furniture, never headings; the entries of a table of contents (see
:mod:`reader.model.structure.contents`) are never headings; metadata lines are
not handed in at all.
"""

from __future__ import annotations

import re
from functools import cache

from reader.model.structure.contents import contents_units, is_contents_word
from reader.model.structure.dates import find_date
from reader.model.structure.flush_left import flush_left_heads
from reader.model.structure.line_shapes import (
    BULLET_RE,
    CJK_RE,
    CLOSERS,
    DASH_RE,
    MAX_HEADING_CELLS,
    WS,
    ends_in_dash,
    ends_open,
    heading_like,
    is_caps,
    is_dash_line,
    is_letter_spaced,
    is_page_furniture,
)
from reader.model.structure.meta_lines import byline_names, dateline_agency
from reader.model.structure.numbering import NUMBER_STARTS, Numbering, nested_levels, numbering
from reader.model.structure.units import Heading as Heading
from reader.model.structure.units import Unit as Unit

MAX_SENTENCE_HEADING = 60
"""Longest ``（一）…。`` line that is still a heading (when body text follows it)."""
MAX_SHORT_SENTENCE = 30
"""Longest other Chinese-numbered ``…。`` line that is still a heading."""
CHINESE_STYLES = frozenset({"cn1", "cn2", "bian", "fenbian", "zhang", "jie"})
CHAPTER_STYLES = frozenset({"chapter", "bian", "fenbian", "zhang", "jie"})
_SPACED_MAX = 16
"""Longest line of Han characters spaced apart (``附　　则``), in characters."""
_QUOTES = "\"'“‘「『"


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _stops_re() -> re.Pattern[str]:
    return re.compile(r"[。！？!?]")


@cache
def _inner_stop_re() -> re.Pattern[str]:
    return re.compile(r"[;:!?。；！？]|\.\s")


@cache
def _date_re() -> re.Pattern[str]:
    return re.compile(r"\d{4}\s*(?:年|[-/.])\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日")


def find_headings(
    units: list[Unit], *, blocks: bool, fallback: bool = True
) -> tuple[list[Heading], set[int]]:
    """Apply the heading rules to the units of a plain text.

    Args:
        units: For each unit, its first line stripped and how many lines it has.
            A unit never contains a blank line.
        blocks: Whether units are blank-line-separated blocks (hard-wrapped
            text) rather than single lines.

    Returns:
        The headings in order, and the indices of page-furniture units.
    """
    texts = [unit.text for unit in units]
    # Cheap per-unit flags first: most units are long body text and fail them all.
    short = [len(t) <= 120 for t in texts]
    furniture = {
        i
        for i, t in enumerate(texts)
        if short[i] and ("[Page" in t or t[:3] in ("RFC", "Int", "INT")) and is_page_furniture(t)
    }
    numbers = [
        numbering(t, False) if short[i] and t[:1] in NUMBER_STARTS and i not in furniture else None
        for i, t in enumerate(texts)
    ]
    cn_context = any(
        num is not None and num.style in ("cn1", "cn2") and units[i].lines == 1
        for i, num in enumerate(numbers)
    )
    if cn_context:
        numbers = [
            Numbering(num.style, num.level + 2, num.rest)
            if num is not None and (num.style == "paren" or num.style.startswith("arabic"))
            else num
            for num in numbers
        ]
    dashes = [short[i] and DASH_RE.match(t) is not None for i, t in enumerate(texts)]
    caps = [len(t) <= 60 and t[-1:] < "\u2e80" and is_caps(t, first_of_two=True) for t in texts]
    headings: list[Heading] = []
    taken: set[int] = set(furniture) | contents_units(units)
    i = 0
    count = len(units)
    while i < count:
        if i in taken or not (
            numbers[i] is not None or caps[i] or (i + 1 < count and dashes[i + 1])
        ):
            i += 1
            continue
        found = _dash_heading(units, numbers, i, taken) or _numbered_heading(
            units, numbers, i, taken
        )
        if found is None and caps[i]:
            found = _caps_heading(units, i, blocks, taken)
        elif found is not None and found.subtitle_unit is None:
            found = _chapter_title(units, numbers, found, taken)
        if found is not None:
            headings.append(found)
            taken.update(range(found.unit, found.unit + found.units))
            if found.subtitle_unit is not None:
                taken.add(found.subtitle_unit)
            i = max(found.unit + found.units, (found.subtitle_unit or 0) + 1)
            continue
        i += 1
    flush = flush_left_heads(units, taken, blocks)
    # One unit is one heading, whichever rules it meets (a spaced 附　　则 at column 0).
    extra = flush + _spaced_heads(units, taken | {h.unit for h in flush})
    if extra:
        headings = sorted(headings + extra)
    if not headings and fallback:
        headings = _fallback_headings(units, taken)
    levels = nested_levels([numbers[h.unit] for h in headings])
    return [
        h._replace(level=max(levels[k] or 0, h.level)) for k, h in enumerate(headings)
    ], furniture


def _spaced_heads(units: list[Unit], taken: set[int]) -> list[Heading]:
    """Han characters spaced apart on a line of their own (``附　　则``), body text after."""
    return [
        Heading(i, 1, 1)
        for i, unit in enumerate(units)
        if unit.lines == 1
        and len(unit.text) <= _SPACED_MAX
        and i not in taken
        and is_letter_spaced(unit.text)
        and not is_contents_word(unit.text)
        and _body_follows(units, i)
    ]


def _dash_heading(
    units: list[Unit], numbers: list[Numbering | None], i: int, taken: set[int]
) -> Heading | None:
    if i + 1 >= len(units) or i + 1 in taken:
        return None
    text, count = units[i].text, units[i].lines
    sub, sub_count = units[i + 1].text, units[i + 1].lines
    dash = DASH_RE.match(sub)
    if dash is None or count != 1 or sub_count != 1:
        return None
    if not heading_like(text) or is_dash_line(text):
        return None
    rest = sub[dash.end() :].lstrip(WS + "—―-")
    if not rest or not heading_like(rest):
        return None
    if i + 2 < len(units) and is_dash_line(units[i + 2][0]):
        return None
    number = numbers[i]
    return Heading(i, 1, number.level if number else 1, subtitle_unit=i + 1)


def _numbered_heading(
    units: list[Unit], numbers: list[Numbering | None], i: int, taken: set[int]
) -> Heading | None:
    number = numbers[i]
    if number is None:
        return None
    unit = units[i]
    text, count = unit.text, unit.lines
    chinese = number.style in CHINESE_STYLES
    bare = text[number.rest :].strip(WS) in ("", ".", ":", "：")
    if count == 2 and bare and number.style in CHAPTER_STYLES:
        # ``CHAPTER I.`` with its title on the next line: one heading of two lines.
        title = unit.second.rstrip("?!？！")
        if not heading_like(title) or _inner_stop_re().search(title):
            return None
        if numbering(unit.second, False) is not None:
            return None
    elif count != 1:
        return None
    elif not (heading_like(text) or bare):
        body = _body_follows(units, i)
        if not (
            (chinese and body and _sentence_heading(text, number.style == "cn2"))
            or (_dotted_heading(text) and (body or number.level > 1))
        ):
            return None
    for j in (i - 1, i + 1):
        # A contents entry or page furniture next to it makes no list.
        other = numbers[j] if 0 <= j < len(numbers) and j not in taken else None
        if other is not None and other.style == number.style and units[j][1] == 1:
            return None
    return Heading(i, 1, number.level)


def _chapter_title(
    units: list[Unit], numbers: list[Numbering | None], found: Heading, taken: set[int]
) -> Heading:
    """A chapter number alone whose title stands in the next block: that block is its subtitle.

    ``CHAPTER II`` / ``OF HEREDITARY MONARCHIES`` (caps, one or two lines, body
    text after) or ``第一章`` / ``总则`` (a short line, body text after).
    """
    i, j = found.unit, found.unit + 1
    number = numbers[i]
    unit = units[i]
    if number is None or number.style not in CHAPTER_STYLES or unit.lines != 1:
        return found
    if j >= len(units) or j in taken or unit.text[number.rest :].strip(WS + ".:："):
        return found
    title = units[j]
    if CJK_RE.match(title.text):
        fits = (
            title.lines == 1 and heading_like(title.text) and numbering(title.text, False) is None
        )
    else:
        fits = (title.lines == 1 and is_caps(title.text, limit=MAX_HEADING_CELLS)) or (
            title.lines == 2
            and is_caps(title.text, first_of_two=True, limit=MAX_HEADING_CELLS)
            and is_caps(title.second, limit=MAX_HEADING_CELLS)
        )
    if not fits or not _body_follows(units, j):
        return found
    return found._replace(subtitle_unit=j)


def _body_follows(units: list[Unit], i: int) -> bool:
    """Whether the unit after ``i`` is running text, longer than unit ``i``."""
    if i + 1 >= len(units):
        return False
    after = units[i + 1]
    return after.lines > 1 or len(after.text) > len(units[i].text)


def _sentence_heading(text: str, commas: bool) -> bool:
    """``（一）坚持稳中求进。`` standing alone: one short sentence.

    ``commas``: a ``（一）`` head may be a longer sentence with commas
    (``（一）坚持稳中求进，着力完善宏观调控。``); a ``一、`` line of that shape is prose.
    """
    core = text.rstrip(CLOSERS + WS)
    limit = MAX_SENTENCE_HEADING if commas else MAX_SHORT_SENTENCE
    if len(core) > limit or not core.endswith("。"):
        return False
    stops = "。；;！？!?" if commas else "。；;！？!?，,：:"
    return not any(ch in stops for ch in core[:-1])


def _dotted_heading(text: str) -> bool:
    """``2.1.1.1 The "defer-until" parameter.``: one final ".", no other sentence punctuation."""
    if not text.endswith(".") or text.endswith("..") or not heading_like(text[:-1]):
        return False
    return _inner_stop_re().search(text[:-1]) is None


def _caps_heading(units: list[Unit], i: int, blocks: bool, taken: set[int]) -> Heading | None:
    unit = units[i]
    text, count, second = unit.text, unit.lines, unit.second
    if blocks:
        # A caps heading wrapped over two lines is one block of two caps lines.
        if count == 1:
            found = is_caps(text)
        else:
            found = count == 2 and is_caps(text, first_of_two=True) and is_caps(second)
        return Heading(i, 1, 1) if found and _prose_follows(units, i + 1) else None
    if count != 1 or not is_caps(text, first_of_two=True):
        return None
    # Only lines with no blank line between them wrap one heading.
    run = 1
    while (
        i + run < len(units)
        and run < 3
        and i + run not in taken
        and units[i + run].line == units[i + run - 1].line + 1
        and is_caps(units[i + run].text)
    ):
        run += 1
    if run >= 3 or (run == 1 and not is_caps(text)):
        return None
    before = units[i - 1] if i > 0 else None
    if before is not None and before.line + 1 == units[i].line and is_caps(before.text):
        return None
    return Heading(i, run, 1) if _prose_follows(units, i + run) else None


def _prose_follows(units: list[Unit], j: int) -> bool:
    """Whether unit ``j`` is running text or a numbered line.

    Title-page words are followed by more title-page words, a closing ``THE END``
    by nothing, a ``CHORUS.`` label in a song by a short quoted line.
    """
    if j >= len(units):
        return False
    after = units[j]
    text = after.text
    if after.lines > 1 or numbering(text, False) is not None:
        return True
    if is_caps(text) or (len(text) < 40 and text[:1] in _QUOTES):
        return False
    return len(text) >= 40 or not ends_open(text)


def _fallback_headings(units: list[Unit], taken: set[int]) -> list[Heading]:
    def candidate(k: int) -> bool:
        unit = units[k]
        return unit.lines == 1 and heading_like(unit.text) and not _stops_re().search(unit.text)

    found: list[Heading] = []
    for i, (text, count, *_) in enumerate(units):
        if i in taken or count != 1 or i + 1 >= len(units) or len(text) < 4:
            continue
        if not candidate(i) or BULLET_RE.match(text) or is_dash_line(text):
            continue
        if _date_re().search(text) or text[0].isdigit() or find_date(text) is not None:
            continue
        if (
            ends_in_dash(text)
            or byline_names(text) is not None
            or dateline_agency(text) is not None
        ):
            continue
        cjk = len(CJK_RE.findall(text))
        if cjk < 4 and len(text.split()) < 2:
            continue
        following = units[i + 1].text
        if units[i + 1].lines == 1 and (len(following) < 40 or len(following) < 2 * len(text)):
            continue
        # Only a neighbour that could be a heading itself makes this a list of short lines.
        if (i > 0 and i - 1 not in taken and candidate(i - 1)) or candidate(i + 1):
            continue
        found.append(Heading(i, 1, 1))
    return found
