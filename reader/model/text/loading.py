"""Bytes to text: read a file safely, detect its encoding, normalize the text.

``load_path`` refuses, with a one-line ``LoadError``, whatever cannot be read as a
document: a missing path, a directory, a FIFO, device or socket (found with
``os.stat`` before anything is opened, so nothing blocks), a dangling symlink or
a symlink loop, a file without read permission, a file over the size limit, and
binary data. Encoding detection lives in ``reader.model.text.detect`` and the text
clean-up in ``reader.model.text.cleaning``; ``normalize`` is re-exported here.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.model.text.cleaning import normalize
from reader.model.text.detect import NotText, decode_exact, plain_utf8_first, utf8_parts
from reader.model.text.fingerprint import Digest

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadError",
    "Loaded",
    "Pending",
    "load_bytes",
    "load_head",
    "load_path",
    "read_path",
    "normalize",
    "over_limit",
    "too_large",
]

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
"""Files larger than this are refused (512 MiB)."""

_THREADED_DIGEST = 256 * 1024
"""Bytes from which the digest is computed in a thread (below, at once: ~0.2 ms)."""

_FIRST_READ_MIN = 64 * 1024
"""Smallest read size; files whose size ``stat`` cannot tell (``/proc``) are read in
chunks of this many bytes."""


class LoadError(Exception):
    """A file that cannot be opened; ``str()`` is one line: ``"name: reason"``."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        """The path as given (control characters are escaped by whoever prints it)."""
        self.reason = reason
        """Why, in a few lower-case words, e.g. ``"is a directory"``."""


@dataclass(frozen=True)
class Loaded:
    """Decoded, normalized text and where it came from."""

    text: str
    """The normalized text (see ``normalize``)."""
    encoding: str
    """The codec that decoded the bytes, as ``codecs.lookup`` names it."""
    path: str | None
    """The path as given to ``load_path``, or the ``name`` given to ``load_bytes``."""
    digest: Digest | None = None
    """The sha256 of ``text`` in UTF-8, hashed from the bytes in a thread, when the
    bytes are exactly that (strict UTF-8, nothing normalized); else ``None``."""


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def too_large(size: int, limit: int) -> str:
    """The refusal reason for ``size`` bytes, e.g. "too large: 600 MB, limit 512 MB".

    Args:
        size: The size found (at least ``limit + 1``).
        limit: The largest size accepted.
    """
    shown = _megabytes(size)
    if shown == _megabytes(limit):
        return f"too large: {size} bytes, limit {limit} bytes"
    return f"too large: {shown} MB, limit {_megabytes(limit)} MB"


def over_limit(limit: int) -> str:
    """The refusal reason for data of unknown size over ``limit`` (a pipe, a growing file)."""
    return f"too large: over the limit of {_megabytes(limit)} MB"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_bytes(data: bytes, *, name: str | None = None) -> Loaded:
    """Decode and normalize ``data``.

    Args:
        data: The bytes of a document.
        name: Where they came from, for error messages and ``Loaded.path``.

    Returns:
        The text, the encoding detected, and ``name``.

    Raises:
        LoadError: the data is binary or no encoding decodes it sensibly.
    """
    # Hashed beside the decoding (hashlib releases the GIL); kept if the bytes
    # turn out to be the text's UTF-8.
    digest = Digest(data) if len(data) >= _THREADED_DIGEST else None
    try:
        text, encoding, exact = decode_exact(data)
    except NotText as error:
        raise LoadError(name or "<bytes>", error.reason) from None
    normalized = normalize(text)
    if not exact or normalized is not text:
        return Loaded(normalized, encoding, name)
    return Loaded(normalized, encoding, name, digest or Digest.known(_sha256(data)))


_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


def _kind(mode: int) -> str:
    for test, label in _KINDS:
        if test(mode):
            return label
    return "unknown kind"


def _os_reason(error: OSError, path: str) -> str:
    """A short reason for an ``OSError`` raised while reaching ``path``."""
    if error.errno == errno.ENOENT:
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return "dangling symlink (its target does not exist)"
        except OSError:
            pass
        return "no such file"
    reasons = {
        errno.ELOOP: "symlink loop",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOTDIR: "no such file (a part of the path is not a folder)",
        errno.ENAMETOOLONG: "file name too long",
        errno.EISDIR: "is a directory",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return (error.strerror or type(error).__name__).lower()


def _check_regular(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_kind(mode)})"
    return None


def _read_limited(fd: int, expected: int, max_bytes: int) -> bytes | None:
    """Read to the end, at most ``max_bytes + 1`` bytes; ``None`` when over the limit."""
    chunks: list[bytes] = []
    total = 0
    want = max(expected + 1, _FIRST_READ_MIN)
    while total <= max_bytes:
        chunk = os.read(fd, min(want, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = max(_FIRST_READ_MIN, want - len(chunk))
    if total > max_bytes:
        return None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def load_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read, decode and normalize the file at ``path`` (see :func:`read_path`).

    Raises:
        LoadError: the file cannot be opened as a document; one line saying why.
    """
    return load_bytes(read_path(path, max_bytes=max_bytes), name=str(path))


