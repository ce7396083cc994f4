"""Hostile and oddly encoded files, generated at test time (nothing large is committed).

Each generator returns bytes (and, where the result is known, the text a loader
must produce); ``write_*`` helpers put special files (FIFO, symlinks, ...) into a
folder the test owns.
"""

from __future__ import annotations

import gzip
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"

TRADITIONAL = (
    "「臺灣新聞」報導：行政院今天召開會議，討論明年的預算與交通建設計畫。\n"
    "院長表示，政府將繼續推動經濟發展，並照顧弱勢族群的生活；"
    "他說：「我們會聽取各界的意見。」\n"
    "\n"
    "一、經濟發展\n"
    "今年上半年的出口成長百分之十二，是近十年來最好的表現。\n"
)
"""A Traditional Chinese text written for the tests: every character is in Big5."""

ENGLISH = "It was the best of times.\nIt was the worst of times.\n"


def sample_text() -> str:
    """The bundled sample, decoded."""
    return SEED.read_text(encoding="utf-8")


SAMPLE_ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16-le-bom": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-16-be": lambda text: text.encode("utf-16-be"),
    "utf-32-bom": lambda text: text.encode("utf-32"),
}
"""Ways to encode a text; each must decode back to exactly the same text."""


def crlf(text: str) -> bytes:
    """``text`` in UTF-8 with CRLF line ends."""
    return text.replace("\n", "\r\n").encode("utf-8")


def lone_cr(text: str) -> bytes:
    """``text`` in UTF-8 with old Mac CR line ends."""
    return text.replace("\n", "\r").encode("utf-8")


def mixed_endings(text: str) -> bytes:
    """``text`` in UTF-8 with LF, CRLF and CR line ends in turn."""
    lines = text.split("\n")
    ends = ("\n", "\r\n", "\r")
    out = [line + ends[i % 3] for i, line in enumerate(lines[:-1])]
    return ("".join(out) + lines[-1]).encode("utf-8")


def sprinkled_invalid(text: str, *, seed: int = 7, every: int = 150) -> tuple[bytes, str]:
    """UTF-8 with a lone invalid byte (0xFF or 0x80) after every ``every`` characters.

    Returns:
        The bytes, and the text a loader must give: U+FFFD for each bad byte.
    """
    rng = random.Random(seed)
    data = bytearray()
    expected: list[str] = []
    for index in range(0, len(text), every):
        chunk = text[index : index + every]
        data += chunk.encode("utf-8")
        expected.append(chunk)
        if index + every < len(text):
            data.append(rng.choice((0xFF, 0x80)))
            expected.append("\ufffd")
    return bytes(data), "".join(expected)


def gbk_paragraph(text: str) -> bytes:
    """UTF-8 ``text`` whose longest GBK-encodable line is in GBK instead."""
    lines = text.split("\n")
    index = max(
        (i for i, line in enumerate(lines) if _encodes(line, "gbk")),
        key=lambda i: len(lines[i]),
    )
    parts = [line.encode("gbk" if i == index else "utf-8") for i, line in enumerate(lines)]
    return b"\n".join(parts)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def random_bytes(size: int = 4096, *, seed: int = 1) -> bytes:
    """Seeded random bytes."""
    return random.Random(seed).randbytes(size)


def random_bytes_without_nul(size: int = 4096, *, seed: int = 2) -> bytes:
    """Seeded random bytes with no NUL (so the NUL check cannot be what refuses them)."""
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 256) for _ in range(size))


def png() -> bytes:
    """A small valid PNG image (8x8, grey noise)."""
    rng = random.Random(3)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + rng.randbytes(8) for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def gzip_data() -> bytes:
    """The sample, gzip-compressed (a .txt.gz renamed to .txt)."""
    return gzip.compress(SEED.read_bytes(), mtime=0)


def nul_bytes() -> bytes:
    """ASCII text with NUL bytes inside."""
    return b"hello\x00world\x00\x00\x00 text with NULs\n" * 20


