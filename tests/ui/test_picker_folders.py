"""The folder picker: title and file name, the folder path, sub-folders, the cursor kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import DataTable

from reader.screens.main import MainScreen
from reader.screens.picker import MIN_CELLS, OTHER_CELLS, PickerScreen, column_cells
from tests.ui.helpers import SEED, make_app, settle


def make_tree(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_sample.txt")
    (folder / "Pride and Prejudice.txt").write_text(
        "It is a truth universally acknowledged, that a single man in possession of a good"
        " fortune, must be in want of a wife.\n\nHowever little known the feelings.\n",
        encoding="utf-8",
    )
    (folder / "c_rivers.txt").write_text("Rivers\n\nThe rivers rose.\n", encoding="utf-8")
    sub = folder / "reports"
    sub.mkdir()
    (sub / "annual.txt").write_text("Annual Report\n\nThe year went well.\n", encoding="utf-8")
    (folder / ".hidden").mkdir()
    return folder


def cells(table: DataTable[object], row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_rows_show_title_and_file_name_and_the_header_the_folder(tmp_path: Path) -> None:
    folder = make_tree(tmp_path)
    docs = sorted(p for p in folder.iterdir() if p.is_file())
    app = make_app(None, folder_documents=docs)
    async with app.run_test(size=(140, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        assert str(folder) in screen.sub_title and "3 documents" in screen.sub_title
        table = screen.query_one(DataTable)
        rows = [cells(table, i) for i in range(table.row_count)]
        assert rows[0][:2] == ["▸ reports/", "folder"]
        files = {row[1]: row[0] for row in rows[1:]}
        assert set(files) == {"a_sample.txt", "Pride and Prejudice.txt", "c_rivers.txt"}
        # No title line: named by the file, as the reader's title bar names it.
        assert files["Pride and Prejudice.txt"] == "Pride and Prejudice.txt"
        assert not any(".hidden" in row[0] for row in rows)


async def test_enter_on_a_sub_folder_lists_it_and_backspace_comes_back(tmp_path: Path) -> None:
    folder = make_tree(tmp_path)
    docs = sorted(p for p in folder.iterdir() if p.is_file())
    app = make_app(None, folder_documents=docs)
    async with app.run_test(size=(140, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 1  # on the first document; the folder above
        await pilot.press("k", "enter")
        await settle(pilot)
        inner = app.screen
        assert isinstance(inner, PickerScreen) and inner.folder == folder / "reports"
        table = inner.query_one(DataTable)
        assert cells(table, 0)[:2] == ["Annual Report", "annual.txt"]
        await pilot.press("backspace")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen) and app.screen.folder == folder


async def test_the_cursor_stays_on_the_document_you_came_back_from(tmp_path: Path) -> None:
    folder = make_tree(tmp_path)
    docs = sorted(p for p in folder.iterdir() if p.is_file())
    app = make_app(None, folder_documents=docs)
    async with app.run_test(size=(140, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        opened = app.screen.document.path
        await pilot.press("backspace")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        table = picker.query_one(DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key == opened


def screen_rows(app: object) -> list[str]:
    from textual.app import App

    assert isinstance(app, App)
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


async def test_similar_long_file_names_stay_apart_and_the_size_in_view(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for year in (2018, 2022, 2024):
        (folder / f"government_work_report_of_the_state_council_{year}_full_text.txt").write_text(
            f"政府工作报告\n\n{year}年3月5日在第十三届全国人民代表大会第一次会议上\n", "utf-8"
        )
    app = make_app(None, folder_documents=sorted(folder.iterdir()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = [row for row in screen_rows(app) if "政府工作报告" in row]
        assert len(rows) == 3
        for row, year in zip(rows, (2018, 2022, 2024), strict=True):
            assert f"{year}_full_text.txt" in row, row  # the end of the name tells them apart
            assert row.rstrip().endswith(" B"), row  # the size column is on screen
        table = app.screen.query_one(DataTable)
        await pilot.press("down")
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        names = [row for row in screen_rows(app) if "government_work_report" in row]
        years = (2018, 2022, 2024)
        assert all(f"_{y}_full_text.txt" in row for row, y in zip(names, years, strict=True))
        assert all("…" not in row for row in names), names  # whole names when there is room
        assert table.cursor_row == 1


@given(st.integers(0, 300), st.integers(0, 200), st.integers(0, 120))
def test_column_cells_share_the_room(width: int, title: int, file: int) -> None:
    got_title, got_file = column_cells(width, title, file)
    room = width - OTHER_CELLS
    assert got_title >= MIN_CELLS and got_file >= MIN_CELLS
    if room >= 2 * MIN_CELLS:
        assert got_title + got_file <= room
        # Nobody is cut while the other has cells it does not need.
        assert got_title >= min(title, room // 2) and got_file >= min(file, room // 2)
    need = (max(MIN_CELLS, title), max(MIN_CELLS, file))
    if sum(need) <= room:
        assert (got_title, got_file) == need
