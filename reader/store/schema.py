"""Validation of the parsed ``bookmarks.yaml`` and the plain-dict form of records.

File layout (version 1)::

    version: 1
    documents:
      <fingerprint>:
        paths: [...]
        title: ...
        source: ...
        published: ...
        position: 1234
        updated: ...
        bookmarks:
        - id: ...
          created: ...
          note: ...
          section: ...
          start: 10
          end: 20
          quote: {exact: ..., prefix: ..., suffix: ...}

Unknown keys at any of the three levels are kept. Hand-written unquoted dates
(which YAML turns into ``date``/``datetime``) are accepted and kept as ISO text.

Values are checked as strictly as the file's path: offsets are whole numbers in
``0..MAX_OFFSET`` (what ``array('i')`` and the panes hold), ids and texts have
bounded lengths; anything out of range makes the whole file unreadable (it is
moved aside) rather than crashing the app later. Every text read (notes,
titles, sections, sources, quotes, times) goes through the same cleaning as
document text (:func:`reader.model.text.cleaning.normalize`): no terminal
escape, control or bidi override character survives into the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from reader.model.text.cleaning import normalize
from reader.store.records import Bookmark, DocumentRecord, Quote

VERSION = 1
"""The schema version this module reads and writes."""
MAX_FINGERPRINT = 128
"""Longest accepted document key (a sha256 hex digest is 64)."""
MAX_OFFSET = 2**31 - 1
"""Largest accepted offset or position (the largest ``array('i')`` item)."""
MAX_ID = 64
"""Longest accepted bookmark id (ours have 12 characters)."""
MAX_TEXT = 1_000_000
"""Longest accepted text value, in characters."""

_RECORD_KEYS = ("paths", "title", "source", "published", "position", "updated", "bookmarks")
_BOOKMARK_KEYS = ("id", "created", "note", "section", "start", "end", "quote", "detached")
_QUOTE_KEYS = ("exact", "prefix", "suffix")


class SchemaError(ValueError):
    """The data is not a valid store; the message says where and why, briefly."""


class NewerVersionError(SchemaError):
    """The file was written by a newer reader: leave it alone."""


def check_size(data: object, budget: int) -> None:
    """Refuse data that has more than ``budget`` nodes when walked as a tree.

    YAML aliases make shared subtrees cheap to load but (for a "billion laughs"
    file) astronomically large to walk, dump or validate. A file written without
    aliases cannot have more nodes than characters, so the caller passes the file
    length: only alias expansion (or a cycle) can exceed it.

    Raises:
        SchemaError: the budget was exceeded.
    """
    stack: list[object] = [data]
    count = 0
    while stack:
        item = stack.pop()
        count += 1
        if count > budget:
            raise SchemaError("too many nodes (YAML aliases expand beyond the file size)")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def parse_store(data: object) -> tuple[dict[str, DocumentRecord], dict[str, Any]]:
    """Validate parsed YAML and build the records.

    Args:
        data: What the safe loader returned (``None`` for an empty file).

    Returns:
        The records by fingerprint, in file order, and the unknown top-level keys.

    Raises:
        NewerVersionError: ``version`` is a later one than :data:`VERSION`.
        SchemaError: anything else is wrong.
    """
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise SchemaError(f"the top level is a {_kind(data)}, not a mapping")
    version = data.get("version")
    if type(version) is not int:
        raise SchemaError("'version' is missing or not a number")
    if version > VERSION:
        raise NewerVersionError(f"version {version} is newer than this reader's {VERSION}")
    if version < 1:
        raise SchemaError(f"unknown version {version}")
    documents = data.get("documents")
    if documents is None:
        documents = {}
    if not isinstance(documents, dict):
        raise SchemaError("'documents' is not a mapping")
    records: dict[str, DocumentRecord] = {}
    for fingerprint, raw in documents.items():
        if not isinstance(fingerprint, str) or not 0 < len(fingerprint) <= MAX_FINGERPRINT:
            raise SchemaError(f"document key {fingerprint!r:.40} is not a fingerprint")
        records[fingerprint] = _record(fingerprint, raw)
    extra = {k: v for k, v in data.items() if k not in ("version", "documents")}
    for key in extra:
        if not isinstance(key, str):
            raise SchemaError(f"top-level key {key!r:.40} is not text")
    return records, extra


def _record(fingerprint: str, raw: object) -> DocumentRecord:
    where = f"document {fingerprint[:12]}"
    if not isinstance(raw, dict):
        raise SchemaError(f"{where} is a {_kind(raw)}, not a mapping")
    paths = raw.get("paths") or []
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise SchemaError(f"{where}: 'paths' is not a list of text")
    bookmarks_raw = raw.get("bookmarks") or []
    if not isinstance(bookmarks_raw, list):
        raise SchemaError(f"{where}: 'bookmarks' is not a list")
    bookmarks = tuple(_bookmark(where, i, b) for i, b in enumerate(bookmarks_raw))
    ids = [b.id for b in bookmarks]
    if len(set(ids)) != len(ids):
        raise SchemaError(f"{where}: two bookmarks share an id")
    position = raw.get("position")
    if position is not None and not _offset(position):
        raise SchemaError(f"{where}: 'position' is not an offset (0..{MAX_OFFSET})")
    return DocumentRecord(
        fingerprint=fingerprint,
        paths=tuple(paths),
        title=_text(raw, "title", where),
        source=_text(raw, "source", where),
        published=_time(raw, "published", where),
        position=position,
        updated=_time(raw, "updated", where),
        bookmarks=bookmarks,
        extra=_extra(raw, _RECORD_KEYS, where),
    )


def _bookmark(where: str, index: int, raw: object) -> Bookmark:
    where = f"{where}, bookmark {index + 1}"
    if not isinstance(raw, dict):
        raise SchemaError(f"{where} is a {_kind(raw)}, not a mapping")
    bookmark_id = raw.get("id")
    if not isinstance(bookmark_id, str) or not 0 < len(bookmark_id) <= MAX_ID:
        raise SchemaError(f"{where}: 'id' is missing, not text or too long")
    bookmark_id = normalize(bookmark_id)
    start, end = raw.get("start"), raw.get("end")
    if not (_offset(start) and _offset(end)) or end < start:  # type: ignore[operator]
        raise SchemaError(
            f"{where}: 'start'/'end' are not offsets (0..{MAX_OFFSET}) with start <= end"
        )
    quote = raw.get("quote")
    if not isinstance(quote, dict) or not isinstance(quote.get("exact"), str):
        raise SchemaError(f"{where}: 'quote' has no 'exact' text")
    if len(quote["exact"]) > MAX_TEXT:
        raise SchemaError(f"{where}: 'quote' is longer than {MAX_TEXT:,} characters")
    detached = raw.get("detached", False)
    if not isinstance(detached, bool):
        raise SchemaError(f"{where}: 'detached' is not true or false")
    return Bookmark(
        id=bookmark_id,
        created=_time(raw, "created", where) or "",
        note=_text(raw, "note", where) or "",
        section=_text(raw, "section", where),
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        quote=Quote(
            exact=normalize(quote["exact"]),
            prefix=_text(quote, "prefix", where) or "",
            suffix=_text(quote, "suffix", where) or "",
            extra=_extra(quote, _QUOTE_KEYS, where),
        ),
        detached=detached,
        extra=_extra(raw, _BOOKMARK_KEYS, where),
    )


def _offset(value: object) -> bool:
    return type(value) is int and 0 <= value <= MAX_OFFSET


def _text(raw: Mapping[Any, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a hand-typed note or title such as 2014
    if not isinstance(value, str):
        raise SchemaError(f"{where}: '{key}' is not text")
    if len(value) > MAX_TEXT:
        raise SchemaError(f"{where}: '{key}' is longer than {MAX_TEXT:,} characters")
    return normalize(value)


def _time(raw: Mapping[Any, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 100:
        raise SchemaError(f"{where}: '{key}' is not a date or time")
    return normalize(value)


def _extra(raw: Mapping[Any, Any], known: tuple[str, ...], where: str) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        if key in known:
            continue
        if not isinstance(key, str):
            raise SchemaError(f"{where}: key {key!r:.40} is not text")
        extra[key] = value
    return extra


def _kind(value: object) -> str:
    return {list: "list", str: "text", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


def quote_dict(quote: Quote) -> dict[str, Any]:
    """The plain-dict form of a quote, unknown keys included."""
    out: dict[str, Any] = {"exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix}
    out.update(quote.extra)
    return out


def bookmark_dict(bookmark: Bookmark) -> dict[str, Any]:
    """The plain-dict form of a bookmark, as written to the file."""
    out: dict[str, Any] = {
        "id": bookmark.id,
        "created": bookmark.created,
        "note": bookmark.note,
        "section": bookmark.section,
        "start": bookmark.start,
        "end": bookmark.end,
        "quote": quote_dict(bookmark.quote),
    }
    if bookmark.detached:
        out["detached"] = True
    out.update(bookmark.extra)
    return out


def record_head(record: DocumentRecord) -> dict[str, Any]:
    """The plain-dict form of a record without its bookmarks."""
    out: dict[str, Any] = {
        "paths": list(record.paths),
        "title": record.title,
        "source": record.source,
        "published": record.published,
        "position": record.position,
        "updated": record.updated,
    }
    out.update(record.extra)
    return out
