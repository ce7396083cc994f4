"""Comparing two editions: sections paired by title and content, phrase-level edits,
figures whose value changed, and terms and names new or dropped."""
