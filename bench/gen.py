"""Generate the benchmark documents: the sample repeated, with numbered headings.

`python bench/gen.py [MB ...]` writes bench/data/sample-<MB>mb.txt (default 10 and 50).
``markdown_path`` writes the same sample as Markdown, bench/data/sample-<MB>mb.md.
The files are made on demand and never committed (bench/data/ is ignored).

Two hard-wrapped documents measure the reflow (``wrapped_path``): English as
Project Gutenberg lays it out (paragraphs wrapped at 72 columns with blank lines
between, ``CHAPTER N.`` headings) and Chinese as ``.txt`` novels do (each paragraph
opened by ``　　``, lines cut every 38 characters, no blank lines, ``第N章``).
The English words are drawn from a fixed list with a fixed seed, so every run
measures the same text.
"""

from __future__ import annotations

import random
import sys
import textwrap
from collections.abc import Callable
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


def _made(path: Path, make: Callable[[], str]) -> Path:
    """``path``, written from ``make()`` when missing (whole or not at all)."""
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(make(), encoding="utf-8")
        tmp.replace(path)
    return path


def document_path(megabytes: int) -> Path:
    """The generated file for ``megabytes``, made when missing."""
    return _made(DATA / f"sample-{megabytes}mb.txt", lambda: generate_text(megabytes))


_WORDS = (
    "the of and to a in that was he it his her with as had for she you not at on be but "
    "said all have by they so were from this which what one there would their when if "
    "could him them been into then more no time little upon out very about some two "
    "before up who looked thought nothing herself himself again after great other way "
    "might every garden house queen rabbit turtle morning evening river question answer "
    "remarkable conversation considering beautiful certainly presently immediately"
).split()


def _english_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 7)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 24))]
        sentences.append(" ".join(words).capitalize() + rng.choice(".....?!"))
    return " ".join(sentences)


def generate_wrapped_english(megabytes: float) -> str:
    """Gutenberg-style English: 72-column paragraphs, blank lines, chapter headings."""
    rng = random.Random(12)
    target = int(megabytes * 1024 * 1024)
    parts = ["THE BENCH BOOK\n\nby Nobody\n\n\n"]
    size = len(parts[0])
    number = 0
    while size < target:
        number += 1
        block = [f"\n\nCHAPTER {number}.\n\n"]
        for _ in range(40):
            block.append(textwrap.fill(_english_paragraph(rng), 72) + "\n\n")
        chunk = "".join(block)
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts)


def generate_wrapped_chinese(megabytes: float, width: int = 38) -> str:
    """A ``.txt`` novel layout: ``　　`` paragraph starts, lines cut every ``width``
    characters, no blank lines; the sample's paragraphs under ``第N章`` headings."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    paragraphs = [line.strip() for line in lines[4:] if len(line.strip()) > 20]
    body_lines: list[str] = []
    for paragraph in paragraphs:
        text = "\u3000\u3000" + paragraph
        body_lines.extend(text[i : i + width] for i in range(0, len(text), width))
    body = "\n".join(body_lines) + "\n"
    target = int(megabytes * 1024 * 1024)
    body_bytes = len(body.encode("utf-8"))
    parts = ["以优良作风谱写中国梦\n"]
    size = len(parts[0].encode("utf-8"))
    number = 0
    while size < target:
        number += 1
        heading = f"第{number}章　以优良作风谱写中国梦\n"
        parts.append(heading)
        parts.append(body)
        size += len(heading.encode("utf-8")) + body_bytes
    return "".join(parts)


def wrapped_path(megabytes: int, language: str) -> Path:
    """The hard-wrapped ``"en"`` or ``"zh"`` document of ``megabytes``, made when missing."""
    make = generate_wrapped_english if language == "en" else generate_wrapped_chinese
    return _made(DATA / f"wrapped-{language}-{megabytes}mb.txt", lambda: make(megabytes))


def generate_markdown(megabytes: float) -> str:
    """The sample as Markdown, repeated to ``megabytes``: front matter, then each copy
    under a ``##`` heading, its paragraphs apart, with strong text, a link, a list,
    a table and a code block in every copy."""
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n")[4:] if line.strip()]
    extra = (
        "- **第一项** 以[优良作风](https://example.com/zuofeng)谱写新篇\n"
        "- 第二项 `代码` 与 *强调*\n\n"
        "| 项目 | 数量 |\n|:--|--:|\n| 督导组 | 12 |\n| 活动 | 3 |\n\n"
        "```\n# 注释，不是标题\nprint('苏州')\n```\n\n"
    )
    body = "\n\n".join(lines) + "\n\n" + extra
    target = int(megabytes * 1024 * 1024)
    parts = [
        "---\ntitle: 以优良作风谱写中国梦\ndate: 2014-07-22\n---\n\n# 以优良作风谱写中国梦\n\n"
    ]
    size = len(parts[0].encode("utf-8"))
    body_bytes = len(body.encode("utf-8"))
    number = 0
    while size < target:
        number += 1
        heading = f"## {number}. 第{number}篇 以优良作风谱写中国梦\n\n"
        parts.append(heading + body)
        size += len(heading.encode("utf-8")) + body_bytes
    return "".join(parts)


def markdown_path(megabytes: int) -> Path:
    """The generated Markdown file for ``megabytes``, made when missing."""
    return _made(DATA / f"sample-{megabytes}mb.md", lambda: generate_markdown(megabytes))


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["10", "50"]:
        print(document_path(int(arg)))
