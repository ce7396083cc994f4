"""The pure document model: loading, parsing, facts, anchors, search, wrapping.

Nothing in this package imports Textual.

One coordinate system: ``Document.text`` is the *displayed* text (the normalized
source with hard-wrapped lines joined and page furniture dropped by
:mod:`reader.model.structure.reflow`, or Markdown rendered), and every offset —
sections, paragraphs, facts, search matches, bookmarks, the CLI's JSON — is a
character offset into it. ``Document.source_map`` leads back to the source.
"""
