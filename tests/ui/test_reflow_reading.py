"""Hard-wrapped texts read as flowing paragraphs, and `/` finds phrases across source lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.widgets.reading import ReadingPane
from tests.reflow_texts import GUTENBERG, NOVEL, PRIDE_FLOWING, RFC
from tests.ui.helpers import main_screen, make_app

SIZES = [(60, 20), (80, 24), (120, 40), (160, 45)]

RFC_FLOWING = (
    "Date and time formats cause a lot of confusion and interoperability problems on the "
    "Internet.  This document addresses many of the problems encountered and makes "
    "recommendations to improve consistency and interoperability when representing and "
    "using date and time in Internet protocols."
)
NOVEL_FLOWING = (
    "滚滚长江东逝水，浪花淘尽英雄。是非成败转头空。青山依旧在，几度夕阳红。白发渔樵江渚上，"
    "惯看秋月春风。一壶浊酒喜相逢。古今多少事，都付笑谈中。这一段话说的是天下大势，分久必合，合久必分。"
)
DOCUMENTS = {
    "gutenberg": (GUTENBERG, PRIDE_FLOWING, " "),
    "rfc": (RFC, RFC_FLOWING, " "),
    "novel": (NOVEL, NOVEL_FLOWING, ""),
}


def rows(pane: ReadingPane) -> list[str]:
    return [pane.render_line(y).text.strip() for y in range(pane.scrollable_content_region.height)]


def paragraph_rows(pane: ReadingPane, first_words: str) -> list[str]:
    """The rows of the paragraph whose first row starts with ``first_words``."""
    shown = rows(pane)
    start = next(k for k, row in enumerate(shown) if row.startswith(first_words))
    out: list[str] = []
    for row in shown[start:]:
        if not row or (out and row.startswith("　　")):
            break
        out.append(row)
    return out


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(DOCUMENTS))
async def test_a_hard_wrapped_paragraph_fills_the_measure(
    tmp_path: Path, name: str, size: tuple[int, int]
) -> None:
    source, flowing, joiner = DOCUMENTS[name]
    app = make_app(write(tmp_path, name, source))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        pane = main_screen(app).reading
        pane.scroll_to_offset(pane.document.text.index(flowing[:20]))
        await pilot.pause()
        shown = paragraph_rows(pane, flowing[:12])
        assert len(shown) >= 2
        # The rows are the paragraph's words in order, laid out by the pane...
        laid_out = joiner.join(shown).replace("　", "")
        assert " ".join(laid_out.split()) in " ".join(flowing.split())
        # ...not the file's lines: every row but the last is filled to the measure,
        # and where the measure is wider than the file's lines, so are the rows.
        width = pane.text_width
        cells = [sum(2 if ch >= "\u2e80" else 1 for ch in row) for row in shown]
        assert all(c > width - 16 for c in cells[:-1]), (cells, width)
        wrap = max(len(line) for line in source.split("\n")[8:12])
        if name == "novel":
            wrap *= 2
        if width > wrap + 8:
            assert max(cells) > wrap, (cells, width)


async def search(pilot: Pilot[None], phrase: str) -> None:
    await pilot.press("slash", *[{" ": "space", ".": "full_stop"}.get(c, c) for c in phrase])
    for worker in list(pilot.app.workers):
        if worker.group == "search":
            await worker.wait()
    await pilot.pause()


@pytest.mark.parametrize("size", [(60, 20), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("name", "phrase"),
    [("gutenberg", "possession of"), ("rfc", "in full so"), ("novel", "白发渔樵")],
)
async def test_slash_finds_a_phrase_that_crossed_a_source_line_break(
    tmp_path: Path, name: str, phrase: str, size: tuple[int, int]
) -> None:
    source = DOCUMENTS[name][0]
    assert phrase not in source  # the file has a line break (or a page break) inside it
    app = make_app(write(tmp_path, name, source))
    async with app.run_test(size=size) as pilot:
        screen = main_screen(app)
        await search(pilot, phrase)
        assert screen.highlights.cycle is not None and len(screen.highlights.cycle) == 1
        await pilot.press("enter")
        await pilot.pause()
        start, end = screen.highlights.cycle.spans[0]
        assert screen.document.text[start:end] == phrase
        # The match is on the screen (a row may break inside it).
        shown = rows(screen.reading)
        assert phrase in " ".join(shown) or phrase in "".join(shown)
