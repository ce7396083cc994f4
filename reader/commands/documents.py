"""Palette providers over documents and the store: bookmarks, and "Compare with…".

Bookmark notes and titles and file names are document data: shown as plain
``Content``, never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from reader.commands import (
    highlight,
)
from reader.model.document import visible_name
from reader.model.memory import gc_paused
from reader.model.opening import list_documents
from reader.model.text.oneline import shorten
from reader.screens.bookmarks import Choice, ordered
from reader.screens.main import MainScreen
from reader.screens.requests import CompareRequested
from reader.store.records import Bookmark, DocumentRecord

T = TypeVar("T")

COMPARE_CANDIDATES = 500
"""Documents of a folder offered for comparing, at most."""


GO_TO_BOOKMARK = "Go to bookmark: "
"""Prefix of the bookmark commands."""


def bookmark_command(bookmark: Bookmark) -> str:
    """The palette text for ``bookmark``: ``"Go to bookmark: <quote…> — <note>"``."""
    text = GO_TO_BOOKMARK + shorten(bookmark.quote.exact, 40)
    return f"{text} — {shorten(bookmark.note, 40)}" if bookmark.note else text


DISCOVER_BOOKMARKS = 100
"""Bookmarks listed before anything is typed (the newest): the palette adds a row per hit."""
SEARCH_BOOKMARKS = 100
"""Most bookmark hits per keystroke."""
FUZZY_CANDIDATES = 2_000
"""Most bookmarks given to the (slow) fuzzy matcher per keystroke when few contain the query."""


class BookmarksProvider(Provider):
    """Every bookmark (of every document; another document opens on the jump).

    Fast with 50,000 bookmarks: discovery lists only the newest; the first
    keystroke folds each bookmark's quote and note once; each keystroke then
    keeps the bookmarks that contain the query (a substring test) and gives the
    fuzzy matcher only a bounded number. Command texts and choices are made for
    the hits only.
    """

    _pairs: list[tuple[DocumentRecord, Bookmark]] | None = None
    _folded: list[str] | None = None

    def _bookmarks(self) -> list[tuple[DocumentRecord, Bookmark]]:
        if self._pairs is None:
            screen = self.screen
            records, first = [], None
            if isinstance(screen, MainScreen):  # the open document's bookmarks first
                records, first = screen.bookmark_records(), screen.document.fingerprint
            with gc_paused():
                self._pairs = [(r, b) for r in ordered(records, first) for b in r.bookmarks]
        return self._pairs

    def _haystacks(self) -> list[str]:
        if self._folded is None:
            pairs = self._bookmarks()
            with gc_paused():
                self._folded = [f"{b.quote.exact[:60]} {b.note[:60]}".casefold() for _, b in pairs]
        return self._folded

    def _hit_parts(
        self, record: DocumentRecord, bookmark: Bookmark
    ) -> tuple[str, Callable[[], None], str]:
        screen = self.screen
        assert isinstance(screen, MainScreen)
        command = partial(screen.go_to_bookmark, Choice.of(record, bookmark))
        # The palette reads help as markup; titles are document text.
        return bookmark_command(bookmark), command, escape(shorten(record.title or "", 200))

    async def discover(self) -> Hits:
        """The newest bookmarks, before anything is typed."""
        for record, bookmark in self._bookmarks()[:DISCOVER_BOOKMARKS]:
            text, command, title = self._hit_parts(record, bookmark)
            yield DiscoveryHit(Content(text), command, text=text, help=title)

    async def search(self, query: str) -> Hits:
        """The bookmarks whose command text (quote and note) matches ``query``.

        Args:
            query: What the user typed.
        """
        matcher = self.matcher(query)
        folded = query.casefold().strip()
        pairs, haystacks = self._bookmarks(), self._haystacks()
        found = [i for i, hay in enumerate(haystacks) if folded in hay][:SEARCH_BOOKMARKS]
        if len(found) < SEARCH_BOOKMARKS:
            letters = set(folded) - {" "}
            seen = set(found)
            fuzzy = (
                i
                for i, hay in enumerate(haystacks)
                if i not in seen and all(c in hay for c in letters)
            )
            found += islice(fuzzy, FUZZY_CANDIDATES)
        hits = 0
        for index in found:
            text, command, title = self._hit_parts(*pairs[index])
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), command, text=text, help=title)
                hits += 1
                if hits >= SEARCH_BOOKMARKS:
                    return


COMPARE_WITH = "Compare with: "
"""Prefix of the compare commands."""


class CompareProvider(Provider):
    """Compare the document being read with another edition: a document of its
    folder, or any path typed into the palette."""

    def _folder(self) -> Iterator[tuple[str, Path]]:
        screen = self.screen
        if not isinstance(screen, MainScreen) or screen.document.path is None:
            return
        here = Path(screen.document.path)
        try:
            documents = list_documents(here.parent)
        except OSError:
            return
        for path in documents[:COMPARE_CANDIDATES]:
            if path.name != here.name:
                yield COMPARE_WITH + visible_name(path.name), path

    def _compare(self, path: Path) -> None:
        self.app.post_message(CompareRequested(path))

    async def discover(self) -> Hits:
        """The other documents of the folder, before anything is typed."""
        for text, path in self._folder():
            yield DiscoveryHit(Content(text), partial(self._compare, path), text=text)

    async def search(self, query: str) -> Hits:
        """The folder's documents matching ``query``, or ``query`` itself when it is a file.

        Args:
            query: What the user typed.
        """
        matcher = self.matcher(query)
        typed = Path(query.strip()).expanduser()
        if isinstance(self.screen, MainScreen) and query.strip() and typed.is_file():
            text = COMPARE_WITH + visible_name(str(typed))
            yield Hit(1.0, Content(text), partial(self._compare, typed), text=text)
        for text, path in self._folder():
            score = matcher.match(text[:200])
            if score > 0:
                yield Hit(score, highlight(matcher, text), partial(self._compare, path), text=text)
