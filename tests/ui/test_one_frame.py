"""One frame per key: a page turn redraws the text, the title bar and the outline together.

The frames are counted where the screen composes them (``Screen._compositor_refresh``,
the one place Textual turns dirty regions into an update for the terminal); each
frame records the regions it repaints. Before this, the title bar and the outline
row changed one frame after the text (they were updated by messages that arrived
after the first frame was drawn).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual.geometry import Region

from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.view.layout_index import LayoutIndex
from reader.widgets import reading
from tests.ui.helpers import build_document, long_document, main_screen, make_app, settle

SIZES = [(160, 45), (80, 24), (60, 20), (40, 15)]


@contextmanager
def frames_of(screen: MainScreen) -> Iterator[list[list[Region]]]:
    """Record, for each frame the screen draws, the screen regions it repaints."""
    frames: list[list[Region]] = []
    compositor = screen._compositor
    original = screen._compositor_refresh

    def refresh() -> None:
        regions = list(compositor._dirty_regions)
        original()
        if regions:
            frames.append(regions)

    screen._compositor_refresh = refresh  # type: ignore[method-assign]
    try:
        yield frames
    finally:
        del screen._compositor_refresh


def _touches(regions: list[Region], widget_region: Region) -> bool:
    return any(region.overlaps(widget_region) for region in regions)


async def _page_into_next_section(app: ReaderApp, size: tuple[int, int]) -> None:
    """Press PageDown until the section changes; every press is drawn in one frame."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        changed = 0
        for _ in range(12):
            if screen.reading.scroll_y >= screen.reading.max_scroll_y:
                break  # at the end: PageDown has nothing to draw
            before = (screen.section_index, screen.title_bar.position)
            with frames_of(screen) as frames:
                await pilot.press("pagedown")
                await settle(pilot)
            assert len(frames) == 1, f"PageDown drew {len(frames)} frames"
            (frame,) = frames
            assert _touches(frame, screen.reading.region)
            assert _touches(frame, screen.title_bar.region)
            assert screen.title_bar.position != before[1]
            if screen.section_index != before[0]:
                changed += 1
                section = app.screen.document.sections[screen.section_index]  # type: ignore[attr-defined]
                assert screen.title_bar.section == section.title
                if screen.outline.display:
                    assert _touches(frame, screen.outline.region)
                    assert screen.outline.current == section.id
        assert changed >= 2


@pytest.mark.parametrize("size", SIZES)
async def test_a_page_turn_draws_text_title_and_outline_in_one_frame(
    size: tuple[int, int],
) -> None:
    document = long_document(sections=16, paragraphs=8)
    await _page_into_next_section(make_app(document=document), size)


async def test_a_burst_of_page_turns_ends_with_title_and_outline_on_the_last_section() -> None:
    document = long_document(sections=8, paragraphs=6)
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press(*["pagedown"] * 9)
        await settle(pilot)
        section = document.sections[screen.section_index]
        assert section.id != document.sections[0].id
        assert document.section_at(screen.reading.current_offset) == section
        assert screen.outline.current == section.id
        assert screen.title_bar.section == section.title


async def test_a_page_turn_inside_a_section_repaints_the_figures_not_the_side_panes() -> None:
    document = long_document(sections=2, paragraphs=120)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("pagedown")
        await settle(pilot)
        section = screen.section_index
        with frames_of(screen) as frames:
            await pilot.press("pagedown")
            await settle(pilot)
        assert screen.section_index == section
        (frame,) = frames
        title_cells = [r for r in frame if r.overlaps(screen.title_bar.region)]
        assert title_cells and all(r.width < screen.title_bar.region.width for r in title_cells)
        assert not _touches(frame, screen.outline.region)
        assert not _touches(frame, screen.facts.region)
        assert _touches(frame, screen.reading.region)


@pytest.mark.parametrize("size", [(160, 45), (60, 20)])
async def test_wrapping_the_rest_of_the_text_lays_nothing_out_again(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The text is wrapped in chunks after the first frame, and each chunk changes
    # the canvas's length. As a layout change, that re-laid and repainted every
    # pane in the next frame (~40 ms a frame at 10 MB, for as long as the wrap ran).
    monkeypatch.setattr(reading, "CHUNK_CHARS", 500)
    # Paragraphs of uneven lengths: the rows estimated before the wrap are off.
    document = build_document(
        "An uneven report",
        [
            (
                f"Part {n}",
                None,
                [
                    " ".join("w" * (1 + (n + k + j) % 13) for j in range(5 + (n * k) % 40))
                    for k in range(60)
                ],
            )
            for n in range(1, 31)
        ],
    )
    app = make_app(document=document)
    async with app.run_test(size=size) as pilot:
        screen = main_screen(app)
        pane = screen.reading
        index = pane._index
        assert index is not None and not index.complete, "the wrap goes on after the first frame"
        layouts: list[int] = []
        lengths: set[int] = set()
        original = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            layouts.append(pane.virtual_size.height)
            original(*args, **kwargs)  # type: ignore[arg-type]

        after_chunk = pane._after_refine

        def watched(chunked: LayoutIndex) -> None:
            after_chunk(chunked)
            lengths.add(pane.virtual_size.height)

        screen._refresh_layout = counted  # type: ignore[method-assign]
        pane._after_refine = watched  # type: ignore[method-assign]
        await settle(pilot)
        del screen._refresh_layout, pane._after_refine
        assert index.complete
        assert len(lengths) > 3, "the canvas grew while the rest was wrapped"
        assert pane.virtual_size.height == index.total_rows
        assert len(layouts) <= 1, f"{len(layouts)} layouts while wrapping"
