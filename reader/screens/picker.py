"""PickerScreen: the documents of a folder; Enter opens one.

Listing must stay quick for big folders, so each file is summarized from its
first few kilobytes only: title and date from a parse of that head, size from
the file system. Enter posts :class:`PickerScreen.DocumentChosen`; the app opens
the document (``ReaderApp.open_document``: in a thread, head first).
"""

from __future__ import annotations

import os
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
from textual.widgets import DataTable

from reader.model.document import visible_name
from reader.model.layout.cells import cell_len
from reader.model.opening import list_documents
from reader.model.structure.parse import parse
from reader.model.text.loading import LoadError, load_bytes
from reader.screens.document_list import DocumentListScreen
from reader.view.fitting import fit, fit_middle
from reader.widgets.key_bar import KeyBar
from reader.widgets.title_bar import TitleBar

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
    # The reader's own rule, as in the title bar: no title line, the file's name (a first
    # line such as 各位代表： or a <div> of badges is not a title).
    title = document.title
    found: date | None = None
    if document.meta.published is not None:
        found = document.meta.published.date()
    elif document.meta.captured is not None:
        found = document.meta.captured
    else:
        found = _first_date(text[:400])
    return DocumentSummary(path, title[:200], found, size)


FOLDER_KEY = "folder:"
"""Row keys of sub-folders start with this (documents' keys are their paths)."""

MIN_CELLS = 12
"""Title and file name keep at least this many cells (the table scrolls sideways)."""
OTHER_CELLS = 30
"""The table's other cells: date (10), size (8), four cells' padding and a scrollbar."""


def column_cells(width: int, title: int, file: int) -> tuple[int, int]:
    """Cells for the title and the file name in a table ``width`` cells wide.

    The date and size stay in view. When the longest title and file name do not
    both fit, the one that needs less than half gets what it needs and the
    other the rest; else each gets half.

    Args:
        width: The table's width.
        title: Cells of the longest title listed.
        file: Cells of the longest file name listed.
    """
    room = width - OTHER_CELLS
    half = room // 2
    title, file = max(MIN_CELLS, title), max(MIN_CELLS, file)
    if title + file <= room:
        pair = (title, file)
    elif title <= half:
        pair = (title, room - title)
    elif file <= half:
        pair = (room - file, file)
    else:
        pair = (half, room - half)
    return max(MIN_CELLS, pair[0]), max(MIN_CELLS, pair[1])


def list_subfolders(folder: Path) -> list[Path]:
    """The visible sub-folders of ``folder``, sorted by name (none when it cannot be listed)."""
    try:
        with os.scandir(folder) as entries:
            found = [
                Path(entry.path)
                for entry in entries
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=True)
            ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def folder_label(folder: Path) -> str:
    """``folder`` as a reader would write it: absolute, the home directory as ``~``."""
    path = folder.resolve()
    home = Path.home()
    if path == home:
        return "~"
    if home in path.parents:
        return visible_name("~/" + str(path.relative_to(home)))
    return visible_name(str(path))


