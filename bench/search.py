"""Search speed on the sample repeated to ~10 MB.

Run: ``.venv/bin/python bench/search.py [megabytes]``. For the literal 苏州 and the
regex ``\\d+个`` prints the time to the first 100 matches (target: 100 ms), to
the full count (target: 1 s), and to the full count through ``iter_chunks``
(what a cancellable worker does).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from gen import generate_text

from reader.model.find.search import Query, compile_query, find_all, iter_chunks


def timed(function: Callable[[], object]) -> float:
    """Best CPU time of 5 runs of ``function()``, in milliseconds."""
    best = float("inf")
    for _ in range(5):
        began = time.process_time()
        function()
        best = min(best, time.process_time() - began)
    return best * 1000


def main(megabytes: float) -> None:
    """Time the two queries and print the figures."""
    text = generate_text(megabytes)
    print(f"text: {len(text.encode('utf-8')) / 1e6:.1f} MB, {len(text):,} characters")
    for query in (Query("苏州"), Query(r"\d+个", regex=True)):
        pattern = compile_query(query)
        count = len(find_all(text, pattern)[0])
        chunks = sum(len(starts) for starts, _ in iter_chunks(text, pattern))
        assert chunks == count
        first = timed(lambda: find_all(text, pattern, limit=100))  # noqa: B023
        full = timed(lambda: find_all(text, pattern))  # noqa: B023
        chunked = timed(lambda: sum(1 for _ in iter_chunks(text, pattern)))  # noqa: B023
        print(
            f"{query.text!r:>10}: {count:,} matches; first 100 in {first:.2f} ms, "
            f"all in {full:.0f} ms, all by 1M-character chunks in {chunked:.0f} ms"
        )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
