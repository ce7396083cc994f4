"""Wrap speed and kinsoku violations on the sample repeated to ~10 MB.

Run: ``.venv/bin/python bench/wrap.py [megabytes]``. For widths 80 and 40 prints
MB/s (UTF-8 bytes of the text per CPU second, best of 5, of
:func:`reader.model.layout.wrap.wrap_text`
over every line-paragraph), the line count, and the violations an independent
checker finds (it must print 0): a line starting with closing punctuation, a
line ending with opening punctuation, a split "——"/"……", or a line wider than the
width by Rich's own count.
"""

from __future__ import annotations

import sys
import time
from array import array

from gen import generate_text
from rich.cells import cell_len as rich_cell_len

from reader.model.layout.wrap import wrap_text

NO_START = frozenset("，。、；：？！”’）》」』】…·％,.;:?!)]}%")
NO_END = frozenset("“‘（《「『【([{")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """One span per line of ``text`` (newlines excluded)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def violations(text: str, spans: list[tuple[int, int]], starts: array[int], width: int) -> int:
    """Count rule breaks in the wrapped text, without using the wrapper's own rules."""
    bad = 0
    k = 0
    for start, end in spans:
        first = k
        while k + 1 < len(starts) and start < starts[k + 1] < end:
            k += 1
        bounds = [*starts[first + 1 : k + 1], end]
        lines = [text[a:b] for a, b in zip(starts[first : k + 1], bounds, strict=True)]
        k += 1
        for i, line in enumerate(lines):
            visible = line.rstrip(" ")
            if rich_cell_len(visible) > width:
                bad += 1
            if i > 0 and (line[0] in NO_START or line.startswith("—") and lines[i - 1][-1] == "—"):
                bad += 1
            if i < len(lines) - 1 and visible and visible[-1] in NO_END:
                bad += 1
    return bad


def main(megabytes: float) -> None:
    """Wrap the generated text at widths 80 and 40 and print the figures."""
    text = generate_text(megabytes)
    spans = paragraph_spans(text)
    size = len(text.encode("utf-8")) / 1e6
    print(f"text: {size:.1f} MB, {len(text):,} characters, {len(spans):,} paragraphs")
    for width in (80, 40):
        best = float("inf")
        # CPU time, best of 5: the machine is shared, wall time is noisy.
        for _ in range(5):
            began = time.process_time()
            starts = wrap_text(text, spans, width)
            best = min(best, time.process_time() - began)
        bad = violations(text, spans, starts, width)
        print(
            f"width {width}: {size / best:6.1f} MB/s ({best * 1000:.0f} ms), "
            f"{len(starts):,} lines, {bad} violations"
        )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
