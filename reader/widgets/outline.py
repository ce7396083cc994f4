"""OutlinePane: the document's sections as a tree.

Sections nest by ``Section.parent``; a subtitle is a dimmed line under its title. The
screen sets :attr:`OutlinePane.current` as the reading pane scrolls and the tree
cursor follows it without taking focus; Enter or a click posts
:class:`OutlinePane.SectionSelected`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.model.document import Section


def section_label(section: Section, matches: int = 0) -> Text:
    """The tree label of ``section``: its title, as plain text (never markup).

    Args:
        section: The section.
        matches: Search matches in the section; a dim count follows the title when > 0.
    """
    label = Text(section.title or "—", no_wrap=True, overflow="ellipsis")
    if matches:
        label.append(f" {matches}", style="dim")
    return label


def subtitle_label(subtitle: str, style: str | Style = "dim") -> Text:
    """The dimmed second line under a section title: ``——`` and the subtitle.

    A line of its own because a suffix would be cut off in a 28-column pane.
    """
    return Text("——" + subtitle, style=style, no_wrap=True, overflow="ellipsis")


class OutlinePane(Widget):
    """A tree of the document's sections."""

    DEFAULT_CSS = """
    OutlinePane {
        height: 1fr;
    }
    OutlinePane > Tree {
        height: 1fr;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"outline-pane--subtitle"}
    """``outline-pane--subtitle``: the subtitle that follows a section title."""

    @dataclass
    class SectionSelected(Message):
        """The user chose a section (Enter or click)."""

        section_id: str
        """Id of the chosen section."""

    sections: reactive[tuple[Section, ...]] = reactive((), always_update=True)
    """The sections to show, in text order."""

    current: reactive[str | None] = reactive(None)
    """Id of the section being read; the tree cursor follows it."""

    match_counts: reactive[dict[str, int]] = reactive(dict, always_update=True)
    """Search matches per section id; the screen sets it (empty: no search)."""

    def __init__(
        self,
        sections: tuple[Section, ...] = (),
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
        classes: str | None = None,
    ) -> None:
        """Create the pane.

        Args:
            sections: The document's sections.
            name: Widget name.
            id: Widget id.
            classes: CSS classes.
        """
        super().__init__(name=name, id=id, classes=classes)
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self.set_reactive(OutlinePane.sections, sections)

    @property
    def section_tree(self) -> Tree[str]:
        """The tree widget inside the pane."""
        return self.query_one(Tree)

    def compose(self) -> ComposeResult:
        """The tree, with a hidden root."""
        tree: Tree[str] = Tree("Sections", id="outline-tree")
        tree.show_root = False
        # Enter jumps; it must not fold the section the reader jumps to.
        tree.auto_expand = False
        tree.guide_depth = 2
        yield tree

    def on_mount(self) -> None:
        """Fill the tree once styles are known (the subtitle style comes from CSS)."""
        self._rebuild()

    def watch_sections(self) -> None:
        """Rebuild the tree for new sections."""
        if self.is_mounted:
            self._rebuild()

    def _rebuild(self) -> None:
        tree = self.section_tree
        tree.clear()
        self._section_nodes = {}
        style = self.get_component_rich_style("outline-pane--subtitle", partial=True)
        for section in self.sections:
            parent = tree.root
            if section.parent is not None and 0 <= section.parent < len(self.sections):
                parent = self._section_nodes.get(self.sections[section.parent].id, tree.root)
            node = parent.add(
                section_label(section, self.match_counts.get(section.id, 0)),
                data=section.id,
                expand=True,
                allow_expand=False,
            )
            if section.subtitle:
                # Its data is the section's id: Enter on it jumps to the section too.
                node.add_leaf(subtitle_label(section.subtitle, style or "dim"), data=section.id)
            self._section_nodes[section.id] = node
            # A parent with child sections shows its expander again.
            if parent is not tree.root:
                parent.allow_expand = True
        self._follow_current()

    def watch_match_counts(self, old: dict[str, int], new: dict[str, int]) -> None:
        """Show each section's match count after its title."""
        if not self.is_mounted:
            return
        # Only the sections whose count changed: a long report has thousands,
        # and every relabel costs the tree a refresh.
        by_id = {section.id: section for section in self.sections}
        for section_id in old.keys() | new.keys():
            count = new.get(section_id, 0)
            node = self._section_nodes.get(section_id)
            if node is not None and section_id in by_id and count != old.get(section_id, 0):
                node.set_label(section_label(by_id[section_id], count))

    def watch_current(self) -> None:
        """Move the tree cursor to the current section."""
        self._follow_current()

    def _follow_current(self) -> None:
        node = self._section_nodes.get(self.current) if self.current else None
        if node is None:
            return
        ancestor = node.parent
        while ancestor is not None:
            ancestor.expand()
            ancestor = ancestor.parent
        tree = self.section_tree
        if tree.cursor_node is node:
            return
        # Tree lines are laid out lazily; a freshly expanded node has no line yet.
        if node.line < 0:
            self.call_after_refresh(self._follow_current)
            return
        tree.move_cursor(node, animate=False)

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        section_id = event.node.data
        if section_id is not None:
            self.post_message(self.SectionSelected(section_id))
