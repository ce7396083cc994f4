"""Screenshots of the main screen and of each pane in a dark and a light theme.

Reviewed as text (the SVG's <text> runs) for readability; tests/ui/test_themes.py
checks the contrast of every run on these same screens.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import make_app, settle

SnapCompare = Callable[..., bool]

THEMES = ["textual-dark", "textual-light"]

PANES = {
    "main": (),
    "outline": ("o", "j", "j"),
    "facts": ("f", "enter"),
    "search": ("slash", "四", "风", "enter"),
}
"""What each screenshot shows: the main screen, then the focused outline (its cursor),
the facts sidebar with a fact chosen (its mentions), the reading pane with matches."""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("pane", list(PANES))
def test_each_pane_in_a_dark_and_a_light_theme(
    snap_compare: SnapCompare, theme: str, pane: str
) -> None:
    app = make_app()
    app.theme = theme

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*PANES[pane])
        await settle(pilot)

    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)
