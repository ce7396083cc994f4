"""`make bench`: every performance row of the project, reader beside `less` and a bare
Textual app, and reader's growth curve from 1 to 100 MB.

Terminal rows come from bench/terminal.py (a pty of 160×45, runs interleaved,
medians with min–max); the model rows from the other scripts here (each also
runs alone and prints more). The report is printed and kept in
bench/data/last-run.md; `python bench/run.py --readme` (`make bench-readme`) puts
that report between the README's Performance markers, so the README's figures
are one run's output, never typed by hand.

`python bench/run.py [--quick] [--runs=N]`: --quick skips the 50 and 100 MB
documents; --runs sets the runs of each figure (5; fewer only to try the bench out).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from burst import burst_lands  # noqa: E402
from gen import DATA, SEED, document_path, markdown_path, wrapped_path  # noqa: E402
from model_rows import compare_rows, model_rows  # noqa: E402
from report import (  # noqa: E402
    Growth,
    Row,
    at_most,
    first_frame_row,
    growth_table,
    median,
    not_slower,
    side_by_side,
)
from stats import replace_between, spread_text  # noqa: E402
from terminal import (  # noqa: E402
    PROGRAMS,
    QUIET,
    BusyKeys,
    Figures,
    busy_keys,
    first_frame,
    session,
    warm_up,
)

RUNS = 5
BUSY_RUNS = 3  # each gives a key every ~0.5 s of the busy period: dozens of keys in all
GROWTH_RUNS = {1: 3, 25: 3, 100: 2}  # sessions at the sizes measured for the curve only
REPORT = DATA / "last-run.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> str:
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    from textual import __version__ as textual_version

    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({model}), {memory:.0f} GiB, "
        f"Python {platform.python_version()}, Textual {textual_version}"
    )


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)"


def first_frames(paths: dict[str, Path]) -> dict[str, dict[str, list[float]]]:
    """First frames of each document by each program, interleaved, RUNS times."""
    frames: dict[str, dict[str, list[float]]] = {k: {p: [] for p in PROGRAMS} for k in paths}
    for round_ in range(RUNS):
        progress(f"first frames, round {round_ + 1} of {RUNS}")
        for label, path in paths.items():
            for program in PROGRAMS:
                shown = first_frame(program, path)
                if shown is not None:
                    frames[label][program].append(shown)
    return frames


def sessions(
    path: Path, runs: int, programs: tuple[str, ...] = PROGRAMS, keys: int = 10
) -> dict[str, Figures]:
    """Full sessions (bare Textual: the three-pane scroll view), interleaved, with
    the single-Static bare app's first frame beside them under "bare Static"."""
    figures = {p: Figures(p, path.name) for p in programs}
    figures["bare Static"] = Figures("bare Static", path.name)
    for round_ in range(runs):
        progress(f"sessions on {path.name}, round {round_ + 1} of {runs}")
        for program in programs:
            session(program, path, figures[program], keys=keys)
            if program == "bare Textual":
                shown = first_frame(program, path)
                if shown is not None:
                    figures["bare Static"].first_frame_s.append(shown)
    return figures


