"""Screenshot of the main screen with the facts sidebar filled (the seed, 160×45).

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots/test_facts_snapshot.py`` and review the SVG.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.ui.helpers import make_app

SnapCompare = Callable[..., bool]


async def facts_loaded(pilot: Pilot[None]) -> None:
    """Wait for the fact worker (and the background wrap), then focus the list."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f")
    await pilot.pause()


def test_main_screen_with_facts(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=facts_loaded)
