"""Reflow of hard-wrapped plain text: the displayed text and its map to the source.

Position unit: character offsets. :func:`reflow` takes the normalized source and
returns the *displayed* text (``Document.text``) with a
:class:`~reader.model.structure.source_map.SourceMap` back to the source. A
text that is not hard-wrapped comes back as the very same ``str`` with the
identity map, so its offsets do not change.

Whether a text is hard-wrapped is read from the text itself, never from its
file name: the *wrap width* ``W`` is the 95th percentile of the widths of the
first :data:`SAMPLE_LINES` non-blank lines in the first :data:`SAMPLE_CHARS`
characters (in cells: a CJK character counts
two, as in the GBK files that Chinese ``.txt`` novels come from), and the text
is hard-wrapped when ``W`` is between :data:`MIN_WIDTH` and :data:`MAX_WIDTH`
and at least :data:`FULL_SHARE` of those lines end near it.

Two adjacent non-blank lines ``a`` and ``b`` of a hard-wrapped text are joined
into one paragraph only when all of these hold, so everything laid out on
purpose stays as it is:

* ``a`` is *full*: the first word of ``b`` (one character for CJK) would not
  have fit on it within the wrap width. A line that stops clearly short of the
  width (the end of a paragraph, a verse line, a heading, an address line)
  always ends its paragraph;
* ``b`` is not indented deeper than ``a`` (a paragraph start marked by ``　　``
  or spaces, a quotation, code, a hanging list item); a shallower ``b`` only
  continues the first line of an indented paragraph;
* neither line is a table or ASCII-art line (a run of two or more spaces or a
  tab inside it that does not follow sentence punctuation, box-drawing
  characters, ``|``, runs of ``-=_*+~``);
* ``b`` does not start with a list marker (``-``, ``*``, ``•``, ``1.``,
  ``(a)``, RFC ``o``), and neither line is one the heading rules of
  :mod:`reader.model.structure.headings` would take for a heading (numbered,
  ALL CAPS) — heading detection thus still sees every heading line on a line of
  its own (this is the chosen way to keep headings: they are recognised on the
  source lines before anything is joined);
* neither line is a metadata line at the top (:mod:`~reader.model.structure.meta`).

Joined lines lose the line break, the trailing blanks of ``a`` and the
indentation of ``b``; CJK + CJK join with nothing, Latin + Latin with one
space, and a line-final hyphen (or dash) is kept and joined with nothing.

Page furniture (:mod:`~reader.model.structure.furniture`) is removed with the
blank lines around it; the text on either side is joined when the line before
is full and does not end a sentence (or the line after starts in lower case),
so a paragraph that runs across a page break stays one paragraph.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, lt, sub

from reader.model.structure.furniture import find_furniture
from reader.model.structure.line_kinds import (
    WIDE,
    cell_widths,
    joiner,
    laid_out_lines,
    marker_and_heading_lines,
)
from reader.model.structure.line_shapes import WS
from reader.model.structure.meta import read_meta
from reader.model.structure.source_map import SourceMap

SAMPLE_LINES = 4000
"""How many non-blank lines the wrap width is measured on, at most..."""
SAMPLE_CHARS = 150_000
"""...in how many characters at the top of the text."""
MIN_WIDTH = 24
"""Narrowest wrap width, in cells."""
MAX_WIDTH = 200
"""Widest wrap width, in cells; longer lines are paragraphs, not wrapped lines."""
FULL_SHARE = 0.4
"""Share of sampled lines that must end near the wrap width."""
MIN_FULL_LINES = 3
"""A text with fewer full lines than this is not hard-wrapped."""
_META_LINES = 60
"""How many lines at the top may be metadata lines."""
_SENTENCE_END = frozenset(".?!。？！…")
_INDENTED_RE = re.compile("\n[ \t\u3000\xa0]")
"""A line that starts with a blank (after the newline before it)."""
_QUOTES = "\"'”’」』)）"
_QUOTES_ANY = frozenset("\"'“”‘’「」『』()（）《》")
"""Characters around which :func:`joiner` looks further than one character."""
_SPECIAL_ENDS = _QUOTES_ANY | frozenset("-—") | frozenset(WS)


def reflow(text: str) -> tuple[str, SourceMap]:
    """The displayed text of normalized plain ``text`` and its map to ``text``.

    Args:
        text: Normalized text (LF newlines).

    Returns:
        ``(displayed, source_map)``; ``(text, identity)`` when there is nothing
        to join or remove.
    """
    # The sample comes from a prefix: split's remainder would copy the whole text.
    sample = text[:SAMPLE_CHARS].split("\n")[: SAMPLE_LINES * 2]
    layout = wrap_width(sample)
    if layout is None:
        return text, SourceMap.identity(len(text))
    lines = text.split("\n")
    edits = _Reflow(text, lines, *layout).edits()
    if not edits[0]:
        return text, SourceMap.identity(len(text))
    return apply_edits(text, *edits)


def reflow_head(text: str, stop: int) -> tuple[str, SourceMap, int] | None:
    """The first ``stop`` characters of a hard-wrapped ``text`` reflowed, the rest as it is.

    What a big text shows before its first frame: reflowing all of it costs
    ~40 ms per MB. The wrap width is measured on the same sample as
    :func:`reflow`'s, and the decisions are made line by line, so the head's
    displayed text is the start of the whole text's (the first frame shows what
    the full parse will); the rest, after the head, is the source until the
    full parse reflows it.

    Args:
        text: Normalized text.
        stop: Where the head ends: just after a newline (a paragraph is not cut).

    Returns:
        ``None`` when the text is not hard-wrapped (it is shown as it is);
        else ``(displayed, source_map, head_length)``: the reflowed head and the
        rest, the map of both, and how long the reflowed head is.
    """
    sample = text[:SAMPLE_CHARS].split("\n")[: SAMPLE_LINES * 2]
    layout = wrap_width(sample)
    if layout is None:
        return None
    head = text[:stop]
    edits = _Reflow(head, head.split("\n"), *layout).edits()
    if not edits[0]:
        return text, SourceMap.identity(len(text)), stop
    displayed, source_map = apply_edits(head, *edits)
    return displayed + text[stop:], source_map.extended(len(text) - stop), len(displayed)


def cells(line: str) -> int:
    """Approximate width of ``line`` in cells: wide characters count two."""
    if line.isascii():
        return len(line)
    # UTF-8 takes 1 byte for ASCII, 3 for CJK: (1 + 1) / 2 = 1 and (1 + 3) / 2 = 2.
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


def wrap_width(lines: list[str]) -> tuple[int, int, int] | None:
    """The width a text is hard-wrapped at, the indent of its running lines, and
    the wrap width in characters (Chinese files are cut by bytes, i.e. cells, or
    by characters: a line of 38 characters with a few ASCII ones in it is full).

    Returns ``None`` when the text is not hard-wrapped: fewer than
    :data:`FULL_SHARE` of the measured lines end near the width, or fewer than
    :data:`MIN_FULL_LINES` full lines go on at the running indent on the next line.

    Args:
        lines: The first lines of the text (at least :data:`SAMPLE_LINES`
            non-blank ones when the text has them).
    """
    # Lines with a column gap (page headers, tables) say nothing of the wrap width.
    rows = [
        (cells(line.rstrip(WS)), len(line) - len(line.lstrip(WS)), len(line.rstrip(WS)))
        for line in lines
        if line and not line.isspace() and "   " not in line.strip(WS)
    ]
    del rows[SAMPLE_LINES:]
    if len(rows) < MIN_FULL_LINES:
        return None
    ordered = sorted(w for w, _, _ in rows)
    width = ordered[min(len(ordered) - 1, len(ordered) * 95 // 100)]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    near = width - max(8, width // 5)
    full = sum(1 for w, _, _ in rows if near <= w <= width + 2)
    if full < MIN_FULL_LINES or full < FULL_SHARE * len(rows):
        return None
    base = Counter(indent for _, indent, _ in rows).most_common(1)[0][0]
    chars = sorted(length for _, _, length in rows)
    char_width = chars[min(len(chars) - 1, len(chars) * 95 // 100)]
    # Full lines that run on: the next line (no blank between) at the running indent.
    runs_on = 0
    for a, b in pairwise(lines[: SAMPLE_LINES * 2]):
        if b and a and not b.isspace() and len(b) - len(b.lstrip(WS)) == base:
            runs_on += near <= cells(a.rstrip(WS))
    if runs_on < MIN_FULL_LINES:
        return None
    return width, base, char_width


def apply_edits(
    text: str, starts: list[int], ends: list[int], replacements: list[str]
) -> tuple[str, SourceMap]:
    """``text`` with ``text[starts[k]:ends[k]]`` replaced by ``replacements[k]``, and its map.

    The edits are sorted and do not overlap. A replacement stands for the source
    at its start; the text between edits is copied.
    """
    size = len(text)
    copy_starts = [0, *ends]
    copy_ends = [*starts, size]
    segments = list(map(text.__getitem__, map(slice, copy_starts, copy_ends)))
    displayed = "".join(chain.from_iterable(zip(segments, [*replacements, ""], strict=True)))
    seg_lengths = list(map(sub, copy_ends, copy_starts))
    rep_lengths = [*map(len, replacements), 0]
    seg_display = [0, *accumulate(map(add, seg_lengths, rep_lengths))][:-1]
    count = len(starts)
    display = [0] * (2 * count + 1)
    source = [0] * (2 * count + 1)
    copied = [1, 0] * count + [1]
    display[0::2] = seg_display
    display[1::2] = list(map(add, seg_display, seg_lengths))[:count]
    source[0::2] = copy_starts
    source[1::2] = starts
    keep = [True] * (2 * count + 1)
    keep[1::2] = [length > 0 for length in rep_lengths[:count]]
    source_map = SourceMap(
        array("i", compress(display, keep)),
        array("i", compress(source, keep)),
        array("b", compress(copied, keep)),
        len(displayed),
        size,
    )
    return displayed, source_map


class _Reflow:
    """One pass over the lines: which line breaks to join, which furniture to drop."""

    def __init__(self, text: str, lines: list[str], width: int, base: int, char_width: int) -> None:
        self.text = text
        self.lines = lines
        self.width = width
        self.char_limit = char_width - max(1, char_width // 30)
        """A line of more characters than this is full, whatever its cells."""
        self.base = base
        """The indent of running lines (in characters)."""
        self.limit = width - max(2, width // 30)
        """A line is full when its width plus the next word is beyond this."""
        self.loose_limit = width - max(4, width // 10)
        """The limit for a line that does not end a sentence."""
        self.lengths = list(map(len, lines))
        self.starts = list(accumulate(map(add, self.lengths, repeat(1)), initial=0))[:-1]
        # Only the lines that start with a blank (one scan finds them) have an indent.
        self.indents = [0] * len(lines)
        indented = [0] if text[:1] in WS else []
        indented += [bisect_right(self.starts, m.start()) for m in _INDENTED_RE.finditer(text)]
        for index in indented:
            line = lines[index]
            self.indents[index] = len(line) - len(line.lstrip(WS))
        self.widths = cell_widths(text, lines, self.lengths)
        self.furniture = find_furniture(text, lines, self.starts)
        head = lines[:_META_LINES]
        meta = read_meta("\n".join(head), head, self.starts[:_META_LINES], markdown=False)
        nonblank = sum(map(lt, self.indents, self.lengths))
        blanks = len(lines) - nonblank - (lines[-1] == "")  # not the end after the last LF
        self.blank_style = blanks > 0 and blanks * 8 >= nonblank
        """Whether paragraphs are separated by blank lines."""
        # Heading lines stay lines of their own even where blank lines separate the
        # paragraphs: a heading can stand right under a line (found by the sweep).
        markers, headings, caps = marker_and_heading_lines(text, lines, self.starts, self.indents)
        kept = laid_out_lines(text, lines, self.starts, self.indents) | headings | meta.lines
        # A caps title wrapped over two lines is joined; caps and body lines never are.
        self.no_join_after = kept | {i for i in caps if i + 1 not in caps}
        self.no_join_before = kept | markers | {i for i in caps if i - 1 not in caps}

    def edits(self) -> tuple[list[int], list[int], list[str]]:
        """The edits, as three lists: source starts, source ends, replacements."""
        starts, furniture = self.starts, self.furniture
        limit, char_limit, loose = self.limit, self.char_limit, self.loose_limit
        no_after, no_before, base = self.no_join_after, self.no_join_before, self.base
        cut_starts: list[int] = []
        cut_ends: list[int] = []
        replacements: list[str] = []
        previous = -1  # the last kept non-blank line, and what is known of it:
        prev_line, prev_length, prev_indent, prev_width = "", 0, 0, 0
        blank = bridged = False  # a blank line, furniture since ``previous``
        rows = zip(self.lines, self.lengths, self.indents, self.widths, strict=True)
        for index, (line, length, indent, width) in enumerate(rows):
            if index in furniture:
                bridged = True
                continue
            if indent == length:
                blank = True
                continue
            join = False
            if (
                previous >= 0
                and (bridged or not blank)
                and indent == base
                and prev_indent >= base
                and index not in no_before
                and previous not in no_after
            ):
                lead = line[indent]
                if prev_width >= limit or prev_length > char_limit:
                    join = True
                else:
                    tail = prev_line.rstrip(WS)[-2:]
                    wide = lead >= WIDE or tail[-1:] >= WIDE
                    if wide:
                        word = 2
                    else:
                        space = line.find(" ", indent)
                        word = (length if space < 0 else space) - indent
                    need = prev_width + (0 if wide else 1) + word
                    # A line that ends a sentence ends the paragraph unless the next
                    # word clearly would not have fit; one that does not is given
                    # the leeway of a wrap width that varies a little (hand-wrapped
                    # books wrap a few columns early).
                    join = need > limit or (
                        need > loose and tail.rstrip(_QUOTES)[-1:] not in _SENTENCE_END
                    )
                if join and bridged:
                    last = prev_line.rstrip(WS)[-1:]
                    join = last not in _SENTENCE_END or lead.islower()
                if join:
                    last = prev_line[-1]
                    if last in WS:
                        end = starts[previous] + len(prev_line.rstrip(WS))
                    else:
                        end = starts[previous] + prev_length
                    cut_starts.append(end)
                    cut_ends.append(starts[index] + indent)
                    if last in _SPECIAL_ENDS or lead in _QUOTES_ANY:
                        replacements.append(joiner(prev_line, line, indent))
                    else:
                        replacements.append("" if last >= WIDE or lead >= WIDE else " ")
            if not join and bridged:
                # Drop the furniture and the blank lines around it.
                cut_starts.append(starts[previous] + prev_length if previous >= 0 else 0)
                cut_ends.append(starts[index])
                gap = "\n\n" if self.blank_style else "\n"
                replacements.append(gap if previous >= 0 else "")
            previous, prev_line, prev_length, prev_indent, prev_width = (
                index,
                line,
                length,
                indent,
                width,
            )
            blank = bridged = False
        if bridged and previous >= 0:
            cut_starts.append(starts[previous] + prev_length)
            cut_ends.append(len(self.text))
            replacements.append("\n" if self.text.endswith("\n") else "")
        return cut_starts, cut_ends, replacements
