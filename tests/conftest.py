"""Shared fixtures: every test gets its own config and data directories, and no
test leaves work running into the next one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"

DETACHED = "reader-detached"
"""The name of ``reader.background.run_detached``'s daemon threads."""

LEFTOVER_SECONDS = 60.0
"""How long a test's teardown waits for the daemon threads it left running."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests marked ``slow`` first, in their files' order.

    ``make test`` spreads the tests over the cores (pytest-xdist, ``worksteal``):
    a test of 20 s handed out last would keep one core busy after the other
    has run out of work.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the user config, data and cache directories at the test's tmp_path."""
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _no_leftover_work() -> Iterator[None]:
    """After the test, wait for the ``run_detached`` threads it left computing.

    The app never waits for them (a cancelled search or parse finishes in its
    daemon thread), but the next test would: Pilot's ``press`` and ``pause``
    wait until the process's CPU time stops advancing, up to 1 s each, so a
    catastrophic regex left matching for 6 s made the next test's every key
    cost 2 s (10.7 s for a test of 1 s). Waiting here charges the work to the
    test that started it.
    """
    yield
    deadline = time.monotonic() + LEFTOVER_SECONDS
    for thread in threading.enumerate():
        if thread.name == DETACHED and thread not in _WAITED_FOR:
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():  # stuck: waited for once, not by every later test
                _WAITED_FOR.add(thread)


_WAITED_FOR: set[threading.Thread] = set()
"""Daemon threads still alive after a full wait."""


@pytest.fixture
def seed_text() -> str:
    """The bundled sample, decoded."""
    return SEED.read_text(encoding="utf-8")
