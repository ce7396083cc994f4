"""Real-terminal benchmark: reader in tmux, measured as a user sees it.

For each document: time from the command until its text shows on the screen
(polling `tmux capture-pane`), per-key PageDown latency (until the screen
changes), whether a burst of 50 PageDowns lands all 50 pages (the screen after
the burst equals the screen after 50 paced presses), and peak RSS from
`/usr/bin/time -v`.

`python bench/terminal.py [FILE ...]` prints JSON lines; bench/run.py tabulates.
"""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.model.layout.cells import cut_at_cells  # noqa: E402

READER = ROOT / ".venv" / "bin" / "reader"
WIDTH, HEIGHT = 160, 45
POLL = 0.002


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_for(session: str, predicate: object, timeout: float) -> float | None:
    """Seconds until predicate(screen) holds, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(_screen(session)):  # type: ignore[operator]
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def _probe_text(path: Path) -> str:
    """A short run of body text from the document's first paragraphs."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        lines = [line.strip() for _, line in zip(range(2000), handle, strict=False)]
    # A hard-wrapped Chinese text has no line over 40 characters: take a shorter one.
    for least in (40, 20):
        for stripped in lines:
            if len(stripped) > least and not stripped.startswith(("来源", "今天")):
                return stripped[:6]
    return ""


def _wait_stable(session: str, quiet: float = 0.3, timeout: float = 20.0) -> str:
    """The screen once it has not changed for ``quiet`` seconds."""
    last, since = _screen(session), time.perf_counter()
    end = since + timeout
    while time.perf_counter() < end:
        time.sleep(0.02)
        now = _screen(session)
        if now != last:
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            break
    return last


def _reading_part(screen: str) -> str:
    """The screen without the facts sidebar, which fills in on its own time.

    Cut by terminal cells, not characters: a CJK character takes two.
    """
    return "\n".join(line[: cut_at_cells(line, WIDTH - 34)] for line in screen.splitlines())


def first_frames(path: Path, runs: int = 3) -> float | None:
    """Median seconds from the command until the document's text shows, over ``runs``."""
    probe = _probe_text(path)
    session = f"readerfirst{os.getpid()}"
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        command = f"env READER_CONFIG_DIR={shlex.quote(tmp)} {shlex.quote(str(READER))} " + (
            shlex.quote(str(path))
        )
        for _ in range(runs):
            _tmux("kill-session", "-t", session)
            start = time.perf_counter()
            _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)
            shown = _wait_for(session, lambda screen: probe in screen, timeout=120)
            if shown is not None:
                times.append(time.perf_counter() - start)
            _tmux("send-keys", "-t", session, "q")
            time.sleep(0.5)
            _tmux("kill-session", "-t", session)
            time.sleep(0.5)
    return statistics.median(times) if times else None


def measure(path: Path, keys: int = 20) -> dict[str, object]:
    """Measure one document in a fresh tmux session."""
    median_first = first_frames(path)
    session = f"readerbench{os.getpid()}"
    probe = _probe_text(path)
    with tempfile.TemporaryDirectory() as tmp:
        timing = Path(tmp) / "time.txt"
        env = f"READER_CONFIG_DIR={shlex.quote(tmp)}"
        command = (
            f"env {env} /usr/bin/time -v -o {shlex.quote(str(timing))} "
            f"{shlex.quote(str(READER))} {shlex.quote(str(path))}"
        )
        _tmux("kill-session", "-t", session)
        start = time.perf_counter()
        _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        shown = _wait_for(session, lambda screen: probe in screen, timeout=120)
        first_frame = None if shown is None else time.perf_counter() - start
        _wait_stable(session, quiet=0.5)
        # Keys are timed once the facts sidebar has filled in (the extractor
        # shares the interpreter with the UI while it runs).
        facts_ready = _wait_for(session, lambda screen: "Figures (" in screen, timeout=120)

        latencies: list[float] = []
        for _ in range(keys):
            before = _screen(session)
            t0 = time.perf_counter()
            _tmux("send-keys", "-t", session, "PageDown")
            if _wait_for(session, lambda screen, b=before: screen != b, timeout=5) is None:
                break
            latencies.append(time.perf_counter() - t0)
            _wait_stable(session, quiet=0.05)

        # Burst: 50 PageDowns at once must land where 50 paced ones land.
        _tmux("send-keys", "-t", session, "g")
        _wait_stable(session)
        _tmux("send-keys", "-t", session, *(["PageDown"] * 50))
        burst = _reading_part(_wait_stable(session))
        _tmux("send-keys", "-t", session, "g")
        _wait_stable(session)
        for _ in range(50):
            _tmux("send-keys", "-t", session, "PageDown")
            time.sleep(0.03)
        paced = _reading_part(_wait_stable(session))

        _tmux("send-keys", "-t", session, "q")
        # GNU time opens its output file at the start and fills it at the exit.
        deadline = time.perf_counter() + 15
        while time.perf_counter() < deadline and (
            not timing.exists() or "Maximum resident" not in timing.read_text()
        ):
            time.sleep(0.05)
        _tmux("kill-session", "-t", session)
        rss_kb = None
        if timing.exists():
            for line in timing.read_text().splitlines():
                if "Maximum resident set size" in line:
                    rss_kb = int(line.rsplit(":", 1)[1])
    return {
        "document": path.name,
        "megabytes": round(path.stat().st_size / 1024 / 1024, 1),
        "first_frame_s": None if first_frame is None else round(first_frame, 3),
        "first_frame_median_of_3_s": None if median_first is None else round(median_first, 3),
        "pagedown_median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "pagedown_max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        "burst_lands_all": burst == paced,
        "peak_rss_mb": None if rss_kb is None else round(rss_kb / 1024, 1),
        "facts_after_s": None if facts_ready is None else round(facts_ready, 2),
    }


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from gen import SEED, document_path

    paths = [Path(a) for a in argv] or [SEED, document_path(10), document_path(50)]
    for path in paths:
        print(json.dumps(measure(path), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
