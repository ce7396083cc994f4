"""Hostile files through the app: it opens, shows the text, and every key survives.

One short Pilot session per file (100x30). Each asserts what the reader must see
at the top of the reading pane, that nothing on screen holds a control or bidi
character, that markup written as text shows literally (and clicking it does
nothing), and that the reading keys and `/` search leave the app running.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from textual.widget import Widget

from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from tests import hostile
from tests.ui.helpers import make_app

SIZE = (100, 30)

FILES = hostile.app_files()

SAMPLE_START = "今天是2025年07月04日"

EXPECTED: dict[str, list[str]] = {
    "big5.txt": ["「臺灣新聞」報導"],
    "empty.txt": [],
    "whitespace.txt": [],
    "escapes.txt": ["词0word0词1word1"],
    "bidi.txt": ["safetxt.exe", "nameisolated", "zerowidth"],
    "long-line.txt": ["长行没有换行符号长行没有换行符号"],
    "markup.txt": [*hostile.MARKUP_LINES, "[bold red]Heading[/]"],
    "tiny-sections.md": ["H0", "body0."],
    "long-heading.md": ["长长长长长长长长"],
}
"""Text each file must show in the first rows of the reading pane (spaces ignored)."""

OUTLINE: dict[str, str] = {
    "markup.txt": "[bold red]Heading[/]",
    "tiny-sections.md": "H0",
    "long-heading.md": "长长长",
    "sample-utf-16-le.txt": "以优良作风",
}
"""Text the outline's first rows must show, for files whose sections are known."""

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff\ud800-\udfff]")
"""Characters that must never reach the screen (the loader removes them all)."""

KEYS = ["j", "k", "space", "G", "right_square_bracket", "left_square_bracket"]
"""The reading keys pressed in every session."""

SEARCH = ["slash", "1", "enter", "n", "escape"]
"""`/`, a query that cannot be a reading key, Enter, next match, Escape."""

OPEN_ONLY = {name for name in FILES if name.startswith("sample-") and name != "sample-utf-8.txt"}
OPEN_ONLY |= {"cr.txt", "crlf.txt", "mixed-endings.txt"}
"""The same text as sample-utf-8.txt in other bytes: once it shows, the keys add nothing."""


def expected_text(name: str) -> list[str]:
    """What the top of the reading pane must hold for the file ``name``."""
    return EXPECTED.get(name, [SAMPLE_START])


def squeeze(text: str) -> str:
    """``text`` without spaces, so a wrap between words does not matter."""
    return re.sub(r"\s+", "", text)


def widget_lines(widget: Widget) -> list[str]:
    """The rows a widget draws itself (its children draw their own)."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def screen_text(app: ReaderApp) -> list[str]:
    """Every row every visible widget of the current screen draws."""
    rows: list[str] = []
    for widget in app.screen.query("*"):
        if widget.display and widget.region.height:
            rows.extend(widget_lines(widget))
    return rows


def reading_rows(app: ReaderApp) -> list[str]:
    """The rows of the reading pane in view."""
    pane = app.screen.query_one(ReadingPane)
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def assert_clean(rows: list[str]) -> None:
    """No control, bidi or zero-width character in any row."""
    for row in rows:
        assert not UNSAFE.search(row), repr(row)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every app file, written once for the module."""
    folder = tmp_path_factory.mktemp("hostile-app")
    return {name: hostile.write(folder, name, data) for name, data in FILES.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FILES))
async def test_a_hostile_file_opens_shows_its_text_and_survives_the_keys(
    name: str, files: dict[str, Path]
) -> None:
    app = make_app(files[name])
    document = app.document
    assert document is not None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        top = squeeze("".join(reading_rows(app)))
        for wanted in expected_text(name):
            assert squeeze(wanted) in top, (name, wanted, top[:200])
        if not document.text.strip():
            assert not top
        outline = app.screen.query_one(OutlinePane)
        assert outline.sections == document.sections
        if name in OUTLINE:
            tree_rows = squeeze("".join(widget_lines(outline)))
            assert squeeze(OUTLINE[name]) in tree_rows
        assert_clean(screen_text(app))

        if name in OPEN_ONLY:
            return
        for key in KEYS:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        assert_clean(screen_text(app))
        if name == "tiny-sections.md":
            # After G and ][, the outline follows the reading pane to the last sections.
            await pilot.pause()
            reading = document.section_at(app.screen.query_one(ReadingPane).current_offset)
            assert reading is not None and reading.index > 99_900
            assert outline.current == reading.id
            assert reading.title in [row.strip() for row in widget_lines(outline)]
        for key in SEARCH:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert_clean(screen_text(app))
        assert app.return_code is None
        assert isinstance(app.screen, MainScreen)


async def test_markup_lines_are_literal_and_clicking_them_does_nothing(
    files: dict[str, Path],
) -> None:
    app = make_app(files["markup.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ReadingPane)
        rows = reading_rows(app)
        # Click every character of every row that shows "[@click=app.quit]x[/]".
        clicked = 0
        for y, row in enumerate(rows):
            column = row.find("[@click=app.quit]")
            if column < 0:
                continue
            for x in (column, column + len("[@click=app.quit]"), column + 20):
                await pilot.click(pane, offset=(x, y))
                clicked += 1
        assert clicked
        # Nor the heading in the outline, which holds the same markup.
        tree = app.screen.query_one(OutlinePane)
        for y, row in enumerate(widget_lines(tree)):
            if "[@click=app.quit]" in row:
                await pilot.click(tree, offset=(row.index("[@click") + 2, y))
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, MainScreen)
        markup_row = next(y for y, text in enumerate(rows) if "[bold red]x[/]" in text)
        for segment in pane.render_line(markup_row):
            style = segment.style
            assert style is None or not (style.bold or style.link or style.meta), segment


NAMES = {
    "markup": "[bold red]x[@click=app.quit]y :warning:.txt",
    "escape": "a\x1b]0;pwned\x07b\x1b[2Jc\x9b6n.txt",
    "newline": "two\nlines.txt",
    "dash": "-rf.txt",
    "bidi": "evil\u202etxt.exe",
    "undecodable": os.fsdecode(b"caf\xe9-latin1.txt"),
}
"""Awkward file names: the title comes from the name when the text has no title."""


@pytest.mark.parametrize("kind", sorted(NAMES))
async def test_an_awkward_file_name_is_shown_literally(kind: str, tmp_path: Path) -> None:
    name = NAMES[kind]
    path = tmp_path / name
    path.write_bytes(b"")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = screen_text(app)
        assert_clean(rows)
        shown = "".join(rows)
        # Whatever was made visible of the controls, the printable parts are there.
        for part in re.split(UNSAFE.pattern, name):
            if part:
                assert part in shown, (part, shown[:300])
        await pilot.press("j", "G")
        assert app.return_code is None
