"""The comparison screen, driven as a user would: map, changes, ]/[, d, s, m."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import OptionList

from reader import paths
from reader.app import ReaderApp
from reader.model.opening import open_document
from reader.screens import comparing
from reader.screens.compare import CompareScreen
from reader.widgets.reading import ReadingPane
from reader.widgets.section_map import SectionMap
from reader.worker_process import WorkerProcess

DATA = Path(__file__).parent.parent / "data" / "compare"


def _app() -> ReaderApp:
    app = ReaderApp(
        document=open_document(str(DATA / "report_2024.txt")),
        compare_with=open_document(str(DATA / "report_2023.txt")),
    )
    app.animation_level = "none"
    return app


async def _compared(pilot: Pilot[None]) -> CompareScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    for _ in range(100):
        if screen.comparison is not None and screen.facts_found:
            break
        await pilot.pause(0.05)
    assert screen.comparison is not None and screen.facts_found
    await pilot.pause()
    return screen


def _screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in pilot.app.screen._compositor.render_strips()
    )


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_changes_are_walked_with_brackets_and_named_in_the_title_bar(
    size: tuple[int, int],
) -> None:
    async with _app().run_test(size=size) as pilot:
        screen = await _compared(pilot)
        assert screen.view is not None
        total = len(screen.view.stops)
        assert total > 5
        await pilot.press("right_square_bracket")
        assert screen.title_bar.position.startswith(f"change 1/{total}")
        await pilot.press("right_square_bracket", "n")
        assert screen.title_bar.position.startswith(f"change 3/{total}")
        await pilot.press("left_square_bracket")
        assert screen.title_bar.position.startswith(f"change 2/{total}")
        # The reading line is at the change: its text is on screen.
        start, end = screen.view.stops[1]
        assert screen.view.document.text[start:end][:4] in _screen_text(pilot)
        # Before the first change, [ wraps to the last.
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.title_bar.position.startswith(f"change {total}/{total}")


async def test_deleted_text_is_inline_and_d_hides_it() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
        screen = await _compared(pilot)
        reading = screen.reading
        assert "总体平稳回升向好" in reading.document.text  # OLD's words, then NEW's
        assert "总体平稳" in _screen_text(pilot)
        await pilot.press("d")
        assert reading.document is screen.new  # NEW exactly: deletions hidden
        assert "总体平稳" not in _screen_text(pilot)
        assert "回升向好" in _screen_text(pilot)
        await pilot.press("d")
        assert "总体平稳" in _screen_text(pilot)


async def test_section_map_and_what_changed() -> None:
    async with _app().run_test(size=(160, 45)) as pilot:
        screen = await _compared(pilot)
        section_map = screen.query_one("#section-map", SectionMap)
        rows = [section_map.row_text(i) for i in range(len(section_map.rows))]
        assert "+ 四、科技创新  split" in rows
        assert any(r.startswith("~ 二、生态环境保护") for r in rows)
        assert "+ 四、科技创新  split" in _screen_text(pilot)
        changes = screen.query_one("#changes-list", OptionList)
        listed = [str(changes.get_option_at_index(i).prompt) for i in range(changes.option_count)]
        assert "国内生产总值 6%左右 → 5%左右" in listed
        assert "人工智能+ ×1" in listed
        # Enter on a figure goes to where NEW says it, and the text gets focus back.
        changes.focus()
        changes.highlighted = listed.index("国内生产总值 6%左右 → 5%左右")
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, ReadingPane)
        assert "5%左右" in _screen_text(pilot)


async def test_side_by_side_needs_room() -> None:
    async with _app().run_test(size=(100, 30)) as pilot:
        screen = await _compared(pilot)
        await pilot.press("s")
        assert not screen.side_by_side and not screen.old_pane.display
    async with _app().run_test(size=(160, 45)) as pilot:
        screen = await _compared(pilot)
        await pilot.press("s")
        assert screen.side_by_side and screen.old_pane.display
        assert screen.reading.document is screen.new
        await pilot.press("right_square_bracket")
        assert "change 1/" in screen.title_bar.position


async def test_a_bookmark_in_the_comparison_belongs_to_new() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
        screen = await _compared(pilot)
        await pilot.press("right_square_bracket")  # the first change, in section 一
        await pilot.press("m")
        await pilot.press("enter")  # save with no note
        await pilot.pause()
        pilot.app.bookmarks.wait()  # the store's thread has written the file
        await pilot.pause()
        record = pilot.app.bookmarks.call(lambda store: store.record_for(screen.new))
        assert record is not None and len(record.bookmarks) == 1
    data = yaml.safe_load(paths.bookmarks_file().read_text(encoding="utf-8"))
    records = data["documents"]
    assert list(records) == [screen.new.fingerprint]
    quote = records[screen.new.fingerprint]["bookmarks"][0]["quote"]["exact"]
    assert quote in screen.new.text  # NEW's words only, no deleted text
    assert "总体平稳" not in quote


async def test_compare_with_from_the_palette(tmp_path: Path) -> None:
    for name in ("report_2023.txt", "report_2024.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    app = ReaderApp(document=open_document(str(tmp_path / "report_2024.txt")))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Compare with")
        for _ in range(40):
            await pilot.pause(0.05)
            if "report_2023.txt" in _screen_text(pilot):
                break
        assert "Compare with: report_2023.txt" in _screen_text(pilot)
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(pilot.app.screen, CompareScreen):
                break
            await pilot.pause(0.05)
        screen = await _compared(pilot)
        assert screen.old.path == str(tmp_path / "report_2023.txt")
        assert screen.new.path == str(tmp_path / "report_2024.txt")
        assert screen.comparison is not None and screen.comparison.quantities


@pytest.mark.parametrize("size", [(60, 20), (160, 45)])
async def test_the_section_map_goes_to_a_section(size: tuple[int, int]) -> None:
    async with _app().run_test(size=size) as pilot:
        screen = await _compared(pilot)
        if not screen.section_map.display:
            await pilot.press("o")  # hidden at first on a narrow terminal
        screen.section_map.focus()
        target = next(k for k, row in enumerate(screen.section_map.rows) if "科技创新" in row.title)
        await pilot.press(*["down"] * target)
        assert screen.section_map.cursor == target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.focused, ReadingPane)
        assert screen.title_bar.position.endswith("四、科技创新")
        assert "四、科技创新" in _screen_text(pilot)


async def test_big_texts_compare_in_worker_processes_while_the_text_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Texts this small compare in a thread; as for big ones, in worker processes.
    monkeypatch.setattr(comparing, "IN_PROCESS_CHARS", 0)
    # The documents (the first value of the documents' process) and the facts (the
    # second) are handed over only when the test says so: a key is pressed while
    # nothing is compared yet, and the edits are shown before the facts.
    documents_go, release = threading.Event(), threading.Event()
    values = WorkerProcess.values

    def gated(self: WorkerProcess, cancelled: Callable[[], bool]) -> Any:
        given = values(self, cancelled)
        if not self.streaming:  # the edits' process
            yield from given
            return
        first = next(given)
        documents_go.wait(60)
        yield first
        release.wait(60)
        yield from given

    monkeypatch.setattr(WorkerProcess, "values", gated)
    async with _app().run_test(size=(60, 20)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.pause()
        # The first frame: NEW, before any comparison.
        assert screen.comparison is None
        assert screen.title_bar.position == "comparing…"
        assert "各位代表" in _screen_text(pilot)
        # Keys work meanwhile.
        await pilot.press("space")
        assert screen.reading.scroll_y > 0
        assert screen.comparison is None  # held back until the key was handled
        documents_go.set()
        for _ in range(600):
            if screen.comparison is not None:
                break
            await pilot.pause(0.05)
        assert screen.comparison is not None and screen.views is not None
        # The section map and the edits are shown before the facts are found.
        await pilot.pause()
        assert not screen.facts_found and screen.comparison.quantities == ()
        assert "Finding the figures" in str(screen.changes_list.get_option_at_index(0).prompt)
        await pilot.press("right_square_bracket")  # ] walks them already
        position = screen.title_bar.position
        assert position.startswith("change ") and f"/{len(screen.comparison.changes)}" in position
        release.set()
        for _ in range(600):
            if screen.facts_found:
                break
            await pilot.pause(0.05)
        assert screen.facts_found and screen.views.comparison is screen.comparison
        listed = {(q.counted, q.old_text, q.new_text) for q in screen.comparison.quantities}
        assert ("国内生产总值", "6%左右", "5%左右") in listed
        assert "人工智能+" in {n.text for n in screen.comparison.added}
        # d swaps the two reading texts built off the UI thread; nothing is rebuilt.
        assert screen.reading.document is screen.views.shown.document
        await pilot.press("d")
        assert screen.reading.document is screen.views.hidden.document is screen.new
        # …laid out off the UI thread too, at the pane's width.
        assert screen.reading._index is screen.views.layouts[id(screen.new)]
        await pilot.press("d")
        assert screen.reading.document is screen.views.shown.document
        assert screen.reading._index is screen.views.layouts[id(screen.reading.document)]


async def test_side_by_side_lines_keep_every_wide_character() -> None:
    async with _app().run_test(size=(160, 45)) as pilot:
        screen = await _compared(pilot)
        await pilot.press("s", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.side_by_side and screen.reading.document is screen.new
        strips = pilot.app.screen._compositor.render_strips()
        assert all(strip.cell_length == 160 for strip in strips)
        for pane, document in ((screen.reading, screen.new), (screen.old_pane, screen.old)):
            region = pane.content_region
            said = "".join(document.text.split())
            for y in range(region.y, region.bottom):
                line = strips[y].crop(region.x, region.right)
                assert line.cell_length == region.width
                # Every character of the line is whole: the line is a piece of the text.
                text = "".join("".join(s.text for s in line).split())
                text = text.rstrip("▁▂▃▄▅▆▇█▔")  # a scrollbar's thumb
                assert text in said, text


async def test_the_first_change_on_the_first_line_is_change_one(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("去年的报告\n\n一、回顾\n\n经济增长6%。\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("今年的报告\n\n一、回顾\n\n经济增长5%。\n", encoding="utf-8")
    app = ReaderApp(
        document=open_document(str(tmp_path / "new.txt")),
        compare_with=open_document(str(tmp_path / "old.txt")),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _compared(pilot)
        assert screen.view is not None and screen.view.stops[0][0] == 0
        await pilot.press("right_square_bracket")
        assert screen.title_bar.position.startswith("change 1/")
