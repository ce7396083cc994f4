"""Screenshots of the app, compared with the accepted SVGs in ``__snapshots__``.

Regenerate after an intended change with
``pytest --snapshot-update tests/snapshots`` and review the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.ui.helpers import make_app

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
