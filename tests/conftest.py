"""Shared fixtures: every test gets its own config and data directories."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the user config, data and cache directories at the test's tmp_path."""
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seed_text() -> str:
    """The bundled sample, decoded."""
    return SEED.read_text(encoding="utf-8")
