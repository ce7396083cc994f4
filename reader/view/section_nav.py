"""Where `]` and `[` go: section headings as offsets (pure; no Textual).

Position unit: character offsets into ``Document.text``.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.model.document import Document, Section


def heading_offset(section: Section) -> int:
    """Where ``section`` shows first: its heading, or its start when it has none (the lead)."""
    return section.heading[0] if section.heading is not None else section.start


def next_heading(document: Document, offset: int) -> int | None:
    """The heading of the section after the one holding ``offset`` (``None`` at the last)."""
    current = document.section_at(offset)
    if current is None or current.index + 1 >= len(document.sections):
        return None
    return heading_offset(document.sections[current.index + 1])


def previous_heading(
    document: Document, offset: int, above_view: Callable[[int], bool]
) -> int | None:
    """The heading of the section holding ``offset`` when it is above the view; else the one before.

    Args:
        document: The document.
        offset: The reading line's offset.
        above_view: Whether an offset's line is above the top of the view.
    """
    current = document.section_at(offset)
    if current is None:
        return None
    start = heading_offset(current)
    if above_view(start):
        return start
    if current.index > 0:
        return heading_offset(document.sections[current.index - 1])
    return None
