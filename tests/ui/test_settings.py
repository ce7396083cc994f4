"""Settings that stay: theme, text width, panes and facts scope survive a restart."""

from __future__ import annotations

import yaml

from reader import paths
from reader.screens.main import MainScreen
from tests.ui.helpers import long_document, main_screen, make_app, settle


def saved() -> dict[str, object]:
    data = yaml.safe_load(paths.settings_file().read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


async def test_theme_width_panes_and_scope_survive_a_restart() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        app.theme = "textual-light"
        await pilot.press("plus", "plus", "f2", "t")
        await settle(pilot)
        assert screen.reading.measure == 88
        assert not screen.outline.display
    assert saved() == {
        "theme": "textual-light",
        "text_width": 88,
        "outline": False,
        "facts_scope": "section",
    }
    again = make_app(document=long_document())
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert again.theme == "textual-light"
        assert screen.reading.measure == 88 and screen.reading.text_width == 88
        assert not screen.outline.display and screen.facts.display
        assert not screen.facts.whole_document


async def test_text_width_stays_between_40_and_200_cells() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        reading = main_screen(app).reading
        before = reading.text_width
        await pilot.press("minus")
        await settle(pilot)
        assert reading.text_width == before - 4
        await pilot.press(*["minus"] * 20)
        assert reading.measure == 40
        await pilot.press(*["plus"] * 50)
        assert reading.measure == 200
        assert saved()["text_width"] == 200


async def test_the_palette_widens_the_text() -> None:
    app = make_app(document=long_document())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"wider text")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert main_screen(app).reading.measure == 84


async def test_a_corrupt_settings_file_is_moved_aside_with_a_notice() -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("theme: [broken\n", encoding="utf-8")
    app = make_app(document=long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("settings.yaml could not be read" in n and "moved aside" in n for n in notes)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("plus")
    [aside] = path.parent.glob("settings.yaml.bad-*")
    assert aside.read_text(encoding="utf-8") == "theme: [broken\n"
    assert saved() == {"text_width": 84}


async def test_unknown_keys_survive_the_app_saving() -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("keymap:\n  quit: x\ntheme: no-such-theme\n", encoding="utf-8")
    app = make_app(document=long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme != "no-such-theme"
        await pilot.press("plus")
    assert saved()["keymap"] == {"quit": "x"}
    assert saved()["text_width"] == 84
