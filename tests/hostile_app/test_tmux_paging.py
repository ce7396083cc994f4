"""The app in a real terminal (tmux): page through the whole sample at 80x24 and 60x20.

``reader`` runs in a detached tmux session on its own socket with its own config
directories. ``space`` pages to the end, then ``G`` and ``g``; after every key
the screen (``capture-pane``) must show the document's text and the title bar,
never a traceback or an empty screen. The sample's last words must have been on
screen when the paging stopped. tmux is on the project's machines; without it
this test fails (with a message saying so), it is not skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.model.opening import open_document
from tests.conftest import ROOT, SEED

SOCKET = [f"reader-test-{os.getpid()}"]
"""The tmux socket of the running test (one server per test)."""


def tmux(*args: str) -> str:
    """Run a tmux command on the test's own server and return its output."""
    tool = shutil.which("tmux")
    assert tool is not None, "tmux is needed for the real-terminal test (apt-get install tmux)"
    done = subprocess.run(
        [tool, "-L", SOCKET[0], "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return done.stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "reader")


def wait_for(check: str, seconds: float = 15.0) -> str:
    """The screen once ``check`` is on it (fails after ``seconds``)."""
    deadline = time.monotonic() + seconds
    shown = screen()
    while check not in shown:
        assert time.monotonic() < deadline, f"{check!r} never showed:\n{shown}"
        time.sleep(0.1)
        shown = screen()
    return shown


@pytest.fixture
def session(tmp_path: Path) -> Iterator[None]:
    SOCKET[0] = f"reader-test-{os.getpid()}-{tmp_path.name}"
    yield
    tmux("kill-server")


def start(size: tuple[int, int], home: Path) -> None:
    width, height = size
    env = {
        "READER_CONFIG_DIR": str(home / "config"),
        "READER_DATA_DIR": str(home / "data"),
        "READER_CACHE_DIR": str(home / "cache"),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        # The test runner's own COLUMNS/LINES would override the pane's size.
        "COLUMNS": str(width),
        "LINES": str(height),
    }
    exports = " ".join(f"{key}={value}" for key, value in env.items())
    command = f"env {exports} {sys.executable} -m reader {SEED}; echo EXIT=$?; sleep 30"
    tmux("new-session", "-d", "-s", "reader", "-x", str(width), "-y", str(height), command)


def settled() -> str:
    """The screen once it stopped changing (two equal captures 0.15 s apart)."""
    before = screen()
    for _ in range(40):
        time.sleep(0.15)
        now = screen()
        if now == before:
            return now
        before = now
    return before


def check_text(shown: str, key: str) -> None:
    assert "Traceback" not in shown and "Error" not in shown, f"after {key}:\n{shown}"
    assert "EXIT=" not in shown, f"the app ended after {key}:\n{shown}"
    assert "section " in shown, f"no title bar after {key}:\n{shown}"
    chinese = sum(1 for ch in shown if "\u4e00" <= ch <= "\u9fff")
    assert chinese >= 20, f"no text on screen after {key}:\n{shown}"


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_page_through_the_sample_then_end_and_top(
    size: tuple[int, int], tmp_path: Path, session: None
) -> None:
    document = open_document(SEED)
    last_words = document.text.rstrip()[-6:]
    start(size, tmp_path)
    check_text(wait_for("section 1/"), "start")
    count = len(document.sections)
    pages = 0
    shown = settled()
    while f"section {count}/{count} · 100%" not in shown:
        tmux("send-keys", "-t", "reader", "space")
        pages += 1
        shown = settled()
        check_text(shown, f"space #{pages}")
        assert pages < 200, "space never reached the end"
    assert last_words in shown.replace("\n", "").replace(" ", "")
    tmux("send-keys", "-t", "reader", "g")
    shown = settled()
    check_text(shown, "g")
    assert "section 1/" in shown
    tmux("send-keys", "-t", "reader", "G")
    shown = settled()
    check_text(shown, "G")
    assert f"section {count}/{count} · 100%" in shown
    tmux("send-keys", "-t", "reader", "g")
    shown = settled()
    check_text(shown, "g")
    assert f"section 1/{count} · 0%" in shown
    tmux("send-keys", "-t", "reader", "q")
    assert "EXIT=0" in wait_for("EXIT=")
