"""Markdown rendered to displayed text with markdown-it-py (CommonMark + tables).

Position unit: character offsets, into the source (token line maps turned into
offsets) or into the displayed text (blocks and style runs).

What the reader shows for each construct (``Document.text`` is this text):

* headings: their text, no ``#`` and no underline; HEADING blocks at top
  level (nested ones in quotes or lists are body text, styled strong);
* emphasis, strong, strikethrough, inline code: their text with a style run
  (no ``*``, ``_``, ``~~`` or backticks);
* links: their text (style LINK), then the address dim after it (LINK_URL)
  when it is an absolute address that the text does not already show and the
  link is not an image (a badge) nor in a table cell; images: ``[image: alt]``;
* lists: one LIST_ITEM block per paragraph of an item, the first with its
  bullet (``•``, ``◦``, ``▪`` by depth) or number, all with a hanging indent
  past it; items of one list are separated by a newline, not a blank line;
* block quotes: their paragraphs as QUOTE blocks, drawn with a bar per depth;
* fenced and indented code: a CODE block, lines as they are;
* tables: a TABLE block in aligned columns (cell widths in terminal cells),
  header cells strong, a rule under the header;
* raw HTML blocks are dropped, inline HTML tags removed with their text kept;
* soft line breaks join with a space (nothing between two CJK characters),
  hard breaks are newlines; thematic breaks a short rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

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

_STYLES = {
    "em_open": InlineStyle.EMPHASIS,
    "strong_open": InlineStyle.STRONG,
    "s_open": InlineStyle.STRIKE,
    "link_open": InlineStyle.LINK,
}


@dataclass
class _List:
    ordered: bool
    number: int
    depth: int
    first: int = 0


@dataclass
class _State:
    quote: int = 0
    items: list[int] = field(default_factory=list)
    """Content indentation (cells) of each enclosing list item, innermost last."""
    marker: str = ""
    """The bullet or number waiting for the first block of a list item."""
    tight: bool = False
    """The next block is a list item's first one, after a sibling item."""


def render_markdown(
    source: str, markdown: str, line_starts: Sequence[int], *, tail: int | None = None
) -> Rendered:
    """Render ``markdown`` to displayed text, mapped back to ``source``.

    Args:
        source: The whole normalized text.
        markdown: What to parse: ``source`` or a head of it, with the front
            matter lines blanked out (its lines are those of ``source``).
        line_starts: Start offset of each line of ``source``.
        tail: Where the part of ``source`` left unrendered begins; it is
            appended as it is (see ``Emitter.finish``).

    Returns:
        The displayed text, its source map, blocks and style runs.
    """
    # Imported here: markdown-it-py costs ~40 ms to import, and most documents
    # are plain text; start-up should not pay for it.
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    emit = Emitter(source)
    state = _State()
    lists: list[_List] = []
    ends = [*line_starts[1:], len(source) + 1]

    def where(token: Token) -> tuple[int, int]:
        if token.map is None:
            return 0, len(source)
        first, last = token.map
        first = min(first, len(line_starts) - 1)
        return line_starts[first], min(len(source), ends[min(last, len(ends)) - 1])

    def shape() -> BlockShape | None:
        if not state.quote and not state.items:
            return None
        base = 2 * state.quote + (state.items[-1] if state.items else 0)
        hang = len(state.marker)
        return BlockShape(base - hang, hang, state.quote)

    def begin(at: int, *, alone: bool = False) -> int:
        """Open a block; a list item's first one starts with its bullet (``alone``: only it)."""
        tight = state.tight
        state.tight = False
        start = emit.open_block(at, tight=tight)
        if state.marker:
            emit.insert(state.marker.rstrip() if alone else state.marker, at)
        return start

    def kind() -> ParagraphKind:
        if state.quote:
            return ParagraphKind.QUOTE
        if lists:
            return ParagraphKind.LIST_ITEM
        return ParagraphKind.BODY

    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind_name = token.type
        if kind_name == "blockquote_open":
            state.quote += 1
        elif kind_name == "blockquote_close":
            state.quote -= 1
        elif kind_name in ("bullet_list_open", "ordered_list_open"):
            start_number = int(str(token.attrs.get("start", 1)))
            lists.append(
                _List(kind_name == "ordered_list_open", start_number, len(lists), start_number)
            )
            if state.marker:
                # A list opening a list item: the item's bullet on a line of its own.
                at, item_shape = where(token)[0], shape()
                start = begin(at, alone=True)
                state.marker = ""
                emit.close_block(start, ParagraphKind.LIST_ITEM, shape=item_shape)
        elif kind_name in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            state.marker = ""
        elif kind_name == "list_item_open":
            current = lists[-1]
            mark = f"{current.number}." if current.ordered else bullet(current.depth)
            current.number += 1
            state.marker = mark + " "
            state.items.append((state.items[-1] if state.items else 0) + len(state.marker))
            # Items of one list follow each other on the next line; a list
            # starts after a blank line.
            state.tight = current.number - 1 != current.first
        elif kind_name == "list_item_close":
            state.marker = ""
            state.items.pop()
        elif kind_name in ("paragraph_open", "heading_open"):
            inline = tokens[i + 1]
            at, end = where(token)
            shape_now = shape()
            start = begin(at)
            state.marker = ""
            _inline(emit, inline.children or [], at, end)
            if kind_name == "heading_open" and token.level == 0:
                level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
                emit.close_block(start, ParagraphKind.HEADING, level=level, shape=shape_now)
            else:
                if kind_name == "heading_open":
                    emit.style(start, InlineStyle.STRONG)
                emit.close_block(start, kind(), shape=shape_now)
            i += 2
        elif kind_name in ("fence", "code_block"):
            at, end = where(token)
            if state.marker:
                # A list item that opens with code: its bullet on a line of its own.
                item_shape = shape()
                start = begin(at, alone=True)
                state.marker = ""
                emit.close_block(start, kind(), shape=item_shape)
            emit.code(token.content, at, end, shape())
            state.tight = False
        elif kind_name == "table_open":
            i = _table(emit, tokens, i, where(token)[0], shape())
            state.marker = ""
        elif kind_name == "hr":
            emit.rule(where(token)[0])
        i += 1
    return emit.finish(tail)


