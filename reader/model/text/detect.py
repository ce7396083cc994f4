"""Encoding detection: bytes to ``str``, or a refusal for data that is not text.

The order of the checks, and why:

1. Empty data is an empty text (UTF-8).
2. A byte-order mark decides: UTF-32 (checked before UTF-16, whose LE mark is a
   prefix of UTF-32's), UTF-8, UTF-16.
3. NUL bytes in the first 64 KiB mean UTF-16/32 without a mark, or binary. The
   UTF-16 guess needs the NULs at one parity (the high byte of ASCII characters)
   outnumbering the other three to one, a strict decode and a text of
   plausible characters; UTF-32 needs two zero bytes in nearly every unit.
   Anything else with NULs is binary (known file signatures are named).
4. Strict UTF-8 over the whole data: the fast path (~0.1 s for 50 MB).
5. UTF-8 with damage. When valid multi-byte UTF-8 characters are at least as
   many as the invalid bytes, the file is UTF-8 with damage: it is decoded as
   UTF-8 and each line holding invalid bytes is repaired on its own. A line
   whose bytes decode strictly as GB18030 (or Big5) into mostly common Chinese
   characters becomes that text, so one GBK paragraph pasted into a UTF-8 file
   reads correctly; in every other line each invalid byte becomes U+FFFD. (Runs
   of invalid bytes are not a usable unit: GBK text is full of byte pairs that
   are valid UTF-8 by chance, so the decoder's runs cut GBK characters apart.)
6. Legacy Chinese: GB18030 (a superset of GBK and GB2312) and Big5 are both
   decoded strictly on a sample starting at the first non-ASCII byte; the one
   whose characters are more often common Chinese characters (GB2312 hanzi, Big5
   level-1 hanzi, CJK punctuation) wins, if at least half of them are.
7. cp1252 for mostly-ASCII text whose other characters are Latin letters or
   typographic marks (English with smart quotes, French, German, Spanish):
   charset-normalizer misreads short texts of this kind.
8. charset-normalizer on a bounded sample (it is slow on big inputs), then a
   check that the result is not full of control or unassigned characters.

``Loaded.encoding`` names are Python codec names as ``codecs.lookup`` spells
them, and always name a codec that decodes the bytes: "utf-16" (with BOM) versus
"utf-16-le" (without).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

HEAD = 64 * 1024
"""Bytes looked at for NULs, signatures and UTF-16 parity."""

SAMPLE = 64 * 1024
"""Bytes decoded to score the legacy Chinese codecs."""

UTF8_SAMPLE = 1024 * 1024
"""Bytes decoded to measure how much of a damaged file is valid UTF-8."""

DETECTOR_SAMPLE = 256 * 1024
"""Bytes handed to charset-normalizer."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"%PDF-", "PDF document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
"""File signatures named in refusals. Only consulted once the data is known not
to be text, so a text file that starts with "BZh" still opens."""

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")

_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
"""Characters that text rarely holds: controls (not TAB, LF, FF, CR, ESC),
U+FFFD and the private-use area."""


