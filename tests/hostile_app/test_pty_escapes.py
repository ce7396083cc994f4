"""The app in a real pseudo-terminal: the file's escape sequences never reach it.

``reader`` runs as a child on a pty of 100x30 (TERM=xterm-256color). Everything
it writes is read for a few seconds, `q` is sent, and the bytes are checked:
the visible words around the escapes are there, and none of the file's own
sequences or payloads is. Textual writes its own CSI (drawing) and perhaps OSC
sequences, so the checks name the file's sequences, not "no ESC at all".
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests import hostile

ROOT = Path(__file__).resolve().parents[2]

COLUMNS, LINES = 100, 30

FORBIDDEN = [
    "]52;",  # OSC 52 clipboard write
    "cm0gLXJmIH4=",  # its payload
    "]0;pwned",  # title set
    "pwned",
    "]8;;https://evil",  # OSC 8 hyperlink
    "evil.example",
    "P1$r",  # DCS and its payload
    "1$r0m",
    "\x9b",  # 8-bit CSI
    "\x9d",  # 8-bit OSC
    "\x9c",  # 8-bit ST
    "0;title",
    "\x1b[6n",  # cursor position query: the terminal would answer into the input
    "\x07",  # BEL, once Textual's own OSC 22 (pointer shape) is taken out
]
"""The file's sequences and payloads, none of which may appear in the output."""

NAME_FORBIDDEN = ["\x1b]0;pwnedname", "pwnedname\x07", "\x07", "\x9b", "\x9d"]
"""The awkward file name's raw sequence (its printable rest may show, made visible)."""


TEXTUAL_OSC = re.compile("\x1b\\]22;[a-z-]*\x07")
"""Textual's own OSC: the mouse pointer shape, ended by BEL."""


QUIET = 1.5
"""Seconds without output after which the app counts as done drawing."""


def run_on_pty(args: list[str], home: Path, shown: list[str], *, seconds: float = 60.0) -> str:
    """Run ``reader args`` on a pty, read until one of ``shown`` is drawn, press q.

    After ``shown``, the output is read until it has been quiet for
    :data:`QUIET` seconds (later frames: the facts, the outline); the wait ends
    after ``seconds`` in all (a loaded machine took more than the 3 s once
    allowed). The output up to the child's exit is returned.

    The output is decoded as UTF-8 with replacement, so a lone 0x9B byte of the
    file would show as U+FFFD, while a U+009B character would show as itself;
    Textual's own OSC 22 sequences are taken out.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = dict(os.environ)
    env.update(
        {
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
            "READER_CONFIG_DIR": str(home / "config"),
            "READER_DATA_DIR": str(home / "data"),
            "PYTHONPATH": str(ROOT),
        }
    )
    env.pop("TEXTUAL", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=home,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    out = bytearray()

    def drain(until: float, wanted: list[str]) -> bool:
        """Read until ``until``, or until one of ``wanted`` is in the output and
        nothing more came for QUIET seconds; False when the child closed the terminal."""
        last = time.monotonic()
        while time.monotonic() < until:
            seen = any(text in out.decode("utf-8", "replace") for text in wanted)
            if seen and time.monotonic() - last >= QUIET:
                return True
            ready, _, _ = select.select([master], [], [], 0.1)
            if not ready:
                continue
            last = time.monotonic()
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child is gone.
                return False
            if not chunk:
                return False
            out.extend(chunk)
        return True

    try:
        drain(time.monotonic() + seconds, shown)
        os.write(master, b"q")
        drain(time.monotonic() + 30.0, [])
        child.wait(timeout=5)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=5)
        os.close(master)
    return TEXTUAL_OSC.sub("", out.decode("utf-8", "replace"))


@pytest.fixture
def escape_file(tmp_path: Path) -> Path:
    return hostile.write(tmp_path, "escapes.txt", hostile.terminal_escapes()[0])


def test_the_escape_file_in_a_real_terminal(escape_file: Path, tmp_path: Path) -> None:
    out = run_on_pty([str(escape_file)], tmp_path, ["word5"])
    # The words between the escapes are drawn, joined as the loader left them.
    assert "词0word0词1word1" in out, out[-2000:]
    assert "word5" in out
    for sequence in FORBIDDEN:
        assert sequence not in out, (sequence, out[-2000:])
    # Textual clears the screen itself; the file's clear (after word0) is gone.
    assert "word0\x1b[2J" not in out
    assert "\x1b=" + "词" not in out


def test_a_folder_with_an_escaped_file_name_in_a_real_terminal(
    escape_file: Path, tmp_path: Path
) -> None:
    name = os.fsdecode(b"e\x1b]0;pwnedname\x07-caf\xe9.txt")
    (tmp_path / name).write_bytes(b"")
    out = run_on_pty([str(tmp_path)], tmp_path, ["escapes.txt", "词0word0"])
    assert "escapes.txt" in out or "词0word0" in out, out[-2000:]
    for sequence in NAME_FORBIDDEN:
        assert sequence not in out, (sequence, out[-2000:])
