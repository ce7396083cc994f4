"""A screenshot of the bookmark list (a screen of its own, so other panes do not move it).

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots/test_bookmarks_snapshot.py`` and review the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.model.opening import open_document
from reader.store import reanchor
from reader.store.bookmarks import BookmarkStore
from tests.snapshots.test_snapshots import settle
from tests.ui.helpers import SEED, make_app

SnapCompare = Callable[..., bool]


@pytest.fixture
def fixed_bookmarks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents' bookmarks with fixed dates (one detached, one with a note)."""
    days = iter(range(1, 29))
    monkeypatch.setattr(reanchor, "now", lambda: f"2024-05-{next(days):02d}T10:00:00+08:00")
    store = BookmarkStore()
    seed = open_document(SEED)
    for quote, note in (("践行群众路线", "the mass line"), ("多走“街巷集市”", "")):
        start = seed.text.index(quote)
        store.add(seed, start, start + 40, note)
    other = tmp_path / "rivers.txt"
    other.write_text("Rivers Report\n\nThe rivers rose in May. Then they fell.\n", "utf-8")
    english = open_document(other)
    store.add(english, english.text.index("The"), english.text.index(" Then"), "check the gauge")
    # The text changes under the bookmark: it cannot be found again and is detached.
    other.write_text("Rivers Report\n\nNothing like it remains here at all.\n", "utf-8")
    store.set_position(open_document(other), 0)  # the save re-anchors and records it


def test_bookmark_list(snap_compare: SnapCompare, fixed_bookmarks: None) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 24), run_before=run_before)
