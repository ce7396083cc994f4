"""Benchmark: fact extraction speed on the sample repeated to 10 MB (in memory).

Run: ``.venv/bin/python bench/facts.py [megabytes]``. Prints MB/s (UTF-8 bytes of
the text divided by the wall time of ``extract_facts``; parsing is not timed).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.model.facts import extract_facts
from reader.model.parse import parse

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e3e3ef0b6fd35ab0.txt"


def main(megabytes: float = 10.0) -> None:
    """Build a text of about ``megabytes`` MB from the sample and time the extractor."""
    sample = SEED.read_text(encoding="utf-8") + "\n\n"
    size = len(sample.encode("utf-8"))
    text = sample * max(1, int(megabytes * 1_000_000 / size))
    total = len(text.encode("utf-8")) / 1_000_000
    document = parse(text)
    started = time.perf_counter()
    facts = extract_facts(document)
    elapsed = time.perf_counter() - started
    mentions = sum(len(f.mentions) for f in facts)
    print(f"{total:.1f} MB, {len(facts)} facts, {mentions} mentions, {elapsed:.2f} s")
    print(f"{total / elapsed:.1f} MB/s")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