def session_rows(
    label: str, f: dict[str, Figures], slack: float, limits: dict[str, float]
) -> list[Row]:
    reader, less, bare = f["reader"], f["less"], f["bare Textual"]
    frames = {
        "reader": reader.first_frame_s,
        "less": less.first_frame_s,
        "bare Textual": f["bare Static"].first_frame_s,
    }
    rows = [first_frame_row(label, frames, slack)]
    for what, (ours, theirs, floor), limit in (
        (
            "PageDown, key → first change",
            (reader.first_change_ms, less.first_change_ms, bare.first_change_ms),
            8.0,
        ),
        (
            f"PageDown, key → settled (last change, then {QUIET * 1000:.0f} ms still)",
            (reader.settled_ms, less.settled_ms, bare.settled_ms),
            20.0,
        ),
    ):
        rows.append(
            Row(
                f"{what}, {label}",
                spread_text(ours, "ms"),
                spread_text(theirs, "ms"),
                spread_text(floor, "ms"),
                f"≤ {limit:g} ms",
                at_most(ours, limit),
            )
        )
    tree = [max(a, t) for a, t in zip(reader.rss_alone_mb, reader.rss_tree_mb, strict=False)]
    processes = max(reader.processes, default=0)
    rows.append(
        Row(
            f"peak RSS, {label}, reader alone",
            spread_text(reader.rss_alone_mb, "MB"),
            spread_text(less.rss_alone_mb, "MB"),
            spread_text(bare.rss_alone_mb, "MB"),
        )
    )
    rows.append(
        Row(
            f"peak RSS, {label}, reader + children "
            f"(at most {processes} process{'es' if processes != 1 else ''})",
            spread_text(tree, "MB"),
            spread_text(less.rss_tree_mb, "MB"),
            spread_text(bare.rss_tree_mb, "MB"),
            f"≤ {limits['rss']:g} MB",
            at_most(tree, limits["rss"]),
        )
    )
    rows.append(
        Row(
            f"CPU busy after the first frame until idle (process tree), {label}",
            spread_text(reader.busy_cpu_s, "s")
            + f" CPU, over {spread_text(reader.busy_wall_s, 's')}",
            spread_text(less.busy_cpu_s, "s"),
            spread_text(bare.busy_cpu_s, "s"),
            f"≤ {limits['cpu']:g} s",
            at_most(reader.busy_cpu_s, limits["cpu"]),
        )
    )
    for fig in (reader, less, bare):
        for failure in sorted(set(fig.failures)):
            rows.append(Row(f"({fig.program}, {label}: {failure})", "", target="—", met=False))
    return rows


def busy_rows(label: str, keys: BusyKeys) -> list[Row]:
    rows = []
    for what, during, after in (
        ("first change", keys.during_first_ms, keys.after_first_ms),
        ("settled", keys.during_settled_ms, keys.after_settled_ms),
    ):
        rows.append(
            Row(
                f"PageDown → {what} while busy vs after, {label} "
                f"({len(during)} / {len(after)} keys; {keys.unclear} not sent, the screen "
                "still changing)",
                f"while busy {spread_text(during, 'ms')}; after {spread_text(after, 'ms')}",
                target="while busy ≤ after + 10 %",
                met=not_slower(during, after),
            )
        )
    for failure in sorted(set(keys.failures)):
        rows.append(Row(f"(busy keys, {label}: {failure})", "", met=False))
    return rows


