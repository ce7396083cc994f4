"""MainScreen: outline, reading pane and facts sidebar, and the messages between them.

Panes never query each other. Messages come up to this screen, which holds the
panes and tells each what to show ("messages up, attributes down").
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.worker import get_current_worker

from reader.background import run_detached
from reader.model.document import Document, Fact
from reader.screens.marking import Marking
from reader.screens.searching import SearchController
from reader.view.cycle import HighlightCycle
from reader.view.fact_rows import FactIndex
from reader.widgets.facts import FactsPane
from reader.widgets.outline import OutlinePane
from reader.widgets.reading import ReadingPane
from reader.widgets.search_bar import SearchBar
from reader.widgets.title_bar import TitleBar

NARROW_WIDTH = 100
"""Below this many columns both side panes start hidden."""


def position_label(section_number: int, section_count: int, fraction: float) -> str:
    """The title bar's position, e.g. ``"section 2/4 · 37%"``.

    Args:
        section_number: 1-based number of the current section (0 when unknown).
        section_count: How many sections the document has.
        fraction: How far through the document the view is, 0.0 to 1.0.
    """
    percent = round(max(0.0, min(1.0, fraction)) * 100)
    return f"section {section_number}/{section_count} · {percent}%"


def _view_commands() -> type[Provider]:
    """The palette's pane and theme commands (imported late: commands.py imports this)."""
    from reader.commands import ViewProvider

    return ViewProvider


