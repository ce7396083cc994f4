"""What the metadata scan has found so far, while it reads the top of a text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reader.model.document import Span


@dataclass
class MetaState:
    """The fields found so far, the lines they came from, and where the scan stands."""

    title: str | None = None
    subtitle: str | None = None
    source: str | None = None
    edition: str | None = None
    published: datetime | None = None
    source_date: datetime | None = None
    source_date_span: Span = (0, 0)
    captured: date | None = None
    breadcrumb: tuple[str, ...] = ()
    author: str | None = None
    editor: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)
    header: bool = False
    """Whether the text opened with a header block (its title is then centred)."""
    last: int = -1
    """Index of the last metadata line so far."""
    dated: int = -1
    """Index of the line that gave the date under a title, if any."""
