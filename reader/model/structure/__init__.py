"""Text to a Document: metadata, headings, sections, paragraphs, Markdown."""
