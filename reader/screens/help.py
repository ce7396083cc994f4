"""HelpScreen: every key, read from the live bindings so it cannot drift from the code.

:func:`collect_help` walks the screen the help was asked from: each pane (and
the widgets inside it), the focused widget's ancestors, the screen and the app.
Bindings are grouped by the pane that owns them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.screens.once import OnceModal

HABITS = (
    "From less and vim: ? is this help, not a backward search; search backward"
    " with / then N (previous match), ctrl+r in the search bar for a regex."
    " A count before G or gg goes to that line (42G), before % or p to that"
    " percent (50%). :q and Q quit too."
)
"""What a less or vim user would try that works differently here."""

PANE_CLASS = "pane"
"""The CSS class that marks a pane: its descendants' keys are listed under it."""


@dataclass(frozen=True)
class HelpGroup:
    """The keys of one pane (or of the screen, or of the app)."""

    title: str
    """Heading of the group, e.g. "Reading pane"."""
    rows: tuple[tuple[str, str], ...]
    """``(keys, description)`` pairs; keys bound to one action are joined by " / "."""


def group_title(node: DOMNode) -> str:
    """The heading for ``node``'s keys: its ``HELP_TITLE``, or its class name in words."""
    title = getattr(type(node), "HELP_TITLE", None)
    if isinstance(title, str):
        return title
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__)
    return words.capitalize()


def _owner(node: DOMNode) -> DOMNode:
    """The pane that holds ``node``, or ``node`` itself outside any pane."""
    for ancestor in node.ancestors_with_self:
        if ancestor.has_class(PANE_CLASS):
            return ancestor
    return node


def _bindings(node: DOMNode) -> Iterable[Binding]:
    # The instance's own map: class BINDINGS merged over the MRO, keymap applied.
    for _key, binding in node._bindings:
        yield binding


def collect_help(screen: Screen[object]) -> list[HelpGroup]:
    """The keys that work on ``screen``, grouped by pane, then screen, then app.

    Args:
        screen: The screen the help describes (not the help screen itself).
    """
    app = screen.app
    nodes: list[DOMNode] = []
    for pane in screen.query(f".{PANE_CLASS}"):
        nodes.append(pane)
        # A text field's editing keys are the usual ones; listed, they would
        # bury the keys of the pane that holds it (the search bar's, say).
        nodes.extend(child for child in pane.walk_children() if not isinstance(child, Input))
    focused = screen.focused
    if focused is not None:
        chain = [node for node in focused.ancestors_with_self if node not in (screen, app)]
        nodes.extend(reversed(chain))
    nodes.extend([screen, app])

    order: list[DOMNode] = []
    grouped: dict[DOMNode, dict[tuple[str, str], list[str]]] = {}
    seen: set[int] = set()
    for node in nodes:
        if id(node) in seen:
            continue
        seen.add(id(node))
        owner = _owner(node)
        if owner not in grouped:
            grouped[owner] = {}
            order.append(owner)
        rows = grouped[owner]
        for binding in _bindings(node):
            description = binding.description or binding.action.replace("_", " ")
            keys = rows.setdefault((binding.action, description), [])
            shown = app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
    # The pane the reader is in comes first: its keys are the ones they asked about.
    if focused is not None:
        owner_of_focus = _owner(focused)
        if owner_of_focus in order:
            order.remove(owner_of_focus)
            order.insert(0, owner_of_focus)
    groups = []
    for owner in order:
        rows = grouped[owner]
        if rows:
            groups.append(
                HelpGroup(
                    group_title(owner),
                    tuple((" / ".join(keys), desc) for (_action, desc), keys in rows.items()),
                )
            )
    return groups


def render_group(group: HelpGroup) -> Table:
    """One group as a two-column table: keys, what they do."""
    table = Table(
        title=Text(group.title, style="bold"),
        title_justify="left",
        show_header=False,
        box=None,
        padding=(0, 2, 0, 0),
        expand=False,
    )
    table.add_column("keys", style="bold", no_wrap=True, min_width=12)
    table.add_column("action")
    for keys, description in group.rows:
        table.add_row(Text(keys), Text(description))
    return table


class HelpScreen(OnceModal[None]):
    """A modal list of every key, grouped by pane."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-body {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
    }
    HelpScreen .help-group {
        width: 100%;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]
    """Escape, q or ? closes the help."""

    def __init__(self, groups: list[HelpGroup]) -> None:
        """Create the help screen.

        Args:
            groups: The keys to list (see :func:`collect_help`).
        """
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        """One table per group in a scrolling box."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            for group in self.groups:
                yield Static(render_group(group), classes="help-group")
            yield Static(HABITS, id="help-habits", markup=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