HEAD_BYTES = 1024 * 1024
"""How much of a big file :func:`load_head` decodes: a few hundred screens."""
HEAD_MIN_BYTES = 4 * HEAD_BYTES
"""Smaller files are decoded whole before the first frame (~15 ms)."""


class Pending:
    """The bytes of a file whose head alone was decoded, until the full parse takes them.

    Taken once, so that they are freed as soon as they are decoded (the head
    document that holds this stays on screen until the full one replaces it).
    """

    def __init__(self, data: bytes) -> None:
        self._data: bytes | None = data

    def take(self) -> bytes | None:
        """The bytes, or ``None`` once they have been taken."""
        data, self._data = self._data, None
        return data


def load_head(data: bytes, *, name: str | None = None) -> Loaded | None:
    """The first :data:`HEAD_BYTES` of a big file decoded alone, to a line end.

    Decoding and normalizing a 50 MB file costs ~3 ms per MB; its first frame
    needs only its first pages. Only a head in strict UTF-8 (no byte-order
    mark) is taken: any other encoding is detected on the whole data. The whole
    is decoded later (``load_bytes``), and its text starts as the head's but
    where the detection of the whole differs (a damaged file).

    Args:
        data: The bytes of the whole file.
        name: Where they came from, for ``Loaded.path``.

    Returns:
        The head, or ``None`` when ``data`` is small or its head is not plain UTF-8.
        Its ``digest`` is that of the whole ``data``, when nothing in the head
        was normalized.
    """
    if len(data) < HEAD_MIN_BYTES:
        return None
    cut = data.rfind(b"\n", 0, HEAD_BYTES) + 1
    if cut <= 0:
        return None
    try:
        text, encoding, exact = decode_exact(data[:cut])
    except NotText:
        return None
    if not exact:
        return None
    normalized = normalize(text)
    if normalized is not text:
        return Loaded(normalized, encoding, name)
    # Clean so far: the whole file is most likely its text's UTF-8 too, and the
    # digest of its bytes the full text's fingerprint (hashed beside the parse).
    return Loaded(text, encoding, name, Digest(data))


def load_pending(pending: Pending, *, name: str | None = None) -> Loaded | None:
    """As :func:`load_bytes` of the bytes ``pending`` holds (``None`` once taken), which
    are freed before the decoded pieces are joined.

    Bytes, pieces and text are never all alive at once: for 50 MB of Chinese the
    peak is ~90 MB instead of ~127 MB (bytes 52, pieces 37, text 37).
    """
    data = pending.take()
    if data is None:
        return None
    if not plain_utf8_first(data):
        return load_bytes(data, name=name)
    digest = Digest(data) if len(data) >= _THREADED_DIGEST else None
    try:
        parts = utf8_parts(data)
    except UnicodeDecodeError:
        return load_bytes(data, name=name)  # detected as a whole, as ever
    if digest is None:
        digest = Digest.known(_sha256(data))
    else:
        digest.hexdigest()  # its thread lets go of the bytes
    del data
    text = "".join(parts)
    del parts
    normalized = normalize(text)
    if normalized is not text:
        return Loaded(normalized, "utf-8", name)
    return Loaded(text, "utf-8", name, digest)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the file at ``path``: its bytes.

    The file is checked with ``os.stat`` before it is opened (never blocks on a
    FIFO or device), opened with ``O_NONBLOCK`` and checked again with
    ``fstat`` (a path swapped for a FIFO in between still cannot block), then
    read to its end, at most ``max_bytes + 1`` bytes.

    Args:
        path: The file; its text as given names it in error messages.
        max_bytes: Larger files are refused.

    Returns:
        The bytes (at most ``max_bytes``).

    Raises:
        LoadError: the file cannot be opened as a document; one line saying why.
    """
    name = str(path)
    target = os.fspath(path)
    try:
        info = os.stat(target)
    except OSError as error:
        raise LoadError(name, _os_reason(error, target)) from None
    except ValueError:  # An embedded NUL in the name.
        raise LoadError(name, "invalid file name") from None
    refusal = _check_regular(info.st_mode)
    if refusal is None and info.st_size > max_bytes:
        refusal = too_large(info.st_size, max_bytes)
    if refusal is not None:
        raise LoadError(name, refusal)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise LoadError(name, _os_reason(error, target)) from None
    try:
        opened = os.fstat(fd)
        refusal = _check_regular(opened.st_mode)
        if refusal is not None:
            raise LoadError(name, refusal)
        data = _read_limited(fd, opened.st_size, max_bytes)
    except OSError as error:
        raise LoadError(name, _os_reason(error, target)) from None
    finally:
        os.close(fd)
    if data is None:  # The file grew after the stat.
        raise LoadError(name, over_limit(max_bytes))
    return data
