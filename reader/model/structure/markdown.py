"""The Markdown path: is a text Markdown, its front matter, and rendering it.

Position unit: character offsets, into the source (the normalized text read
from the file) or into the displayed text (everything in ``Document``).

A text is Markdown when its path ends in ``.md``/``.markdown``/``.mdown``/``.mkd``
or when ATX headings (``#`` to ``######``, a space, text) start lines outside
code fences within the first :data:`SNIFF_CHARS` characters: two of them, or
one that opens the text.

Markdown is *rendered*: ``Document.text`` is the displayed text, with the
markup gone (see :mod:`reader.model.structure.markdown_render` for what each
construct becomes) and a ``SourceMap`` back to the source. Headings: ATX and
setext headings at top level are HEADING blocks (level = ``#`` count; ``=``
underline 1, ``-`` underline 2); headings nested in quotes or lists are not
sections. A ``# comment`` inside a code fence is code, never a heading. A YAML
front matter block (``---`` ... ``---`` or ``...`` at the very top) is read
into the metadata (title, date, author, source) and not shown.

Texts over :data:`MARKDOWN_IT_LIMIT` characters are rendered by the lean line
scanner of :mod:`reader.model.structure.markdown_lean` instead, because
markdown-it-py runs well under 1 MB/s and the app parses on open.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple

from reader.model.structure.markdown_emit import Rendered

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SNIFF_CHARS = 200_000
"""How much of a text is looked at to decide whether it is Markdown."""
MARKDOWN_IT_LIMIT = 2_000_000
"""Longest text given to markdown-it-py; longer ones take the line scanner."""
FRONT_MATTER_LINES = 60
"""Longest front matter block looked for, in lines."""

_ATX_LINE_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_FIELDS = {
    "title": ("title",),
    "date": ("date", "published", "pubdate", "created"),
    "author": ("author", "authors", "byline"),
    "source": ("source", "publisher", "publication"),
}
"""Front matter keys read into each metadata field, by preference."""


class FrontMatter(NamedTuple):
    """What a YAML front matter block says about the document."""

    lines: int
    """How many lines it takes at the top (0: none)."""
    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    source: str | None = None


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


def render(
    source: str, lines: Sequence[str], starts: Sequence[int], *, stop: int | None = None
) -> tuple[Rendered, FrontMatter]:
    """Render Markdown ``source`` to displayed text and read its front matter.

    Args:
        source: The normalized Markdown text.
        lines: ``source.split("\\n")``.
        starts: Start offset of each line.
        stop: Render only up to this offset (a line start) and append the rest
            of the source as it is (a head-only parse of a big text).

    Returns:
        The rendered text and the front matter (``lines == 0`` when none).
    """
    front = read_front_matter(lines)
    end = len(source) if stop is None else stop
    if len(source) > MARKDOWN_IT_LIMIT:
        from reader.model.structure.markdown_lean import render_lean

        last = len(lines) if stop is None else bisect_left(starts, stop)
        rendered = render_lean(source, lines[:last], starts, front.lines, tail=end)
    else:
        from reader.model.structure.markdown_render import render_markdown

        # Front matter lines are blanked, not cut, so the line maps still fit.
        head = source[:end]
        if front.lines:
            head = (
                "\n" * front.lines
                + head[starts[front.lines] if front.lines < len(starts) else end :]
            )
        rendered = render_markdown(source, head, starts, tail=end)
    return rendered, front


def read_front_matter(lines: Sequence[str]) -> FrontMatter:
    """Read a YAML front matter block at the top of ``lines``.

    Only ``yaml.safe_load`` reads it; a block that is not a YAML mapping still
    counts as front matter (it is hidden) but gives no fields.
    """
    count = _front_matter(lines)
    if not count:
        return FrontMatter(0)
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1 : count - 1]))
    except yaml.YAMLError:
        return FrontMatter(count)
    if not isinstance(data, Mapping):
        return FrontMatter(count)
    lowered = {str(k).lower(): v for k, v in data.items()}

    def pick(field: str) -> object:
        for key in _FIELDS[field]:
            value = lowered.get(key)
            if value not in (None, "", [], {}):
                return value
        return None

    return FrontMatter(
        count,
        _text(pick("title")),
        _when(pick("date")),
        _text(pick("author")),
        _text(pick("source")),
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        joined = ", ".join(str(v).strip() for v in value if str(v).strip())
        return joined or None
    if isinstance(value, Mapping):
        name = value.get("name")
        return _text(name)
    text = " ".join(str(value).split())
    return text or None


def _when(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _front_matter(lines: Sequence[str]) -> int:
    """How many lines a YAML front matter block takes at the top (0: none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, min(len(lines), FRONT_MATTER_LINES)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


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
