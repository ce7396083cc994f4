"""The settings file as reader writes it is read without YAML, to the same values."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.store.settings import Settings, SettingsStore, plain_data
from reader.store.yamlio import parse_bytes
from tests.conftest import ROOT

WORDS = st.sampled_from(
    ["yes", "No", "ON", "off", "true", "True", "FALSE", "null", "Null", "~", "y", "n", "empty"]
)
VALUES = st.one_of(
    st.booleans().map(lambda b: "true" if b else "false"),
    st.integers(-(10**6), 10**6).map(str),
    st.from_regex(r"[0-9][0-9_:.eE+-]{0,6}", fullmatch=True),  # octal, sexagesimal, floats
    st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,12}", fullmatch=True),
    st.from_regex(r"[ A-Za-z0-9_'\".#:-]{1,12}", fullmatch=True),
    WORDS,
)
KEYS = st.one_of(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), WORDS)
LINES = st.lists(
    st.one_of(
        st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
        st.just("# a comment"),
        st.just(""),
    ),
    max_size=8,
)


@given(LINES)
def test_what_it_reads_without_yaml_yaml_reads_the_same(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    plain = plain_data(text)
    if plain is None:
        return  # YAML reads it
    assert plain == (parse_bytes(text.encode("utf-8")) or {})


def test_every_value_reader_writes_is_read_without_yaml(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.yaml")
    for settings in (
        Settings(theme="textual-light", text_width=72, outline=False, facts=True),
        Settings(theme="catppuccin-mocha", facts_scope="section"),
        Settings(text_width=200, extra={"future_key": 3, "another": "word"}),
    ):
        store.save(settings)
        text = store.path.read_text(encoding="utf-8")
        assert plain_data(text) == parse_bytes(text.encode("utf-8"))
        assert store.load() == (settings, [])
    store.save(Settings())  # nothing chosen: "{}", which YAML reads
    assert plain_data(store.path.read_text(encoding="utf-8")) is None
    assert store.load() == (Settings(), [])


def test_reading_saved_settings_does_not_load_yaml(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    SettingsStore(path).save(Settings(theme="nord", text_width=90, outline=True))
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from reader.store.settings import SettingsStore\n"
        "settings, notices = SettingsStore(Path(sys.argv[1])).load()\n"
        "print(settings.theme, settings.text_width, settings.outline, notices,"
        " 'yaml' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.stdout.split() == ["nord", "90", "True", "[]", "False"]
