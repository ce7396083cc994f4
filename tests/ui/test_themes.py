"""Every text on every screen is readable in a light and a dark theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.app import ReaderApp
from tests.ui.bookmark_data import write_fixed_bookmarks
from tests.ui.contrast import contrast, text_runs, unreadable
from tests.ui.helpers import SEED, make_app, settle

THEMES = ["textual-dark", "textual-light"]


def themed(theme: str, **kwargs: object) -> ReaderApp:
    app = make_app(**kwargs)  # type: ignore[arg-type]
    app.theme = theme
    return app


def test_contrast_of_black_on_white_is_21() -> None:
    from rich.color import Color

    assert round(contrast(Color.parse("#000000"), Color.parse("#ffffff"))) == 21
    assert contrast(Color.parse("#777777"), Color.parse("#777777")) == 1.0


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("keys", [(), ("o",), ("f", "enter"), ("slash", "四"), ("G",)])
async def test_main_screen_text_is_readable(theme: str, keys: tuple[str, ...]) -> None:
    app = themed(theme)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        runs = text_runs(app)
        assert any("Source" in run.text for run in runs)
        assert unreadable(app) == []


@pytest.mark.parametrize("theme", THEMES)
async def test_switching_theme_redraws_every_pane_readably(theme: str) -> None:
    other = THEMES[1 - THEMES.index(theme)]
    app = themed(other)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        app.theme = theme
        await settle(pilot)
        assert unreadable(app) == []


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("keys", [("question_mark",), ("B",), ("m",)])
async def test_dialogs_are_readable(theme: str, keys: tuple[str, ...]) -> None:
    app = themed(theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        assert unreadable(app) == []


@pytest.mark.parametrize("theme", THEMES)
async def test_the_picker_is_readable(theme: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_sample.txt")
    (folder / "b.txt").write_text("Rivers\n\nThe rivers rose.\n", encoding="utf-8")
    app = themed(theme, path=None, folder_documents=sorted(folder.iterdir()))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert unreadable(app) == []


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", [(100, 24), (40, 15)])
async def test_the_bookmark_list_with_a_detached_bookmark_is_readable(
    theme: str, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_fixed_bookmarks(tmp_path, monkeypatch)
    app = themed(theme)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        runs = text_runs(app)
        [detached] = [run for run in runs if "detached" in run.text]
        # The label is the theme's error colour, not a fixed red.
        error = app.theme_variables["text-error"]
        assert detached.style.startswith("bold") and error.lower() in detached.style.lower()
        assert unreadable(app) == [], [(run.text, run.ratio) for run in unreadable(app)]


@pytest.mark.parametrize("theme", THEMES)
async def test_the_bookmark_list_cursor_is_one_block_and_readable(
    theme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.style import Style

    write_fixed_bookmarks(tmp_path, monkeypatch)
    app = themed(theme)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("B", "end")  # the detached bookmark, with a note
        await settle(pilot)
        listing = app.screen.query_one("#bookmark-list")
        top = listing.region.y + 2 * 4  # rows: heading, two bookmarks, heading, this one
        runs = [run for run in text_runs(app) if run.y in (top, top + 1)]
        assert any("detached" in run.text for run in runs)
        assert any("gauge" in run.text for run in runs)
        # The note, the section and the date sit on the cursor's background, as the quote does.
        assert len({Style.parse(run.style).bgcolor for run in runs}) == 1, runs
        assert [run for run in runs if run.ratio < 3.0] == []
