"""What ``y`` and ``Y`` put on the clipboard: a passage, and with ``Y`` a citation.

Pure (no Textual). The citation reads like ``reader bookmarks export``'s:
``— title, source, date, section “…”``.
"""

from __future__ import annotations

from reader.model.document import Document

__all__ = ["citation_line", "passage_text", "trimmed_span"]


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either end (indentation is layout)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def citation_line(document: Document, start: int) -> str:
    """``— title, source, date, section “…”`` for a passage starting at ``start``."""
    meta = document.meta
    parts = [part for part in (document.title, meta.source) if part]
    if meta.published is not None:
        parts.append(meta.published.date().isoformat())
    section = document.section_at(start)
    if section is not None and section.heading is not None:
        parts.append(f"section “{section.title}”")
    return "— " + ", ".join(parts)


def passage_text(document: Document, start: int, end: int, *, cite: bool = False) -> str:
    """The passage ``text[start:end]``, then (``cite``) a blank line and the citation."""
    quote = document.text[start:end]
    if not cite:
        return quote
    return f"{quote}\n\n{citation_line(document, start)}"
