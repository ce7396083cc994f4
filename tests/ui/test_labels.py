"""Labels on screen: kinsoku lines in the sidebar, clean truncation, one header look."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from reader.app import ReaderApp
from reader.model.layout.wrap import CLOSING, OPENING
from tests.ui.contrast import text_runs
from tests.ui.helpers import SEED, main_screen, make_app, settle

BAD_ELLIPSIS = re.compile("[" + re.escape("".join(OPENING)) + r"\s\u3000]…")


def rows(widget: Static) -> list[str]:
    return [widget.render_line(y).text.strip() for y in range(widget.size.height)]


@pytest.mark.parametrize("width", [100, 112, 124, 136, 160])
async def test_no_sidebar_line_starts_with_a_closing_mark(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 45)) as pilot:
        await settle(pilot)
        meta = main_screen(app).facts.query_one("#facts-meta", Static)
        lines = [line for line in rows(meta) if line]
        assert "苏州篇章" in "".join(lines)
        assert not [line for line in lines if line[0] in CLOSING], lines


async def sidebar_rows(app: ReaderApp, pilot: Pilot[None]) -> list[str]:
    await settle(pilot)
    meta = main_screen(app).facts.query_one("#facts-meta", Static)
    return [line for line in rows(meta) if line]


@pytest.mark.parametrize(("start", "end"), [(112, 160), (160, 112)])
async def test_the_sidebar_breaks_its_lines_again_on_a_resize(start: int, end: int) -> None:
    fresh = make_app()
    async with fresh.run_test(size=(end, 45)) as pilot:
        expected = await sidebar_rows(fresh, pilot)
    app = make_app()
    async with app.run_test(size=(start, 45)) as pilot:
        before = await sidebar_rows(app, pilot)
        await pilot.resize_terminal(end, 45)
        assert await sidebar_rows(app, pilot) == expected != before


@pytest.mark.parametrize("size", [(40, 15), (60, 20), (80, 24), (100, 30), (130, 40), (160, 45)])
async def test_nothing_on_the_main_screen_is_cut_after_an_opening_mark(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen_text = [run.text for run in text_runs(app)]
        assert not [t for t in screen_text if BAD_ELLIPSIS.search(t)]


@pytest.mark.parametrize("keys", [("B",), ()])
async def test_every_screen_has_the_same_title_bar_without_an_icon(
    keys: tuple[str, ...], tmp_path: Path
) -> None:
    if keys:
        app = make_app()
    else:
        folder = tmp_path / "docs"
        folder.mkdir()
        shutil.copy(SEED, folder / "a.txt")
        shutil.copy(SEED, folder / "b.txt")
        app = make_app(None, folder_documents=sorted(folder.iterdir()))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        top = [run for run in text_runs(app) if run.y == 0]
        assert top, "a title on the first row"
        assert not any("⭘" in run.text for run in top)
        # A click on the title leaves it one line high (Textual's Header grew to three).
        below = [(run.y, run.text) for run in text_runs(app) if run.y > 0]
        await pilot.click(offset=(50, 0))
        await settle(pilot)
        assert [(run.y, run.text) for run in text_runs(app) if run.y > 0] == below


async def test_fact_rows_are_cut_without_an_ellipsis_after_an_opening_quote() -> None:
    from textual.app import App, ComposeResult

    from reader.model.document import Fact, FactKind, Mention
    from reader.widgets.fact_list import FactList

    title = "以优良作风谱写中国梦“苏州篇章”全市开展综述"
    fact = Fact(FactKind.WORK, title, mentions=(Mention(0, 5, "lead"),))

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield FactList(id="facts")

    app = ListApp()
    # 22 text cells: the plain cut would end in "“…".
    async with app.run_test(size=(22, 10)) as pilot:
        listing = app.query_one(FactList)
        listing.styles.scrollbar_size_vertical = 0
        listing.styles.padding = 0
        listing.styles.border = ("none", "black")
        await pilot.pause()
        listing.show_groups([(FactKind.WORK, (fact,))])
        await pilot.pause()
        rows = [listing.render_line(y).text for y in range(3)]
        assert any("以优良作风" in row for row in rows), rows
        assert not [row for row in rows if BAD_ELLIPSIS.search(row)], rows


@pytest.mark.parametrize("size", [(40, 15), (60, 20), (80, 24)])
async def test_bookmark_rows_are_cut_cleanly_and_keep_detached(
    size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.widgets.bookmark_list import BookmarkList
    from tests.ui.bookmark_data import write_fixed_bookmarks

    write_fixed_bookmarks(tmp_path, monkeypatch)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        listing = app.screen.query_one(BookmarkList)
        lines = [listing.render_line(y).text.rstrip() for y in range(listing.size.height)]
        quotes = [line for line in lines if line.startswith("“")]
        assert len(quotes) == 3, lines
        # Each quote is closed (cut with "…" first when long), never "“…".
        assert all(q.endswith(("”", "”  detached")) for q in quotes), quotes
        assert any(q.endswith("  detached") for q in quotes), quotes
        assert not [line for line in lines if BAD_ELLIPSIS.search(line)], lines
        # The date is kept whole; the note or the section before it is cut with "…".
        details = [line for line in lines if line.startswith("  ") and "2024" in line]
        assert len(details) == 3 and all(re.search(r" 2024-05-0\d$", d) for d in details), details


@pytest.mark.parametrize("size", [(40, 15), (60, 20), (160, 45)])
async def test_the_facts_scope_line_is_cut_with_an_ellipsis(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        facts = main_screen(app).facts
        if not facts.display:
            await pilot.press("f")
            await settle(pilot)
        scope = facts.query_one("#facts-scope", Static)
        [line] = [row for row in rows(scope)]
        # Whole, or without the key hint, or cut with "…".
        assert line in ("Facts · whole document (t)", "Facts · whole document") or (
            line.endswith("…") and "Facts · whole document".startswith(line[:-1])
        ), line


@pytest.mark.parametrize("width", [40, 60, 80])
async def test_the_note_prompt_never_leaves_a_closing_quote_alone(width: int) -> None:
    from textual.app import App

    from reader.screens.note import NotePrompt

    class PromptApp(App[None]):
        CSS_PATH = str(SEED.parents[1] / "styles" / "reader.tcss")

    app = PromptApp()
    async with app.run_test(size=(width, 24)) as pilot:
        for length in range(10, 70):
            quote = ("以优良作风谱写中国梦" * 7)[:length]
            await app.push_screen(NotePrompt(quote))
            await pilot.pause()
            label = app.screen.query_one("#note-quote", Static)
            lines = [line for line in rows(label) if line]
            assert "".join(lines) == f"“{quote}”"
            assert not [line for line in lines if line[0] in CLOSING], (length, lines)
            app.pop_screen()


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (160, 45)])
async def test_outline_titles_cut_to_two_rows_end_in_an_ellipsis(size: tuple[int, int]) -> None:
    from tests.ui.helpers import build_document

    body = ["Some running text of the chapter, long enough to read."]
    titles = [f"CHAPTER {n}. Down the Rabbit-Hole and a Long Tale" for n in range(1, 31)]
    app = make_app(document=build_document("Alice", [(t, None, body) for t in titles]))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        outline = main_screen(app).outline
        if not outline.display:
            await pilot.press("o")
            await settle(pilot)
        region = outline.scrollable_content_region
        strips = app.screen._compositor.render_strips()
        rows = [
            "".join(s.text for s in strips[y]).__getitem__(slice(region.x, region.right)).rstrip()
            for y in range(region.y, region.bottom)
        ]
        seconds = [
            row for row, above in zip(rows[1:], rows, strict=False) if above.startswith("CH")
        ]
        assert seconds, rows
        for row in seconds:
            # The rest of the title on one row: whole, or cut with "…" (never cropped).
            assert row.endswith(("Tale", "…")), rows


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 45)])
async def test_fact_group_headings_keep_their_count(size: tuple[int, int]) -> None:
    from reader.widgets.fact_list import FactList

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        facts = main_screen(app).facts
        if not facts.display:
            await pilot.press("f")
            await settle(pilot)
        listing = facts.query_one(FactList)
        assert facts.index is not None
        groups = facts.index.groups()
        listing.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        # The first row on screen is the first group's heading: "Figures (26)" or "Fig… (26)".
        first = listing.render_line(0).text.rstrip()
        assert first.endswith(f"({len(groups[0][1]):,})"), first
        headings = [
            str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
            if listing.get_option_at_index(i).disabled
        ]
        assert [h.rsplit(" ", 1)[-1] for h in headings] == [f"({len(g):,})" for _, g in groups]
