"""Records meeting documents: new bookmarks, record upkeep, re-anchoring.

Offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from datetime import datetime

from reader.model.document import Document
from reader.model.find.anchors import Anchor, make_anchor, resolve
from reader.store.records import Bookmark, DocumentRecord, Quote

CONTEXT = 32
"""Characters of prefix and suffix kept in a quote."""


def now() -> str:
    """The local time, ISO 8601 with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def stored_path(path: str) -> str:
    """``path`` as the store keeps it: absolute (the same file opened from two places).

    A file name that is not valid UTF-8 reaches Python with lone surrogates
    (surrogateescape); those cannot be written to YAML, so the raw bytes are
    spelled out as ``\\xNN`` instead. Every lookup by path goes through this
    function (the app's and the command line's), so the same file still finds
    its record.
    """
    raw = os.fsencode(os.path.abspath(path))
    return raw.decode("utf-8", "backslashreplace")


def document_path(document: Document) -> str | None:
    """The document's path as the store keeps it (:func:`stored_path`), if it has one."""
    return stored_path(document.path) if document.path else None


def new_id(taken: set[str]) -> str:
    """A 12-hex-digit id not in ``taken``."""
    while True:
        candidate = uuid.uuid4().hex[:12]
        if candidate not in taken:
            return candidate


def section_title(document: Document, offset: int) -> str | None:
    """Title of the section holding ``offset``."""
    section = document.section_at(offset)
    return section.title if section is not None else None


def new_bookmark(document: Document, start: int, end: int, note: str, taken: set[str]) -> Bookmark:
    """A bookmark of ``document.text[start:end]`` (offsets clamped into the text)."""
    anchor = make_anchor(document.text, start, end, CONTEXT)
    return Bookmark(
        id=new_id(taken),
        created=now(),
        note=note,
        section=section_title(document, anchor.start),
        start=anchor.start,
        end=anchor.end,
        quote=Quote(anchor.exact, anchor.prefix, anchor.suffix),
    )


def touched(record: DocumentRecord | None, document: Document) -> DocumentRecord:
    """``record`` (or a new one) with the document's path, title and citation data."""
    if record is None:
        record = DocumentRecord(fingerprint=document.fingerprint)
    path = document_path(document)
    paths = record.paths
    if path is not None and path not in paths:
        paths = (*paths, path)
    meta = document.meta
    return replace(
        record,
        paths=paths,
        title=document.title,
        source=meta.source if meta.source is not None else record.source,
        published=meta.published.isoformat() if meta.published else record.published,
        updated=now(),
    )


def reanchor_bookmark(bookmark: Bookmark, document: Document) -> Bookmark:
    """The bookmark found again in ``document``, or marked detached.

    A found passage gets a fresh quote from the current text (so the next change
    is measured from here) and the current section title. A detached one keeps
    its old quote: that is what the reader marked and what a citation shows.
    """
    quote = bookmark.quote
    anchor = Anchor(bookmark.start, bookmark.end, quote.exact, quote.prefix, quote.suffix)
    found = resolve(document.text, anchor)
    if not found.found:
        return replace(bookmark, start=found.start, end=found.start, detached=True)
    fresh = make_anchor(document.text, found.start, found.end, CONTEXT)
    return replace(
        bookmark,
        start=found.start,
        end=found.end,
        quote=Quote(fresh.exact, fresh.prefix, fresh.suffix, extra=quote.extra),
        section=section_title(document, found.start) or bookmark.section,
        detached=False,
    )


def reanchor_record(record: DocumentRecord, document: Document) -> DocumentRecord:
    """``record`` moved to ``document``'s fingerprint, every bookmark re-anchored."""
    position = record.position
    if position is not None:
        position = min(position, len(document.text))
    return replace(
        record,
        fingerprint=document.fingerprint,
        position=position,
        bookmarks=tuple(reanchor_bookmark(b, document) for b in record.bookmarks),
    )


def merged(ours: DocumentRecord, theirs: DocumentRecord) -> DocumentRecord:
    """``theirs`` plus the bookmarks and paths of ``ours`` it lacks (by id)."""
    ids = {b.id for b in theirs.bookmarks}
    extra = tuple(b for b in ours.bookmarks if b.id not in ids)
    paths = (*theirs.paths, *(p for p in ours.paths if p not in theirs.paths))
    return replace(theirs, paths=paths, bookmarks=sorted_bookmarks((*theirs.bookmarks, *extra)))


def sorted_bookmarks(bookmarks: tuple[Bookmark, ...]) -> tuple[Bookmark, ...]:
    """Bookmarks in text order (stable: equal starts keep their order)."""
    return tuple(sorted(bookmarks, key=lambda b: b.start))
