"""KeyBar: the footer: whole key hints, most important first, ``? Help`` always there.

Textual's ``Footer`` lays its keys out side by side and cuts the last one
mid-word below ~150 columns (``n Next ma▏``). This bar chooses which hints fit
whole (``reader.view.key_hints``), draws them on one line and runs a hint's
key when it is clicked.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.screen import Screen
from textual.widget import Widget

from reader.view.key_hints import GAP, Hint, choose_hints, hint_cells
from reader.widgets.theme_styles import component_style

__all__ = ["KeyBar"]


class KeyBar(Widget):
    """One row of key hints at the bottom of a screen."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
    }
    KeyBar > .key-bar--key { color: $text-primary; text-style: bold; }
    KeyBar > .key-bar--description { color: $foreground; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    """``key-bar--key``: the key of a hint; ``key-bar--description``: what it does."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[tuple[int, int, str]] = []
        """``(first cell, end cell, key)`` of each drawn hint, for clicks."""

    def on_mount(self) -> None:
        """Redraw whenever the screen's keys change (focus moved, a mode began)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _theme_changed(self) -> None:
        self.call_after_refresh(self.refresh)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def hints(self) -> list[Hint]:
        """Every hint of the screen's active keys that asks to be shown, in binding order."""
        hints: list[Hint] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            hints.append(Hint(key, binding.description, binding.action))
        return hints

    def shown(self) -> list[Hint]:
        """The hints drawn at the current width."""
        return choose_hints(self.hints(), self.size.width)

    def render(self) -> RenderResult:
        """The chosen hints, left to right; help at the right end."""
        key_style = component_style(self, "key-bar--key")
        text_style = component_style(self, "key-bar--description")
        chosen = self.shown()
        line = Text(no_wrap=True, overflow="crop")
        self._shown = []
        help_cells = hint_cells(chosen[-1]) if chosen and chosen[-1].action == "show_help" else 0
        for hint in chosen:
            if hint.action == "show_help":
                pad = self.size.width - line.cell_len - help_cells
                line.append(" " * max(0, pad))
            start = line.cell_len
            line.append(f" {hint.key} ", key_style)
            line.append(hint.description, text_style)
            line.append(" " * (1 + GAP))
            self._shown.append((start, line.cell_len, hint.key))
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a hint presses its key."""
        for start, end, display in self._shown:
            if start <= event.x < end:
                for key, active in self.screen.active_bindings.items():
                    if self.app.get_key_display(active.binding) == display:
                        self.app.simulate_key(key)
                        return
