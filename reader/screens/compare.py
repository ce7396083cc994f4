"""CompareScreen: this edition beside last year's, walked change by change.

Left, the section map (NEW's sections marked unchanged, changed with a share,
new, and OLD's dropped ones); in the middle, NEW's text with insertions
highlighted and OLD's deleted text inline, struck through (``d`` hides it), or
OLD | NEW side by side (``s``, 140 columns or more); right, what changed among
the figures and terms. ``]``/``[`` and ``n``/``N`` walk the changes.

NEW shows at once (its head, for a big text), then the section map and the
marked text, then what changed among the figures and terms: all computed off
the UI thread (:mod:`reader.screens.comparing`). Bookmarks here belong to NEW.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import OptionList
from textual.worker import get_current_worker

from reader.model.compare.comparison import Comparison
from reader.model.compare.merged import MergedView
from reader.model.document import Document
from reader.model.text.cleaning import visible_name
from reader.screens.comparing import Prepared, prepare
from reader.screens.note import NotePrompt
from reader.widgets.changes_list import ChangesList, chosen_change
from reader.widgets.key_bar import KeyBar
from reader.widgets.reading import ReadingPane
from reader.widgets.section_map import SectionMap
from reader.widgets.title_bar import TitleBar

SIDE_BY_SIDE_WIDTH = 140
"""Columns from which OLD | NEW can be shown side by side."""

NARROW_WIDTH = 100
"""Below this width the section map and the changes list start hidden."""


class CompareScreen(Screen[None]):
    """NEW compared with OLD: section map, marked text, what changed."""

    HELP_TITLE: ClassVar[str] = "Comparing"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket,n", "next_change", "Next change", key_display="]", priority=True
        ),
        Binding(
            "left_square_bracket,N",
            "previous_change",
            "Previous change",
            key_display="[",
            priority=True,
        ),
        Binding("d", "toggle_deleted", "Deletions"),
        Binding("s", "toggle_side_by_side", "Side by side"),
        Binding("m", "bookmark", "Bookmark"),
        Binding("o", "toggle_map", "Sections", show=False),
        Binding("f", "toggle_changes", "Changes", show=False),
        Binding("escape", "focus_text", "Text", show=False),
    ]
    """Keys of the comparison screen (reading keys come from the reading pane)."""

    def __init__(self, old: Document, new: Document) -> None:
        super().__init__()
        self.old = old
        self.new = new
        self.comparison: Comparison | None = None
        """Set when the edits are shown; again with the facts' changes (``facts_found``)."""
        self.facts_found = False
        """True once what changed among the figures and terms is known (it comes last)."""
        self._facts_waiting: Comparison | None = None
        self._edits_in = False
        self.view: MergedView | None = None
        self.views: Prepared | None = None
        self.show_deleted = True
        self.side_by_side = False
        self.change_index: int | None = None
        self.title_bar = TitleBar()
        self.section_map = SectionMap(id="section-map")
        self.changes_list = ChangesList(id="changes-list")
        self.old_pane = ReadingPane(old, id="old-text")
        self.reading = ReadingPane(new, id="reading")

    def compose(self) -> ComposeResult:
        """Title bar, section map, OLD (side by side only), NEW, changes, key bar."""
        yield self.title_bar
        with Horizontal(id="compare-panes"):
            yield self.section_map
            yield self.old_pane
            yield self.reading
            yield self.changes_list
        yield KeyBar()

    def on_mount(self) -> None:
        """Show NEW at once; compare in a worker."""
        self.title_bar.title = f"{self.new.title} ← {self.old.title}"
        self.title_bar.position = "comparing…"
        self.old_pane.display = False
        narrow = self.app.size.width < NARROW_WIDTH
        self.section_map.display = not narrow
        self.changes_list.display = not narrow
        self.reading.focus()
        self._compare()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _compare(self) -> None:
        worker = get_current_worker()
        try:
            complete = prepare(
                self.old,
                self.new,
                lambda: worker.is_cancelled,
                lambda prepared: self.app.call_from_thread(self._compared, prepared),
                lambda: self.app.call_from_thread(lambda: self.reading.text_width),
            )
        except Exception as error:  # any failure is a notification, never a crash
            self.app.call_from_thread(self._failed, error)
            return
        if complete is not None:
            self.app.call_from_thread(self._facts_found, complete)

    def _failed(self, error: Exception) -> None:
        if not self._edits_in:
            self.title_bar.position = "not compared"
            message = f"Could not compare: {error}"
        else:  # the edits are shown; only what changed among the facts is missing
            self.changes_list.show_note("Figures and terms not compared.")
            message = f"Could not compare the figures and terms: {error}"
        self.notify(visible_name(message), severity="error", markup=False)

    def _compared(self, prepared: Prepared) -> None:
        """The edits are in: show them in three steps, each after the frame the one
        before it drew, so that keys and frames go between them (together 0.12 s
        of the UI thread at 5 MB; messages in a row would run back to back): the
        section map, then the marked text, then its highlights."""
        comparison = prepared.comparison
        self._edits_in = True
        self.old, self.new = comparison.old, comparison.new
        self.title_bar.title = f"{self.new.title} ← {self.old.title}"  # full parses' titles
        self.old_pane.load_document(comparison.old, table=prepared.table(comparison.old))
        self.section_map.set_rows(prepared.rows)
        if prepared.complete:  # compared in one go: the facts' changes are in too
            self.changes_list.show_changes(comparison)
        else:
            self.changes_list.show_note("Finding the figures and terms that changed…", "dim")
        self.call_after_refresh(self._show_prepared, prepared)

    def _show_prepared(self, prepared: Prepared) -> None:
        self.views = prepared
        self._show(self._current_view(), self.reading.current_offset, lambda: self._shown(prepared))

    def _shown(self, prepared: Prepared) -> None:
        """The comparison is on screen: ``]`` and the map work from now on."""
        comparison = prepared.comparison
        self.comparison = comparison
        gc.freeze()  # the comparison and its views live as long as the screen: never rescanned
        self.notify(
            f"{prepared.changed} of {len(comparison.rows)} sections changed, "
            f"{len(comparison.changes)} edits"
        )
        if prepared.complete:  # listed already: only the state is set
            self._facts_waiting = None
            self.facts_found = True
        elif self._facts_waiting is not None:
            self._facts_found(self._facts_waiting)

    def _facts_found(self, comparison: Comparison) -> None:
        """What changed among the facts is in: list it (the edits were shown before)."""
        if self.comparison is None or self.views is None:  # still showing the edits
            self._facts_waiting = comparison
            return
        if self.facts_found and comparison is self.comparison:
            return  # listed already (a comparison made in one go)
        self._facts_waiting = None
        self.comparison = comparison
        self.views = replace(self.views, comparison=comparison)
        self.facts_found = True
        self.changes_list.show_changes(comparison)

    def _current_view(self) -> MergedView:
        assert self.views is not None
        return self.views.shown if self.show_deleted else self.views.hidden

    def _show(
        self, view: MergedView, new_offset: int, then: Callable[[], None] | None = None
    ) -> None:
        """Put ``view`` in the reading pane, keeping NEW's ``new_offset`` at the reading line.

        Its highlights follow after the next frame (the text and the highlights of
        5 MB cost the UI thread 60 ms and 35), and then ``then``.
        """
        old_view = self.view
        self.view = view
        if old_view is not None:
            new_offset = old_view.to_new.to_source(new_offset)
        table = None if self.views is None else self.views.table(view.document)
        self.reading.load_document(view.document, view.to_new.to_display(new_offset), table)
        self._update_position()
        self.call_after_refresh(self._highlight, view, then)

    def _highlight(self, view: MergedView, then: Callable[[], None] | None) -> None:
        if self.view is not view:  # another text was put there meanwhile
            return
        self.reading.set_highlights("inserted", view.inserted)
        self.reading.set_highlights("deleted", view.deleted)
        self._refresh_marks()
        if then is not None:
            then()

    # -- walking the changes ------------------------------------------------

    def _go_to_change(self, index: int) -> None:
        view, comparison = self.view, self.comparison
        if view is None or comparison is None or not view.stops:
            self.notify("No changes to walk." if view is not None else "Still comparing…")
            return
        wrapped = index >= len(view.stops) or index < 0
        index %= len(view.stops)
        self.change_index = index
        self.reading.scroll_to_offset(view.stops[index][0], center=True)
        self.reading.set_highlights("selection", [view.stops[index]])
        if self.side_by_side:
            self.old_pane.scroll_to_offset(comparison.changes[index].old_start, center=True)
        if wrapped:
            self.notify("Wrapped around", timeout=1.5)
        self._update_position()

    def action_next_change(self) -> None:
        """Go to the next change (wraps)."""
        self._go_to_change(self._nearest(after=True))

    def action_previous_change(self) -> None:
        """Go to the previous change (wraps)."""
        self._go_to_change(self._nearest(after=False))

    def _nearest(self, *, after: bool) -> int:
        if self.view is None:
            return 0
        if self.change_index is not None:
            return self.change_index + (1 if after else -1)
        return self.view.stop_from(self.reading.current_offset, after=after)

    def _update_position(self) -> None:
        if self.view is None:
            return
        total = len(self.view.stops)
        where = (
            f"change {self.change_index + 1}/{total}"
            if self.change_index is not None
            else f"{total} changes"
        )
        section = self.view.document.section_at(self.reading.current_offset)
        self.title_bar.position = where if section is None else f"{where} · {section.title[:40]}"

    def on_reading_pane_position_changed(self, event: ReadingPane.PositionChanged) -> None:
        """Keep the title bar's change and section in step with the text."""
        event.stop()
        self._update_position()

    # -- panes and modes -------------------------------------------------------

    def action_toggle_deleted(self) -> None:
        """Show or hide OLD's deleted text inline."""
        if self.comparison is None:
            return
        self.show_deleted = not self.show_deleted
        self.change_index = None
        self._show(self._current_view(), self.reading.current_offset)
        self.notify(
            "Deleted text shown" if self.show_deleted else "Deleted text hidden", timeout=1.5
        )

    def action_toggle_side_by_side(self) -> None:
        """OLD | NEW side by side (140 columns or more), or NEW with deletions inline."""
        if self.comparison is None:
            return
        if not self.side_by_side and self.app.size.width < SIDE_BY_SIDE_WIDTH:
            self.notify(
                f"Side by side needs {SIDE_BY_SIDE_WIDTH} columns or more.", severity="warning"
            )
            return
        self.side_by_side = not self.side_by_side
        self.old_pane.display = self.side_by_side
        if self.side_by_side:
            self.show_deleted = False
            self.old_pane.set_highlights(
                "deleted", [(c.old_start, c.old_end) for c in self.comparison.changes if c.deleted]
            )
        else:
            self.show_deleted = True
        self.change_index = None
        self._show(self._current_view(), self.reading.current_offset)

    def action_toggle_map(self) -> None:
        """Show or hide the section map."""
        self.section_map.display = not self.section_map.display

    def action_toggle_changes(self) -> None:
        """Show or hide the list of what changed."""
        self.changes_list.display = not self.changes_list.display

    def action_focus_text(self) -> None:
        """Back to the text."""
        self.reading.focus()

    def on_section_map_selected(self, event: SectionMap.Selected) -> None:
        """Go to the chosen section (in both texts, side by side)."""
        event.stop()
        comparison, view = self.comparison, self.view
        if comparison is None or view is None:
            return
        row = comparison.rows[event.index]
        if row.pair.new is None:
            title = comparison.old.sections[row.pair.old or 0].title[:80]
            self.notify(f"Dropped from this edition: {title}", markup=False)
            return
        section = view.document.sections[row.pair.new]
        self.change_index = None
        self.reading.scroll_to_offset(section.start)
        if self.side_by_side and row.pair.old is not None:
            self.old_pane.scroll_to_offset(self.old.sections[row.pair.old].start)
        self.reading.focus()

    @on(OptionList.OptionSelected, "#changes-list")
    def _change_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        comparison, view = self.comparison, self.view
        key = event.option.id
        if comparison is None or view is None or not key:
            return
        span, old_span, note = chosen_change(comparison, key)
        if note is not None or span is None:
            self.notify(note or "", markup=False)
            return
        if old_span is not None and self.side_by_side:
            self.old_pane.scroll_to_offset(old_span[0], center=True)
            self.old_pane.set_highlights("selection", [old_span])
        start, end = view.to_new.to_display(span[0]), view.to_new.to_display(span[1])
        self.change_index = None
        self.reading.scroll_to_offset(start, center=True)
        self.reading.set_highlights("selection", [(start, max(end, start + 1))])
        self.reading.focus()

    # -- bookmarks belong to NEW -------------------------------------------------

    def action_bookmark(self) -> None:
        """Bookmark the passage at the reading line, in NEW."""
        view = self.view
        paragraph = self.reading.current_paragraph
        if view is None or paragraph is None:
            return
        start = view.to_new.to_source(paragraph.start)
        end = view.to_new.to_source(paragraph.end)
        text = self.new.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return

        def save(note: str | None) -> None:
            keeper = getattr(self.app, "bookmarks", None)
            if note is None or keeper is None:
                return

            def added(_: object) -> None:
                self._refresh_marks()
                self.notify("Bookmarked (in this edition)", timeout=2)

            # Saves run in the store's thread, after anything asked before.
            keeper.submit(lambda store: store.add(self.new, start, end, note), added)

        self.app.push_screen(NotePrompt(text[start:end]), save)

    def _refresh_marks(self) -> None:
        keeper = getattr(self.app, "bookmarks", None)
        view = self.view
        if keeper is None or view is None or not keeper.loaded:
            return
        record = keeper.call(lambda store: store.record_for(self.new))
        bookmarks = record.bookmarks if record is not None else ()
        self.reading.set_marks(
            [
                (view.to_new.to_display(b.start), view.to_new.to_display(b.end))
                for b in bookmarks
                if not b.detached
            ]
        )