class NotText(Exception):
    """The data is not text; ``reason`` says why, e.g. "binary file (PNG image)"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def common_chinese() -> frozenset[str]:
    """Common Chinese characters: GB2312 hanzi, Big5 level-1 hanzi, CJK punctuation."""
    chars: set[str] = set()
    for codec, leads, trails in (
        ("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    ):
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
    chars.update("“”‘’—…·")
    return frozenset(chars)


def chinese_share(text: str) -> float:
    """The share of non-ASCII characters of ``text`` that are common Chinese ones."""
    common = common_chinese()
    total = hits = 0
    for char in text:
        if char >= "\x80":
            total += 1
            hits += char in common
    return hits / total if total else 0.0


def bad_share(text: str) -> float:
    """The share of characters that text rarely holds (controls, unassigned, ...)."""
    if not text:
        return 0.0
    bad = len(_BAD_CONTROLS.findall(text))
    for char in text:
        if char >= "\u0100" and unicodedata.category(char) in ("Cn", "Cs", "Co"):
            bad += 1
    return bad / len(text)


def _strict_prefix(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly, allowing a character cut off at the end."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return str(decoder.decode(data, final=False))
    except UnicodeDecodeError:
        return None


def _signature(data: bytes) -> str | None:
    for magic, label in _SIGNATURES:
        if data.startswith(magic):
            return label
    return None


def _binary(data: bytes, fallback: str) -> NotText:
    return NotText(f"binary file ({_signature(data) or fallback})")


def _decode_with_bom(data: bytes, encoding: str) -> str:
    unit = {"utf-32": 4, "utf-16": 2}.get(encoding, 1)
    usable = len(data) - len(data) % unit
    text = data[:usable].decode(encoding, "replace")
    if usable != len(data):
        text += "\ufffd"
    if bad_share(text[:SAMPLE]) > 0.05:
        raise _binary(data, f"not {encoding} despite its byte-order mark")
    return text


def _wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without byte-order mark, judged by where the NULs are."""
    head = data[: HEAD - HEAD % 4]
    candidates: list[str] = []
    if len(data) % 4 == 0 and len(head) >= 4:
        units = len(head) // 4
        zeros = [head[i::4].count(0) for i in range(4)]
        if zeros[3] == units and zeros[2] >= 0.9 * units:
            candidates.append("utf-32-le")
        if zeros[0] == units and zeros[1] >= 0.9 * units:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 3 * even:
            candidates.append("utf-16-le")
        elif even > 3 * odd:
            candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if bad_share(text[: SAMPLE // 2]) <= 0.01:
            return text, encoding
    return None


def _repair_line(line: str) -> str:
    """A line holding undecodable bytes: GB18030 or Big5 if it reads so, else U+FFFD."""
    raw = line.encode("utf-8", "surrogateescape")
    for encoding in ("gb18030", "big5"):
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if chinese_share(decoded) >= 0.8:
            return decoded
    return _ESCAPED_BYTE.sub("\ufffd", line)


def _repair_utf8(data: bytes) -> str:
    """``data`` decoded as UTF-8, each line with invalid bytes repaired on its own."""
    text = data.decode("utf-8", "surrogateescape")
    parts: list[str] = []
    done = 0
    found = _ESCAPED_BYTE.search(text)
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        parts.append(text[done:start])
        parts.append(_repair_line(text[start:end]))
        done = end
        found = _ESCAPED_BYTE.search(text, end)
    parts.append(text[done:])
    return "".join(parts)


def _utf8_dominates(data: bytes, start: int) -> bool:
    """Whether valid multi-byte UTF-8 characters outnumber the invalid bytes."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    sample = str(decoder.decode(data[start : start + UTF8_SAMPLE], final=False))
    invalid = len(_ESCAPED_BYTE.findall(sample))
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    return non_ascii - invalid >= invalid


def _legacy_chinese(data: bytes, start: int) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever reads as more common Chinese characters."""
    sample = data[start : start + SAMPLE]
    best: tuple[float, str] | None = None
    for encoding in ("gb18030", "big5"):
        text = _strict_prefix(sample, encoding)
        if text is None:
            continue
        share = chinese_share(text)
        if share >= 0.5 and (best is None or share > best[0]):
            best = (share, encoding)
    if best is None:
        return None
    family = ("gb18030",) if best[1] == "gb18030" else ("big5", "cp950", "big5hkscs")
    for encoding in family:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode(family[0], "replace"), family[0]


_WESTERN_MARKS = frozenset("“”‘’‚„–—…•€™\xa0«»°§©®·×÷£¥¢¿¡")
"""Non-letters that Western European text in cp1252 commonly holds."""


def _western(data: bytes, start: int) -> tuple[str, str] | None:
    """cp1252 for mostly-ASCII text whose other characters are Latin letters or marks.

    charset-normalizer calls short English or French cp1252 text cp852 or cp1250;
    this check comes first. Cyrillic or Greek text (most bytes high) and
    Central European text (¹ ³ ¿ where ą ł ż were meant) fail it.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[start : start + SAMPLE]
    high = [char for char in sample if char >= "\x80"]
    if len(high) > 0.3 * len(sample):
        return None
    for char in high:
        if not (char in _WESTERN_MARKS or (char.isalpha() and char < "\u0200")):
            return None
    return text, "cp1252"


def _detector(data: bytes, start: int) -> tuple[str, str] | None:
    """charset-normalizer's guess on a bounded sample, checked on the result."""
    from charset_normalizer import from_bytes  # Imported late: it is slow to import.

    sample = data[start : start + DETECTOR_SAMPLE]
    if len(data) > start + DETECTOR_SAMPLE:
        # End on a line break so the sample does not cut a character in two.
        cut = sample.rfind(b"\n")
        if cut > 0:
            sample = sample[: cut + 1]
    best = from_bytes(sample).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    text = data.decode(encoding, "replace")
    if bad_share(text[start : start + SAMPLE]) > 0.02:
        return None
    return text, encoding


_CHUNK = 1024 * 1024
"""Bytes of non-ASCII UTF-8 decoded at a time (see :func:`_utf8`)."""


def _utf8(data: bytes, chunk: int = _CHUNK) -> str:
    """``data.decode("utf-8")``, in chunks when it is big and not ASCII.

    CPython sizes its decoding buffer by the byte count and widens it for CJK
    text: decoding 50 MB of Chinese at once holds ~160 MB besides the bytes; in
    chunks of 1 MB, the chunks and their join (~75 MB), for ~0.6 ms more per MB.
    A failure is raised as the whole decode raises it (offsets into ``data``).
    """
    return "".join(utf8_parts(data, chunk))


def utf8_parts(data: bytes, chunk: int = _CHUNK) -> list[str]:
    """``data`` decoded as strict UTF-8 in pieces of about ``chunk`` bytes, to be joined.

    A caller that owns ``data`` may drop it before the join (see
    ``loading.load_pending``). Raises as ``data.decode("utf-8")`` does.
    """
    if len(data) <= 4 * chunk or data.isascii():
        return [data.decode("utf-8")]
    view = memoryview(data)
    parts: list[str] = []
    start, size = 0, len(data)
    try:
        while start < size:
            end = min(size, start + chunk)
            while end < size and 0x80 <= data[end] < 0xC0:  # not inside a character
                end += 1
            parts.append(codecs.utf_8_decode(view[start:end], "strict", True)[0])
            start = end
    except UnicodeDecodeError:
        del parts
        data.decode("utf-8")  # raises with offsets into the whole
        raise
    finally:
        view.release()
    return parts


def plain_utf8_first(data: bytes) -> bool:
    """Whether :func:`decode_exact` tries ``data`` as strict UTF-8 before anything else
    (not empty, no byte-order mark, no NUL byte near the start)."""
    if not data or any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" not in data[:HEAD]


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text, detecting its encoding (see the module docstring).

    Args:
        data: The bytes of a file.

    Returns:
        ``(text, encoding)``: the decoded text, not yet normalized, and the
        codec name.

    Raises:
        NotText: the data is binary or no encoding decodes it sensibly.
    """
    text, encoding, _ = decode_exact(data)
    return text, encoding


def decode_exact(data: bytes) -> tuple[str, str, bool]:
    """As :func:`decode`, and whether ``data`` is exactly the text's UTF-8.

    True for strict UTF-8 without a byte-order mark (the text encodes back to
    ``data`` byte for byte): then the digest of the bytes is the text's.
    """
    if not data:
        return "", "utf-8", True
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding), encoding, False
    if b"\x00" in data[:HEAD]:
        wide = _wide_without_bom(data)
        if wide is None:
            raise _binary(data, "contains NUL bytes")
        return (*wide, False)
    try:
        return _utf8(data), "utf-8", True
    except UnicodeDecodeError as error:
        start = error.start
    label = _signature(data)
    if label is not None:
        raise NotText(f"binary file ({label})")
    # Everything before the first error is valid UTF-8; find its first non-ASCII byte.
    first_high = re.search(rb"[\x80-\xff]", data)
    start = min(start, first_high.start() if first_high else start)
    if _utf8_dominates(data, start):
        return _repair_utf8(data), "utf-8", False
    decoded = _legacy_chinese(data, start) or _western(data, start) or _detector(data, start)
    if decoded is None:
        raise _binary(data, "no text encoding fits")
    return (*decoded, False)
