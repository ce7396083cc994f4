"""Bytes to text. PLACEHOLDER: the loading helper replaces this module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 512 * 1024 * 1024


class LoadError(Exception):
    """A file that cannot be opened; ``str()`` is one line: what and why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Loaded:
    """Decoded, normalized text and where it came from."""

    text: str
    encoding: str
    path: str | None


def normalize(text: str) -> str:
    """LF newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_bytes(data: bytes, *, name: str | None = None) -> Loaded:
    """Decode ``data``."""
    return Loaded(normalize(data.decode("utf-8-sig", "replace")), "utf-8", name)


def load_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read and decode the file at ``path``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as error:
        raise LoadError(str(path), error.strerror or str(error)) from None
    return load_bytes(data, name=str(path))
