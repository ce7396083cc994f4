"""The model rows of `make bench`: facts, search, wrap, reflow, parse, Markdown,
bookmarks and compare, each from the script in bench/ that measures it (CPU, in
process; best-of figures as each script says).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from report import Row

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable


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
        return Row(what, "not measured", target=f"≤ {limit:g} {unit}", met=False)
    return Row(what, f"{value:g} {unit}", target=f"≤ {limit:g} {unit}", met=value <= limit)


def _at_least(value: float, limit: float, unit: str, what: str) -> Row:
    return Row(what, f"{value:g} {unit}", target=f"≥ {limit:g} {unit}", met=value >= limit)


def reflow_rows(reflow: str) -> list[Row]:
    """Reflow speed and opening time of the hard-wrapped documents (bench/reflow.py)."""
    rows: list[Row] = []
    for line in reflow.splitlines():
        if "hard-wrapped" in line and ": reflow " in line:
            rows.append(Row(line.split(":")[0] + ", reflow", line.split(": ", 1)[1]))
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
    rows.append(Row("parse, 10 MB (for reference)", _first_line(parse)))
    rendering = _script("markdown.py", "10")
    for label in ("plain", "markdown"):
        line = next((x for x in rendering.splitlines() if x.startswith(label)), "?")
        rows.append(Row(f"open 10 MB {label} (for reference)", line[9:].strip()))
    marks = _script("bookmarks.py")
    save = _number(r"10,000 in the store: median ([\d.]+) ms", marks)
    rows.append(_at_most(save, 20, "ms", "save a bookmark, 10,000 in store (median)"))
    warm = _number(r"load 50,00\d bookmarks, warm: ([\d.]+) ms wall", marks)
    rows.append(_at_most(warm, 1000, "ms", "load 50,000 bookmarks"))
    return rows


def compare_rows() -> list[Row]:
    """Comparing two editions, 100 KB and 5 MB pairs: on screen within the issue's
    time (1 s, 5 s) and no UI stall over 50 ms; the CPU of the comparison beside."""
    out = _script("compare.py")
    rows: list[Row] = []
    for label, limit in (("100kb", 1.0), ("5mb", 5.0)):
        cpu = _number(rf"compare {label}: ([\d.]+) s CPU", out)
        shown = _number(rf"compare {label}: .*comparison shown ([\d.]+) s", out)
        stall = _number(rf"compare {label}: .*longest UI stall ([\d.]+) ms", out)
        what = f"compare two editions, {label}: comparison on screen; longest UI stall"
        target = f"≤ {limit:g} s; ≤ {STALL_MS} ms"
        if shown is None or stall is None:
            rows.append(Row(what, "not measured", target=target, met=False))
            continue
        rows.append(
            Row(
                what,
                f"{shown:g} s; {stall:g} ms (comparison CPU {cpu} s)",
                target=target,
                met=shown <= limit and stall <= STALL_MS,
            )
        )
    return rows


STALL_MS = 50
"""The longest the UI may stop answering (the issue's "without freezing the UI")."""


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if "MB/s" in line:
            return line.strip()
    return text.strip().splitlines()[0] if text.strip() else "?"
