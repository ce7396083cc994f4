"""Cell widths: the ONE place that says how many terminal cells a character takes.

Everything that measures text for the screen (wrapping, the reading pane, the
outline) goes through this module, so a change of policy happens here only.

Policy:

* Widths come from ``rich.cells.get_character_cell_size`` so the pane and Rich
  agree: East Asian Wide/Fullwidth characters are 2 cells, combining and
  zero-width characters 0, control characters 0, everything else 1. Rich counts
  the East Asian "ambiguous" punctuation “ ” ‘ ’ — … · as ONE cell, and so do we.
* A tab counts as ``TAB_CELLS`` (4) cells: loading keeps tabs and the reading
  pane draws each tab as four spaces.
* U+FE0F (emoji presentation selector) counts as 1 cell. Rich widens the
  preceding narrow emoji by one ("⚠️" is 2 cells); counting the selector itself
  keeps the width additive (``cell_len(a + b) == cell_len(a) + cell_len(b)``) and
  never narrower than Rich's, so a line never overflows.
* A zero-width joiner is 0 cells and the characters it joins are counted each:
  wider than Rich's count for an emoji sequence, never narrower.

Additivity is what lets the wrapper jump: the width of ``text[a:b]`` is computed
from a *class string* (one ASCII digit per character, see ``width_classes``) with
``str.count``, in C, without a Python loop over the characters.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size

__all__ = [
    "TAB_CELLS",
    "cell_len",
    "char_width",
    "cut_at_cells",
    "fit_end",
    "span_cells",
    "width_classes",
]

TAB_CELLS = 4
"""Cells a tab takes; the reading pane expands a tab to this many spaces."""

_CLASS_WIDTH = {"0": 0, "1": 1, "2": 2, "4": TAB_CELLS}
"""Class character -> width in cells."""


def char_width(char: str) -> int:
    """The cells one character takes.

    Args:
        char: A single character.

    Returns:
        0 (combining, zero-width, control), 1, or 2 (East Asian Wide/Fullwidth);
        ``TAB_CELLS`` for a tab, 1 for U+FE0F (see the module docstring).
    """
    if char == "\t":
        return TAB_CELLS
    if char == "\ufe0f":
        return 1
    return get_character_cell_size(char)


class _ClassTable(dict[int, str]):
    """``str.translate`` table: code point -> class digit, filled on first sight.

    ``__missing__`` keeps the table small (only characters ever seen) while the
    translate loop itself stays in C for every character already known.
    """

    def __missing__(self, codepoint: int) -> str:
        digit = str(char_width(chr(codepoint)))
        self[codepoint] = digit
        return digit


_CLASSES = _ClassTable()

_KNOWN: dict[int, str] = {c: str(char_width(chr(c))) for c in range(128)}
"""A plain-dict copy of ``_CLASSES``: ``str.translate`` looks a plain dict up
about a quarter faster than a subclass with ``__missing__``. All of ASCII is in
it from the start: ``width_classes`` takes an all-ASCII result as classified."""


def width_classes(text: str) -> str:
    """One class digit per character of ``text``: ``"0"``, ``"1"``, ``"2"`` or ``"4"``.

    The digit is the character's width in cells (``"4"`` is a tab), so
    ``classes[i]`` describes ``text[i]`` and widths of slices are ``str.count`` sums.

    Args:
        text: Any string.

    Returns:
        An ASCII string as long as ``text``.
    """
    classes = text.translate(_KNOWN)
    # A character the plain table lacks is left as is, and every such character
    # is non-ASCII (all of ASCII is known after the first miss): then classify
    # with the self-filling table and remember what it learnt.
    if not classes.isascii():
        classes = text.translate(_CLASSES)
        _KNOWN.update(_CLASSES)
        _KNOWN.update((c, str(char_width(chr(c)))) for c in range(128))
    return classes


def span_cells(classes: str, start: int, end: int, simple: bool = False) -> int:
    """Cells of the text whose class string is ``classes``, between ``start`` and ``end``.

    Args:
        classes: From ``width_classes``.
        start: First index.
        end: Index past the last.
        simple: True when ``classes`` holds only ``"1"`` and ``"2"`` (skips two counts).

    Returns:
        The width in cells of ``text[start:end]``.
    """
    cells = (end - start) + classes.count("2", start, end)
    if not simple:
        cells += (TAB_CELLS - 1) * classes.count("4", start, end) - classes.count("0", start, end)
    return cells


def fit_end(classes: str, start: int, stop: int, cells: int, simple: bool | None = None) -> int:
    """The largest ``end`` in ``[start, stop]`` whose span from ``start`` fits in ``cells``.

    Jumps instead of walking: guess, measure with ``str.count``, and correct by
    as many characters as the overshoot (or the slack) proves, so a line costs a
    few C-level counts whatever its length.

    Args:
        classes: From ``width_classes``.
        start: Index where the span starts.
        stop: Index the span may not pass.
        cells: Width available (negative is treated as 0).
        simple: Whether ``classes`` has no ``"0"``/``"4"``; computed when ``None``.

    Returns:
        The largest ``end`` with ``span_cells(classes, start, end) <= cells``;
        zero-width characters right after the fitting part are included.
    """
    if simple is None:
        simple = "0" not in classes and "4" not in classes
    if simple:
        return _fit_simple(classes, start, stop, max(cells, 0))
    widest = 2 if simple else TAB_CELLS
    cells = max(cells, 0)
    end = min(stop, start + cells)
    used = span_cells(classes, start, end, simple)
    # Shrink: each character removed frees at most `widest` cells, so removing
    # ceil(over / widest) never passes the answer.
    while used > cells:
        end -= (used - cells + widest - 1) // widest
        used = span_cells(classes, start, end, simple)
    # Grow: adding slack // widest characters always fits; then one at a time.
    while end < stop:
        step = (cells - used) // widest
        if step >= 1:
            step = min(step, stop - end)
            used += span_cells(classes, end, end + step, simple)
            end += step
            continue
        width = _CLASS_WIDTH[classes[end]]
        if used + width > cells:
            break
        used += width
        end += 1
    return end


def _fit_simple(classes: str, start: int, stop: int, cells: int) -> int:
    """``fit_end`` for class strings of only ``"1"`` and ``"2"``, inlined for speed."""
    count = classes.count
    end = min(stop, start + cells)
    used = end - start + count("2", start, end)
    while used > cells:
        end -= (used - cells + 1) // 2
        used = end - start + count("2", start, end)
    while end < stop:
        step = (cells - used) // 2
        if step >= 1:
            step = min(step, stop - end)
            used += step + count("2", end, end + step)
            end += step
        elif used + (2 if classes[end] == "2" else 1) > cells:
            break
        else:
            used += 2 if classes[end] == "2" else 1
            end += 1
    return end


def cell_len(text: str) -> int:
    """Cells a string takes on screen.

    Args:
        text: Any string (a tab counts ``TAB_CELLS``).

    Returns:
        The sum of ``char_width`` over the characters.
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return span_cells(width_classes(text), 0, len(text))


def cut_at_cells(text: str, cells: int) -> int:
    """Where to cut ``text`` so the head fits in ``cells``.

    A wide character never straddles the cut; zero-width characters right after
    the last fitting character stay in the head.

    Args:
        text: Any string.
        cells: Width available.

    Returns:
        The largest index ``i`` with ``cell_len(text[:i]) <= cells``.
    """
    if text.isascii() and text.isprintable():
        return min(len(text), max(cells, 0))
    return fit_end(width_classes(text), 0, len(text), cells)
