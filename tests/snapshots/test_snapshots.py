"""Screenshots of the app, compared with the accepted SVGs in ``__snapshots__``.

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots`` and review the SVGs.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import SEED, make_app

SnapCompare = Callable[..., bool]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until background wrapping and loading are done and the screen is painted."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_wide(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=run_before)


def test_main_screen_narrow(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


def test_help(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=run_before)


def test_picker(snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The header shows the folder path: under a home of tmp_path it reads ~/docs every run.
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_sample.txt")
    (folder / "b_report.txt").write_text(
        "Quarterly Report on Rivers\n\nPublished 2024-03-05.\n\nThe rivers rose.\n",
        encoding="utf-8",
    )
    app = make_app(None, folder_documents=sorted(folder.iterdir()))
    assert snap_compare(app, terminal_size=(100, 24), run_before=settle)
