"""Text to Document: metadata, paragraphs, sections.

Position unit: every span is a half-open pair of character offsets into the
*displayed* text, ``Document.text``. For plain text that is the text given to
:func:`parse` after :func:`reader.model.structure.reflow.reflow` (hard-wrapped
lines joined, page furniture dropped; the very same text when it is not
hard-wrapped), with ``Document.source_map`` leading back to the given text.
Titles are trimmed copies; their spans point into the displayed text.

Paragraphs, in plain text:

* **one line per paragraph** (news texts, indented with spaces or U+3000): each
  non-blank line is a paragraph; its start includes the indentation, its end
  excludes the newline;
* **hard-wrapped** (RFCs, essays): each blank-line-separated block is a
  paragraph. A text is hard-wrapped when it has at least two blocks, at least
  half of its non-blank lines sit in blocks of two or more lines, and at most a
  tenth of its lines are longer than :data:`WRAPPED_LINE_MAX` characters.
  Metadata lines at the top are paragraphs of their own either way.

Kinds: META (metadata lines, see :mod:`reader.model.structure.meta`; RFC page headers and
footers too, so that they are tagged and never taken for headings), HEADING,
SUBTITLE (the dash line under a heading), CODE (Markdown code), BODY.

Headings follow the rules in :mod:`reader.model.structure.headings` (plain text) and
:mod:`reader.model.structure.markdown` (Markdown); sections are built by
:mod:`reader.model.structure.sections`.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from reader.model.document import BlockShape, Document, Meta, ParagraphKind, Span, StyleRun
from reader.model.memory import gc_paused
from reader.model.structure.markdown import looks_like_markdown, render
from reader.model.structure.meta import detect_language, read_meta
from reader.model.structure.outline_scan import plain_parts
from reader.model.structure.plain_lines import plain_lines
from reader.model.structure.reflow import cells, reflow, reflow_head
from reader.model.structure.sections import HeadingInfo, RawParagraph, build
from reader.model.structure.source_map import SourceMap
from reader.model.text.script import lead_label


def parse(
    text: str,
    *,
    path: str | None = None,
    encoding: str | None = None,
    displayed: SourceMap | None = None,
) -> Document:
    """Parse normalized ``text`` into a :class:`Document`.

    Args:
        text: Normalized text (LF newlines, no control characters).
        path: Where it was read from; a Markdown suffix selects the Markdown path.
        encoding: The encoding it was decoded with, recorded as is.
        displayed: ``text`` is already a displayed text (``Document.text`` of an
            earlier parse) with this map to its source: it is parsed as it is,
            not reflowed again.

    Returns:
        The document: metadata, sections covering the text, paragraphs.
    """
    with gc_paused():  # one object per line, no cycles (see reader.model.memory)
        return _parse(text, path, encoding, displayed)


HEAD_CHARS = 300_000
"""How much of a big text :func:`parse_head` parses: a few hundred screens."""
MARKDOWN_HEAD_CHARS = 30_000
"""How much of a big Markdown text :func:`parse_head` renders: a few dozen screens."""


def parse_head(
    text: str, *, path: str | None = None, encoding: str | None = None, chars: int = HEAD_CHARS
) -> Document:
    """Parse only the first ``chars`` characters (to a line end) of a big text
    (half as many of Chinese, whose characters take two cells each: the same screens).

    The result keeps the whole ``text`` but its paragraphs and headings stop at
    the cut, and its last section runs on to the end; ``complete`` is False.
    Opening a 50 MB report shows its first pages this way in a few milliseconds
    while :func:`parse` works through the rest. A text shown as it is keeps its
    final text (its fingerprint and every offset are those of the full
    document). A hard-wrapped one has only its head reflowed
    (:func:`reflow_head`): its ``text`` is provisional (``source`` holds the
    source, ``Document.final_text`` is False) and the full parse maps positions
    over (``Document.carry_offset``).

    Args:
        text: Normalized text.
        path: As for :func:`parse`.
        encoding: As for :func:`parse`.
        chars: Roughly how many characters to parse.

    Returns:
        A head-only document, or the full parse when the text is short.
    """
    if looks_like_markdown(text, path):
        return _markdown_head(text, path, encoding, min(chars, MARKDOWN_HEAD_CHARS))
    stop = _head_stop(text, _screenful(text, chars))
    if stop is None:
        return parse(text, path=path, encoding=encoding)
    reflowed = reflow_head(text, stop)
    if reflowed is None:  # shown as it is: the head is the start of the final text
        displayed, source_map, cut, source = text, SourceMap.identity(len(text)), stop, None
    else:
        # Only the head is reflowed: the rest is the source until the full parse.
        displayed, source_map, cut = reflowed
        source = text
    cut -= displayed[cut - 1 : cut] == "\n"  # the paragraphs end before the newline
    head = parse(displayed[:cut], path=path, encoding=encoding, displayed=source_map)
    last = replace(head.sections[-1], end=len(displayed))
    return Document(
        displayed,
        head.meta,
        (*head.sections[:-1], last),
        head.paragraphs,
        path,
        encoding,
        False,
        source_map,
        source=source,
    )


def _screenful(text: str, chars: int) -> int:
    """As many characters as ``chars`` of narrow ones fill on screen: fewer of wide ones.

    A Chinese character takes two cells: a head of ``chars`` of them is twice
    as many screens (and lines to reflow and parse) as an English one.
    """
    head = text[:chars]
    return chars * len(head) // max(1, cells(head))


_BLANK_LINE_REACH = 20_000
"""How far past the head's length a blank line is looked for to end it."""


