"""FactList: one OptionList of fact groups, headings as disabled rows, long groups paged.

A 10 MB text has ~100,000 figures; building an option for each would stall the
UI. Each group shows at most ``PAGE`` rows and then a "… N more" row; Enter on
it shows ``PAGE`` more. Headings are disabled options, so the arrows and j/k
move over facts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model.document import Fact, FactKind
from reader.view.fact_index import FactGroups
from reader.view.fact_rows import fact_row, heading_row, more_row
from reader.view.fitting import fit_counted, fit_text
from reader.widgets.paging import can_page

PAGE = 200
"""Rows shown per group before a "… N more" row, and added by each expansion."""

Row = Fact | FactKind | None
"""What an option stands for: a fact, the "more" row of a kind, or a heading/message."""


class FactList(OptionList, inherit_bindings=False):
    """The fact groups of the sidebar, one row per fact."""

    DEFAULT_CSS = """
    FactList {
        height: 1fr;
        /* Rows are cut at the sidebar's edge with an ellipsis, never wrapped. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next fact", show=False),
        Binding("k,up", "cursor_up", "Previous fact", show=False),
        Binding("enter", "select", "Jump there, highlight every mention", show=False),
        Binding("home", "first", "First fact", show=False),
        Binding("end", "last", "Last fact", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]
    """The list's own keys only: ScrollView's horizontal keys do nothing here, and
    the help should not list them."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """Create an empty list.

        Args:
            id: Widget id.
        """
        super().__init__(id=id, markup=False)
        self._rows: list[Row] = []
        self._groups: FactGroups = []
        self._limits: dict[FactKind, int] = {}

    def show_message(self, message: str) -> None:
        """Replace the list with one line of text ("Finding facts…", "No facts found").

        Args:
            message: Plain text (never markup).
        """
        self._groups = []
        self._rows = [None]
        self.set_options([Option(Text(message, style="italic"), disabled=True)])

    def show_groups(self, groups: FactGroups, *, keep_limits: bool = False) -> None:
        """List ``groups``: a heading per kind, then its first rows.

        The highlighted fact stays highlighted when it is still listed.

        Args:
            groups: Non-empty groups in kind order.
            keep_limits: Keep the groups expanded as far as they were (same scope).
        """
        if not keep_limits:
            self._limits = {}
        self._groups = groups
        self._rebuild()

    def fact_at(self, index: int) -> Fact | None:
        """The fact of option ``index``, or ``None`` for headings and other rows."""
        row = self._rows[index] if 0 <= index < len(self._rows) else None
        return row if isinstance(row, Fact) else None

    def chosen(self, event: OptionList.OptionSelected) -> Row:
        """What a selection stands for, if it still refers to this list as it is now.

        A selection is posted with the index of its option; when ``t`` or a
        section change rebuilt the list before the message was handled (keys
        queued together), the index refers to the old list and is ignored.
        """
        index = event.option_index
        if event.option_list is not self or not 0 <= index < min(
            self.option_count, len(self._rows)
        ):
            return None
        if self.get_option_at_index(index) is not event.option:
            return None
        return self._rows[index]

    def action_page_up(self) -> None:
        """Move the highlight a page up (nothing while the list has no rows to show)."""
        if self.highlighted is None:
            self.action_first()
        elif can_page(self):
            self._move_page(-1)

    def action_page_down(self) -> None:
        """Move the highlight a page down (nothing while the list has no rows to show)."""
        if self.highlighted is None:
            self.action_last()
        elif can_page(self):
            self._move_page(1)

    @property
    def highlighted_fact(self) -> Fact | None:
        """The fact under the cursor, if any."""
        return None if self.highlighted is None else self.fact_at(self.highlighted)

    def _rebuild(self, keep: Row = None) -> None:
        keep = keep if keep is not None else self.highlighted_fact
        rows: list[Row] = []
        options: list[Option] = []
        # Cut here, not by the list: its ellipsis could follow a “ or a space, or the count.
        width = self.scrollable_content_region.width
        for kind, facts in self._groups:
            limit = self._limits.get(kind, PAGE)
            rows.append(None)
            options.append(Option(fit_counted(heading_row(kind, len(facts)), width), disabled=True))
            shown: Sequence[Fact] = facts[:limit]
            rows.extend(shown)
            options.extend(Option(fit_text(fact_row(fact), width)) for fact in shown)
            if len(facts) > limit:
                rows.append(kind)
                options.append(Option(more_row(len(facts) - limit)))
        self._rows = rows
        self.set_options(options)
        target = None
        if keep is not None:
            target = next((i for i, row in enumerate(rows) if row == keep), None)
        if target is not None:
            self.highlighted = target
        else:
            self.action_first()

    def on_resize(self) -> None:
        """Cut the rows again at the new width (the highlighted fact stays)."""
        if self._groups:
            self._rebuild()

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went (no resize event): cut the rows to the new width."""
        if self._groups:
            self.call_after_refresh(self._rebuild)

    @on(OptionList.OptionSelected)
    def _expand(self, event: OptionList.OptionSelected) -> None:
        # Only "more" rows are handled here; a chosen fact goes on up to the pane.
        row = self.chosen(event)
        if not isinstance(row, FactKind):
            return
        event.stop()
        self._limits[row] = self._limits.get(row, PAGE) + PAGE
        facts = dict(self._groups).get(row, ())
        first_new = self._limits[row] - PAGE
        # The cursor lands on the first row that was hidden, where "more" was.
        self._rebuild(keep=facts[first_new] if first_new < len(facts) else None)
