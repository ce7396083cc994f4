"""The help screen lists the live key bindings, grouped by pane."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from reader.app import ReaderApp
from reader.screens.help import HelpGroup, HelpScreen, collect_help
from reader.screens.main import MainScreen
from reader.screens.picker import PickerScreen
from reader.widgets.facts import FactsPane
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from tests.ui.helpers import long_document, make_app


def help_text(groups: list[HelpGroup]) -> str:
    return "\n".join(
        f"{group.title}\n" + "\n".join(f"{keys}\t{desc}" for keys, desc in group.rows)
        for group in groups
    )


def first_described(bindings: list[Binding]) -> Binding:
    return next(b for b in bindings if isinstance(b, Binding) and b.description)


@pytest.mark.parametrize(
    "owner", [ReaderApp, MainScreen, PickerScreen, HelpScreen, OutlinePane, FactsPane]
)
def test_every_binding_of_ours_has_a_description(owner: type[DOMNode]) -> None:
    for binding in owner.BINDINGS:
        assert isinstance(binding, Binding), f"{owner.__name__}: use Binding(...)"
        assert binding.description, f"{owner.__name__}: {binding.key} has no description"


async def test_question_mark_shows_the_keys_of_every_pane() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        text = help_text(screen.groups)
        # A key that only the reading pane defines, taken from the code.
        reading_binding = next(
            b
            for b in ReadingPane.BINDINGS
            if isinstance(b, Binding) and b.description and b.action.endswith("section")
        )
        assert reading_binding.description in text
        for binding in (*MainScreen.BINDINGS, *ReaderApp.BINDINGS):
            assert isinstance(binding, Binding)
            assert binding.description in text
        # The focused pane's keys come first.
        assert screen.groups[0].title == "Reading pane"
        titles = [group.title for group in screen.groups]
        assert {"Outline pane", "Facts pane", "Panes", "Everywhere"} <= set(titles)


async def test_help_is_rendered_on_screen() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        statics = app.screen.query(".help-group")
        assert len(statics) == len(app.screen.groups)  # type: ignore[attr-defined]
        first = statics.first()
        assert first.size.height > 2


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_closes_with(key: str) -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


async def test_help_follows_the_focused_pane() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        groups = collect_help(app.screen)
        assert groups[0].title == "Outline pane"
        # The tree inside the outline contributes its keys to the outline's group.
        assert any(desc == "Select" for _keys, desc in groups[0].rows)


async def test_keys_bound_to_one_action_share_a_row() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        groups = collect_help(app.screen)
        rows = [row for group in groups for row in group.rows]
        assert [keys for keys, desc in rows if desc == "Help"] == ["? / h"]
        for group in groups:
            assert len(group.rows) == len(set(group.rows)), group.title
        # The reading pane binds j and down to one action: one row names both.
        reading = next(group for group in groups if group.title == "Reading pane")
        assert any(" / " in keys and "j" in keys.split(" / ") for keys, _desc in reading.rows)
