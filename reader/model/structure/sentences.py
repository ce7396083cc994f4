"""Sentence boundaries, and a selection that grows sentence by sentence.

Position unit: half-open ``(start, end)`` character offsets into the text (for a
document, ``Document.text``), as everywhere in ``reader.model``.

A sentence ends after a run of 。！？ (Chinese full stops, also the fullwidth ！？),
or of ``. ! ?`` followed by white space or the end of the paragraph (so
``3.14`` and ``e.g.x`` do not split), plus any closing quotes or brackets right
after it (“他说：‘好。’” ends after the quotes). White space between sentences
belongs to neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from reader.model.document import Document

Span = tuple[int, int]


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _end() -> re.Pattern[str]:
    return re.compile(
        r"""(?:[。！？]+|[.!?]+(?=[\s"'”’」』）)\]】》]|$))[”’」』）)\]】》"']*""",
    )


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]``, white space trimmed off each.

    Text after the last sentence end (a heading, an unfinished sentence) is a
    sentence too. Blank text has none.

    Args:
        text: The whole text.
        start: Where the part to split begins.
        end: Where it ends (the end of ``text`` by default).

    Returns:
        The sentence spans, in order, as offsets into ``text``.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for match in _end().finditer(text, start, stop):
        _add_trimmed(text, begin, match.end(), spans)
        begin = match.end()
    _add_trimmed(text, begin, stop, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


@dataclass
class SentenceSelection:
    """A run of whole sentences starting at one paragraph's first sentence.

    It grows into the following paragraphs as needed; it never shrinks below
    one sentence.
    """

    document: Document
    """The document selected in."""
    paragraph: int
    """Index of the paragraph whose first sentence starts the selection."""
    count: int = 1
    """How many sentences are selected."""
    _sentences: list[Span] = field(default_factory=list, repr=False)
    _next_paragraph: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self._next_paragraph = self.paragraph
        self._load(self.count)
        self.count = max(1, min(self.count, len(self._sentences)))

    def _load(self, wanted: int) -> None:
        """Split paragraphs until ``wanted`` sentences are known (or the text ends)."""
        paragraphs = self.document.paragraphs
        while len(self._sentences) < wanted and self._next_paragraph < len(paragraphs):
            start, end = paragraphs[self._next_paragraph].span
            self._sentences.extend(sentence_spans(self.document.text, start, end))
            self._next_paragraph += 1

    @property
    def span(self) -> Span:
        """From the first selected sentence's start to the last one's end."""
        if not self._sentences:
            start = self.document.paragraphs[self.paragraph].start
            return start, start
        return self._sentences[0][0], self._sentences[self.count - 1][1]

    def grow(self) -> bool:
        """Add the next sentence; return False at the end of the text."""
        self._load(self.count + 1)
        if self.count >= len(self._sentences):
            return False
        self.count += 1
        return True

    def shrink(self) -> bool:
        """Drop the last sentence; return False when only one is left."""
        if self.count <= 1:
            return False
        self.count -= 1
        return True
