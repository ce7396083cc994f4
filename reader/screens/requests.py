"""Requests to the app that any screen or the palette may post (a small module:
the app imports it at start-up, the screens that serve a request load later)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class CompareRequested(Message):
    """Compare the document being read with the edition at ``path`` (the app handles it)."""

    path: Path
