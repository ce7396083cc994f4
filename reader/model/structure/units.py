"""What the heading rules work on (units) and what they find (headings).

Position unit: line indices into ``text.split("\\n")`` and indices into the
list of units.
"""

from __future__ import annotations

from typing import NamedTuple

TEXT_PREFIX = 200
"""Stripped-line prefix handed to the heading rules; longer lines are never headings."""
WRAPPED_LINE_MAX = 100
"""Lines longer than this are not hard-wrapped lines."""


class Unit(NamedTuple):
    """A candidate paragraph as the rules see it."""

    text: str
    """Its first line, stripped."""
    lines: int
    """How many lines it has."""
    second: str = ""
    """Its second line, stripped (empty for one-line units)."""
    line: int = 0
    """Index of its first line in the text."""
    indent: int = 0
    """How many whitespace characters open its first line."""


class Heading(NamedTuple):
    """A heading found by the rules: which units it takes and what it says."""

    unit: int
    """Index of the first unit of the heading."""
    units: int
    """How many units the heading takes (2 for a caps heading wrapped over two lines)."""
    level: int
    """1 for top level, deeper numbers below."""
    subtitle_unit: int | None = None
    """Index of the dash-subtitle unit, if any."""
