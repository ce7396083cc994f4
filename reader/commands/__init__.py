"""Command palette providers (ctrl+p) and what they share: bounded, linear matching.

Here: sections, facts, panes and themes. The providers over documents and the
store (bookmarks, "Compare with…") are in :mod:`reader.commands.documents`.

Section titles are document text. Textual's ``Matcher.highlight`` reads its
argument as markup, so hits are highlighted here on plain ``Content`` instead.
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TypeVar

from textual.command import (
    CommandInput,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Matcher,
    Provider,
)
from textual.content import Content
from textual.css.query import NoMatches
from textual.markup import escape
from textual.style import Style

from reader.model.document import Fact, FactKind, Section
from reader.screens.main import MainScreen
from reader.view.fact_rows import KIND_LABELS, fact_label
from reader.view.palette_match import Match, bounded, fuzzy_match

T = TypeVar("T")

HIT_LIMIT = 100
"""Hits a provider gives for one query: the best ones (the palette shows a screenful)."""

DISCOVERY_LIMIT = 100
"""Commands a provider lists before anything is typed.

The palette re-sorts and refills its whole list as hits come in: 100,000
sections listed at once stopped it answering keys (issue 11, item 4).
"""

_PER_PAUSE = 500
"""Candidates matched between two yields to the event loop, so keys keep flowing."""

GO_TO_SECTION = "Go to section: "
"""Prefix of the section commands."""


def highlight(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain content, with the characters ``matcher`` matched styled.

    Args:
        matcher: The palette's fuzzy matcher for the current input.
        candidate: Plain text (never interpreted as markup).
    """
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def highlighted(text: str, match: Match, style: Style | None) -> Content:
    """``text`` as plain content with the characters of ``match`` styled."""
    content = Content(text)
    if style is None:
        return content
    for offset in match.offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def _always() -> bool:
    return True


async def best_matches(
    query: str,
    candidates: Iterable[tuple[str, T]],
    limit: int = HIT_LIMIT,
    wanted: Callable[[], bool] = _always,
) -> list[tuple[Match, str, T]]:
    """The ``limit`` candidates that match ``query`` best, best first (ties: earlier first).

    Every candidate is matched (bounded, linear time), yielding to the event
    loop every few hundred so a key typed meanwhile is handled.

    Args:
        query: What the user typed.
        candidates: ``(command text, item)`` pairs.
        limit: How many to keep.
        wanted: Asked at each pause; ``False`` ends the search with no hits
            (the palette closed, or the query changed).
    """
    kept: list[tuple[float, int, Match, str, T]] = []
    for number, (text, item) in enumerate(candidates, start=1):
        if number % _PER_PAUSE == 0:
            await asyncio.sleep(0)
            if not wanted():
                return []
        match = fuzzy_match(query, text)
        if match is None:
            continue
        entry = (match.score, -number, match, text, item)
        if len(kept) < limit:
            heapq.heappush(kept, entry)
        elif entry[:2] > kept[0][:2]:
            heapq.heapreplace(kept, entry)
    kept.sort(key=lambda entry: entry[:2], reverse=True)
    return [(match, text, item) for _, _, match, text, item in kept]


def section_command(section: Section) -> str:
    """The palette text for ``section``: ``"Go to section: <title>"`` (a long title cut)."""
    return GO_TO_SECTION + bounded(section.title or section.id)


def _help(section: Section) -> str | None:
    # The palette reads a hit's help as markup; a subtitle is document text.
    return escape(bounded(section.subtitle)) if section.subtitle else None


def _palette_asks(provider: Provider, query: str) -> Callable[[], bool]:
    """Whether the palette is still open with ``query`` typed.

    Textual cancels the palette's gathering when a key is typed or the palette
    closes, but not the providers' searches, which would go on to the end of
    100,000 sections each: they stop at their next pause instead.
    """

    palette = provider.app.screen
    if not isinstance(palette, CommandPalette):
        return _always  # searched from elsewhere (a script, a test): to the end

    def asks() -> bool:
        if provider.app.screen is not palette:
            return False
        try:
            return palette.query_one(CommandInput).value.strip() == query
        except NoMatches:
            return False

    return asks


