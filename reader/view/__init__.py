"""Textual-free view logic: wrap index, outline rows, line rendering, fact index, cycles.

Widgets draw with these; nothing here imports Textual, so it is unit-tested directly.
"""
