"""settings.yaml: round trip, unknown keys kept, bad files moved aside, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from reader.store.errors import StoreError
from reader.store.settings import Settings, SettingsStore


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path / "settings.yaml").load() == (Settings(), [])


def test_saved_settings_load_back_and_the_directory_is_made(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "new" / "settings.yaml")
    chosen = Settings(theme="nord", text_width=64, outline=False, facts=True, facts_scope="section")
    store.save(chosen)
    assert store.load() == (chosen, [])
    assert not list((tmp_path / "new").glob("*.tmp"))


def test_unknown_keys_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("theme: nord\nkeymap:\n  quit: x\nfuture: 3\n", encoding="utf-8")
    store = SettingsStore(path)
    settings, problems = store.load()
    assert problems == [] and settings.theme == "nord"
    store.save(settings.changed(text_width=100))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data == {"theme": "nord", "text_width": 100, "keymap": {"quit": "x"}, "future": 3}


@pytest.mark.parametrize(
    "content",
    [b"theme: [unclosed\n", b"- a list\n- not a mapping\n", b"\xff\xfe\x00bad", b"just text"],
)
def test_a_bad_file_is_moved_aside_with_a_notice(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(content)
    settings, problems = SettingsStore(path).load()
    assert settings == Settings()
    [notice] = problems
    assert "settings.yaml could not be read" in notice and "moved aside" in notice
    [aside] = tmp_path.glob("settings.yaml.bad-*")
    assert aside.read_bytes() == content
    assert not path.exists()


def test_a_bad_value_is_dropped_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("text_width: 9000\noutline: maybe\ntheme: nord\n", encoding="utf-8")
    settings, problems = SettingsStore(path).load()
    assert settings == Settings(theme="nord")
    assert len(problems) == 2 and all("ignored" in p for p in problems)


def test_a_save_that_fails_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot save settings"):
        SettingsStore(blocker / "settings.yaml").save(Settings(theme="nord"))


@given(st.binary(max_size=200))
def test_any_bytes_load_without_raising(content: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.yaml"
        path.write_bytes(content)
        settings, problems = SettingsStore(path).load()
        assert isinstance(settings, Settings) and all(isinstance(p, str) for p in problems)
