"""Keys typed right after Escape or Enter in the search bar go where the reader expects.

A fast typist (or a busy app) queues the next key before the bar has closed:
it must reach the reading pane and the screen's keys, never the closing field.
"""

from __future__ import annotations

import pytest

from tests.ui.helpers import main_screen, make_app, wait_until
from tests.ui.keys import burst


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_escape_then_q_quits_and_leaves_the_query_alone(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", "a", "b")
        screen = main_screen(app)
        assert screen.search_bar.query_text == "ab"
        burst(app, "escape", "q")
        await wait_until(lambda: not app.is_running, "q after Escape never ended the app")
        assert screen.search_bar.query_text == "ab"


@pytest.mark.parametrize("size", [(60, 20), (160, 45)])
async def test_enter_then_j_scrolls_the_text(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"the", "enter")
        screen = main_screen(app)
        top = screen.reading.scroll_y
        await pilot.press("slash")
        burst(app, "enter", "j", "j")
        await wait_until(lambda: screen.reading.scroll_y != top, "j after Enter never scrolled")
        assert screen.search_bar.query_text == "the"
        assert app.focused is screen.reading
