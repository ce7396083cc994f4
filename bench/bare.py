"""The floor: a bare Textual app showing the same document, for the bench's side-by-side rows.

`python bench/bare.py static FILE`: one ``Static`` with the document's first 16 KB
(more than a 160×45 screen holds). `python bench/bare.py panes FILE`: reader's
layout with nothing behind it: a title row, a 28-column outline, a scroll view of
the first 128 KB (PageDown scrolls it a page), a 30-column sidebar and a key row.
Both read only the head of the file, as a viewer that draws one screen must; the
text is a rich ``Text`` (never markup). `q` quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

HEADS = {"static": 16 * 1024, "panes": 128 * 1024}


def head(path: Path, size: int) -> str:
    """The first ``size`` bytes of the file as text (a cut character dropped)."""
    with path.open("rb") as handle:
        return handle.read(size).decode("utf-8", errors="ignore")


class Pages(VerticalScroll):
    """A scroll view whose PageDown jumps, as reader's does (Textual's own glides)."""

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)


class Bare(App[None]):
    """One Static, or the three panes."""

    CSS = """
    #outline { width: 28; }
    #sidebar { width: 30; }
    #title, #keys { height: 1; background: $primary-background; }
    """
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, mode: str, text: str) -> None:
        super().__init__()
        self.mode, self.text = mode, text

    def compose(self) -> ComposeResult:
        body = Text(self.text)
        if self.mode == "static":
            yield Static(body)
            return
        # Short lines only beside the text: the bench finds the first frame by a
        # phrase of the first body paragraph, which must show in the text pane.
        short = [line.strip() for line in self.text.splitlines() if 0 < len(line.strip()) < 20]
        yield Static(Text(short[0] if short else ""), id="title")
        with Horizontal():
            yield Static(Text("\n".join(short[:40])), id="outline")
            with Pages(id="reading"):
                yield Static(body)
            yield Static(Text("\n".join(short[40:80])), id="sidebar")
        yield Static(Text("q quit  PageDown page"), id="keys")

    def on_mount(self) -> None:
        if self.mode == "panes":
            self.query_one("#reading").focus()


def main(argv: list[str]) -> None:
    mode, path = argv[0], Path(argv[1])
    Bare(mode, head(path, HEADS[mode])).run()


if __name__ == "__main__":
    main(sys.argv[1:])
