"""One footer everywhere: the picker, the bookmark list and the comparison screen show
reader's KeyBar (whole hints, most important first, ``? Help`` always), not Textual's
Footer, which cuts its last hint mid-word at 80 columns."""

from __future__ import annotations

import re
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from reader.app import ReaderApp
from reader.model.opening import open_document
from reader.screens.bookmarks import BookmarksScreen
from reader.screens.compare import CompareScreen
from reader.screens.picker import PickerScreen
from reader.widgets.key_bar import KeyBar
from tests.ui.helpers import SEED, make_app, settle

SIZES = [(160, 45), (80, 24), (40, 15)]

COMPARE = Path(__file__).parent.parent / "data" / "compare"


def picker_app(tmp_path: Path) -> ReaderApp:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(SEED, folder / "b.txt")
    return make_app(None, folder_documents=sorted(folder.iterdir()))


def compare_app(tmp_path: Path) -> ReaderApp:
    return make_app(
        COMPARE / "report_2024.txt", compare_with=open_document(COMPARE / "report_2023.txt")
    )


async def bookmarks(pilot: Pilot[None]) -> None:
    await pilot.press("B")


async def nothing(pilot: Pilot[None]) -> None:
    return None


SCREENS: dict[
    str, tuple[Callable[[Path], ReaderApp], Callable[[Pilot[None]], Awaitable[None]], type]
] = {
    "picker": (picker_app, nothing, PickerScreen),
    "bookmarks": (lambda _: make_app(), bookmarks, BookmarksScreen),
    "compare": (compare_app, nothing, CompareScreen),
}


def bottom_row(app: ReaderApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[-1])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_screen_shows_whole_key_hints_and_help(
    name: str, size: tuple[int, int], tmp_path: Path
) -> None:
    build, go, kind = SCREENS[name]
    app = build(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await go(pilot)
        await settle(pilot)
        assert isinstance(app.screen, kind)
        bar = app.screen.query_one(KeyBar)
        every = {f"{hint.key} {hint.description}" for hint in bar.hints()}
        row = bottom_row(app)
        assert row.rstrip().endswith("? Help"), row
        shown = [part for part in re.split(r"\s{2,}", row.strip()) if part]
        # Every piece on the bottom row is one whole hint: nothing cut mid-word.
        assert shown and all(part in every for part in shown), (shown, every)
        if size[0] >= 80:
            assert len(shown) >= 3, shown
        assert not app.screen.query(Footer), "Textual's Footer is gone"
