"""Paging in an ``OptionList`` that has no rows to page over yet.

Textual's ``OptionList._move_page`` looks the highlighted option up in its line
index, which is only built once the list has a size: in a list squeezed to no
rows (a 2-row terminal, a hidden pane) PageUp and PageDown raise ``KeyError``.
"""

from __future__ import annotations

from textual.widgets import OptionList


def can_page(option_list: OptionList) -> bool:
    """Whether PageUp/PageDown can work out where to go in ``option_list`` now."""
    highlighted = option_list.highlighted
    if highlighted is None:
        return True  # Textual goes to the first or last option: no lookup
    return highlighted in option_list._index_to_line
