"""Keys people already know from less and vim, and Escape on fact highlights."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable

from reader.app import ReaderApp
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.view.goto import CountPrefix, line_start, percent_row
from reader.view.position import status_line
from tests.ui.helpers import SEED, long_document, main_screen, make_app, settle
from tests.ui.test_help import help_text


def test_line_start_and_percent_row() -> None:
    text = "one\ntwo\nthree"
    assert [line_start(text, n) for n in (1, 2, 3, 4)] == [0, 4, 8, 8]
    assert percent_row(50, 200) == 100
    assert percent_row(150, 200) == 200


def test_a_count_is_used_once_and_a_leading_zero_is_not_one() -> None:
    count = CountPrefix()
    assert not count.push("0")
    assert count.push("4") and count.push("0")
    assert count.take() == 40
    assert count.take() is None


async def test_ctrl_f_ctrl_b_page_and_ctrl_d_ctrl_u_half_page() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reading = main_screen(app).reading
        height = reading.scrollable_content_region.height
        await pilot.press("ctrl+f")
        assert round(reading.scroll_y) == height
        await pilot.press("ctrl+d")
        assert round(reading.scroll_y) == height + height // 2
        await pilot.press("ctrl+u")
        assert round(reading.scroll_y) == height
        await pilot.press("ctrl+b")
        assert round(reading.scroll_y) == 0


async def test_NG_and_Ngg_go_to_line_N() -> None:
    document = long_document()
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("4", "0", "G")
        await pilot.pause()
        assert screen.reading.current_offset == line_start(document.text, 40)
        assert "line 40 of" in status(app, screen)
        await pilot.press("1", "2", "g", "g")
        await pilot.pause()
        assert screen.reading.current_offset == line_start(document.text, 12)
        # Without a count, g and G are still top and end.
        await pilot.press("G")
        await pilot.pause()
        assert "100%" in screen.title_bar.position
        await pilot.press("g")
        await pilot.pause()
        assert screen.reading.current_offset == 0


def status(app: ReaderApp, screen: MainScreen) -> str:
    """What ctrl+g says at the reading line."""
    return status_line(screen.document, screen.reading.current_offset, 0.0)


async def test_N_percent_and_Np_go_to_N_percent() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("5", "0", "percent_sign")
        await pilot.pause()
        assert "50%" in screen.title_bar.position
        await pilot.press("2", "5", "p")
        await pilot.pause()
        assert "25%" in screen.title_bar.position


async def test_h_opens_help_and_help_tells_less_users_about_question_mark() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen.groups) + str(app.screen.query_one("#help-habits").render())
        assert "backward" in text and "N" in text
        for keys in (
            "^f",
            "^b",
            "^d",
            "^u",
            "^g",
            "=",
            "Q",
            "h",
            "%",
            "p",
            "+",
            "-",
            "y",
            "Y",
            "^c",
        ):
            assert keys in text, keys


async def test_Q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("Q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_colon_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("colon", "q")
        await pilot.pause()
        assert not app.is_running


async def test_escape_clears_fact_highlights() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("f", "enter")
        await pilot.pause()
        cycle = screen.highlights.cycle
        assert cycle is not None and cycle.layer == "facts"
        await pilot.press("escape")  # back to the text
        assert app.focused is screen.reading
        await pilot.press("escape")  # clears the highlights
        await pilot.pause()
        assert screen.highlights.cycle is None
        assert "facts" not in screen.reading._overlays.layers


async def test_j_k_g_G_home_end_in_the_folder_picker(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED, folder / name)
    app = make_app(None, folder_documents=sorted(folder.iterdir()))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 2
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
