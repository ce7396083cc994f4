"""Markdown rendered by a lean line scanner, for texts too big for markdown-it-py.

Position unit: character offsets, into the source or the displayed text.

markdown-it-py parses well under 1 MB/s on this kind of machine; a 10 MB
README dump would keep the full parse busy for half a minute. This scanner
shows the same things for the common constructs at a few MB/s, through the
same :class:`~reader.model.structure.markdown_emit.Emitter`: ATX headings,
fenced code, block quotes (``>``), list items (``-``, ``*``, ``+``, ``1.``),
pipe tables, raw HTML blocks (dropped), thematic breaks and paragraphs, and
inline code, strong, emphasis, links, images and HTML tags, setext headings
and indented code. It does not know lazy continuation lines, nested block
quotes or reference links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from reader.model.document import BlockShape, InlineStyle, ParagraphKind
from reader.model.structure.markdown_emit import (
    Cell,
    Emitter,
    Rendered,
    address_end,
    bullet,
    is_line_break,
    joiner,
    shows_address,
)

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r" {0,3}> ?")
_HR = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HTML_BLOCK = re.compile(r" {0,3}</?[A-Za-z][^>]*>?\s*$|<!--")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_INDENTED = "    "
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_MARKUP_CHAR = re.compile(r"[`*_\[!<>&~]")
_INLINE = re.compile(
    r"(?P<code>`+)(?P<code_text>.+?)(?P=code)"
    r"|\[!\[(?P<badge>[^\]]*)\]\([^)]*\)\]\([^)]*\)"
    r"|!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)[^)]*\)"
    r"|\[(?P<link>[^\]]+)\]\((?P<href>[^)\s]*)[^)]*\)"
    r"|~~(?P<strike>\S(?:.*?\S)?)~~"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<strong>\*\*|__)(?P<strong_text>\S(?:.*?\S)?)(?P=strong)"
    r"|(?<![\w*])(?P<em>[*_])(?P<em_text>[^\s*_](?:[^*_]*?[^\s*_])?)(?P=em)(?![\w*])"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
)


def render_lean(
    source: str,
    lines: Sequence[str],
    starts: Sequence[int],
    skip: int,
    *,
    tail: int | None = None,
) -> Rendered:
    """Render ``source`` line by line.

    Args:
        source: The Markdown text.
        lines: The lines to render (all of ``source``'s, or its first ones).
        starts: Start offset of each line.
        skip: Lines at the top to leave out (front matter).
        tail: Where the part of ``source`` left unrendered begins (appended as it is).
    """
    emit = Emitter(source)
    index = skip
    n = len(lines)
    tight_item = False
    while index < n:
        line = lines[index]
        at = starts[index]
        if not line.strip():
            index += 1
            tight_item = False
            continue
        fence = _FENCE.match(line)
        if fence:
            close = index + 1
            while close < n and not lines[close].lstrip(" ").startswith(fence.group(1)):
                close += 1
            body_end = starts[close] - 1 if close < n else len(source)
            first = starts[index + 1] if index + 1 < n else len(source)
            emit.code(source[first:body_end] if body_end > first else "", first, body_end, None)
            index = close + 1
            continue
        atx = _ATX.match(line)
        if atx:
            content = line[atx.end() :]
            closing = _CLOSING_HASHES.search(content)
            content = content[: closing.start()] if closing else content.rstrip()
            start = emit.open_block(at)
            _inline(emit, content, at + atx.end())
            emit.close_block(start, ParagraphKind.HEADING, level=len(atx.group(1)))
            index += 1
            continue
        if _HR.match(line):
            emit.rule(at)
            index += 1
            continue
        if _HTML_BLOCK.match(line):
            while index < n and lines[index].strip():
                index += 1
            continue
        if "|" in line and index + 1 < n and _TABLE_RULE.match(lines[index + 1]):
            index = _table(emit, lines, starts, index)
            continue
        quote = _QUOTE.match(line)
        item = _ITEM.match(line)
        if line.startswith(_INDENTED) and not tight_item:
            # Indented code, after a blank line (not a list item's continuation).
            last = index + 1
            while last < n and (lines[last].startswith(_INDENTED) or not lines[last].strip()):
                last += 1
            while not lines[last - 1].strip():
                last -= 1
            body = "\n".join(text[len(_INDENTED) :] for text in lines[index:last])
            emit.code(body, at, starts[last - 1] + len(lines[last - 1]), None)
            index = last
            continue
        # A paragraph, quote or list item: up to a blank line or the next block.
        last = index + 1
        while last < n and lines[last].strip() and not _starts_block(lines[last]):
            if not quote and not item and _SETEXT.match(lines[last]):
                break
            last += 1
        underline = _SETEXT.match(lines[last]) if last < n and not quote and not item else None
        if underline:
            start = emit.open_block(at)
            for k in range(index, last):
                if k > index:
                    emit.insert(" ", starts[k])
                piece = lines[k].strip()
                _inline(emit, piece, starts[k] + len(lines[k]) - len(lines[k].lstrip()))
            level = 1 if underline.group(1)[0] == "=" else 2
            emit.close_block(start, ParagraphKind.HEADING, level=level)
            index = last + 1
            continue
        kind = ParagraphKind.BODY
        shape: BlockShape | None = None
        marker = ""
        if quote:
            kind, shape = ParagraphKind.QUOTE, BlockShape(2, 0, 1)
        elif item:
            depth = len(item.group(1)) // 2
            symbol = item.group(2)
            marker = (symbol[:-1] + "." if symbol[0].isdigit() else bullet(depth)) + " "
            kind = ParagraphKind.LIST_ITEM
            shape = BlockShape(2 * depth, len(marker), 0)
        start = emit.open_block(at, tight=bool(item) and tight_item)
        emit.insert(marker, at)
        previous = ""
        for k in range(index, last):
            text = lines[k]
            cut = quote.end() if quote and k == index else 0
            if k == index and item:
                cut = item.end()
            elif quote:
                more = _QUOTE.match(text)
                cut = more.end() if more else 0
            piece = text[cut:].strip()
            if not piece:
                continue
            hard = previous.endswith("  ")
            if previous:
                emit.insert("\n" if hard else joiner(previous.rstrip(), piece), starts[k])
            lead = len(text[cut:]) - len(text[cut:].lstrip())
            _inline(emit, piece, starts[k] + cut + lead)
            previous = text
        emit.close_block(start, kind, shape=shape)
        tight_item = bool(item)
        index = last
    return emit.finish(tail)


def _starts_block(line: str) -> bool:
    return bool(_ATX.match(line) or _FENCE.match(line) or _ITEM.match(line) or _HR.match(line))


def _table(emit: Emitter, lines: Sequence[str], starts: Sequence[int], index: int) -> int:
    rule = lines[index + 1].strip().strip("|").split("|")
    aligns = [
        "center"
        if c.strip().startswith(":") and c.strip().endswith(":")
        else "right"
        if c.strip().endswith(":")
        else "left"
        for c in rule
    ]
    rows: list[list[Cell]] = []
    k = index
    while k < len(lines) and "|" in lines[k] and lines[k].strip():
        if k != index + 1:
            cells = lines[k].strip().removeprefix("|").removesuffix("|").split("|")
            rows.append([_cell(cell.strip(), starts[k]) for cell in cells])
        k += 1
    emit.table(rows, aligns, 1, starts[index], None)
    return k


def _cell(text: str, at: int) -> Cell:
    local = Emitter(text)
    _inline(local, text, 0, addresses=False)
    rendered = local.finish()
    return Cell(rendered.text, rendered.styles, at)


def _inline(emit: Emitter, text: str, at: int, *, addresses: bool = True) -> None:
    """Render one line's inline markup; ``at`` is where ``text`` starts in the source.

    ``addresses``: whether link addresses may follow their text (not in table cells).
    """
    if _MARKUP_CHAR.search(text) is None:  # most lines: nothing to render
        emit.copy(at, at + len(text))
        return
    position = 0
    for match in _INLINE.finditer(text):
        a = match.start()
        if a > position:
            emit.copy(at + position, at + a)
        begin = emit.length
        if match.group("code"):
            emit.copy(at + match.start("code_text"), at + match.end("code_text"))
            emit.style(begin, InlineStyle.CODE)
        elif match.group("badge") is not None or match.group("src") is not None:
            alt = _cell(match.group("badge") or match.group("alt") or "", at).text
            emit.insert(f"[image: {alt}]" if alt else "[image]", at + a, InlineStyle.IMAGE)
        elif match.group("strike"):
            _inline(emit, match.group("strike"), at + match.start("strike"), addresses=addresses)
            emit.style(begin, InlineStyle.STRIKE)
        elif match.group("entity"):
            emit.insert(html.unescape(match.group("entity")), at + a)
        elif match.group("link") is not None:
            _inline(emit, match.group("link"), at + match.start("link"), addresses=addresses)
            emit.style(begin, InlineStyle.LINK)
            href = match.group("href")
            shown = emit.tail(emit.length - begin)
            if addresses and shows_address(href, shown, emit.styles, begin):
                emit.insert(" ", at + a)
                emit.insert(href, at + a, InlineStyle.LINK_URL)
                emit.insert(address_end(text[match.end() : match.end() + 1]), at + a)
        elif match.group("strong"):
            _inline(
                emit,
                match.group("strong_text"),
                at + match.start("strong_text"),
                addresses=addresses,
            )
            emit.style(begin, InlineStyle.STRONG)
        elif match.group("em"):
            _inline(emit, match.group("em_text"), at + match.start("em_text"), addresses=addresses)
            emit.style(begin, InlineStyle.EMPHASIS)
        elif match.group("auto"):
            emit.copy(at + match.start("auto"), at + match.end("auto"))
            emit.style(begin, InlineStyle.LINK)
        elif match.group("tag") and is_line_break(match.group("tag")):
            emit.insert("\n", at + a)
        # Any other tag: dropped.
        position = match.end()
    if position < len(text):
        emit.copy(at + position, at + len(text))
