"""PickerScreen: the documents of a folder; Enter opens one.

Listing must stay quick for big folders, so each file is summarized from its
first few kilobytes only: title and date from a parse of that head, size from
the file system. Enter posts :class:`PickerScreen.DocumentChosen`; the app opens
the document (``ReaderApp.open_document``: in a thread, head first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header

from reader.model.document import visible_name
from reader.model.structure.parse import parse
from reader.model.text.loading import LoadError, load_bytes
from reader.screens.document_list import DocumentListScreen

HEAD_BYTES = 4096
"""How much of each file the listing reads."""

_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


@dataclass(frozen=True)
class DocumentSummary:
    """What the picker shows of one file."""

    path: Path
    title: str
    """Parsed title of the head, else its first non-blank line, else the file name."""
    date: date | None
    """Publication (or capture) date found in the head, if any."""
    size: int
    """Size in bytes."""


def human_size(size: int) -> str:
    """``size`` bytes for people: ``"812 B"``, ``"12.3 KB"``, ``"4.0 MB"``."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _first_date(text: str) -> date | None:
    for match in _DATE.finditer(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def summarize(path: Path) -> DocumentSummary:
    """Summarize ``path`` from its first :data:`HEAD_BYTES` bytes.

    Unreadable files are still listed (opening them reports why).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return DocumentSummary(path, visible_name(path.name), None, 0)
    if len(head) == HEAD_BYTES and b"\n" in head:
        # Cut at a line end so no multi-byte character is split.
        head = head[: head.rindex(b"\n")]
    try:
        text = load_bytes(head, name=str(path)).text
    except LoadError:
        return DocumentSummary(path, visible_name(path.name), None, size)
    document = parse(text, path=str(path))
    title = document.meta.title
    if not title:
        title = next(
            (line.strip() for line in text.splitlines() if line.strip()), visible_name(path.name)
        )
    found: date | None = None
    if document.meta.published is not None:
        found = document.meta.published.date()
    elif document.meta.captured is not None:
        found = document.meta.captured
    else:
        found = _first_date(text[:400])
    return DocumentSummary(path, title[:200], found, size)


class PickerScreen(DocumentListScreen):
    """A table of the folder's documents."""

    @dataclass
    class DocumentChosen(Message):
        """The reader chose a document to open."""

        path: Path
        """Its file."""

    HELP_TITLE: ClassVar[str] = "Documents"
    """Heading of this screen's keys in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the table's own Enter binding is hidden from the footer.
        Binding(
            "enter",
            "open_selected",
            "Open",
            tooltip="Open the document under the cursor",
            priority=True,
        ),
    ]
    """Enter opens the highlighted document."""

    def __init__(self, paths: list[Path], *, name: str | None = None) -> None:
        """Create the picker.

        Args:
            paths: The documents of the folder, in the order to list them.
            name: Screen name.
        """
        super().__init__(name=name)
        self.paths = paths
        self.title = "Documents"
        folder = visible_name(paths[0].parent.name) if paths else ""
        self.sub_title = (
            f"{folder} · {len(paths)} documents" if folder else f"{len(paths)} documents"
        )

    def compose(self) -> ComposeResult:
        """Header, the table, footer."""
        yield Header()
        table: DataTable[Text] = DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        """List the documents."""
        table: DataTable[Text] = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("Date", key="date")
        table.add_column("Size", key="size")
        for path in self.paths:
            summary = summarize(path)
            table.add_row(
                Text(summary.title, no_wrap=True, overflow="ellipsis"),
                Text(summary.date.isoformat() if summary.date else "—"),
                Text(human_size(summary.size), justify="right"),
                key=str(path),
            )
        table.focus()

    def action_open_selected(self) -> None:
        """Open the document under the cursor."""
        table: DataTable[Text] = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            if key.value is not None:
                self.open_path(Path(key.value))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.open_path(Path(event.row_key.value))

    def open_path(self, path: Path) -> None:
        """Ask for ``path`` to be opened (the app opens it; an error is a notification)."""
        self.post_message(self.DocumentChosen(path))
