"""The language of a text, by the share of CJK characters among its letters."""

from __future__ import annotations

import re

# Runs, not single characters: the count is the same and sub makes a piece a run.
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def detect_language(text: str, sample: int = 200_000) -> str:
    """``"zh"``, ``"en"`` or ``"und"`` by the share of CJK vs Latin letters.

    One Chinese character carries about as much as a short word, so a text is
    Chinese when CJK characters are at least a fifth of the letters counted.

    Args:
        text: The text; only its first ``sample`` characters are counted.
        sample: How many characters to look at.

    Returns:
        The language code.
    """
    head = text[:sample]
    cjk = len(head) - len(_CJK_RE.sub("", head))
    latin = len(head) - len(_LATIN_RE.sub("", head))
    if cjk + latin < 4:
        return "und"
    if cjk * 5 >= cjk + latin:
        return "zh"
    return "en"