class DocumentTable(DataTable[Text]):
    """The documents, one a row, with the keys of every list (j/k, g/G, Home/End)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next document", show=False),
        Binding("k", "cursor_up", "Previous document", show=False),
        Binding("g,home", "scroll_top", "First document", show=False),
        Binding("G,end", "scroll_bottom", "Last document", show=False),
    ]
    """Vim and less keys on top of the table's own arrows and pages."""


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
            tooltip="Open the document or folder under the cursor",
            priority=True,
        ),
        Binding("backspace", "up_folder", "Up a folder", tooltip="Back to the folder above"),
    ]
    """Enter opens the highlighted document (or enters the folder); Backspace goes back up."""

    def __init__(
        self, paths: list[Path], *, folder: Path | None = None, name: str | None = None
    ) -> None:
        """Create the picker.

        Args:
            paths: The documents of the folder, in the order to list them.
            folder: The folder (default: the first document's); its sub-folders are listed.
            name: Screen name.
        """
        super().__init__(name=name)
        self.paths = paths
        self.folder = folder if folder is not None else (paths[0].parent if paths else Path.cwd())
        self.subfolders = list_subfolders(self.folder)
        self.title = "Documents"
        count = f"{len(paths)} document" + ("" if len(paths) == 1 else "s")
        self.sub_title = f"{folder_label(self.folder)} · {count}"
        self._summaries: list[DocumentSummary] = []
        self._cells = (0, 0)
        """The title and file name cells the rows were cut to."""

    def compose(self) -> ComposeResult:
        """The title bar, the table, the key bar."""
        yield TitleBar()
        table = DocumentTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield table
        yield KeyBar()

    def on_mount(self) -> None:
        """Name the folder, list its documents."""
        bar = self.query_one(TitleBar)
        bar.title, bar.position = self.title or "", self.sub_title or ""
        table: DataTable[Text] = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("File", key="file")
        table.add_column("Date", key="date")
        table.add_column("Size", key="size")
        self._summaries = [summarize(path) for path in self.paths]
        self._fill(table, self._column_cells(self.app.size.width))
        if self.paths and self.subfolders:  # start on the first document, folders above
            table.move_cursor(row=len(self.subfolders))
        table.focus()

    def _column_cells(self, width: int) -> tuple[int, int]:
        title = max((cell_len(s.title) for s in self._summaries), default=0)
        sub = max((cell_len(visible_name(p.name)) + 3 for p in self.subfolders), default=0)
        file = max((cell_len(visible_name(p.name)) for p in self.paths), default=0)
        return column_cells(width, max(title, sub), file)

    def _fill(self, table: DataTable[Text], cells: tuple[int, int]) -> None:
        """The rows, titles and file names cut to ``cells`` (file names in the middle)."""
        self._cells = cells
        title_cells, file_cells = cells
        for sub in self.subfolders:
            table.add_row(
                Text(f"▸ {fit_middle(visible_name(sub.name), title_cells - 3)}/", style="bold"),
                Text("folder"),
                Text(""),
                Text(""),
                key=FOLDER_KEY + str(sub),
            )
        for summary in self._summaries:
            table.add_row(
                Text(fit(summary.title, title_cells), no_wrap=True),
                Text(fit_middle(visible_name(summary.path.name), file_cells), no_wrap=True),
                Text(summary.date.isoformat() if summary.date else "—"),
                Text(human_size(summary.size), justify="right"),
                key=str(summary.path),
            )

    def on_resize(self) -> None:
        """Cut titles and file names again for the new width (the cursor stays)."""
        table: DataTable[Text] = self.query_one(DataTable)
        cells = self._column_cells(self.size.width)
        if cells == self._cells:
            return
        row = table.cursor_row
        table.clear()
        for column in table.columns.values():
            column.content_width = column.label.cell_len  # measured again from the new cells
        self._fill(table, cells)
        table.move_cursor(row=row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Backspace goes up only from a folder entered from this picker."""
        if action == "up_folder":
            stack = self.app.screen_stack
            return len(stack) > 1 and stack[-1] is self and isinstance(stack[-2], PickerScreen)
        return True

    def action_up_folder(self) -> None:
        """Back to the folder above (the one this folder was entered from)."""
        if self.check_action("up_folder", ()):
            self.app.pop_screen()

    def enter_folder(self, folder: Path) -> None:
        """List ``folder``'s documents and sub-folders on a new picker."""
        try:
            paths = list_documents(folder)
        except LoadError as error:
            message = visible_name(str(error))
            self.notify(message, title="Cannot open", severity="error", markup=False)
            return
        self.app.push_screen(PickerScreen(paths, folder=folder))

    def _chosen(self, key: str) -> None:
        if key.startswith(FOLDER_KEY):
            self.enter_folder(Path(key.removeprefix(FOLDER_KEY)))
        else:
            self.open_path(Path(key))

    def action_open_selected(self) -> None:
        """Open the document under the cursor."""
        table: DataTable[Text] = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            if key.value is not None:
                self._chosen(key.value)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._chosen(event.row_key.value)

    def open_path(self, path: Path) -> None:
        """Ask for ``path`` to be opened (the app opens it; an error is a notification)."""
        self.post_message(self.DocumentChosen(path))
