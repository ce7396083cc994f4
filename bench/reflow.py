"""Benchmark the reflow of hard-wrapped plain text, and what it adds to opening.

`python bench/reflow.py` prints, for the sample, the 10 MB sample (not hard-wrapped)
and the 10 MB hard-wrapped English and Chinese documents (bench/gen.py):

* the reflow alone (best of 3), in MB/s of UTF-8 source, and how many lines it joined;
* opening for the first frame: read, decode, normalize, reflow and parse the head
  (``open_document(path, head=True)``, what `reader FILE` does before it draws),
  best of 3;
* the full parse that follows in the background (once).

Times are CPU seconds of this process (``time.process_time``): on a shared
machine they move far less with the load than wall time does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import SEED, document_path, wrapped_path  # noqa: E402

from reader.model.opening import open_document  # noqa: E402
from reader.model.structure.parse import parse  # noqa: E402
from reader.model.structure.reflow import reflow  # noqa: E402
from reader.model.text.loading import load_path  # noqa: E402


def best(run: object, times: int = 3) -> float:
    """The least CPU time of ``times`` calls of ``run``."""
    fastest = float("inf")
    for _ in range(times):
        began = time.process_time()
        run()  # type: ignore[operator]
        fastest = min(fastest, time.process_time() - began)
    return fastest


def documents() -> list[tuple[str, Path]]:
    return [
        ("sample", SEED),
        ("10 MB", document_path(10)),
        ("10 MB hard-wrapped English", wrapped_path(10, "en")),
        ("10 MB hard-wrapped Chinese", wrapped_path(10, "zh")),
    ]


def main() -> None:
    for label, path in documents():
        text = load_path(path).text
        megabytes = len(text.encode("utf-8")) / 1e6
        displayed, source_map = reflow(text)
        joined = text.count("\n") - displayed.count("\n")
        seconds = best(lambda text=text: reflow(text))  # type: ignore[misc]
        speed = "identity" if source_map.is_identity else f"{megabytes / seconds:.1f} MB/s"
        print(
            f"{label}: reflow {seconds * 1000:.1f} ms CPU ({speed}), "
            f"{joined} line breaks joined or dropped"
        )
        head = best(lambda path=path: open_document(path, head=True))  # type: ignore[misc]
        print(f"{label}: open for the first frame {head * 1000:.1f} ms CPU")
        document = open_document(path, head=True)
        began = time.process_time()
        parse(document.text, path=document.path, displayed=document.source_map)
        print(f"{label}: full parse after it {(time.process_time() - began) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
