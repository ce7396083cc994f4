"""Line breaking of preformatted blocks (code, tables): at newlines and at the width.

Position unit: character offsets into the document text; a wrapped block is the
list of its line start offsets, as ``wrap.wrap_paragraph`` gives them.

No kinsoku and no word breaks: a code line or a table row longer than the
width is cut at exactly the width (a wide character never straddles the cut),
and the reading pane marks the rows that continue a cut line. Nothing is
dropped or added: the lines join back to the block.
"""

from __future__ import annotations

from reader.model.layout.cells import fit_end, width_classes

__all__ = ["wrap_preformatted"]


def wrap_preformatted(text: str, start: int, end: int, width: int) -> list[int]:
    """Line starts of ``text[start:end]``: a line per newline, cut at ``width`` cells.

    Args:
        text: The document text.
        start: Offset of the block's first character.
        end: Offset just past its last one.
        width: Cells per line (at least one character goes on each line).

    Returns:
        The start offset of every line, the first being ``start``.
    """
    width = max(1, width)
    starts: list[int] = []
    line = start
    while True:
        newline = text.find("\n", line, end)
        stop = end if newline == -1 else newline
        block = text[line:stop]
        classes = width_classes(block)
        position = 0
        while True:
            starts.append(line + position)
            cut = fit_end(classes, position, len(block), width)
            if cut <= position:
                cut = position + 1  # a character wider than the line: it alone
            if cut >= len(block):
                break
            position = cut
        if newline == -1:
            return starts
        line = newline + 1
        if line >= end:
            return starts
