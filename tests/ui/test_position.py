"""Where am I: the current section at the end of a document, the percentage, the title bar."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.widgets.title_bar import TitleBar
from tests.ui.helpers import long_document, main_screen, make_app, settle


def header_text(app: ReaderApp) -> str:
    """What the title bar shows, as plain text."""
    bar = app.screen.query_one(TitleBar)
    return "".join(segment.text for segment in bar.render_line(0)).strip()


def percent(app: ReaderApp) -> int:
    """The percentage the title bar shows."""
    return int(header_text(app).rsplit("·", 1)[1].strip().rstrip("%"))


async def test_G_on_the_sample_makes_the_last_section_current() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        sections = screen.document.sections
        await pilot.press("G")
        await pilot.pause()
        assert f"section {len(sections)}/{len(sections)} · 100%" in header_text(app)
        assert screen.outline.current == sections[-1].id


async def test_next_section_reaches_the_last_section_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        count = len(screen.document.sections)
        seen = []
        for _ in range(count + 1):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            seen.append(screen.outline.current)
        assert seen[-1] == screen.document.sections[-1].id
        assert [s.id for s in screen.document.sections[1:]] == list(dict.fromkeys(seen))
        # From the end, [ goes to the section before the last, none skipped.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.outline.current == screen.document.sections[-2].id


async def test_a_search_match_in_the_last_section_reports_it() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        last = screen.document.sections[-1]
        text = screen.document.text
        # The first three characters of the last section found nowhere before it.
        grams = (text[i : i + 3] for i in range(last.start, last.end - 3))
        word = next(g for g in grams if text.find(g) >= last.start and g.strip() == g)
        await pilot.press("slash", *word, "enter")
        await settle(pilot)
        assert screen.outline.current == last.id
        assert f"section {last.index + 1}/" in header_text(app)


async def test_the_percentage_moves_smoothly_from_the_end() -> None:
    app = make_app(document=long_document(sections=4))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert percent(app) == 100
        await pilot.press("k")
        await pilot.pause()
        assert 95 <= percent(app) < 100
        await pilot.press("g")
        await pilot.pause()
        assert percent(app) == 0


async def test_the_title_bar_names_the_current_section() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        text = header_text(app)
        assert document.sections[2].title in text
        assert "section 3/5" in text


async def test_the_title_bar_names_the_section_at_40_columns() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        text = header_text(app)
        assert "Part 1" in text
        assert "2/5" in text


async def test_ctrl_g_and_equals_tell_where_the_reader_is() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.press("ctrl+g")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert messages, "ctrl+g shows a status"
        status = messages[-1]
        assert document.title in status
        assert "Part 1 heading" in status
        assert "section 2/5" in status
        lines = document.text.count("\n") + 1
        assert f"of {lines}" in status
        assert "%" in status
        app.clear_notifications()
        await pilot.press("equals_sign")
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == [status]
