"""Screenshot of the main screen with search matches highlighted (160x45).

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots/test_search_snapshot.py`` and review the SVG.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.helpers import make_app

SnapCompare = Callable[..., bool]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until background work is done and the screen is painted."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_with_search_matches(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        # The facts sidebar is hidden: its content is another test's subject, and
        # every change to the extractor would otherwise redraw this picture.
        await pilot.press("f3")
        # 市委: several matches on one screen; Enter goes to the first, n to the next;
        # then / reopens the bar to show the "2/N" count and the mode.
        await pilot.press("slash", "市", "委")
        await settle(pilot)
        await pilot.press("enter", "n", "slash")
        await settle(pilot)
        # The field's cursor blinks: frozen on, or the picture depends on the clock.
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=run_before)
