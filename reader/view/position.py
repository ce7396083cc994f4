"""The title bar's account of where the reader is (pure; no Textual)."""

from __future__ import annotations


def position_label(section_number: int, section_count: int, fraction: float) -> str:
    """The title bar's position, e.g. ``"section 2/4 · 37%"``.

    Args:
        section_number: 1-based number of the current section (0 when unknown).
        section_count: How many sections the document has.
        fraction: How far through the document the view is, 0.0 to 1.0.
    """
    percent = round(max(0.0, min(1.0, fraction)) * 100)
    return f"section {section_number}/{section_count} · {percent}%"
