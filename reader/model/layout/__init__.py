"""Terminal cell widths and CJK-aware line breaking (kinsoku)."""
