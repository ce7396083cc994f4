"""Store tests: the sidecar cache goes to a directory of its own per test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the cache directory away from the user's and out of ``tmp_path``."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
