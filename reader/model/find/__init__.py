"""Offsets into the text: search matches and passage anchors."""
