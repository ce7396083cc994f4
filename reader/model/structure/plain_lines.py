"""The plain parse line by line: every text, hard-wrapped or not.

Position unit: line indices into ``text.split("\\n")`` with their start offsets;
the paragraphs and headings it returns are in character offsets.

What :func:`reader.model.structure.parse.parse` does with a plain text that
:func:`reader.model.structure.outline_scan.plain_parts` leaves to it (a
hard-wrapped or reflowed text, a table of contents, no heading by rules a–e):
the candidate paragraphs (lines, or blank-line-separated blocks) handed to the
heading rules, then the paragraphs with their kinds.
"""

from __future__ import annotations

import re

from reader.model.document import ParagraphKind, Span
from reader.model.structure.headings import Heading, Unit, find_headings
from reader.model.structure.line_shapes import WS, strip_span
from reader.model.structure.sections import HeadingInfo, RawParagraph
from reader.model.structure.units import TEXT_PREFIX, WRAPPED_LINE_MAX

_NON_WS_RE = re.compile(r"[^ \t\u3000\xa0]")
_DASHES = WS + "—―-－─"


def plain_lines(
    lines: list[str], starts: list[int], meta_lines: frozenset[int], reflowed: bool = False
) -> tuple[list[RawParagraph], list[HeadingInfo]]:
    """The paragraphs and headings of a plain text's lines (``meta_lines`` are META).

    ``reflowed``: the text is the reflow's, which keeps the blocks of its source.
    """
    blank = [not line or line.isspace() for line in lines]
    # A reflowed text keeps the blocks of its source: what was not joined (a
    # table of contents, a grammar, verse) stays one paragraph, as before.
    wrapped = hard_wrapped_lines(lines, blank) or (reflowed and _blank_separated(blank))
    # Line ranges [first, last) of the candidate paragraphs, META ones apart.
    ranges: list[tuple[int, int]] = []
    meta_ranges: set[int] = set()
    block: int | None = None
    for index, is_blank in enumerate(blank):
        if block is not None and (is_blank or index in meta_lines or not wrapped):
            ranges.append((block, index))
            block = None
        if is_blank:
            continue
        if index in meta_lines:
            meta_ranges.add(len(ranges))
            ranges.append((index, index + 1))
        elif block is None:
            block = index
    if block is not None:
        ranges.append((block, len(lines)))
    body = [k for k in range(len(ranges)) if k not in meta_ranges]
    units = [_unit(lines, *ranges[k]) for k in body]
    found, furniture = find_headings(units, blocks=wrapped)
    kinds = [ParagraphKind.BODY] * len(ranges)
    for k in meta_ranges:
        kinds[k] = ParagraphKind.META
    for u in furniture:
        kinds[body[u]] = ParagraphKind.META
    merged: dict[int, int] = {}
    headings: list[HeadingInfo] = []
    for heading in found:
        headings.append(_plain_heading(lines, starts, ranges, body, heading))
        first = body[heading.unit]
        kinds[first] = ParagraphKind.HEADING
        if heading.units > 1:
            merged[first] = body[heading.unit + heading.units - 1]
        if heading.subtitle_unit is not None:
            kinds[body[heading.subtitle_unit]] = ParagraphKind.SUBTITLE
    raw: list[RawParagraph] = []
    k = 0
    while k < len(ranges):
        first_line = ranges[k][0]
        last_k = merged.get(k, k)
        last_line = ranges[last_k][1] - 1
        raw.append(
            RawParagraph(starts[first_line], starts[last_line] + len(lines[last_line]), kinds[k])
        )
        k = last_k + 1
    return raw, headings


def _unit(lines: list[str], first: int, last: int) -> Unit:
    second = _strip_prefix(lines[first + 1]) if last - first == 2 else ""
    line = lines[first]
    return Unit(_strip_prefix(line), last - first, second, first, len(line) - len(line.lstrip(WS)))


def _strip_prefix(line: str) -> str:
    """The line stripped, or a long prefix of it when it is too long to be a heading."""
    if len(line) <= TEXT_PREFIX:
        return line.strip(WS)
    found = _NON_WS_RE.search(line)
    a = found.start() if found else 0
    return line[a : a + TEXT_PREFIX + 1]


def _plain_heading(
    lines: list[str],
    starts: list[int],
    ranges: list[tuple[int, int]],
    body: list[int],
    heading: Heading,
) -> HeadingInfo:
    first, last = ranges[body[heading.unit]]
    if heading.units > 1:
        last = ranges[body[heading.unit + heading.units - 1]][1]
    a, _ = strip_span(lines[first])
    _, b = strip_span(lines[last - 1])
    title = " ".join(lines[k].strip(WS) for k in range(first, last))
    span: Span = (starts[first] + a, starts[last - 1] + b)
    subtitle: str | None = None
    if heading.subtitle_unit is not None:
        sub_first, sub_last = ranges[body[heading.subtitle_unit]]
        sub_text = " ".join(lines[k].strip(WS) for k in range(sub_first, sub_last))
        subtitle = sub_text.strip(_DASHES) or None
    return HeadingInfo(starts[first], heading.level, title, span, subtitle)


def _blank_separated(blank: list[bool]) -> bool:
    """Whether blank lines separate the paragraphs (one line in nine or more is blank)."""
    blanks = sum(blank) - (1 if blank and blank[-1] else 0)  # after the final newline
    return blanks > 0 and blanks * 8 >= len(blank) - sum(blank)


def hard_wrapped_lines(lines: list[str], blank: list[bool]) -> bool:
    nonblank = blocks = in_multi = long_lines = run = 0
    for line, is_blank in zip(lines, blank, strict=True):
        if is_blank:
            if run:
                blocks += 1
                if run > 1:
                    in_multi += run
                run = 0
            continue
        nonblank += 1
        run += 1
        if len(line) > WRAPPED_LINE_MAX:
            long_lines += 1
    if run:
        blocks += 1
        if run > 1:
            in_multi += run
    return blocks >= 2 and in_multi * 2 >= nonblank and long_lines * 10 <= nonblank
