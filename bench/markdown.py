"""Markdown rendering as part of opening: the 10 MB sample as Markdown beside the plain one.

Run: ``.venv/bin/python bench/markdown.py [megabytes]``. For each document it
prints the best of three of the head-only parse the app shows first
(``parse_head``), of the full parse that is swapped in after it (for Markdown:
rendering included), and of wrapping every paragraph at 80 cells (the layout
the reading pane refines in the background).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import document_path, markdown_path  # noqa: E402

from reader.model.structure.parse import parse, parse_head  # noqa: E402
from reader.model.text.loading import load_path  # noqa: E402
from reader.view.layout_index import LayoutIndex  # noqa: E402
from reader.view.paragraph_table import table_of  # noqa: E402


def best(work: Callable[[], object], runs: int = 3) -> float:
    """The best wall time of ``runs`` calls (the machine is shared)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def measure(label: str, path: Path) -> None:
    """Print the head parse, full parse and full wrap of one document."""
    text = load_path(path).text
    name = str(path)
    head = best(lambda: parse_head(text, path=name))
    full = best(lambda: parse(text, path=name))
    document = parse(text, path=name)

    def wrap_all() -> None:
        index = LayoutIndex(document.text, table_of(document), 80)
        while index.wrap_next_chunk(1 << 20):
            pass

    wrap = best(wrap_all, 1)
    size = path.stat().st_size / 1_000_000
    print(
        f"{label:<9} {size:6.2f} MB  head parse {head * 1000:7.1f} ms  "
        f"full parse {full:6.2f} s ({size / full:5.2f} MB/s)  "
        f"wrap all at 80 {wrap:6.2f} s  {len(document.paragraphs)} paragraphs"
    )


def main() -> None:
    """Run the benchmark."""
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    import markdown_it  # noqa: F401 - imported by the app before the parse; not timed
    import yaml  # noqa: F401

    measure("plain", document_path(megabytes))
    measure("markdown", markdown_path(megabytes))


if __name__ == "__main__":
    main()
