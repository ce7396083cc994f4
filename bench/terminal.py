"""Real-terminal benchmark: reader, `less` and a bare Textual app side by side, in a
pty of 160×45 that the bench drives itself (bench/pty_session.py).

Runs are interleaved (reader, less, bare, reader, less, bare, …) so a change of the
machine's load falls on all three alike. Each run starts the program afresh, with
its own empty config and cache folders:

* ``first_frame``: the seconds until a phrase of the document's first body
  paragraph has been written (escape sequences stripped): the document's text on
  the screen, not an empty frame or a title;
* ``session``: first frame; then the CPU of the process tree (utime+stime,
  children included) from the first frame until it is idle (≤ 2 ticks in 1 s);
  then PageDowns, each timed to the first byte back and to the last byte before
  ``QUIET`` seconds of silence (the screen settled); then the peak RSS of the
  program alone (VmHWM) and of its tree (the sum of its processes' RSS,
  sampled every 0.1 s);
* ``busy_keys`` (reader only): PageDowns from the first frame on, each sorted by
  whether the tree was busy just before it (more than 2 CPU ticks in 0.3 s once
  the last key's frame had settled) or idle, to tell whether keys slow down
  while the work after opening runs.

`python bench/terminal.py [FILE ...]` prints one JSON line a program and file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from pty_session import PAGE_DOWN, TICK, Session  # noqa: E402
from stats import probe_of  # noqa: E402

READER = ROOT / ".venv" / "bin" / "reader"
PYTHON = ROOT / ".venv" / "bin" / "python"
QUIET = 0.2  # seconds of silence that make a frame the last one of a key
KEYS = 10  # PageDowns timed in each session, once the program is idle
PROGRAMS = ("reader", "less", "bare Textual")


def argv(program: str, path: Path, mode: str = "static") -> list[str]:
    """The command that shows ``path`` with ``program``."""
    if program == "reader":
        return [str(READER), str(path)]
    if program == "less":
        return ["less", str(path)]
    return [str(PYTHON), str(HERE / "bare.py"), mode, str(path)]


def probe(path: Path) -> str:
    """The phrase whose appearance is the first frame (see stats.probe_of)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        return probe_of(line for _, line in zip(range(3000), handle, strict=False))


def _session(program: str, path: Path, mode: str, home: str) -> Session:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TERM": "xterm-256color",
        "LC_ALL": "C.UTF-8",
        "LESSHISTFILE": "-",
        "READER_CONFIG_DIR": os.path.join(home, "config"),
        "READER_CACHE_DIR": os.path.join(home, "cache"),
    }
    session = Session(argv(program, path, mode), env)
    session.probe = probe(path)
    session.start()
    return session


def first_frame(program: str, path: Path) -> float | None:
    """Seconds from the start until the document's text is on the screen."""
    with tempfile.TemporaryDirectory() as home:
        session = _session(program, path, "static", home)
        session.sampling = False
        shown = session.wait_text(timeout=120)
        session.quit()
    return shown


@dataclass
class Figures:
    """What the sessions of one program on one document measured."""

    program: str
    document: str
    first_frame_s: list[float] = field(default_factory=list)
    busy_cpu_s: list[float] = field(default_factory=list)
    busy_wall_s: list[float] = field(default_factory=list)
    first_change_ms: list[float] = field(default_factory=list)
    settled_ms: list[float] = field(default_factory=list)
    rss_alone_mb: list[float] = field(default_factory=list)
    rss_tree_mb: list[float] = field(default_factory=list)
    processes: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def session(program: str, path: Path, figures: Figures, keys: int = KEYS) -> None:
    """One full run of ``program`` on ``path``, its figures added to ``figures``."""
    with tempfile.TemporaryDirectory() as home:
        run = _session(program, path, "panes", home)
        try:
            shown = run.wait_text(timeout=180)
            if shown is None:
                figures.failures.append("no first frame in 180 s")
                return
            figures.first_frame_s.append(shown)
            idle = run.wait_idle(since=shown, timeout=600)
            if idle is None:
                figures.failures.append("not idle 600 s after the first frame")
                return
            busy = run.samples[-1].ticks - run.ticks_at(shown)
            figures.busy_cpu_s.append(busy / TICK)
            figures.busy_wall_s.append(max(0.0, idle - shown))
            run.sampling = False
            run.wait_quiet(QUIET, 5)
            for _ in range(keys):
                timed = run.key(PAGE_DOWN, QUIET)
                if timed is None:
                    figures.failures.append("a PageDown drew nothing")
                    break
                figures.first_change_ms.append(timed[0] * 1000)
                figures.settled_ms.append(timed[1] * 1000)
            run.sampling = True
            run.sample(every=0)
        finally:
            run.quit()
        if run.peak_rss_kb is not None:
            figures.rss_alone_mb.append(run.peak_rss_kb / 1024)
        figures.rss_tree_mb.append(run.peak_tree_rss() / 1024 / 1024)
        figures.processes.append(run.peak_pids())


@dataclass
class BusyKeys:
    """PageDowns while the work after opening runs, and after it."""

    document: str
    during_first_ms: list[float] = field(default_factory=list)
    during_settled_ms: list[float] = field(default_factory=list)
    after_first_ms: list[float] = field(default_factory=list)
    after_settled_ms: list[float] = field(default_factory=list)
    unclear: int = 0  # times the screen was still changing when a key was due: none sent
    failures: list[str] = field(default_factory=list)


def busy_keys(path: Path, figures: BusyKeys, after: int = KEYS, limit: float = 180) -> None:
    """PageDowns in reader from its first frame on, sorted into during / after its busy period."""
    with tempfile.TemporaryDirectory() as home:
        run = _session("reader", path, "panes", home)
        try:
            shown = run.wait_text(timeout=180)
            if shown is None:
                figures.failures.append("no first frame in 180 s")
                return

            def busy() -> bool:
                # Once the last key's frame has settled, an idle program uses no CPU:
                # more than 2 ticks in the next 0.3 s is the work after opening.
                run.sample(every=0)
                before = run.samples[-1].ticks if run.samples else 0
                run.pump(0.3)
                run.sample(every=0)
                return bool(run.samples) and run.samples[-1].ticks - before > 2

            pressed_after = 0
            while pressed_after < after and run.now() - shown < limit:
                run.wait_quiet(QUIET, 2.0)
                during = busy()
                if run.silence() < QUIET:  # still drawing: the key's change would be unclear
                    figures.unclear += 1
                    continue
                timed = run.key(PAGE_DOWN, QUIET)
                if timed is None:
                    figures.failures.append("a PageDown drew nothing")
                    break
                first, settled = (x * 1000 for x in timed)
                if during:
                    figures.during_first_ms.append(first)
                    figures.during_settled_ms.append(settled)
                else:
                    pressed_after += 1
                    figures.after_first_ms.append(first)
                    figures.after_settled_ms.append(settled)
        finally:
            run.quit()


def warm_up(path: Path) -> None:
    """One unmeasured start of each program: bytecode written, files in the page cache."""
    for program in PROGRAMS:
        first_frame(program, path)


def main(argv_: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    from gen import SEED

    paths = [Path(a) for a in argv_] or [SEED]
    warm_up(paths[0])
    for path in paths:
        for program in PROGRAMS:
            figures = Figures(program, path.name)
            session(program, path, figures)
            print(json.dumps(asdict(figures), ensure_ascii=False), flush=True)
        keys = BusyKeys(path.name)
        busy_keys(path, keys)
        print(json.dumps(asdict(keys), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
