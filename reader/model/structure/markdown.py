"""The Markdown path: headings, code blocks and paragraphs from markdown-it-py.

Position unit: line indices into ``text.split("\\n")`` (markdown-it-py's
``token.map`` is a half-open line range); the parser turns them into character
offsets. The document text stays the raw Markdown: we show source, not HTML.

A text is Markdown when its path ends in ``.md``/``.markdown``/``.mdown``/``.mkd``
or when ATX headings (``#`` to ``######``, a space, text) start lines outside
code fences within the first :data:`SNIFF_CHARS` characters: two of them, or
one that opens the text.

Units: every top-level block is one unit (paragraph, heading, fence, indented
code, table, block quote, HTML block, rule), except lists, whose items are one
unit each. ATX and setext headings at top level are headings (level = ``#``
count; ``=`` underline 1, ``-`` underline 2); headings nested in quotes or lists
are not sections. Fenced and indented code are CODE units, so a ``# comment``
inside a fence is never a heading. A YAML front matter block (``---`` ...
``---`` at the very top) is one META unit.

Texts over :data:`MARKDOWN_IT_LIMIT` characters take a lean line scanner
instead (blank-line blocks, fences, ATX headings; no setext), because
markdown-it-py runs at a few MB/s and the app parses on open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model.document import ParagraphKind

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SNIFF_CHARS = 200_000
"""How much of a text is looked at to decide whether it is Markdown."""
MARKDOWN_IT_LIMIT = 2_000_000
"""Longest text given to markdown-it-py; longer ones take the line scanner."""

_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_LINE_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_CLOSING_HASHES_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_WS = " \t"


@dataclass(frozen=True)
class MarkdownUnit:
    """One block: a line range and what it is."""

    first: int
    """Its first line."""
    last: int
    """The line just past it."""
    kind: ParagraphKind
    """HEADING, CODE, META (front matter) or BODY."""
    level: int = 0
    """Heading level (``#`` count), for headings."""
    title: str = ""
    """Heading text, for headings."""
    span: tuple[int, int] = (0, 0)
    """Span of the heading text (character offsets), for headings."""


def looks_like_markdown(text: str, path: str | None) -> bool:
    """Whether ``text`` should take the Markdown path.

    Args:
        text: The normalized text.
        path: Where it came from, if known.

    Returns:
        True for a Markdown file name, or an ATX heading outside code fences.
    """
    if path and path.lower().endswith(SUFFIXES):
        return True
    head = text[:SNIFF_CHARS]
    fences = _fence_ranges(head)
    found = 0
    for match in _ATX_LINE_RE.finditer(head):
        if any(a <= match.start() < b for a, b in fences):
            continue
        # One stray "# " line in a plain text is not enough: the Markdown path
        # joins adjacent lines into one paragraph, which would merge the lines
        # of a one-line-per-paragraph news text.
        found += 1
        if found >= 2 or not head[: match.start()].strip():
            return True
    return False


def scan_markdown(text: str, lines: list[str], starts: list[int]) -> list[MarkdownUnit]:
    """Split Markdown ``text`` into units.

    Args:
        text: The whole text.
        lines: ``text.split("\\n")``.
        starts: Start offset of each line.

    Returns:
        The units in text order.
    """
    units: list[MarkdownUnit] = []
    skip = _front_matter(lines)
    if skip:
        units.append(MarkdownUnit(0, skip, ParagraphKind.META))
    if len(text) > MARKDOWN_IT_LIMIT:
        units.extend(_scan_lines(lines, starts, skip))
    else:
        body = "\n" * skip + "\n".join(lines[skip:]) if skip else text
        units.extend(_scan_tokens(body, lines, starts))
    return units


def _scan_tokens(text: str, lines: list[str], starts: list[int]) -> list[MarkdownUnit]:
    # Imported here: markdown-it-py costs ~40 ms to import, and most documents
    # are plain text; start-up should not pay for it.
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    units: list[MarkdownUnit] = []
    for token in tokens:
        if token.map is None or token.nesting == -1:
            continue
        first, last = _trim(lines, token.map[0], token.map[1])
        if last <= first:
            continue
        if token.level == 0:
            if token.type == "heading_open":
                units.append(_heading(lines, starts, first, last, token.markup))
            elif token.type in ("fence", "code_block"):
                units.append(MarkdownUnit(first, last, ParagraphKind.CODE))
            elif token.type not in ("bullet_list_open", "ordered_list_open"):
                units.append(MarkdownUnit(first, last, ParagraphKind.BODY))
        elif token.level == 1 and token.type == "list_item_open":
            units.append(MarkdownUnit(first, last, ParagraphKind.BODY))
    return units


def _heading(
    lines: list[str], starts: list[int], first: int, last: int, markup: str
) -> MarkdownUnit:
    if markup.startswith("#"):
        line = lines[first]
        atx = _ATX_RE.match(line)
        a = atx.end() if atx else 0
        content = line[a:]
        closing = _CLOSING_HASHES_RE.search(content)
        b = a + (closing.start() if closing else len(content.rstrip(_WS)))
        b = max(a, a + len(line[a:b].rstrip(_WS)))
        return MarkdownUnit(
            first,
            last,
            ParagraphKind.HEADING,
            len(markup),
            line[a:b],
            (starts[first] + a, starts[first] + b),
        )
    # Setext: the title lines, then the underline.
    title_last = max(first, last - 2)
    a = len(lines[first]) - len(lines[first].lstrip(_WS))
    b = len(lines[title_last].rstrip(_WS))
    title = " ".join(lines[k].strip() for k in range(first, title_last + 1))
    level = 1 if markup.startswith("=") else 2
    return MarkdownUnit(
        first,
        last,
        ParagraphKind.HEADING,
        level,
        title,
        (starts[first] + a, max(starts[first] + a, starts[title_last] + b)),
    )


def _scan_lines(lines: list[str], starts: list[int], skip: int) -> list[MarkdownUnit]:
    units: list[MarkdownUnit] = []
    block_start: int | None = None
    fence: str | None = None
    fence_start = 0
    for index in range(skip, len(lines)):
        line = lines[index]
        if fence is not None:
            if line.lstrip(" ").startswith(fence):
                units.append(MarkdownUnit(fence_start, index + 1, ParagraphKind.CODE))
                fence = None
            continue
        opening = _FENCE_RE.match(line)
        atx = _ATX_RE.match(line) if line[:4].lstrip(" ").startswith("#") else None
        if opening or atx or not line.strip():
            if block_start is not None:
                units.append(MarkdownUnit(block_start, index, ParagraphKind.BODY))
                block_start = None
        if opening:
            fence, fence_start = opening.group(1), index
        elif atx:
            units.append(_heading(lines, starts, index, index + 1, atx.group(1)))
        elif line.strip() and block_start is None:
            block_start = index
    if fence is not None:
        units.append(MarkdownUnit(fence_start, len(lines), ParagraphKind.CODE))
    elif block_start is not None:
        units.append(MarkdownUnit(block_start, len(lines), ParagraphKind.BODY))
    return units


def _front_matter(lines: list[str]) -> int:
    """How many lines a YAML front matter block takes at the top (0: none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, min(len(lines), 60)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


def _trim(lines: list[str], first: int, last: int) -> tuple[int, int]:
    """Drop blank lines at the ends of a line range (markdown-it keeps some)."""
    last = min(last, len(lines))
    while last > first and not lines[last - 1].strip():
        last -= 1
    while first < last and not lines[first].strip():
        first += 1
    return first, last


def _fence_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for match in _FENCE_RE.finditer(text):
        if opening is None:
            opening = match
        elif match.group(1)[0] == opening.group(1)[0] and len(match.group(1)) >= len(
            opening.group(1)
        ):
            ranges.append((opening.start(), match.end()))
            opening = None
    if opening is not None:
        ranges.append((opening.start(), len(text)))
    return ranges
