"""Build apps for the UI tests, as posting's tests do with ``make_posting``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.model.document import Document, Meta, Paragraph, ParagraphKind, Section
from reader.model.opening import open_document
from reader.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"
"""The bundled sample document."""


def make_app(path: Path | None = SEED, **kwargs: Any) -> ReaderApp:
    """Parse ``path`` (when given) and build a ReaderApp around it.

    Animations are switched off so screenshots and Pilot runs are deterministic.

    Args:
        path: The document to open; ``None`` for none (pass ``document=`` or
            ``folder_documents=`` in ``kwargs`` instead).
        **kwargs: More arguments for :class:`ReaderApp`.
    """
    if path is not None and "document" not in kwargs:
        kwargs["document"] = open_document(path)
    app = ReaderApp(**kwargs)
    app.animation_level = "none"
    return app


def build_document(
    title: str,
    sections: list[tuple[str, str | None, list[str]]],
    *,
    levels: list[int] | None = None,
    lead: list[str] | None = None,
) -> Document:
    """A Document built by hand, for tests that need a known structure.

    Args:
        title: The document title (also the lead section's title and first line).
        sections: ``(heading, subtitle or None, body paragraphs)`` per section.
        levels: Heading level per section (default 1 each); a level-2 section's
            parent is the nearest level-1 section before it.
        lead: Body paragraphs of the lead (default: one short paragraph).

    Returns:
        A document whose text is one paragraph a line.
    """
    levels = levels or [1] * len(sections)
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    built: list[Section] = []
    pos = 0

    def add(line: str, kind: ParagraphKind) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(line)
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(line), kind, len(built)))
        pos += len(line) + 1
        return start, start + len(line)

    add(title, ParagraphKind.META)
    for line in lead or ["A lead paragraph."]:
        add(line, ParagraphKind.BODY)
    built.append(Section(0, "lead", 0, title, None, 0, 0, None, 0, len(paragraphs)))
    last_top: int | None = None
    for number, ((heading, subtitle, body), level) in enumerate(
        zip(sections, levels, strict=True), start=1
    ):
        first = len(paragraphs)
        start = pos
        heading_span = add(heading, ParagraphKind.HEADING)
        if subtitle is not None:
            add("——" + subtitle, ParagraphKind.SUBTITLE)
        for line in body:
            add(line, ParagraphKind.BODY)
        parent = last_top if level > 1 else None
        if level == 1:
            last_top = len(built)
        built.append(
            Section(
                len(built),
                f"{number}-s",
                level,
                heading,
                subtitle,
                start,
                0,
                heading_span,
                first,
                len(paragraphs),
                parent,
            )
        )
    text = "\n".join(parts)
    # Each section ends where the next begins; the last at the end of the text.
    ends = [s.start for s in built[1:]] + [len(text)]
    final = tuple(replace(section, end=end) for section, end in zip(built, ends, strict=True))
    return Document(text, Meta(title=title, source="Test Gazette"), final, tuple(paragraphs))


def long_document(sections: int = 4, paragraphs: int = 30) -> Document:
    """A document long enough to scroll, with ``sections`` headed sections."""
    body = [
        f"Paragraph {n} of running text that is long enough to wrap." for n in range(paragraphs)
    ]
    return build_document(
        "A long report",
        [(f"Part {n} heading", f"subtitle of part {n}", body) for n in range(1, sections + 1)],
        lead=body,
    )


def main_screen(app: ReaderApp) -> MainScreen:
    """The reading screen on top (the test fails if another screen is)."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def settle(pilot: Pilot[None]) -> None:
    """Wait until background work is done and the screen is painted."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(condition: Callable[[], bool], failure: str, seconds: float = 20.0) -> None:
    """Let the app run until ``condition()`` holds; fail with ``failure`` after ``seconds``.

    Polls every 10 ms without Pilot's wait for an idle process, for tests that
    act while a background thread keeps the process busy.
    """
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, failure
        await asyncio.sleep(0.01)
