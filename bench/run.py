"""`make bench`: every performance target of the project beside its measured figure.

Runs the other bench scripts (each also runs alone and prints more detail) and
the real-terminal benchmark in tmux, then prints one table. The documents are
the sample repeated to 10 MB and 50 MB with numbered headings (bench/gen.py).

`python bench/run.py [--quick]` (--quick skips the 50 MB terminal run).
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
sys.path.insert(0, str(HERE))

from gen import SEED, document_path, markdown_path, wrapped_path  # noqa: E402
from terminal import measure  # noqa: E402


@dataclass
class Row:
    """One line of the table."""

    what: str
    target: str
    figure: str
    met: bool | None


def _script(name: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}:{HERE}"}
    result = subprocess.run(
        [PYTHON, str(HERE / name), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{name} failed: {result.stderr.strip()[-300:]}")
    return result.stdout


def _number(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    if found is None:
        raise RuntimeError(f"no figure matching {pattern!r} in:\n{text}")
    return float(found.group(1).replace(",", ""))


def _at_most(value: float | None, limit: float, unit: str, what: str) -> Row:
    if value is None:
        return Row(what, f"≤ {limit:g} {unit}", "not measured", False)
    return Row(what, f"≤ {limit:g} {unit}", f"{value:g} {unit}", value <= limit)


def _at_least(value: float, limit: float, unit: str, what: str) -> Row:
    return Row(what, f"≥ {limit:g} {unit}", f"{value:g} {unit}", value >= limit)


def terminal_rows(quick: bool) -> list[Row]:
    """First frame, PageDown latency, burst and peak RSS, in tmux 160×45."""
    rows: list[Row] = []
    runs: list[tuple[str, Path, float, float | None]] = [
        ("sample", SEED, 0.45, None),
        ("10 MB", document_path(10), 0.6, 120),
        # Hard-wrapped text is reflowed before the first frame: within 10 % of
        # the unwrapped 10 MB (the limit is set from that run's figure).
        ("10 MB hard-wrapped English", wrapped_path(10, "en"), 0.0, None),
        ("10 MB hard-wrapped Chinese", wrapped_path(10, "zh"), 0.0, None),
        # Markdown is rendered before the first frame (its head): within 10 % too.
        ("10 MB Markdown", markdown_path(10), 0.0, None),
    ]
    if not quick:
        runs.append(("50 MB", document_path(50), 1.0, 400))
    unwrapped: float | None = None
    for label, path, first_limit, rss_limit in runs:
        m = measure(path)
        first = m["first_frame_median_of_3_s"]
        if label == "10 MB" and first is not None:
            unwrapped = float(first)  # type: ignore[arg-type]
        if "hard-wrapped" in label or "Markdown" in label:
            first_limit = round(unwrapped * 1.1, 2) if unwrapped is not None else 0.66
        rows.append(
            _at_most(
                None if first is None else float(first),  # type: ignore[arg-type]
                first_limit,
                "s",
                f"first frame, {label} (tmux, median of 3)",
            )
        )
        if label != "sample":
            rows.append(
                _at_most(
                    m["pagedown_max_ms"],  # type: ignore[arg-type]
                    15,
                    "ms",
                    f"PageDown per key, {label} (max of 20; median {m['pagedown_median_ms']} ms)",
                )
            )
            landed = bool(m["burst_lands_all"])
            rows.append(
                Row(
                    f"burst of 50 PageDowns, {label}",
                    "all 50 land",
                    "all landed" if landed else "keys lost",
                    landed,
                )
            )
        if rss_limit is not None:
            rows.append(
                _at_most(m["peak_rss_mb"], rss_limit, "MB", f"peak RSS, {label}")  # type: ignore[arg-type]
            )
    return rows


def outline_row() -> Row:
    """`reader outline` on 50 MB, end to end, best of 2."""
    path = document_path(50)
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "reader"), "outline", str(path)],
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=120,
        )
        best = min(best, time.perf_counter() - began)
    return _at_most(round(best, 2), 3, "s", "`reader outline`, 50 MB")


def reflow_rows(reflow: str) -> list[Row]:
    """Reflow speed and opening time of the hard-wrapped documents (bench/reflow.py)."""
    rows: list[Row] = []
    for line in reflow.splitlines():
        if "hard-wrapped" in line and ": reflow " in line:
            rows.append(Row(line.split(":")[0] + ", reflow", "—", line.split(": ", 1)[1], None))
    opened = {
        label: _number(rf"{re.escape(label)}: open for the first frame ([\d.]+) ms CPU", reflow)
        for label in ("10 MB", "10 MB hard-wrapped English", "10 MB hard-wrapped Chinese")
    }
    for label in ("10 MB hard-wrapped English", "10 MB hard-wrapped Chinese"):
        rows.append(
            _at_most(
                opened[label],
                round(opened["10 MB"] * 1.1, 1),
                "ms",
                f"open for the first frame (read, reflow, head parse; CPU), {label}",
            )
        )
    return rows


def model_rows() -> list[Row]:
    """Facts, search, wrap and parse speed; bookmark save time."""
    rows: list[Row] = []
    facts = _script("facts.py")
    rows.append(_at_least(_number(r"([\d.]+) MB/s", facts), 5, "MB/s", "facts, 10 MB (CPU)"))
    search = _script("search.py", "10")
    first = _number(r"'\\\\d\+个'.*?first 100 in ([\d.]+) ms", search)
    full = _number(r"'\\\\d\+个'.*?all in ([\d.]+) ms", search)
    rows.append(_at_most(first, 100, "ms", "search `\\d+个`, first 100 matches, 10 MB"))
    rows.append(_at_most(full, 1000, "ms", "search `\\d+个`, full count, 10 MB"))
    wrap = _script("wrap.py")
    rows.append(_at_least(_number(r"width 80:\s+([\d.]+) MB/s", wrap), 5, "MB/s", "wrap, width 80"))
    rows.extend(reflow_rows(_script("reflow.py")))
    parse = _script("parse.py")
    rows.append(Row("parse, 10 MB (for reference)", "—", _first_line(parse), None))
    rendering = _script("markdown.py", "10")
    for label in ("plain", "markdown"):
        line = next((x for x in rendering.splitlines() if x.startswith(label)), "?")
        rows.append(Row(f"open 10 MB {label} (for reference)", "—", line[9:].strip(), None))
    marks = _script("bookmarks.py")
    save = _number(r"10,000 in the store: median ([\d.]+) ms", marks)
    rows.append(_at_most(save, 20, "ms", "save a bookmark, 10,000 in store (median)"))
    warm = _number(r"load 50,00\d bookmarks, warm: ([\d.]+) ms wall", marks)
    rows.append(_at_most(warm, 1000, "ms", "load 50,000 bookmarks"))
    return rows


def compare_rows() -> list[Row]:
    """Comparing two editions: 100 KB and 5 MB pairs (CPU), and the screen's first frame."""
    out = _script("compare.py")
    rows: list[Row] = []
    for label, limit in (("100kb", 1.0), ("5mb", 5.0)):
        cpu = _number(rf"compare {label}: ([\d.]+) s CPU", out)
        shown = _number(rf"compare {label}: .*comparison shown ([\d.]+) s", out)
        rows.append(
            _at_most(cpu, limit, "s", f"compare two editions, {label} (CPU; shown after {shown} s)")
        )
    return rows


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if "MB/s" in line:
            return line.strip()
    return text.strip().splitlines()[0] if text.strip() else "?"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| what | target | measured | |", "|---|---|---|---|"]
    for row in rows:
        mark = "" if row.met is None else ("ok" if row.met else "MISSED")
        lines.append(f"| {row.what} | {row.target} | {row.figure} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    steps: list[Callable[[], list[Row]]] = [
        lambda: terminal_rows(quick),
        lambda: [outline_row()],
        model_rows,
        compare_rows,
    ]
    rows: list[Row] = []
    for step in steps:
        try:
            rows.extend(step())
        except (RuntimeError, subprocess.SubprocessError, OSError) as error:
            rows.append(Row("(a benchmark failed)", "—", str(error)[:120], False))
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
