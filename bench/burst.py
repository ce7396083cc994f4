"""Whether a burst of 50 PageDowns lands all 50 pages, in tmux 160×45.

Once reader is idle (its work after opening done), the screen after the burst
(sent at once) must equal the screen after 50 paced presses: tmux is the
terminal emulator here, since the answer is a whole screen
(`capture-pane`), not a time. The facts sidebar, which fills in on its own time,
is left out of the comparison.

`python bench/burst.py FILE` prints ``all landed`` or ``keys lost``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from pty_session import parents  # noqa: E402
from stats import process_tree, stat_fields  # noqa: E402

from reader.model.layout.cells import cut_at_cells  # noqa: E402

READER = ROOT / ".venv" / "bin" / "reader"
WIDTH, HEIGHT = 160, 45
SOCKET = f"bench{os.getpid()}"


def _tmux(*args: str) -> str:
    command = ["tmux", "-L", SOCKET, "-f", "/dev/null", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_stable(session: str, quiet: float = 0.5, timeout: float = 60.0) -> str:
    """The screen once it has not changed for ``quiet`` seconds."""
    last, since = _screen(session), time.perf_counter()
    end = since + timeout
    while time.perf_counter() < end:
        time.sleep(0.05)
        now = _screen(session)
        if now != last:
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            break
    return last


def _ticks(pid: int) -> int:
    """CPU ticks of ``pid`` and its processes (children included)."""
    total = 0
    for member in process_tree(pid, parents()):
        try:
            fields = stat_fields(Path(f"/proc/{member}/stat").read_text())
        except (OSError, ValueError, IndexError):
            continue
        total += sum(fields[1:5])
    return total


def _wait_idle(pid: int, timeout: float = 600.0) -> None:
    """Wait until ``pid``'s tree uses at most 2 CPU ticks in a second."""
    end = time.perf_counter() + timeout
    last = _ticks(pid)
    while time.perf_counter() < end:
        time.sleep(1.0)
        now = _ticks(pid)
        if now - last <= 2:
            return
        last = now


def _reading_part(screen: str) -> str:
    """The screen without the facts sidebar; cut by cells (a CJK character takes two)."""
    return "\n".join(line[: cut_at_cells(line, WIDTH - 34)] for line in screen.splitlines())


def burst_lands(path: Path, presses: int = 50) -> bool:
    """Whether ``presses`` PageDowns sent at once land where paced ones do."""
    session = "burst"
    with tempfile.TemporaryDirectory() as tmp:
        command = (
            f"env READER_CONFIG_DIR={shlex.quote(tmp)}/c READER_CACHE_DIR={shlex.quote(tmp)}/k "
            f"{shlex.quote(str(READER))} {shlex.quote(str(path))}"
        )
        _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        try:
            # Both screens are taken once reader is idle: while its work after opening
            # runs, the title bar's section count and the outline still change.
            _wait_idle(int(_tmux("display-message", "-p", "-t", session, "#{pane_pid}")))
            _wait_stable(session)
            _tmux("send-keys", "-t", session, *(["PageDown"] * presses))
            burst = _reading_part(_wait_stable(session))
            _tmux("send-keys", "-t", session, "g")
            _wait_stable(session)
            for _ in range(presses):
                _tmux("send-keys", "-t", session, "PageDown")
                time.sleep(0.05)
            paced = _reading_part(_wait_stable(session))
        finally:
            _tmux("kill-server")
    return burst == paced


if __name__ == "__main__":
    print("all landed" if burst_lands(Path(sys.argv[1])) else "keys lost")
