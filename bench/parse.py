"""Parse speed: the sample repeated to ~10 MB with 一、-style headings, plus hostile shapes.

Run: ``.venv/bin/python bench/parse.py [megabytes]``. Prints MB/s (UTF-8 bytes of
the text per second of :func:`reader.model.structure.parse.parse`) and the time of each
hostile shape.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.model.structure.parse import parse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"
_NUMERALS = "一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1..99 as a Chinese numeral (一, 十, 十一, 二十一 ...)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + ("" if ones == 0 else _NUMERALS[ones - 1])


def numbered_document(megabytes: float) -> str:
    """The sample's body repeated, each copy under a ``N、`` heading, to ``megabytes``."""
    body = SEED.read_text(encoding="utf-8").split("\n", 4)[4]
    parts: list[str] = [SEED.read_text(encoding="utf-8").split("\n", 4)[0] + "\n"]
    size = 0
    n = 0
    while size < megabytes * 1_000_000:
        n += 1
        heading = f"{chinese_numeral(n % 99 + 1)}、第{n}部分的工作回顾\n"
        parts.append(heading + body + "\n")
        size += len((heading + body).encode("utf-8"))
    return "".join(parts)


def timed(label: str, make: Callable[[], str]) -> float:
    """Parse ``make()`` three times and print the best time (the machine is shared)."""
    text = make()
    elapsed = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        document = parse(text)
        elapsed = min(elapsed, time.perf_counter() - t0)
    mb = len(text.encode("utf-8")) / 1_000_000
    print(
        f"{label:<36} {mb:7.2f} MB  {elapsed:6.3f} s  {mb / elapsed:7.1f} MB/s  "
        f"{len(document.sections):>7} sections  {len(document.paragraphs):>8} paragraphs"
    )
    return mb / elapsed


def main() -> None:
    """Run the benchmark."""
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    timed("sample + 一、 headings", lambda: numbered_document(megabytes))
    timed("100,000 tiny sections", lambda: "一、标题\n正文一句。\n" * 100_000)
    timed("10,000-char heading-like line", lambda: "一、" + "标" * 10_000 + "\n正文。\n")
    timed("5 MB single line", lambda: "字" * 5_000_000)
    english = "The quick brown fox jumps over the lazy dog and runs far away\n" * 6 + "\n"
    timed("English hard-wrapped, 10 MB", lambda: "TITLE\n\n" + english * (10_000_000 // 380))


if __name__ == "__main__":
    main()
