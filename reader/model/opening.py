"""Paths to documents: open a file, stdin, or find the documents in a folder."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.model.document import Document
from reader.model.loading import LoadError, load_bytes, load_path
from reader.model.parse import parse

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
"""File endings that a folder listing treats as documents."""


def list_documents(folder: Path) -> list[Path]:
    """The readable documents directly inside ``folder``, sorted by name.

    Hidden files and files with other endings are passed over.
    """
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise LoadError(str(folder), error.strerror or str(error)) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        try:
            if entry.is_file():
                found.append(entry)
        except OSError:
            continue
    return found


def open_document(target: str | Path) -> Document:
    """Load and parse a document from a path, or from stdin for ``"-"``.

    Raises:
        LoadError: when the file cannot be opened; its message is one line.
    """
    if str(target) == "-":
        data = sys.stdin.buffer.read()
        loaded = load_bytes(data, name="<stdin>")
        return parse(loaded.text, path=None, encoding=loaded.encoding)
    loaded = load_path(target)
    return parse(loaded.text, path=str(target), encoding=loaded.encoding)
