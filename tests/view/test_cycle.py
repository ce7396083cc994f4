"""n/N walk the highlighted spans: unit tests of the cycle, and a Pilot test."""

from __future__ import annotations

from reader.screens.main import MainScreen
from reader.view.cycle import HighlightCycle
from tests.ui.helpers import make_app


def test_first_step_starts_at_the_reading_position() -> None:
    cycle = HighlightCycle("search", [(0, 2), (10, 12), (20, 22)])
    assert cycle.status == "3"
    assert cycle.step(True, 5) == (1, False)
    assert cycle.status == "2/3"
    assert cycle.step(True, 0) == (2, False)
    assert cycle.step(True, 0) == (0, True)  # wraps at the end
    assert cycle.step(False, 0) == (2, True)  # and at the top


def test_first_step_backwards_takes_the_span_before() -> None:
    cycle = HighlightCycle("facts", [(0, 2), (10, 12), (20, 22)])
    assert cycle.step(False, 15) == (1, False)


def test_empty_cycle_does_not_move() -> None:
    cycle = HighlightCycle("search", [])
    assert cycle.step(True, 0) is None
    assert cycle.status == "0"


async def test_n_moves_to_each_span_and_shows_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        text = screen.document.text
        spans = []
        start = text.find("四风")
        while start != -1:
            spans.append((start, start + 2))
            start = text.find("四风", start + 1)
        assert len(spans) == 4
        screen.highlights.set(HighlightCycle("search", spans, label="四风"))
        for expected in range(4):
            await pilot.press("n")
            await pilot.pause()
            assert screen.highlights.cycle is not None and screen.highlights.cycle.index == expected
            lines = [screen.reading.render_line(y).text for y in range(screen.reading.size.height)]
            assert any("四风" in line for line in lines)
        await pilot.press("N")
        assert screen.highlights.cycle is not None and screen.highlights.cycle.index == 2
