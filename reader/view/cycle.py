"""A set of highlighted spans that `n`/`N` walk: search matches or a fact's mentions.

Pure bookkeeping (no Textual): the screen owns one ``HighlightCycle`` at a time,
shows its spans in the reading pane's layer of the same name, and moves through
them. Positions are character offsets into ``Document.text``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class HighlightCycle:
    """Spans to walk with `n`/`N`, and which one is current."""

    layer: str
    """The reading pane's highlight layer: ``"search"`` or ``"facts"``."""
    spans: Sequence[tuple[int, int]]
    """The spans, in text order."""
    label: str = ""
    """What is highlighted, for messages ("四风", "match")."""
    index: int | None = None
    """The current span, or ``None`` before the first move."""
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def step(self, forward: bool, offset: int) -> tuple[int, bool] | None:
        """Move to the next (or previous) span.

        Before the first move, the next span at or after ``offset`` (the
        reading position) is chosen; later moves go from the current span.

        Args:
            forward: True for the next span, False for the previous one.
            offset: The reading position, used for the first move only.

        Returns:
            ``(index, wrapped)``: the new current span and whether the move
            wrapped around an end, or ``None`` when there are no spans.
        """
        count = len(self.spans)
        if count == 0:
            return None
        if self.index is None:
            if forward:
                index = bisect_left(self._starts, offset)
            else:
                index = bisect_right(self._starts, offset) - 1
        else:
            index = self.index + (1 if forward else -1)
        wrapped = index >= count or index < 0
        self.index = index % count
        return self.index, wrapped

    @property
    def status(self) -> str:
        """``"3/17"`` (or ``"17"`` before the first move; ``"0"`` when empty)."""
        if self.index is None:
            return str(len(self.spans))
        return f"{self.index + 1}/{len(self.spans)}"
