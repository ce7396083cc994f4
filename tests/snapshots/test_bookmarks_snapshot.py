"""A screenshot of the bookmark list (a screen of its own, so other panes do not move it).

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots/test_bookmarks_snapshot.py`` and review the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.snapshots.test_snapshots import settle
from tests.ui.bookmark_data import write_fixed_bookmarks
from tests.ui.helpers import make_app

SnapCompare = Callable[..., bool]


@pytest.fixture
def fixed_bookmarks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents' bookmarks with fixed dates (one detached, one with a note)."""
    write_fixed_bookmarks(tmp_path, monkeypatch)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_bookmark_list(snap_compare: SnapCompare, fixed_bookmarks: None, theme: str) -> None:
    """The list in a dark and a light theme: "detached" in the theme's error colour."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)

    app = make_app()
    app.theme = theme
    assert snap_compare(app, terminal_size=(100, 24), run_before=run_before)