def _head_stop(text: str, chars: int) -> int | None:
    """Where the head of ``text`` ends (just after a newline), or ``None`` for a short text.

    At a blank line when one comes soon (no paragraph of a hard-wrapped text is
    cut), else at a line end.
    """
    if len(text) <= chars:
        return None
    blank = text.find("\n\n", chars, chars + _BLANK_LINE_REACH)
    stop = blank + 1 if blank >= 0 else text.find("\n", chars) + 1
    return stop if 0 < stop < len(text) else None


def _markdown_head(text: str, path: str | None, encoding: str | None, chars: int) -> Document:
    """The head-only parse of Markdown: its first ``chars`` characters rendered.

    Rendering is slower than splitting lines, so the head is shorter than a
    plain text's, and a text less than four heads long is parsed whole (the
    head would save little). The head ends at a blank line when there is one,
    so that no paragraph is rendered in half; the rest follows unrendered.
    """
    if len(text) <= 4 * chars:
        return parse(text, path=path, encoding=encoding)
    stop = text.find("\n\n", chars)
    if stop == -1:
        stop = text.find("\n", chars)
    if stop == -1:
        return parse(text, path=path, encoding=encoding)
    # Only the head's lines: splitting all of a 10 MB text costs more than
    # rendering its head.
    lines = text[: stop + 1].split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)][:-1]
    return _markdown(text, lines, starts, path, encoding, stop + 1)


def _parse(
    text: str, path: str | None, encoding: str | None, displayed: SourceMap | None
) -> Document:
    if looks_like_markdown(text, path):
        # Markdown is rendered from its source (``displayed`` is for reflowed text).
        lines = text.split("\n")
        starts = [0, *accumulate(len(line) + 1 for line in lines)][:-1]
        return _markdown(text, lines, starts, path, encoding)
    source_map = displayed
    if source_map is None:
        text, source_map = reflow(text)
    reflowed = source_map is not None and not source_map.is_identity
    # One line a paragraph (news, reports): no split, units only around the
    # lines the heading rules try (see reader.model.structure.outline_scan).
    parts = None if reflowed else plain_parts(text, path)
    if parts is None:
        return _split_parse(text, path, encoding, source_map)
    scan, raw, headings = parts
    return _document(text, path, encoding, source_map, scan.meta, raw, headings)


def _split_parse(
    text: str, path: str | None, encoding: str | None, source_map: SourceMap
) -> Document:
    """The plain parse of a displayed text line by line: every text, any shape."""
    lines = text.split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)][:-1]
    scan = read_meta(text, lines, starts)
    reflowed = not source_map.is_identity
    raw, headings = plain_lines(lines, starts, scan.lines, reflowed)
    del lines, starts  # not held while the paragraphs are made
    return _document(text, path, encoding, source_map, scan.meta, raw, headings)


def _document(
    text: str,
    path: str | None,
    encoding: str | None,
    source_map: SourceMap,
    meta: Meta,
    raw: list[RawParagraph],
    headings: list[HeadingInfo],
) -> Document:
    lead = meta.title or lead_label(meta.language, text)
    sections, paragraphs = build(len(text), headings, raw, lead)
    if source_map is None or len(text) != source_map.display_length:
        return Document(text, meta, sections, paragraphs, path, encoding)
    return Document(text, meta, sections, paragraphs, path, encoding, source_map=source_map)


def _markdown(
    source: str,
    lines: list[str],
    starts: list[int],
    path: str | None,
    encoding: str | None,
    stop: int | None = None,
) -> Document:
    """The Markdown path: render, then build sections over the displayed text."""
    rendered, front = render(source, lines, starts, stop=stop)
    text = rendered.text
    raw: list[RawParagraph] = []
    headings: list[HeadingInfo] = []
    shapes: dict[int, BlockShape] = {}
    for block in rendered.blocks:
        raw.append(RawParagraph(block.start, block.end, block.kind))
        if block.shape is not None:
            shapes[block.start] = block.shape
        if block.kind is ParagraphKind.HEADING:
            name = " ".join(text[block.start : block.end].split())
            headings.append(HeadingInfo(block.start, block.level, name, (block.start, block.end)))
    # A head-only parse looks at the rendered head, not the raw rest.
    rendered_end = rendered.blocks[-1].end if rendered.blocks and stop is not None else len(text)
    language = detect_language(text[:rendered_end])
    title: str | None = front.title
    spans: dict[str, Span] = {}
    # The title (it stays a section), unless the front matter names one: a
    # level-1 heading that opens the document, else the only level-1 heading
    # when no level-2 one comes before it (a kicker or a badge line above it is
    # no title; a digest of h1 items has none).
    tops = [h for h in headings if h.level == 1]
    heading: HeadingInfo | None = None
    if headings and raw and raw[0].start == headings[0].start:
        heading = headings[0] if headings[0].level == 1 else None
    if heading is None and len(tops) == 1:
        heading = tops[0]
        if any(h.level == 2 and h.start < heading.start for h in headings):
            heading = None
    if title is None and heading is not None and heading.title:
        title, spans = heading.title, {"title": heading.span}
    meta = Meta(
        title=title,
        source=front.source,
        published=front.published,
        language=language,
        spans=spans,
        author=front.author,
    )
    lead = meta.title or ("导语" if meta.language == "zh" else "Lead")
    sections, paragraphs = build(len(text), headings, raw, lead)
    return Document(
        text,
        meta,
        sections,
        paragraphs,
        path,
        encoding,
        stop is None,
        source_map=rendered.source_map,
        source=source,
        styles=tuple(StyleRun(a, b, style) for a, b, style in rendered.styles),
        shapes=shapes,
    )
