"""Text to Document. PLACEHOLDER: the parse helper replaces this module."""

from __future__ import annotations

from reader.model.document import Document, Meta, Paragraph, ParagraphKind, Section


def parse(text: str, *, path: str | None = None, encoding: str | None = None) -> Document:
    """Split ``text`` into line paragraphs in one section."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(
                Paragraph(len(paragraphs), pos, pos + len(line), ParagraphKind.BODY, 0)
            )
        pos += len(line) + 1
    section = Section(0, "lead", 0, "Lead", None, 0, len(text), None, 0, len(paragraphs))
    return Document(text, Meta(), (section,), tuple(paragraphs), path, encoding)
