"""Benchmark: fact extraction speed on the sample repeated to 10 MB (in memory).

Run: ``.venv/bin/python bench/facts.py [megabytes]``. Prints MB/s: UTF-8 bytes of
the text divided by the CPU time of ``extract_facts`` (best of three; parsing is
not timed), and the peak memory the extraction allocated (``tracemalloc``, one
extra run, since tracing slows it down).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e3e3ef0b6fd35ab0.txt"


def main(megabytes: float = 10.0) -> None:
    """Build a text of about ``megabytes`` MB from the sample and time the extractor."""
    sample = SEED.read_text(encoding="utf-8") + "\n\n"
    size = len(sample.encode("utf-8"))
    text = sample * max(1, int(megabytes * 1_000_000 / size))
    total = len(text.encode("utf-8")) / 1_000_000
    document = parse(text)
    best = float("inf")
    facts: tuple[object, ...] = ()
    for _ in range(3):
        # CPU time, not wall time: other work on a shared machine must not count.
        started = time.process_time()
        facts = extract_facts(document)
        best = min(best, time.process_time() - started)
    mentions = sum(len(f.mentions) for f in extract_facts(document))
    tracemalloc.start()
    extract_facts(document)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{total:.1f} MB, {len(facts)} facts, {mentions} mentions, {best:.2f} s CPU (best of 3)")
    print(f"{total / best:.1f} MB/s, peak {peak / 1_000_000:.0f} MB allocated while extracting")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