def _table(emit: Emitter, tokens: list[Token], i: int, at: int, shape: BlockShape | None) -> int:
    rows: list[list[Cell]] = []
    aligns: list[str] = []
    header = 0
    row: list[Cell] = []
    in_head = False
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
            header += in_head
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrs.get("style", ""))
            align = style.partition("text-align:")[2] or "left"
            if len(rows) == 0:
                aligns.append(align)
        elif token.type == "inline":
            text, styles = _plain(token.children or [])
            row.append(Cell(text, styles, at))
        i += 1
    emit.table(rows, aligns, header, at, shape)
    return i


def _plain(children: list[Token]) -> tuple[str, list[tuple[int, int, InlineStyle]]]:
    """The text of inline tokens and their style runs, without a source (table cells)."""
    local = Emitter("")
    _inline(local, children, 0, 0, addresses=False)
    rendered = local.finish()
    return rendered.text, rendered.styles


def _inline(
    emit: Emitter, children: list[Token], at: int, end: int, *, addresses: bool = True
) -> None:
    """Render the inline tokens of a block whose source is ``[at, end)``.

    ``addresses``: whether link addresses may follow their text (not in
    table cells, where they would widen a column past any screen).
    """
    cursor = at
    opened: list[tuple[int, InlineStyle, str]] = []
    for k, child in enumerate(children):
        kind = child.type
        if kind == "text":
            cursor = emit.put(child.content, cursor, end)
        elif kind == "code_inline":
            begin = emit.length
            cursor = emit.put(child.content, cursor, end)
            emit.style(begin, InlineStyle.CODE)
        elif kind in _STYLES:
            href = str(child.attrs.get("href", "")) if kind == "link_open" else ""
            opened.append((emit.length, _STYLES[kind], href))
        elif kind.endswith("_close") and opened:
            begin, style, href = opened.pop()
            emit.style(begin, style)
            if style is InlineStyle.LINK and addresses and _shows_address(href, emit, begin):
                emit.insert(" ", cursor)
                emit.insert(href, cursor, InlineStyle.LINK_URL)
                emit.insert(address_end(_next_text(children, k + 1)[:1]), cursor)
        elif kind == "image":
            alt, _ = _plain(child.children or [])
            emit.insert(f"[image: {alt}]" if alt else "[image]", cursor, InlineStyle.IMAGE)
        elif kind == "softbreak":
            before = _last_char(emit)
            after = _next_text(children, k + 1)
            emit.insert(joiner(before, after), cursor)
        elif kind == "hardbreak" or (kind == "html_inline" and is_line_break(child.content)):
            emit.insert("\n", cursor)
        # Any other html_inline: the tag is dropped; the text between tags is a text token.


def _shows_address(href: str, emit: Emitter, begin: int) -> bool:
    """Whether a link's address is shown after its text (see :func:`shows_address`)."""
    return shows_address(href, emit.tail(emit.length - begin), emit.styles, begin)


def _last_char(emit: Emitter) -> str:
    return emit.tail(1)


def _next_text(children: list[Token], k: int) -> str:
    for child in children[k:]:
        if child.type in ("text", "code_inline") and child.content:
            return child.content
        if child.type in ("softbreak", "hardbreak", "image"):
            return ""
    return ""
