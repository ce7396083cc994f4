"""The store's records: documents and their bookmarks, as frozen dataclasses.

Offsets are half-open character offsets into the document's normalized text.
Unknown keys read from the file are kept in ``extra`` and written back, so a
newer reader's fields survive an older reader's save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Extra = Mapping[str, Any]


@dataclass(frozen=True)
class Quote:
    """The quote selector: the passage text and a little of what surrounds it."""

    exact: str
    """The passage as it was when bookmarked (or last re-anchored)."""
    prefix: str = ""
    """Up to ~32 characters before the passage."""
    suffix: str = ""
    """Up to ~32 characters after the passage."""
    extra: Extra = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Unknown keys from the file, written back unchanged."""


@dataclass(frozen=True)
class Bookmark:
    """One bookmarked passage."""

    id: str
    """Short unique id (12 hex digits)."""
    created: str
    """ISO 8601 time of creation, with its UTC offset."""
    note: str
    """The reader's note (may be empty)."""
    section: str | None
    """Title of the section that held the passage, for citing."""
    start: int
    """Offset of the passage in the document text."""
    end: int
    """Offset just past the passage."""
    quote: Quote
    """Exact text and context, used to find the passage again."""
    detached: bool = False
    """True when the passage was not found in the current text."""
    extra: Extra = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Unknown keys from the file, written back unchanged."""


@dataclass(frozen=True)
class DocumentRecord:
    """What the store keeps about one document (one text, by fingerprint)."""

    fingerprint: str
    """sha256 hex digest of the normalized text (``Document.fingerprint``)."""
    paths: tuple[str, ...] = ()
    """Absolute paths the document was seen at, oldest first."""
    title: str | None = None
    source: str | None = None
    """The publication (``Meta.source``), for citing without the document."""
    published: str | None = None
    """Publication time, ISO 8601 (``Meta.published``)."""
    position: int | None = None
    """Last reading offset."""
    updated: str | None = None
    """ISO 8601 time of the last change to this record."""
    bookmarks: tuple[Bookmark, ...] = ()
    extra: Extra = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    def bookmark(self, bookmark_id: str) -> Bookmark | None:
        """The bookmark with ``bookmark_id``, if any."""
        for bookmark in self.bookmarks:
            if bookmark.id == bookmark_id:
                return bookmark
        return None
