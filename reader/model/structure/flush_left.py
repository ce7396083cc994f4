"""Headings at column 0 in a text whose body is indented (RFCs, memos).

Position unit: indices into the list of units handed in (see
:mod:`reader.model.structure.headings`).

In a hard-wrapped text whose body blocks (several lines, or one long line: a
paragraph the reflow joined) mostly start indented (at least
:data:`INDENTED_SHARE` of them by two or more spaces), a one-line unit
at column 0 that is heading-like and followed by an indented unit is a
heading (``Status of This Memo``, ``Abstract``), whether or not numbered
headings exist too. In a flush-left text the rule never fires.
"""

from __future__ import annotations

from reader.model.structure.line_shapes import BULLET_RE, heading_like, is_dash_line
from reader.model.structure.units import Heading, Unit

INDENTED_SHARE = 0.6
"""Share of body blocks that must be indented for the rule to apply."""
BODY_LINE = 50
"""A one-line unit this long is a paragraph (reflowed), not a heading or a verse line."""
_INDENT = 2
"""Indentation of a body block, in characters."""


def flush_left_heads(units: list[Unit], taken: set[int], blocks: bool) -> list[Heading]:
    """The column-0 headings of an indented text (none for other texts).

    Args:
        units: The units of the text.
        taken: Units already used (headings, furniture, contents entries).
        blocks: Whether the text is hard-wrapped.

    Returns:
        The headings, level 1, in text order.
    """
    if not blocks:
        return []
    # Body blocks: several lines, or one long line (a paragraph the reflow joined).
    multi = [unit for unit in units if unit.lines > 1 or len(unit.text) >= BODY_LINE]
    indented = sum(unit.indent >= _INDENT for unit in multi)
    if not multi or indented < INDENTED_SHARE * len(multi):
        return []
    found: list[Heading] = []
    for i, unit in enumerate(units):
        if i in taken or unit.lines != 1 or unit.indent != 0:
            continue
        after = i + 1
        while after in taken and after < len(units) and units[after].indent == 0:
            after += 1  # page furniture between a heading and its text
        if after >= len(units) or units[after].indent < _INDENT:
            continue
        text = unit.text
        if not heading_like(text) or BULLET_RE.match(text) or is_dash_line(text):
            continue
        if not text[0].isalnum():
            continue
        found.append(Heading(i, 1, 1))
    return found
