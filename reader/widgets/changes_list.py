"""The comparison's "What changed" list: figures whose value changed, new and dropped terms.

Each row's id says what it stands for: ``q3`` the fourth changed figure, ``a0``
the first new term, ``d2`` the third dropped one (indexes into the
comparison's ``quantities``, ``added`` and ``dropped``).

The rows go in a screenful at a time, one batch after each frame: an option
list measures every option it is given at once (900 rows of a 5 MB comparison
held the UI thread ~90 ms in one go), and a key between two batches waits for
one batch only.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model.compare.comparison import Comparison
from reader.model.document import Span

LISTED = 300
"""At most this many changed figures (and as many names of each list) are listed;
``reader compare --format json`` has them all."""

BATCH = 24
"""Rows added at a time, one batch a frame."""


def _more(count: int) -> list[Option]:
    if count <= LISTED:
        return []
    more = Text(f"… {count - LISTED} more: reader compare --format json", style="dim")
    return [Option(more, disabled=True)]


def change_options(comparison: Comparison) -> list[Option]:
    """The list's rows for ``comparison`` (a heading row before each kind of change)."""
    options: list[Option] = []
    quantities = comparison.quantities
    if quantities:
        heading = Text(f"Figures that changed ({len(quantities)})", style="bold")
        options.append(Option(heading, disabled=True))
        for k, q in enumerate(quantities[:LISTED]):
            text = Text(f"{q.counted[:60]} ")
            text.append(q.old_text[:40], style="strike dim")
            text.append(" → ")
            text.append(q.new_text[:40], style="bold")
            options.append(Option(text, id=f"q{k}"))
        options.extend(_more(len(quantities)))
    for title, names, prefix in (
        ("New terms", comparison.added, "a"),
        ("Dropped terms", comparison.dropped, "d"),
    ):
        if names:
            options.append(Option(Text(f"{title} ({len(names)})", style="bold"), disabled=True))
            for k, name in enumerate(names[:LISTED]):
                options.append(
                    Option(Text(f"{name.text[:80]} ×{name.mentions}"), id=f"{prefix}{k}")
                )
            options.extend(_more(len(names)))
    if not options:
        options.append(Option(Text("No figures or terms changed."), disabled=True))
    return options


def chosen_change(comparison: Comparison, key: str) -> tuple[Span | None, Span | None, str | None]:
    """What the row ``key`` stands for: where NEW says it, where OLD said it
    (a figure), or a note to show instead (a dropped term NEW no longer says)."""
    index = int(key[1:])
    if key[0] == "q":
        quantity = comparison.quantities[index]
        return quantity.new_span, quantity.old_span, None
    if key[0] == "a":
        return comparison.added[index].span, None, None
    name = comparison.dropped[index]
    return None, None, f"“{name.text[:60]}” is no longer said ({name.mentions}× last time)"


class ChangesList(OptionList):
    """What changed among the figures and terms, or a note while it is not known."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._filling = 0
        """Which filling is going on: a batch of an earlier one is dropped."""
        self._pending = 0
        """Rows of the last :meth:`show_changes` not in yet."""

    def show_note(self, note: str, style: str = "") -> None:
        """One line in place of the list (comparing, or could not compare)."""
        self._filling += 1
        self._pending = 0
        self.set_options([Option(Text(note, style=style))])

    def show_changes(self, comparison: Comparison) -> None:
        """List what changed in ``comparison``, a batch a frame."""
        self._filling += 1
        options = change_options(comparison)
        self.set_options(options[:BATCH])
        self._add_after_frame(options, BATCH, self._filling)

    @property
    def filled(self) -> bool:
        """Whether every row of the last :meth:`show_changes` is in."""
        return self._pending == 0

    def _add_after_frame(self, options: list[Option], start: int, filling: int) -> None:
        self._pending = max(0, len(options) - start)
        if self._pending:
            self.call_after_refresh(self._add, options, start, filling)

    def _add(self, options: list[Option], start: int, filling: int) -> None:
        if filling != self._filling:  # a newer list (or note) is shown
            return
        self.add_options(options[start : start + BATCH])
        self._add_after_frame(options, start + BATCH, filling)
