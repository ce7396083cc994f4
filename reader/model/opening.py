"""Paths to documents: open a file, stdin, or find the documents in a folder."""

from __future__ import annotations

import functools
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.model.document import Document

if TYPE_CHECKING:
    from reader.model.structure.outline_scan import Outlined
from reader.model.structure.parse import parse, parse_head
from reader.model.text.loading import (
    DEFAULT_MAX_BYTES,
    Loaded,
    LoadError,
    Pending,
    load_bytes,
    load_head,
    load_pending,
    over_limit,
    read_path,
)

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
"""File endings that a folder listing treats as documents ("" for none)."""

STDIN_NAME = "<stdin>"
"""How standard input is named in error messages."""

HEAD_PARSE_CHARS = 64_000
"""How much of a big text is parsed before its first frame (``parse_head``): scores
of screens in ~15 ms (300,000 characters cost ~45 ms at start-up); the full parse
follows in the background."""


def list_documents(folder: Path) -> list[Path]:
    """The documents directly inside ``folder``, sorted by name.

    Hidden files, files with other endings and anything that is not a regular
    file (after following symlinks: FIFOs, devices, sockets, dangling links and
    symlink loops) are passed over; nothing is opened, so nothing can block.

    Args:
        folder: The folder to list.

    Raises:
        LoadError: the folder cannot be listed.
    """
    found: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as error:
        raise LoadError(str(folder), (error.strerror or "cannot list").lower()) from None
    for name in names:
        entry = folder / name
        if name.startswith(".") or entry.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        try:
            mode = os.stat(entry).st_mode
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(mode):
            found.append(entry)
    return found


def read_stream(stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """All bytes of ``stream``, refusing more than ``max_bytes``.

    Raises:
        LoadError: the stream holds more than ``max_bytes`` bytes or cannot be read.
    """
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise LoadError(STDIN_NAME, (error.strerror or "cannot read").lower()) from None
    if len(data) > max_bytes:
        raise LoadError(STDIN_NAME, over_limit(max_bytes))
    return data


def open_document(target: str | Path, *, head: bool = False) -> Document:
    """Load and parse a document from a path, or from stdin for ``"-"``.

    Args:
        target: A path, or ``"-"`` for standard input.
        head: Parse only the head of a big text (``parse_head``): the app shows
            it at once and parses the rest in the background.

    Raises:
        LoadError: when the file cannot be opened; its message is one line.
    """
    if str(target) == "-":
        if sys.stdin is None:
            raise LoadError(STDIN_NAME, "no standard input")
        data = read_stream(sys.stdin.buffer)
        name, path = STDIN_NAME, None
    else:
        data = read_path(target)
        name = path = str(target)
    if head:
        # A big file: only its head is decoded before the first frame.
        partial = load_head(data, name=name)
        if partial is not None:
            shown = parse_head(
                partial.text, path=path, encoding=partial.encoding, chars=HEAD_PARSE_CHARS
            )
            # Shown as it is, from clean UTF-8: its text is the start of the
            # full one and its fingerprint that of the bytes (``final_text``).
            digest = partial.digest if shown.source is None else None
            return replace(shown, complete=False, raw=Pending(data), digest=digest)
    loaded = load_bytes(data, name=name)
    del data  # not held while the text is parsed
    return _parsed(
        loaded, path, functools.partial(parse_head, chars=HEAD_PARSE_CHARS) if head else parse
    )


def open_outline(target: str | Path) -> Document | Outlined:
    """What ``reader outline`` prints: the outline alone when it can be found without
    the paragraphs (:func:`~reader.model.structure.outline_scan.outline`), else
    the document parsed in full.

    Raises:
        LoadError: as :func:`open_document`.
    """
    # Not imported with the app: its patterns are compiled only for `reader outline`.
    from reader.model.structure.outline_scan import outline

    if str(target) == "-":
        return open_document(target)
    loaded = load_bytes(read_path(target), name=str(target))
    found = outline(loaded.text, str(target), loaded.encoding, loaded.digest)
    return found if found is not None else _parsed(loaded, str(target), parse)


def full_document(head: Document) -> Document:
    """The full parse of a head-only document (``head.complete`` is False).

    A head decoded alone decodes its file's bytes whole; Markdown and a head
    reflowed alone start again from their source; a text shown as it is is
    parsed as it is (not reflowed again), and keeps the head's fingerprint.

    Raises:
        LoadError: the whole file is not text after all (its head was).
    """
    if head.raw is not None:
        # The bytes are freed before the decoded pieces are joined.
        loaded = load_pending(head.raw, name=head.path or STDIN_NAME)
        if loaded is None:  # taken by an earlier full parse of this head
            if head.path is None:
                raise LoadError(STDIN_NAME, "standard input was read already")
            loaded = load_bytes(read_path(head.path), name=head.path)
        return _parsed(loaded, head.path, parse)
    final = head.source is None
    return parse(
        head.source_text,
        path=head.path,
        encoding=head.encoding,
        displayed=head.source_map if final else None,
    ).with_fingerprint_of(head)


def _parsed(loaded: Loaded, path: str | None, parser: Callable[..., Document]) -> Document:
    document = parser(loaded.text, path=path, encoding=loaded.encoding)
    if loaded.digest is not None and document.text is loaded.text:
        # Shown as it was read (nothing reflowed or rendered): the file's bytes
        # are the text's UTF-8, hashed in a thread while it was parsed.
        document = replace(document, digest=loaded.digest)
    return document
