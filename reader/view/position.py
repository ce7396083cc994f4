"""Where the reader is: the title bar's position and the ``ctrl+g`` status line.

Pure (no Textual). Positions are character offsets into ``Document.text``.
"""

from __future__ import annotations

from reader.model.document import Document, visible_name

__all__ = ["line_number", "position_label", "status_line"]


def position_label(section_number: int, section_count: int, fraction: float) -> str:
    """The title bar's position, e.g. ``"section 2/4 · 37%"``.

    Args:
        section_number: 1-based number of the current section (0 when unknown).
        section_count: How many sections the document has.
        fraction: How far through the document the view is, 0.0 to 1.0.
    """
    return f"section {section_number}/{section_count} · {_percent(fraction)}%"


def _percent(fraction: float) -> int:
    """Whole percent, rounded down: 100% only at the very end, as in less."""
    return int(max(0.0, min(1.0, fraction)) * 100 + 1e-9)


def line_number(text: str, offset: int) -> int:
    """1-based number of the text line (between newlines) that holds ``offset``."""
    return text.count("\n", 0, max(0, min(offset, len(text)))) + 1


def status_line(document: Document, offset: int, fraction: float) -> str:
    """What ``ctrl+g`` / ``=`` says, as ``less`` does: document, section, line, percent.

    Example: ``"report.txt · Title · section 2/4 “Part one” · line 31 of 120 · 37%"``.

    Args:
        document: The document being read.
        offset: Offset at the reading line.
        fraction: How far through the document the view is, 0.0 to 1.0.
    """
    parts: list[str] = []
    if document.path:
        parts.append(visible_name(document.path.rsplit("/", 1)[-1]))
    if document.title:
        parts.append(document.title)
    section = document.section_at(offset)
    if section is not None:
        count = len(document.sections)
        parts.append(f"section {section.index + 1}/{count} “{section.title}”")
    lines = document.text.count("\n") + 1
    parts.append(f"line {line_number(document.text, offset)} of {lines}")
    parts.append(f"{_percent(fraction)}%")
    return " · ".join(parts)