def outline_times(path: Path, runs: int = RUNS) -> list[float]:
    """Wall seconds of `reader outline FILE`, end to end."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "reader"), "outline", str(path)],
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=300,
        )
        times.append(time.perf_counter() - began)
    return times


def characters(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8"))


def growth(sizes: list[int], measured: dict[int, dict[str, Figures]]) -> list[Growth]:
    """reader at each size: the sessions already run, or GROWTH_RUNS new ones."""
    points = []
    for size in sizes:
        path = document_path(size)
        if size in measured:
            reader = measured[size]["reader"]
        else:
            runs = GROWTH_RUNS.get(size, RUNS)
            reader = sessions(path, runs, programs=("reader",), keys=0)["reader"]
        progress(f"reader outline, {size} MB")
        tree = [max(a, t) for a, t in zip(reader.rss_alone_mb, reader.rss_tree_mb, strict=False)]
        points.append(
            Growth(
                size,
                characters(path),
                reader.first_frame_s,
                reader.rss_alone_mb,
                tree,
                outline_times(path),
            )
        )
    return points


def terminal_part(quick: bool) -> tuple[str, str, dict[str, object]]:
    """The side-by-side table, the growth table, and the raw figures."""
    warm_up(SEED)
    first_frame("reader", markdown_path(10))  # Markdown's modules are imported on demand
    frames = first_frames(
        {
            "sample": SEED,
            "10 MB hard-wrapped English": wrapped_path(10, "en"),
            "10 MB hard-wrapped Chinese": wrapped_path(10, "zh"),
            "10 MB Markdown": markdown_path(10),
        }
    )
    sizes = [10] if quick else [10, 50]
    limits = {10: {"rss": 90.0, "cpu": 2.0}, 50: {"rss": 180.0, "cpu": 8.0}}
    measured = {size: sessions(document_path(size), RUNS) for size in sizes}
    busy: dict[int, BusyKeys] = {}
    for size in sizes:
        busy[size] = BusyKeys(f"{size} MB")
        for round_ in range(BUSY_RUNS):
            progress(f"keys while busy, {size} MB, round {round_ + 1} of {BUSY_RUNS}")
            busy_keys(document_path(size), busy[size])
    rows = [first_frame_row("sample", frames["sample"], 0.10)]
    for size in sizes:
        rows.extend(
            session_rows(f"{size} MB", measured[size], 0.10 if size == 10 else 0.15, limits[size])
        )
        rows.extend(busy_rows(f"{size} MB", busy[size]))
    ten = median(measured[10]["reader"].first_frame_s)
    for label in ("10 MB hard-wrapped English", "10 MB hard-wrapped Chinese", "10 MB Markdown"):
        limit = None if ten is None else round(ten * 1.1, 2)
        rows.append(
            first_frame_row(f"{label} (target: the 10 MB's + 10 %)", frames[label], None, limit)
        )
    for size in sizes:
        progress(f"burst of 50 PageDowns, {size} MB")
        landed = burst_lands(document_path(size))
        rows.append(
            Row(
                f"burst of 50 PageDowns, {size} MB (tmux)",
                "all landed" if landed else "keys lost",
                target="all 50 land",
                met=landed,
            )
        )
    points = growth([1, 10, 25] if quick else [1, 10, 25, 50, 100], measured)
    outline = next((p.outline_s for p in points if p.megabytes == 50), None)
    if outline is not None:
        rows.append(
            Row(
                "`reader outline`, 50 MB (wall, end to end)",
                spread_text(outline, "s"),
                target="≤ 1.0 s",
                met=at_most(outline, 1.0),
            )
        )
    floor = median(measured[10]["bare Textual"].rss_tree_mb)
    raw: dict[str, object] = {
        "first_frames": frames,
        "sessions": {s: {p: asdict(f) for p, f in m.items()} for s, m in measured.items()},
        "busy_keys": {s: asdict(b) for s, b in busy.items()},
        "growth": [asdict(p) for p in points],
    }
    return side_by_side(rows), growth_table(points, floor), raw


def model_table(rows: list[Row]) -> str:
    lines = ["| what | measured | target | |", "|---|---|---|---|"]
    for r in rows:
        mark = "" if r.met is None else ("ok" if r.met else "MISSED")
        lines.append(f"| {r.what} | {r.reader} | {r.target} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if "--readme" in argv:
        readme = ROOT / "README.md"
        readme.write_text(replace_between(readme.read_text(), BEGIN, END, REPORT.read_text()))
        print(f"README.md: Performance from {REPORT}")
        return 0
    quick = "--quick" in argv
    global RUNS, BUSY_RUNS, GROWTH_RUNS
    for arg in argv:
        if arg.startswith("--runs="):
            RUNS = BUSY_RUNS = int(arg.split("=", 1)[1])
            GROWTH_RUNS = dict.fromkeys(GROWTH_RUNS, RUNS)
    began = time.perf_counter()
    before = load()
    progress(f"load average before: {before}")
    steps: list[tuple[str, Callable[[], object]]] = []
    terminal: tuple[str, str, dict[str, object]] = ("", "", {})
    model: list[Row] = []

    def run_terminal() -> None:
        nonlocal terminal
        terminal = terminal_part(quick)

    def run_models() -> None:
        progress(
            "model benchmarks (facts, search, wrap, reflow, parse, Markdown, bookmarks, compare)"
        )
        model.extend(model_rows())
        model.extend(compare_rows())

    steps = [("terminal", run_terminal), ("model", run_models)]
    for name, step in steps:
        try:
            step()
        except (RuntimeError, subprocess.SubprocessError, OSError) as error:
            model.append(Row(f"(the {name} benchmarks failed)", str(error)[:200], met=False))
    minutes = (time.perf_counter() - began) / 60
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = "\n".join(
        [
            f"Measured {date} by `make bench{' --quick' if quick else ''}` in {minutes:.1f} min on "
            f"{machine()}; load average before {before}, after {load()}.",
            "",
            terminal[0],
            "",
            "bare Textual is one `Static` in the first-frame rows, reader's three panes with "
            "nothing behind them in the others.",
            "",
            "Growth curve (reader; the floor is bare Textual's peak RSS at 10 MB):",
            "",
            terminal[1],
            "",
            "Model benchmarks (CPU, in-process; each script in `bench/` says more):",
            "",
            model_table(model),
        ]
    )
    print(report)
    DATA.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report + "\n")
    (DATA / "last-run.json").write_text(json.dumps(terminal[2], ensure_ascii=False, indent=1))
    progress(f"kept in {REPORT}; `make bench-readme` puts it in README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
