"""MainScreen: outline, reading pane and facts sidebar, and the messages between them.

Panes never query each other. Messages come up to this screen, which holds the
panes and tells each what to show ("messages up, attributes down").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from reader.model.document import Document, Fact
from reader.screens.document_list import DocumentListScreen
from reader.screens.fact_finder import FactFinder
from reader.screens.highlights import Highlights
from reader.screens.marking import Marking, Place
from reader.screens.pane_keys import PaneKeys
from reader.screens.searching import SearchController
from reader.screens.side_panes import NARROW_WIDTH, SidePanes
from reader.store.records import DocumentRecord
from reader.view.cycle import HighlightCycle
from reader.view.fact_index import FactIndex
from reader.view.position import position_label
from reader.widgets.facts import FactsPane
from reader.widgets.key_bar import KeyBar
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingLine, ReadingPane
from reader.widgets.search_bar import SearchBar
from reader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.screens.bookmarks import Choice

__all__ = ["NARROW_WIDTH", "MainScreen"]

TEXT_SHOWN_WAIT = 1.0
"""Seconds after mounting when work waiting for the text's first frame starts anyway
(a text with nothing to lay out, or a pane with no room, sets no reading line)."""


class MainScreen(PaneKeys, Screen[None]):
    """The reading screen: three panes, a header and a footer.

    The app builds it (``ReaderApp.open_document``, the one place) and, to show
    another document or the full parse of a head-only one, calls
    :meth:`replace_document`: the panes stay, and so do what the reader set up.
    """

    @dataclass
    class OpenRequested(Message):
        """The reader asked for another document (a bookmark of it): the app opens it."""

        path: Path
        """The document's file."""
        at: Place
        """Where to open it (see :data:`reader.screens.marking.Place`)."""

    HELP_TITLE: ClassVar[str] = "Panes"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "focus_outline", "Outline", tooltip="Focus the outline (shows it if hidden)"),
        Binding(
            "f", "focus_facts", "Facts", tooltip="Focus the facts sidebar (shows it if hidden)"
        ),
        Binding("f2", "toggle_outline", "Toggle outline", show=False),
        Binding("f3", "toggle_facts", "Toggle facts", show=False),
        Binding("t", "toggle_facts_scope", "Facts scope", tooltip="Facts of this section or all"),
        Binding("escape", "focus_reading", "Back to text / clear search", show=False),
        Binding("slash", "open_search", "Search", key_display="/"),
        Binding("n", "next_highlight", "Next match", tooltip="Next search match or fact mention"),
        Binding(
            "N",
            "previous_highlight",
            "Prev match",
            tooltip="Previous search match or mention",
            show=False,
        ),
        Binding("m", "add_bookmark", "Bookmark", tooltip="Bookmark the passage (or selection)"),
        Binding("B", "show_bookmarks", "Bookmarks", tooltip="List every bookmark"),
        Binding("v", "start_selection", "Select", show=False),
        Binding("y", "copy_passage", "Copy", show=False, tooltip="Copy the passage or selection"),
        Binding("Y", "copy_passage(True)", "Copy with citation", show=False),
        Binding("ctrl+g,equals_sign", "show_status", "Where am I", show=False),
        Binding("plus", "text_width(1)", "Wider text", show=False),
        Binding("minus", "text_width(-1)", "Narrower text", show=False),
        Binding("backspace", "back_to_documents", "Back to the document list", show=False),
        # Priority while selecting (the actions skip otherwise): j/k are the reading keys.
        Binding("j,down", "grow_selection", "Add a sentence", show=False, priority=True),
        Binding("k,up", "shrink_selection", "Drop a sentence", show=False, priority=True),
        Binding("escape", "cancel_selection", "Cancel selection", show=False, priority=True),
    ]
    """Pane keys; Tab and Shift+Tab (from Screen) cycle focus over the visible panes."""

    def __init__(self, document: Document, *, at: Place = None, name: str | None = None) -> None:
        """Create the screen for ``document``.

        Args:
            document: The document to read.
            at: Where to open it: an offset, a bookmark id, or ``None`` for the
                saved position.
            name: Screen name.
        """
        super().__init__(name=name)
        self.document = document
        self.title = document.title
        self._section_number = 1 if document.sections else 0
        self._fraction = 0.0
        self.outline = OutlinePane(document.sections, id="outline", classes="pane")
        self.reading = ReadingPane(document, id="reading", classes="pane")
        self.facts = FactsPane(document, id="facts", classes="pane")
        self.title_bar = TitleBar(id="title-bar")
        self.title_bar.title = document.title
        if document.sections:
            self.title_bar.section = document.sections[0].title
        self.side_panes = SidePanes(self.outline, self.facts, self.reading)
        """Which side panes show, and how wide (the width rule and the reader's choice)."""
        self.fact_finder = FactFinder(self.facts)
        self.highlights = Highlights(self.reading, self._update_position)
        """What `n`/`N` walk: the last search or the last fact's mentions."""
        self.marking = Marking(self.reading, self._open_other, at)
        """Bookmarks, the sentence selection and the saved reading position."""
        # A pane for the help: its keys are listed even while it is closed.
        self.search_bar = SearchBar(id="search-bar", classes="pane")
        self.searching = SearchController(
            self.reading, self.outline, self.search_bar, self.highlights
        )
        """Runs `/` searches; this screen routes the bar's messages to it."""
        self._text_shown = False
        self._after_text: list[Callable[[], object]] = []
        self._update_position()

    def compose(self) -> ComposeResult:
        """Title bar, the three panes side by side, search bar, footer."""
        yield self.title_bar
        with Horizontal(id="panes"):
            yield self.outline
            yield self.reading
            yield self.facts
        yield self.search_bar
        yield KeyBar()

    def on_mount(self) -> None:
        """Apply the saved settings, fit the panes to the terminal, start in the text."""
        self.apply_settings()
        self.side_panes.fit(self.app.size.width)
        self.reading.focus()
        if self.document.sections:
            self.outline.current = self.document.sections[0].id
        # Synchronous: the title bar and outline change in the frame that scrolls the text.
        self.watch(self.reading, "reading_line", self._reading_line_moved)
        self.marking.store_ready()
        self.set_timer(TEXT_SHOWN_WAIT, self._text_laid_out)
        # Facts wait for the text's first frame: finding them shares the
        # interpreter with the UI, and the text matters more than the sidebar.
        if self.document.complete:  # a head-only parse waits for the full one
            document = self.document
            self.after_text_shown(lambda: self._find_facts_of(document))

    def after_text_shown(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` after the first frame that shows the text (work that
        would compete with drawing it: the full parse, the facts).

        The panes lay out when they learn their size, a frame after the screen's
        first one; ``call_after_refresh`` alone would start the work before the
        text is drawn. Once the text has been shown, the callback runs after the
        next refresh.

        Args:
            callback: What to run, on the UI thread.
        """
        if self._text_shown:
            self.call_after_refresh(callback)
        else:
            self._after_text.append(callback)

    def _text_laid_out(self) -> None:
        # The reading pane has placed its first line: the next refresh draws it.
        if self._text_shown:
            return
        self._text_shown = True
        callbacks, self._after_text = self._after_text, []
        for callback in callbacks:
            self.call_after_refresh(callback)

    def _find_facts_of(self, document: Document) -> None:
        if document is self.document:  # not replaced meanwhile (that finds its own)
            self.fact_finder.find(document)

    def on_unmount(self) -> None:
        """Save the reading position when the screen goes (quit, back to the list)."""
        self.marking.save_position(wait=True)

    # -- the document -----------------------------------------------------------

    def replace_document(
        self, document: Document, *, at: Place = None, same_source: bool = False
    ) -> None:
        """Show ``document`` in these panes, keeping what the reader set up.

        Pane visibility, focus, an open search bar and its query (searched
        again in the new text) and the facts scope stay as they are. For the
        same text (the full parse of a head-only document) the reading
        position, the highlights and the selection stay too; for another text
        the old position is saved and the reader goes to ``at``.

        Args:
            document: The document to show.
            at: Where to open another text (ignored for the same text).
            same_source: ``document`` is the full parse of the one shown (its
                head differs from the full text only past the head: positions
                are carried over by ``Document.carry_offset``).
        """
        same_text = same_source or document.source_text == self.document.source_text
        moved = self.marking.moved
        offset = self.reading.current_offset if same_text else 0
        if same_text:
            offset = self.document.carry_offset(offset, document)
        if not same_text:
            self.marking.save_position()
            self.highlights.set(None)
        self.document = document
        self.title = document.title
        self.title_bar.title = document.title
        self.title_bar.section = document.sections[0].title if document.sections else ""
        self._section_number = 1 if document.sections else 0
        self.reading.load_document(document, offset)
        self.outline.sections = document.sections
        self.facts.show_document(document, facts_pending=True)
        if document.complete:
            self.fact_finder.find(document)
        self.searching.document_replaced(same_text)
        self.highlights.redraw()
        self.marking.document_replaced(same_text, moved=moved, at=at)
        self._update_position()

    def store_ready(self) -> None:
        """The app's bookmark store has been read: marks, and the opening place."""
        self.marking.store_ready()

    def bookmark_records(self) -> list[DocumentRecord]:
        """Every document record of the bookmark store (empty before it is read)."""
        keeper = self.marking.keeper
        if keeper is None or not keeper.loaded:
            return []
        return keeper.call(lambda store: store.documents()) or []

    def go_to_bookmark(self, choice: Choice) -> None:
        """Go to a bookmark, opening its document when it is another one.

        Args:
            choice: The bookmark (from the list or the palette).
        """
        self.marking.jump(choice)

    def _open_other(self, path: Path, bookmark_id: str) -> None:
        self.post_message(self.OpenRequested(path, bookmark_id))

    @property
    def fact_index(self) -> FactIndex | None:
        """The document's facts, once found."""
        return self.facts.index

    # -- layout -------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Fit the side panes to the new width."""
        self.side_panes.fit(event.size.width)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Backspace returns to the folder's document list only when there is one."""
        if action == "back_to_documents":
            return DocumentListScreen.under(self) is not None
        return True

    def action_back_to_documents(self) -> None:
        """Close this document (its position is saved) and show the folder's list again."""
        if DocumentListScreen.under(self) is not None:
            self.app.pop_screen()

    # -- navigation -----------------------------------------------------------

    def go_to_section(self, section_id: str) -> None:
        """Scroll the reading pane to a section and mark it in the outline.

        Args:
            section_id: Id of the section to show.
        """
        section = self.document.section_by_id(section_id)
        if section is None:
            return
        self.reading.scroll_to_section(section_id)
        self._set_section(section.index)

    @property
    def section_index(self) -> int:
        """Index of the section being read (0 in a document without sections)."""
        return max(0, self._section_number - 1)

    def _set_section(self, index: int) -> None:
        section_id = self.document.sections[index].id
        self._section_number = index + 1
        self.outline.current = section_id
        self.facts.section = section_id
        self._update_position(section=self.document.sections[index].title)

    def _update_position(self, section: str | None = None) -> None:
        label = position_label(self._section_number, len(self.document.sections), self._fraction)
        # Where n/N stand ("四风 3/17"): the search bar is closed while moving.
        walked = self.highlights.label
        if walked is not None:
            label += f" · {walked}"
        # Not Screen.sub_title: setting it repaints the whole screen, on every key.
        self.title_bar.show(section=section, position=label)

    def action_next_highlight(self) -> None:
        """Go to the next search match or fact mention."""
        self.highlights.step(forward=True)

    def action_previous_highlight(self) -> None:
        """Go to the previous search match or fact mention."""
        self.highlights.step(forward=False)

    # -- bookmarks (the logic is in Marking) ----------------------------------

    def action_add_bookmark(self) -> None:
        """Bookmark the current passage, or the selection, with a note."""
        self.marking.add_bookmark()

    def action_show_bookmarks(self) -> None:
        """Open the list of every bookmark."""
        self.marking.show_list()

    def action_start_selection(self) -> None:
        """Select the current passage's first sentence; j/k grow or shrink it."""
        self.marking.start_selection()

    def _not_typing(self) -> None:
        # Typing in an input (the search bar): the key goes into the input.
        if isinstance(self.focused, Input):
            raise SkipAction()

    def action_grow_selection(self) -> None:
        """Add the next sentence to the selection."""
        self._not_typing()
        self.marking.grow_selection()

    def action_shrink_selection(self) -> None:
        """Drop the last sentence of the selection."""
        self._not_typing()
        self.marking.shrink_selection()

    def action_cancel_selection(self) -> None:
        """Leave selection mode."""
        self._not_typing()
        self.marking.cancel_selection()

    @on(OutlinePane.SectionSelected)
    def _outline_selected(self, event: OutlinePane.SectionSelected) -> None:
        event.stop()
        # Back to the text: the next space pages instead of folding the outline.
        self.go_to_section(event.section_id)
        self.side_panes.close_transient()
        self.reading.focus()

    def _reading_line_moved(self, old: ReadingLine | None, new: ReadingLine | None) -> None:
        """The text scrolled: the title bar, outline and facts follow, in the same frame."""
        if new is None:
            return
        self._text_laid_out()
        self._fraction = new.fraction
        section = None if new.section_id is None else self.document.section_by_id(new.section_id)
        if section is None:
            self._update_position()
            return
        # Set on every move (unchanged values repaint nothing): the panes follow
        # the reading line even after something else set them.
        self._set_section(section.index)  # updates the position too
        if old is None or new.section_id != old.section_id:
            self.marking.schedule_save()

    # -- facts (found off the UI thread; the sidebar lists them) ---------------

    def show_fact(self, fact: Fact) -> None:
        """Go to ``fact``'s first mention and highlight them all; `n`/`N` walk them.

        Args:
            fact: A fact of this document.
        """
        spans = [mention.span for mention in fact.mentions]
        if not spans:
            return
        # The cycle's first step starts at the reading line: put it on the first mention.
        self.reading.scroll_to_offset(spans[0][0])
        self.highlights.set(HighlightCycle("facts", spans, label=fact.text), jump=True)

    @on(FactsPane.FactChosen)
    def _fact_chosen(self, event: FactsPane.FactChosen) -> None:
        event.stop()
        # Focus stays in the sidebar to browse on (n/N and Escape work from there),
        # unless it was opened on a narrow terminal only to pick this fact.
        self.show_fact(event.fact)
        self.side_panes.close_transient()

    # -- search (the logic is in SearchController) ----------------------------

    def action_open_search(self) -> None:
        """Open the search bar at the bottom."""
        self.search_bar.open()
        self.search_bar.set_status(self.searching.status())

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        event.stop()
        self.searching.update(event.text, event.regex)

    @on(SearchBar.Submitted)
    @on(SearchBar.Cancelled)
    def _search_closed(self, event: SearchBar.Submitted | SearchBar.Cancelled) -> None:
        event.stop()
        self.search_bar.close()
        self.reading.focus()
        if isinstance(event, SearchBar.Submitted):
            self.searching.submit(event.text, event.regex)
        else:
            self.searching.clear()
