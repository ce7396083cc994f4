"""A bookmark store with fixed dates: two documents, one bookmark detached, one noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model.opening import open_document
from reader.store import reanchor
from reader.store.bookmarks import BookmarkStore
from tests.ui.helpers import SEED


def write_fixed_bookmarks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed's two bookmarks (one with a note) and a detached one in another text."""
    days = iter(range(1, 29))
    monkeypatch.setattr(reanchor, "now", lambda: f"2024-05-{next(days):02d}T10:00:00+08:00")
    store = BookmarkStore()
    seed = open_document(SEED)
    for quote, note in (("践行群众路线", "the mass line"), ("多走“街巷集市”", "")):
        start = seed.text.index(quote)
        store.add(seed, start, start + 40, note)
    other = tmp_path / "rivers.txt"
    other.write_text("Rivers Report\n\nThe rivers rose in May. Then they fell.\n", "utf-8")
    english = open_document(other)
    store.add(english, english.text.index("The"), english.text.index(" Then"), "check the gauge")
    # The text changes under the bookmark: it cannot be found again and is detached.
    other.write_text("Rivers Report\n\nNothing like it remains here at all.\n", "utf-8")
    store.set_position(open_document(other), 0)  # the save re-anchors and records it
