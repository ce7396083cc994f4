"""Screenshots of every screen but the main one, each in a dark and a light theme.

The main screen and its panes are in ``test_themes_snapshot.py``, the bookmark
list in ``test_bookmarks_snapshot.py``. Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots/test_screens_themes.py`` and review
the SVGs (as text: the ``<text>`` runs).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.model.opening import open_document
from reader.screens.compare import CompareScreen
from tests.ui.helpers import SEED, make_app, settle

SnapCompare = Callable[..., bool]

THEMES = ["textual-dark", "textual-light"]

COMPARE_DATA = Path(__file__).parent.parent / "data" / "compare"


def _themed(app: ReaderApp, theme: str) -> ReaderApp:
    app.theme = theme
    return app


@pytest.mark.parametrize("theme", THEMES)
def test_picker(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """The document list of a folder: titles, file names, dates and sizes."""
    # The title bar shows the folder path: under a home of tmp_path it reads ~/docs every run.
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_sample.txt")
    (folder / "b_report.txt").write_text(
        "Quarterly Report on Rivers\n\nPublished 2024-03-05.\n\nThe rivers rose.\n",
        encoding="utf-8",
    )
    app = _themed(make_app(None, folder_documents=sorted(folder.iterdir())), theme)
    assert snap_compare(app, terminal_size=(100, 24), run_before=settle)


@pytest.mark.parametrize("theme", THEMES)
def test_help(snap_compare: SnapCompare, theme: str) -> None:
    """The keys, grouped, over the main screen."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(_themed(make_app(), theme), terminal_size=(100, 40), run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_note_prompt(snap_compare: SnapCompare, theme: str) -> None:
    """The note asked for a new bookmark: the passage quoted above the field."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(_themed(make_app(), theme), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_compare(snap_compare: SnapCompare, theme: str) -> None:
    """Two editions compared: the section map, the changes inline, "What changed"."""
    app = ReaderApp(
        document=open_document(str(COMPARE_DATA / "report_2024.txt")),
        compare_with=open_document(str(COMPARE_DATA / "report_2023.txt")),
    )
    app.animation_level = "none"

    async def run_before(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        for _ in range(200):
            if screen.comparison is not None:
                break
            await pilot.pause(0.05)
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)

    assert snap_compare(_themed(app, theme), terminal_size=(160, 45), run_before=run_before)
