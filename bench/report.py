"""The bench's terminal rows and growth curve as Markdown tables, from measured figures.

Every figure is a median with its min–max and run count (stats.spread_text); a row's
target is checked against reader's median. Nothing here measures anything.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from stats import figure, fit_line, spread_text


@dataclass(frozen=True)
class Row:
    """One line of a side-by-side table."""

    what: str
    reader: str
    less: str = "—"
    bare: str = "—"
    target: str = "—"
    met: bool | None = None


def mark(met: bool | None) -> str:
    return "" if met is None else ("ok" if met else "MISSED")


def side_by_side(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table: reader, less, bare Textual, target, met."""
    lines = [
        "| what | reader | less | bare Textual | target | |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.what} | {r.reader} | {r.less} | {r.bare} | {r.target} | {mark(r.met)} |"
        )
    return "\n".join(lines)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def at_most(values: Sequence[float], limit: float | None) -> bool | None:
    """Whether the median of ``values`` is at most ``limit`` (None: nothing to judge)."""
    middle = median(values)
    if limit is None:
        return None
    return middle is not None and middle <= limit


def first_frame_row(
    label: str, frames: dict[str, list[float]], slack: float | None, limit: float | None = None
) -> Row:
    """First frame: reader's median within ``slack`` s of bare Textual's (or ``limit``)."""
    bare = median(frames.get("bare Textual", []))
    if limit is None and slack is not None and bare is not None:
        limit = bare + slack
    target = (
        f"≤ bare + {slack:g} s ({figure(limit)} s)"
        if slack is not None and limit is not None
        else (f"≤ {figure(limit)} s" if limit is not None else "—")
    )
    return Row(
        f"first frame, {label}",
        spread_text(frames.get("reader", []), "s"),
        spread_text(frames.get("less", []), "s"),
        spread_text(frames.get("bare Textual", []), "s"),
        target,
        at_most(frames.get("reader", []), limit),
    )


def not_slower(during: Sequence[float], after: Sequence[float]) -> bool | None:
    """Keys during the busy period no slower than after it: median within 10 % or 2 ms."""
    slow, calm = median(during), median(after)
    if slow is None or calm is None:
        return None
    return slow <= max(calm * 1.1, calm + 2)


@dataclass(frozen=True)
class Growth:
    """reader at one size of the growth curve."""

    megabytes: int
    characters: int
    first_frame_s: list[float]
    rss_alone_mb: list[float]
    rss_tree_mb: list[float]
    outline_s: list[float]


def growth_table(points: Sequence[Growth], floor_mb: float | None) -> str:
    """The growth curve: a row a size, then the fitted slopes and the first frame's rise."""
    lines = [
        "| size | characters | first frame | peak RSS, reader | peak RSS, reader + children "
        "| over the floor, per character | `reader outline` |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in points:
        tree = median(p.rss_tree_mb)
        per_char = (
            f"{(tree - floor_mb) * 1024 * 1024 / p.characters:.1f} B"
            if tree is not None and floor_mb is not None
            else "—"
        )
        lines.append(
            f"| {p.megabytes} MB | {p.characters:,} | {spread_text(p.first_frame_s, 's')} "
            f"| {spread_text(p.rss_alone_mb, 'MB')} | {spread_text(p.rss_tree_mb, 'MB')} "
            f"| {per_char} | {spread_text(p.outline_s, 's')} |"
        )
    lines.append("")
    lines.extend(growth_summary(points))
    return "\n".join(lines)


def growth_summary(points: Sequence[Growth]) -> list[str]:
    """The slopes of RSS per character (least squares over the sizes' medians) and
    how far the first frame rises from the smallest size to the largest."""
    out: list[str] = []
    for label, sizes in (
        ("reader + children", [(p.characters, p.rss_tree_mb) for p in points]),
        ("reader alone", [(p.characters, p.rss_alone_mb) for p in points]),
    ):
        usable = [(chars, median(rss)) for chars, rss in sizes if rss]
        if len(usable) >= 2:
            line = fit_line([c for c, _ in usable], [(m or 0.0) * 1024 * 1024 for _, m in usable])
            met = "ok" if line.slope <= 8 else "MISSED"
            out.append(
                f"- RSS slope, {label}: {line.slope:.1f} bytes per character "
                f"(least squares over {len(usable)} sizes; target ≤ 8) {met}"
            )
    frames = [(p.megabytes, median(p.first_frame_s)) for p in points if p.first_frame_s]
    if len(frames) >= 2:
        (small, first), (large, last) = frames[0], frames[-1]
        assert first is not None and last is not None
        rise = last - first
        met = "ok" if rise <= 0.1 else "MISSED"
        out.append(
            f"- first frame from {small} MB to {large} MB: {figure(first)} s → {figure(last)} s, "
            f"{'+' if rise >= 0 else ''}{rise:.2f} s (target flat, ≤ +0.1 s) {met}"
        )
        line = fit_line(
            [float(p.megabytes) for p in points if p.first_frame_s],
            [statistics.median(p.first_frame_s) for p in points if p.first_frame_s],
        )
        out.append(f"- first frame slope: {line.slope * 1000:.1f} ms per MB")
    outlines = [(p.megabytes, median(p.outline_s)) for p in points if p.outline_s]
    if len(outlines) >= 2:
        line = fit_line([float(m) for m, _ in outlines], [s or 0.0 for _, s in outlines])
        out.append(f"- `reader outline` slope: {line.slope * 1000:.1f} ms per MB")
    return out
