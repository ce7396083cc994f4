"""Generate the benchmark documents: the sample repeated, with numbered headings.

`python bench/gen.py [MB ...]` writes bench/data/sample-<MB>mb.txt (default 10 and 50).
The files are made on demand and never committed (bench/data/ is ignored).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"
DATA = ROOT / "bench" / "data"


def generate_text(megabytes: float) -> str:
    """The sample's header once, then its body repeated under numbered headings
    until the UTF-8 size reaches ``megabytes``."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    header, body = lines[:4], "\n".join(lines[4:]) + "\n"
    target = int(megabytes * 1024 * 1024)
    body_bytes = len(body.encode("utf-8"))
    parts = ["\n".join(header) + "\n"]
    size = len(parts[0].encode("utf-8"))
    number = 0
    while size < target:
        number += 1
        heading = f"{number}. 第{number}篇 以优良作风谱写中国梦\n"
        parts.append(heading)
        parts.append(body)
        size += len(heading.encode("utf-8")) + body_bytes
    return "".join(parts)


def document_path(megabytes: int) -> Path:
    """The generated file for ``megabytes``, made when missing."""
    path = DATA / f"sample-{megabytes}mb.txt"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(generate_text(megabytes), encoding="utf-8")
        tmp.replace(path)
    return path


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["10", "50"]:
        print(document_path(int(arg)))
