"""Regex source for a large set of literal words, built as a trie.

A plain ``a|b|c`` alternation over hundreds of names makes the regex engine try
every branch at every position of a 10 MB text. A trie pattern (``苏(?:州|北)``)
tries each first character once, and the leading character-class lookahead lets
most positions fail on one bitmap test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""


def _insert(root: _Trie, word: str) -> None:
    node = root
    for char in word:
        node = node.setdefault(char, {})
    node[_END] = {}


def _pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    optional = _END in node
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words`` (longest match preferred).

    Args:
        words: Non-empty literal strings.

    Returns:
        Pattern source (no groups); matches nothing when ``words`` is empty.
    """
    root: _Trie = {}
    firsts: set[str] = set()
    for word in words:
        if word:
            _insert(root, word)
            firsts.add(word[0])
    if not firsts:
        return "(?!)"
    lead = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    return f"(?={lead})" + _pattern(root)
