"""One-line excerpts of quotes and notes (the one ``shorten``)."""

from __future__ import annotations

from reader.model.text.oneline import shorten


def test_shorten_puts_text_on_one_line_and_cuts_it_with_an_ellipsis() -> None:
    assert shorten("a\n b\t\tc", 10) == "a b c"
    assert shorten("一二三四五六", 4) == "一二三…"
    assert len(shorten("x" * 100, 40)) == 40
    assert shorten("abc", 0) == "…"