ESCAPES = (
    ("clear screen", "\x1b[2J\x1b[H"),
    ("OSC 52 clipboard write", "\x1b]52;c;cm0gLXJmIH4=\x07"),
    ("OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\"),
    ("bell", "\x07"),
    ("DCS", "\x1bP1$r0m\x1b\\"),
    ("8-bit CSI", "\x9b31m"),
    ("cursor position query", "\x1b[6n"),
    ("title set", "\x1b]0;pwned\x1b\\"),
    ("8-bit OSC", "\x9d0;title\x9c"),
    ("keypad mode", "\x1b="),
)
"""Terminal escapes: (what, sequence). None of their characters may survive."""


def terminal_escapes() -> tuple[bytes, str]:
    """UTF-8 text with every escape of ``ESCAPES`` between visible words.

    Returns:
        The bytes, and the text a loader must give (the words, nothing else).
    """
    words = [f"词{i}word{i}" for i in range(len(ESCAPES) + 1)]
    raw = (
        words[0]
        + "".join(seq + word for (_, seq), word in zip(ESCAPES, words[1:], strict=True))
        + "\n"
    )
    return raw.encode("utf-8"), "".join(words) + "\n"


def bidi_and_zero_width() -> tuple[bytes, str]:
    """Text with bidi overrides/isolates, ZWSP and stray BOMs, plus ZWJ emoji.

    Returns:
        The bytes, and the expected text: overrides, isolates, ZWSP and BOMs
        gone; ZWJ, NBSP, U+3000 and tabs kept.
    """
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    raw = (
        "safe\u202etxt.exe\u202c name\u2066isolated\u2069 zero\u200bwidth\ufeff "
        f"{family}\u00a0nbsp\u3000ideographic\ttab\n"
    )
    expected = f"safetxt.exe nameisolated zerowidth {family}\u00a0nbsp\u3000ideographic\ttab\n"
    return raw.encode("utf-8"), expected


def long_line(size: int = 5 * 1024 * 1024) -> bytes:
    """One line of about ``size`` bytes of Chinese text and no newline."""
    unit = "长行没有换行符号".encode()
    return unit * (size // len(unit))


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` and return the path."""
    path = folder / name
    path.write_bytes(data)
    return path


def make_fifo(folder: Path, name: str = "pipe.txt") -> Path:
    """A FIFO nobody writes to: opening it for reading blocks forever."""
    path = folder / name
    os.mkfifo(path)
    return path


def make_dangling_symlink(folder: Path, name: str = "dangling.txt") -> Path:
    """A symlink to a file that does not exist."""
    path = folder / name
    path.symlink_to(folder / "missing-target.txt")
    return path


def make_symlink_loop(folder: Path, name: str = "loop.txt") -> Path:
    """Two symlinks pointing at each other."""
    path = folder / name
    other = folder / f"{name}.other"
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def byte_files() -> dict[str, bytes]:
    """Every hostile file that is plain bytes, by a name fit for a file name."""
    text = sample_text()
    files = {f"sample-{name}.txt": encode(text) for name, encode in SAMPLE_ENCODINGS.items()}
    files.update(
        {
            "big5.txt": TRADITIONAL.encode("big5"),
            "crlf.txt": crlf(text),
            "cr.txt": lone_cr(text),
            "mixed-endings.txt": mixed_endings(text),
            "sprinkled-invalid.txt": sprinkled_invalid(text)[0],
            "gbk-paragraph.txt": gbk_paragraph(text),
            "empty.txt": b"",
            "whitespace.txt": b"  \n\t\n\r\n   \n",
            "random.txt": random_bytes(),
            "random-no-nul.txt": random_bytes_without_nul(),
            "image.png": png(),
            "image-named.txt": png(),
            "compressed.txt": gzip_data(),
            "nul.txt": nul_bytes(),
            "escapes.txt": terminal_escapes()[0],
            "bidi.txt": bidi_and_zero_width()[0],
            "long-line.txt": long_line(),
        }
    )
    return files


MARKUP_LINES = (
    "[bold red]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[@click=app.quit]x[/]",
    ":warning: sign",
)
"""Rich/Textual markup written as text: each must show literally, none may act."""


def markup_text() -> str:
    """A Markdown text whose headings and paragraphs are Rich/Textual markup."""
    parts = ["# [bold red]Heading[/] :warning:", *MARKUP_LINES, "# [@click=app.quit]Second[/]"]
    return "\n\n".join(parts) + "\n\nbody\n"


def tiny_sections(count: int = 100_000) -> bytes:
    """A Markdown text of ``count`` sections, each a heading and a one-line body."""
    return "".join(f"# H{i}\n\nbody {i}.\n\n" for i in range(count)).encode("utf-8")


def long_heading(size: int = 10_000) -> bytes:
    """A Markdown text whose first heading is ``size`` characters long."""
    return f"# {'长' * size}\n\nbody one\n\n# two\n\nbody two\n".encode()


def app_files() -> dict[str, bytes]:
    """The hostile files that must open in the app (every byte file that is text, and more)."""
    refused = {"random.txt", "random-no-nul.txt", "image.png", "image-named.txt"}
    refused |= {"compressed.txt", "nul.txt"}
    files = {name: data for name, data in byte_files().items() if name not in refused}
    files.update(
        {
            "markup.txt": markup_text().encode("utf-8"),
            "tiny-sections.md": tiny_sections(),
            "long-heading.md": long_heading(),
        }
    )
    return files
