"""Displayed text and where each part of it came from in the source.

``Document.text`` is the *displayed* text: the normalized source with
hard-wrapped lines joined, page furniture dropped and Markdown rendered. Every
span (sections, paragraphs, facts, search matches, bookmarks, the CLI's JSON)
is an offset into that displayed text. A :class:`SourceMap` leads back from a
displayed offset to the normalized source, for ``reader text --source`` and for
anything that must show where a passage stands in the file.

The map is a list of *runs*: a run starts at ``display[i]`` in the displayed text
and at ``source[i]`` in the source. Inside a run of copied text both advance
together; text that was inserted (a bullet, a joining space) maps to the start
of the source it stands for; source that was dropped maps to nothing. Both
arrays never decrease, so the map is monotonic.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Displayed offsets to source offsets (monotonic, piecewise linear)."""

    display: array[int]
    """Where each run starts in the displayed text (non-decreasing, first 0)."""
    source: array[int]
    """Where each run starts in the source (non-decreasing)."""
    copied: array[int]
    """1 where the run is source text copied as it is, 0 where it was inserted."""
    display_length: int
    """Length of the displayed text."""
    source_length: int
    """Length of the source."""

    @classmethod
    def identity(cls, length: int) -> SourceMap:
        """The map of a text shown as it is (nothing reflowed or rendered).

        Args:
            length: Length of the text.
        """
        return cls(array("i", [0]), array("i", [0]), array("b", [1]), length, length)

    @property
    def is_identity(self) -> bool:
        """True when the displayed text is the source, character for character."""
        return (
            len(self.display) == 1
            and self.copied[0] == 1
            and self.display_length == self.source_length
        )

    def extended(self, length: int) -> SourceMap:
        """This map followed by ``length`` characters of source copied as they are."""
        display, source, copied = (
            array("i", self.display),
            array("i", self.source),
            array("b", self.copied),
        )
        contiguous = copied[-1] and source[-1] + self.display_length - display[-1] == (
            self.source_length
        )
        if length and not contiguous:
            if display[-1] == self.display_length:  # an empty last run: replace it
                source[-1], copied[-1] = self.source_length, 1
            else:
                display.append(self.display_length)
                source.append(self.source_length)
                copied.append(1)
        return SourceMap(
            display, source, copied, self.display_length + length, self.source_length + length
        )

    def to_source(self, offset: int) -> int:
        """The source offset that displayed ``offset`` stands for.

        Args:
            offset: A displayed offset, clamped to ``0..display_length``.
        """
        offset = max(0, min(offset, self.display_length))
        i = bisect_right(self.display, offset) - 1
        if not self.copied[i]:
            return self.source[i]
        return min(self.source[i] + offset - self.display[i], self.source_length)

    def to_display(self, offset: int) -> int:
        """The displayed offset nearest to source ``offset`` (dropped source maps forward).

        Args:
            offset: A source offset, clamped to ``0..source_length``.
        """
        offset = max(0, min(offset, self.source_length))
        i = bisect_right(self.source, offset) - 1
        while i > 0 and not self.copied[i]:
            i -= 1
        if i < 0:
            return 0
        run_end = self.display[i + 1] if i + 1 < len(self.display) else self.display_length
        if not self.copied[i]:
            return self.display[i]
        return min(self.display[i] + offset - self.source[i], run_end)


class SourceMapBuilder:
    """Builds a displayed text and its map, piece by piece, in source order.

    ``copy`` appends source text as it is; ``insert`` appends text of our own
    (standing for the source at ``at``); ``skip`` drops source text. Call
    :meth:`build` once at the end.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._length = 0
        self._display = array("i")
        self._starts = array("i")
        self._copied = array("b")

    def _run(self, source_start: int, copied: bool) -> None:
        if (
            self._display
            and self._copied[-1] == copied == 1
            and self._starts[-1] + self._length - self._display[-1] == source_start
        ):
            return  # continues the previous copied run
        if self._display and self._display[-1] == self._length:
            # The previous run is empty: replace it.
            self._starts[-1] = source_start
            self._copied[-1] = int(copied)
            return
        self._display.append(self._length)
        self._starts.append(source_start)
        self._copied.append(int(copied))

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` as it is.

        Args:
            start: Source offset of the first character.
            end: Source offset just past the last one.
        """
        if end <= start:
            return
        self._run(start, True)
        self._parts.append(self._source[start:end])
        self._length += end - start

    def insert(self, text: str, at: int) -> None:
        """Append ``text`` of our own (a joining space, a bullet, a rule).

        Args:
            text: What to show.
            at: The source offset it stands for.
        """
        if not text:
            return
        self._run(at, False)
        self._parts.append(text)
        self._length += len(text)

    @property
    def length(self) -> int:
        """Length of the displayed text built so far."""
        return self._length

    def build(self) -> tuple[str, SourceMap]:
        """The displayed text and its map."""
        if not self._display:
            return "", SourceMap(
                array("i", [0]), array("i", [0]), array("b", [1]), 0, len(self._source)
            )
        text = "".join(self._parts)
        source_map = SourceMap(
            self._display, self._starts, self._copied, len(text), len(self._source)
        )
        return text, source_map
