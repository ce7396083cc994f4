"""Pure helpers of the bench: spreads of runs, a line fit, the README between markers,
escape-free text of a terminal stream, and a process tree from /proc's parent ids.

No I/O and no timing here: tests/test_bench_stats.py checks each of them.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Spread:
    """Several measurements of one figure: their median, least and greatest."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread | None:
        """The spread of ``values``; None when there are none."""
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))

    def format(self, unit: str, scale: float = 1.0) -> str:
        """``"0.56 s (0.51–0.70, n=5)"``: the median, then min–max and the count."""
        median, low, high = (figure(v * scale) for v in (self.median, self.low, self.high))
        return f"{median} {unit} ({low}–{high}, n={self.runs})"


def figure(value: float) -> str:
    """Three significant digits, without an exponent: 0.0123, 0.560, 1.23, 12.3, 123, 1234."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    if magnitude >= 0.1:
        return f"{value:.3f}"
    return f"{value:.3g}"


def spread_text(values: Sequence[float], unit: str, scale: float = 1.0) -> str:
    """``Spread.format`` of ``values``, or ``"not measured"`` when there are none."""
    spread = Spread.of(values)
    return "not measured" if spread is None else spread.format(unit, scale)


@dataclass(frozen=True)
class Line:
    """A least-squares line y = slope·x + intercept."""

    slope: float
    intercept: float


def fit_line(xs: Sequence[float], ys: Sequence[float]) -> Line:
    """The least-squares line through the points (at least two distinct x)."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("a line needs two points or more, as many x as y")
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        raise ValueError("a line needs two distinct x")
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return Line(slope, mean_y - slope * mean_x)


def replace_between(text: str, begin: str, end: str, body: str) -> str:
    """``text`` with what lies between the marker lines ``begin`` and ``end`` replaced.

    The markers stay; the body sits on its own lines between them. Raises
    ValueError unless each marker occurs exactly once, ``begin`` first.
    """
    if text.count(begin) != 1 or text.count(end) != 1:
        raise ValueError(f"expected one {begin!r} and one {end!r}")
    head, rest = text.split(begin)
    if end not in rest:
        raise ValueError(f"{end!r} comes before {begin!r}")
    _, tail = rest.split(end)
    return f"{head}{begin}\n{body.strip(chr(10))}\n{end}{tail}"


# CSI (cursor moves, colours, modes), OSC (titles, up to BEL or ST), character
# set designations, two-byte escapes.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()*+].|\x1b[@-Z\\-_=>78]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def visible_text(stream: str) -> str:
    """What a terminal stream writes, without escape sequences and control characters.

    Runs of text that a program draws with several styles on one row join up
    again, so a phrase of the document is found whatever its colours.
    """
    return _CONTROL.sub("", _ESCAPE.sub("", stream))


def probe_of(lines: Iterable[str], length: int = 6) -> str:
    """The first ``length`` characters of the document's first body paragraph.

    A body paragraph is a line longer than 40 characters (20 for texts cut into
    short lines) that is indented or follows a blank line: the start of a
    paragraph, so every program shows it at the start of a row (not a title,
    which a program may show elsewhere first).
    """
    kept = list(lines)
    for least in (40, 20):
        previous = ""
        for line in kept:
            stripped = line.strip()
            starts = line[:1].isspace() or not previous.strip()
            if len(stripped) > least and starts:
                return stripped[:length]
            previous = line
    raise ValueError("no body paragraph in the document's head")


def process_tree(root: int, parents: Mapping[int, int]) -> list[int]:
    """``root`` and all its descendants, given each process's parent id."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    tree, queue = [], [root]
    while queue:
        pid = queue.pop()
        tree.append(pid)
        queue.extend(children.get(pid, []))
    return sorted(tree)


def stat_fields(stat: str) -> tuple[int, int, int, int, int, int]:
    """From a /proc/PID/stat line: ppid, utime, stime, cutime, cstime (ticks), rss (pages).

    The command name, in parentheses, may itself hold spaces and parentheses:
    fields are counted after its last ``)``.
    """
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is the state (field 3 of proc(5)); ppid is field 4, utime 14 ... rss 24.
    return (
        int(fields[1]),
        int(fields[11]),
        int(fields[12]),
        int(fields[13]),
        int(fields[14]),
        int(fields[21]),
    )