class SectionsProvider(Provider):
    """The sections of the document on the main screen."""

    def _screen(self) -> MainScreen | None:
        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _sections(self, sections: Iterable[Section]) -> Iterator[tuple[str, Section]]:
        for section in sections:
            yield section_command(section), section

    async def discover(self) -> Hits:
        """Up to :data:`DISCOVERY_LIMIT` sections from the one being read, before anything
        is typed (all of them in a document that has no more)."""
        screen = self._screen()
        if screen is None:
            return
        sections = screen.document.sections
        start = max(0, min(screen.section_index, len(sections) - DISCOVERY_LIMIT))
        for text, section in self._sections(islice(sections, start, start + DISCOVERY_LIMIT)):
            yield DiscoveryHit(
                Content(text),
                partial(screen.go_to_section, section.id),
                text=text,
                help=_help(section),
            )

    async def search(self, query: str) -> Hits:
        """The sections whose command text matches ``query`` best.

        Args:
            query: What the user typed.
        """
        screen = self._screen()
        if screen is None:
            return
        sections = self._sections(screen.document.sections)
        found = await best_matches(query, sections, wanted=_palette_asks(self, query))
        for match, text, section in found:
            yield Hit(
                match.score,
                highlighted(text, match, self.match_style),
                partial(screen.go_to_section, section.id),
                text=text,
                help=_help(section),
            )


SWITCH_THEME = "Switch theme: "
"""Prefix of the one-step theme commands."""


class ViewProvider(Provider):
    """Show or hide the side panes, and switch theme in one step.

    Textual's own "Theme" command opens a second list of themes; these
    commands name each theme, so typing "theme nord" and Enter is enough. The
    theme commands are only offered once something is typed: listed before, they
    would bury every other command.
    """

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        if isinstance(screen, MainScreen):
            yield "Toggle outline", screen.action_toggle_outline, "Show or hide the outline (F2)"
            yield "Toggle facts", screen.action_toggle_facts, "Show or hide the facts (F3)"
            yield "Wider text", lambda: screen.action_text_width(1), "Widen the text column (+)"
            yield "Narrower text", lambda: screen.action_text_width(-1), "Narrow it (-)"

    def _themes(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app = self.app
        for name in sorted(app.available_themes):
            help_text = "the current theme" if name == app.theme else "switch to it"
            yield SWITCH_THEME + name, partial(setattr, app, "theme", name), help_text

    async def discover(self) -> Hits:
        """The pane toggles, before anything is typed."""
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """The toggles and themes whose text matches ``query``.

        Args:
            query: What the user typed.
        """
        matcher = self.matcher(query)
        for text, callback, help_text in (*self._commands(), *self._themes()):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), callback, text=text, help=help_text)


GO_TO_FACT = "Go to fact: "
"""Prefix of the fact commands."""


def fact_command(fact: Fact) -> str:
    """The palette text for ``fact``: ``"Go to fact: <surface> <normalized>"``."""
    return GO_TO_FACT + bounded(fact_label(fact))


def _fact_help(fact: Fact) -> str:
    # The palette reads a hit's help as markup; the counted words are document text.
    kind = KIND_LABELS[fact.kind]
    return escape(bounded(f"{kind} · {fact.counted}")) if fact.counted else kind


class FactsProvider(Provider):
    """The facts of the document on the main screen, once the sidebar has them.

    Choosing one goes to its first mention and highlights all its mentions
    (`n`/`N` walk them), as Enter in the sidebar does.
    """

    def _screen(self) -> MainScreen | None:
        screen = self.screen
        if isinstance(screen, MainScreen) and screen.fact_index is not None:
            return screen
        return None

    @staticmethod
    def _facts(screen: MainScreen) -> Iterator[tuple[str, Fact]]:
        index = screen.fact_index
        for fact in index.facts if index is not None else ():
            yield fact_command(fact), fact

    async def discover(self) -> Hits:
        """Up to :data:`DISCOVERY_LIMIT` facts that are not figures or dates (those are
        too many to list unasked)."""
        screen = self._screen()
        if screen is None:
            return
        index = screen.fact_index
        facts = index.facts if index is not None else ()
        named = (fact for fact in facts if fact.kind not in (FactKind.QUANTITY, FactKind.DATE))
        for fact in islice(named, DISCOVERY_LIMIT):
            text = fact_command(fact)
            yield DiscoveryHit(
                Content(text), partial(screen.show_fact, fact), text=text, help=_fact_help(fact)
            )

    async def search(self, query: str) -> Hits:
        """The facts whose command text matches ``query`` best.

        Args:
            query: What the user typed.
        """
        screen = self._screen()
        if screen is None:
            return
        found = await best_matches(query, self._facts(screen), wanted=_palette_asks(self, query))
        for match, text, fact in found:
            yield Hit(
                match.score,
                highlighted(text, match, self.match_style),
                partial(screen.show_fact, fact),
                text=text,
                help=_fact_help(fact),
            )
