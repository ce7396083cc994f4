"""The pure document model: loading, parsing, facts, anchors, search, wrapping.

Nothing in this package imports Textual.
"""