class MainScreen(Screen[None]):
    """The reading screen: three panes, a header and a footer."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {_view_commands}
    """Palette commands of this screen: toggle the panes, switch theme."""

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
        Binding("backspace", "back_to_documents", "Back to the document list", show=False),
        # Priority while selecting (the actions skip otherwise): j/k are the reading keys.
        Binding("j,down", "grow_selection", "Add a sentence", show=False, priority=True),
        Binding("k,up", "shrink_selection", "Drop a sentence", show=False, priority=True),
        Binding("escape", "cancel_selection", "Cancel selection", show=False, priority=True),
    ]
    """Pane keys; Tab and Shift+Tab (from Screen) cycle focus over the visible panes."""

    def __init__(self, document: Document, *, name: str | None = None) -> None:
        """Create the screen for ``document``.

        Args:
            document: The document to read.
            name: Screen name.
        """
        super().__init__(name=name)
        self.document = document
        self.title = document.title
        self._section_number = 1 if document.sections else 0
        self._fraction = 0.0
        # None until the user shows or hides a pane by hand; then the width rule
        # stops overriding their choice.
        self._outline_choice: bool | None = None
        self._facts_choice: bool | None = None
        self._narrow: bool | None = None
        self.cycle: HighlightCycle | None = None
        """What `n`/`N` walk: the last search or the last fact's mentions."""
        self.outline = OutlinePane(document.sections, id="outline", classes="pane")
        self.reading = ReadingPane(document, id="reading", classes="pane")
        self.facts = FactsPane(document, id="facts", classes="pane")
        self.title_bar = TitleBar(id="title-bar")
        self.title_bar.title = document.title
        self.marking = Marking(self)
        """Bookmarks, the sentence selection and the saved reading position."""
        # A pane for the help: its keys are listed even while it is closed.
        self.search_bar = SearchBar(id="search-bar", classes="pane")
        self.searching = SearchController(self)
        """Runs `/` searches; this screen routes the bar's messages to it."""
        self._update_position()

    def compose(self) -> ComposeResult:
        """Title bar, the three panes side by side, search bar, footer."""
        yield self.title_bar
        with Horizontal(id="panes"):
            yield self.outline
            yield self.reading
            yield self.facts
        yield self.search_bar
        yield Footer()

    def on_mount(self) -> None:
        """Fit the panes to the terminal width and start in the reading pane."""
        self._apply_width(self.app.size.width)
        self.reading.focus()
        if self.document.sections:
            self.outline.current = self.document.sections[0].id
        self.marking.store_ready()
        # Facts wait for the first frame: the extractor shares the interpreter
        # with the UI, and the text matters more than the sidebar at start-up.
        if self.document.complete:  # a head-only parse waits for the full one
            self.call_after_refresh(self._find_facts)

    def on_unmount(self) -> None:
        """Save the reading position when the screen goes (quit, another document)."""
        self.marking.save_position()

    # -- layout -------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Hide or show the side panes when the width crosses the threshold."""
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if self._outline_choice is None:
            self.outline.display = not narrow
        if self._facts_choice is None:
            self.facts.display = not narrow

    def _show_pane(self, pane: Widget, shown: bool) -> None:
        if pane is self.outline:
            self._outline_choice = shown
        else:
            self._facts_choice = shown
        pane.display = shown
        if not shown and (self.focused is None or pane in self.focused.ancestors_with_self):
            self.reading.focus()

    def action_toggle_outline(self) -> None:
        """Show or hide the outline."""
        self._show_pane(self.outline, not self.outline.display)

    def action_toggle_facts(self) -> None:
        """Show or hide the facts sidebar."""
        self._show_pane(self.facts, not self.facts.display)

    def action_focus_outline(self) -> None:
        """Focus the outline, showing it if hidden."""
        if not self.outline.display:
            self._show_pane(self.outline, True)
        self.outline.section_tree.focus()

    def action_focus_facts(self) -> None:
        """Focus the facts sidebar, showing it if hidden."""
        if not self.facts.display:
            self._show_pane(self.facts, True)
        self.facts.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Backspace returns to the folder's document list only when there is one."""
        if action == "back_to_documents":
            return self._document_list() is not None
        return True

    def _document_list(self) -> Screen[object] | None:
        """The folder picker this document was opened from, if any."""
        stack = self.app.screen_stack
        if len(stack) < 2 or stack[-1] is not self:
            return None
        below = stack[-2]
        return below if type(below).__name__ == "PickerScreen" else None

    def action_back_to_documents(self) -> None:
        """Close this document (its position is saved) and show the folder's list again."""
        if self._document_list() is not None:
            self.app.pop_screen()

    def action_focus_reading(self) -> None:
        """Give focus back to the reading pane; in it, clear an active search."""
        if self.focused is self.reading and self.searching.clear():
            return
        self.reading.focus()

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

    def _set_section(self, index: int) -> None:
        section_id = self.document.sections[index].id
        self._section_number = index + 1
        self.outline.current = section_id
        self.facts.section = section_id
        self._update_position()

    def _update_position(self) -> None:
        label = position_label(self._section_number, len(self.document.sections), self._fraction)
        # Where n/N stand ("四风 3/17"): the search bar is closed while moving.
        if self.cycle is not None and self.cycle.index is not None:
            label += f" · {self.cycle.label} {self.cycle.status}"
        # Not Screen.sub_title: setting it repaints the whole screen, on every key.
        self.title_bar.position = label

    # -- highlights walked with n / N ------------------------------------------

    def set_cycle(self, cycle: HighlightCycle | None, *, jump: bool = False) -> None:
        """Show ``cycle``'s spans in the reading pane and make `n`/`N` walk them.

        Replacing a cycle clears the previous one's layer (one set of
        highlights at a time keeps `n`/`N` unambiguous).

        Args:
            cycle: The spans to highlight, or ``None`` to clear.
            jump: Move to the first span at or after the reading position now.
        """
        if self.cycle is not None and (cycle is None or cycle.layer != self.cycle.layer):
            self.reading.set_highlights(self.cycle.layer, [])
        self.cycle = cycle
        self._update_position()
        if cycle is None:
            return
        self.reading.set_highlights(cycle.layer, cycle.spans, current=cycle.index)
        if jump:
            self._step_cycle(forward=True)

    def _step_cycle(self, *, forward: bool) -> None:
        cycle = self.cycle
        if cycle is None or not len(cycle):
            self.notify("Nothing to move through: search with / or pick a fact", timeout=3)
            return
        moved = cycle.step(forward, self.reading.current_offset)
        if moved is None:
            return
        index, wrapped = moved
        start, _ = cycle.spans[index]
        self.reading.set_highlights(cycle.layer, cycle.spans, current=index)
        self.reading.scroll_to_offset(start, center=True)
        self._update_position()
        if wrapped:
            where = "end, continuing at the top" if forward else "top, continuing at the end"
            self.notify(f"Passed the {where} ({cycle.status})", timeout=3)

    def action_next_highlight(self) -> None:
        """Go to the next search match or fact mention."""
        self._step_cycle(forward=True)

    def action_previous_highlight(self) -> None:
        """Go to the previous search match or fact mention."""
        self._step_cycle(forward=False)

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

    def action_grow_selection(self) -> None:
        """Add the next sentence to the selection."""
        self.marking.grow_selection()

    def action_shrink_selection(self) -> None:
        """Drop the last sentence of the selection."""
        self.marking.shrink_selection()

    def action_cancel_selection(self) -> None:
        """Leave selection mode."""
        self.marking.cancel_selection()

    @on(OutlinePane.SectionSelected)
    def _outline_selected(self, event: OutlinePane.SectionSelected) -> None:
        event.stop()
        # Focus stays in the outline so the reader can keep browsing; Escape returns.
        self.go_to_section(event.section_id)

    @on(ReadingPane.SectionVisible)
    def _section_visible(self, event: ReadingPane.SectionVisible) -> None:
        event.stop()
        section = self.document.section_by_id(event.section_id)
        if section is not None:
            self._set_section(section.index)
        self.marking.schedule_save()

    @on(ReadingPane.PositionChanged)
    def _position_changed(self, event: ReadingPane.PositionChanged) -> None:
        event.stop()
        self._fraction = event.fraction
        self._update_position()

    # -- facts (found off the UI thread; the sidebar lists them) ---------------

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def _find_facts(self) -> None:
        # The first frame never waits: the sidebar says "Finding facts…" meanwhile.
        worker = get_current_worker()
        document = self.document
        try:
            # Detached: quitting must not wait for a big document's facts.
            index = run_detached(lambda: FactIndex.build(document), lambda: worker.is_cancelled)
        except Exception as error:  # an extractor bug must not take the reader down
            self.app.call_from_thread(self._facts_failed, error)
            return
        if index is not None:
            self.app.call_from_thread(self._facts_found, index)

    def _facts_found(self, index: FactIndex) -> None:
        self.facts.show_facts(index)
        # A big document's facts are hundreds of thousands of long-lived
        # objects; left to the cyclic collector, each of its full passes
        # stalls a key press by ~100 ms. They never form cycles worth finding.
        gc.freeze()

    def _facts_failed(self, error: Exception) -> None:
        self.facts.show_error("Facts unavailable")
        self.notify(f"Could not find the facts: {type(error).__name__}", severity="error")

    def action_toggle_facts_scope(self) -> None:
        """List the facts of the section being read, or of the whole document."""
        self.facts.toggle_scope()
        if not self.facts.display:
            self.notify(self.facts.scope_title, timeout=2)

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
        self.set_cycle(HighlightCycle("facts", spans, label=fact.text), jump=True)

    @on(FactsPane.FactChosen)
    def _fact_chosen(self, event: FactsPane.FactChosen) -> None:
        event.stop()
        # Focus stays in the sidebar to browse on; n/N and Escape work from there.
        self.show_fact(event.fact)

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
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        self.search_bar.close()
        self.reading.focus()
        self.searching.submit(event.text, event.regex)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self, event: SearchBar.Cancelled) -> None:
        event.stop()
        self.search_bar.close()
        self.reading.focus()
        self.searching.clear()
