"""A page turn's frame: no line drawn in it (the page either way is drawn ahead while
idle), and the scrollbar repainted only when its thumb moves.

``ReadingLines._draw_ahead`` fills the strip cache with the next and previous
pages once the frame is out; these tests count the lines drawn during the
frame of a page turn (none), and check that the strips drawn ahead are the
ones a fresh draw gives (the current passage, highlights and marks included).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from textual.geometry import Region
from textual.strip import Strip

from reader.screens.main import MainScreen
from reader.widgets.reading import ReadingPane
from reader.widgets.reading_draw import draw_line
from reader.widgets.reading_lines import thumb_eighths
from tests.ui.helpers import long_document, main_screen, make_app, settle

SIZES = [(160, 45), (80, 24), (40, 15)]


@contextmanager
def lines_drawn_in_frames(
    screen: MainScreen, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[int]]:
    """For each frame the screen composes, the lines ``draw_line`` drew for it
    (the lines not found in the cache)."""
    drawn = [0]
    frames: list[int] = []
    original = draw_line
    compose = screen._compositor_refresh

    def counting(*args: Any, **kwargs: Any) -> Strip:
        drawn[0] += 1
        return original(*args, **kwargs)

    def frame() -> None:
        before = drawn[0]
        compose()
        frames.append(drawn[0] - before)

    with monkeypatch.context() as patch:
        patch.setattr("reader.widgets.reading_lines.draw_line", counting)
        patch.setattr(screen, "_compositor_refresh", frame)
        yield frames


def _view(pane: ReadingPane) -> list[tuple[str, tuple[str, ...]]]:
    """The rows of the view as text and the styles of their segments."""
    rows = []
    for y in range(pane.size.height):
        strip = pane.render_line(y)
        rows.append((strip.text, tuple(str(s.style) for s in strip)))
    return rows


def _fresh_view(pane: ReadingPane) -> list[tuple[str, tuple[str, ...]]]:
    pane._cache.clear()
    return _view(pane)


@pytest.mark.parametrize("size", SIZES)
async def test_a_page_turn_after_a_pause_draws_no_line_in_its_frame(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(document=long_document(sections=6, paragraphs=40))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen: MainScreen = main_screen(app)
        for key in ["pagedown", "pagedown", "pageup", "pagedown", "space"]:
            top = screen.reading.scroll_y
            with lines_drawn_in_frames(screen, monkeypatch) as frames:
                await pilot.press(key)
                await settle(pilot)
            assert screen.reading.scroll_y != top
            assert frames, f"{key} drew no frame"
            assert frames[0] == 0, f"{key} drew {frames[0]} lines in its frame"


async def test_lines_drawn_ahead_are_the_lines_a_fresh_draw_gives() -> None:
    app = make_app(document=long_document(sections=6, paragraphs=40))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        pane = screen.reading
        # A bookmark and a search highlight on the next page: drawn ahead with them.
        await pilot.press("pagedown")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("pageup")
        await settle(pilot)
        offset = pane.current_offset
        pane.set_highlights("search", [(offset + 200, offset + 210)], current=0)
        await settle(pilot)
        for key in ["pagedown", "pagedown", "pageup", "pageup", "pagedown"]:
            await pilot.press(key)
            await pilot.pause()
            shown = _view(pane)
            assert shown == _fresh_view(pane)
            await settle(pilot)


def _bar_lines(pane: ReadingPane, fresh: bool) -> list[str]:
    """The reading pane's scrollbar as drawn (its cached lines) or drawn afresh."""
    bar = pane.vertical_scrollbar
    if fresh:
        bar.refresh()  # drops what it drew
    lines = bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))
    return [repr([(s.text, s.style) for s in line]) for line in lines]


async def test_the_scrollbar_repaints_only_when_its_thumb_moves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A text of many pages: its thumb moves by an eighth of a cell every few pages.
    app = make_app(document=long_document(sections=8, paragraphs=400))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = main_screen(app).reading
        bar = pane.vertical_scrollbar
        drawn: list[int] = []
        draw = bar.render_line

        def counting(y: int) -> Strip:
            drawn.append(y)
            return draw(y)

        monkeypatch.setattr(bar, "render_line", counting)
        moves = []
        for _ in range(40):
            before = thumb_eighths(bar, bar.position)
            drawn.clear()
            await pilot.press("pagedown")
            await settle(pilot)
            thumb_moved = thumb_eighths(bar, bar.position) != before
            moves.append(thumb_moved)
            assert bool(drawn) == thumb_moved
            # What is on the screen is what a fresh draw at the new position gives.
            assert _bar_lines(pane, fresh=False) == _bar_lines(pane, fresh=True)
            await settle(pilot)  # the fresh draw's repaint, before the next key
        assert any(moves) and not all(moves)
