"""The folder picker: listing, summaries, opening, errors."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from reader.model.opening import open_document
from reader.screens.main import MainScreen
from reader.screens.picker import PickerScreen, human_size, summarize
from tests.ui.helpers import SEED, make_app

ENGLISH = """Quarterly Report on Rivers

Published 2024-03-05 by the River Board.

The rivers rose. [bold]This is not markup[/bold].
"""


def make_folder(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_sample.txt")
    (folder / "b_report.txt").write_text(ENGLISH, encoding="utf-8")
    return sorted(folder.iterdir())


def test_human_size() -> None:
    assert human_size(0) == "0 B"
    assert human_size(1023) == "1023 B"
    assert human_size(2048) == "2.0 KB"
    assert human_size(5 * 1024 * 1024) == "5.0 MB"
    assert human_size(3 * 1024**3) == "3072.0 MB"


def test_summaries_take_title_and_date_from_the_head(tmp_path: Path) -> None:
    seed, english = make_folder(tmp_path)
    summary = summarize(english)
    assert summary.title == "Quarterly Report on Rivers"
    assert summary.date == date(2024, 3, 5)
    assert summary.size == len(ENGLISH.encode())
    seed_summary = summarize(seed)
    assert seed_summary.title and not seed_summary.title.startswith("今天是")
    assert seed_summary.date is not None and seed_summary.date.year in (2014, 2025)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("README.md", '<div align="center">\n  <img src="logo.png">\n</div>\n\nfzf is a finder.\n'),
        (
            "report.txt",
            "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、工作回顾\n过去一年。\n",
        ),
    ],
)
def test_a_file_with_no_title_line_is_listed_by_its_name_as_the_reader_names_it(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    summary = summarize(path)
    assert summary.title == name
    assert summary.title == open_document(str(path)).title


def test_summary_of_a_file_with_no_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    summary = summarize(empty)
    assert summary.title == "empty.txt"
    assert summary.date is None


async def test_picker_lists_the_folder_and_enter_opens_one(tmp_path: Path) -> None:
    paths = make_folder(tmp_path)
    app = make_app(None, folder_documents=paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        titles = [str(table.get_row_at(row)[0]) for row in range(2)]
        assert titles[1] == "Quarterly Report on Rivers"
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path == str(paths[1])
        assert "Quarterly Report on Rivers" in str(app.screen.title)
        # Backspace goes back to the list; the other document opens from there.
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("up", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path == str(paths[0])


async def test_backspace_does_nothing_without_a_document_list() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen


async def test_a_file_that_cannot_be_opened_notifies_and_stays(tmp_path: Path) -> None:
    paths = make_folder(tmp_path)
    app = make_app(None, folder_documents=paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        paths[0].unlink()  # gone between listing and opening
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        messages = [notification.message for notification in app._notifications]
        assert any(paths[0].name in message for message in messages)
