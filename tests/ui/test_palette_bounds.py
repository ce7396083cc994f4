"""The palette stays bounded (issue 11, item 4): 100,000 sections, a 15,000-character heading.

Speed and memory figures come from ``bench/palette.py``; these tests check what
the bounds do: how many commands are listed and found, that the best is first,
and that the palette answers Enter and Escape on such documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from reader.commands import DISCOVERY_LIMIT, HIT_LIMIT, SectionsProvider
from reader.model.document import Document
from reader.model.opening import open_document
from reader.screens.main import MainScreen
from tests import hostile
from tests.ui.helpers import main_screen, make_app


@pytest.fixture(scope="module")
def many_sections(tmp_path_factory: pytest.TempPathFactory) -> Document:
    folder = tmp_path_factory.mktemp("palette")
    return open_document(hostile.write(folder, "tiny.md", hostile.tiny_sections()))


@pytest.mark.slow
async def test_discovery_search_escape_and_enter_at_100000_sections(
    many_sections: Document,
) -> None:
    assert len(many_sections.sections) > 100_000 - 1
    app = make_app(document=many_sections)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        provider = SectionsProvider(screen)
        # Before anything is typed: a window of sections from the one being read.
        listed = [hit.text async for hit in provider.discover()]
        assert len(listed) == DISCOVERY_LIMIT
        assert listed[0] == "Go to section: " + many_sections.sections[0].title
        screen.go_to_section(many_sections.sections[50_000].id)
        listed = [hit.text async for hit in provider.discover()]
        assert listed[0] == "Go to section: " + many_sections.sections[50_000].title
        # A query: the best hits only, the best first.
        hits = [hit async for hit in provider.search("H99998")]
        assert 1 <= len(hits) <= HIT_LIMIT
        assert hits[0].text == "Go to section: H99998"
        assert len([hit async for hit in provider.search("go")]) == HIT_LIMIT
        # The palette itself: Escape closes it; a section and Enter go there.
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert main_screen(app) is screen
        await pilot.press("ctrl+p", *"H77777")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one(CommandList)
        for _ in range(300):  # the search runs in steps; a loaded machine is slow
            if commands.option_count and "H77777" in str(commands.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.1)
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app) is screen
        target = next(s for s in many_sections.sections if s.title == "H77777")
        assert screen.outline.current == target.id
        assert screen.section_index == target.index


async def test_ctrl_p_neg_on_a_15000_character_heading(tmp_path: Path) -> None:
    path = hostile.write(
        tmp_path, "long.md", hostile.long_heading(15_000).replace(b"\xe9\x95\xbf", b"nge")
    )
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", "n", "e", "g")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
