"""The comparison's two worker-process jobs (pure: a worker imports only the model).

They run side by side, one per core: each parses one edition from its source
(a path pickles in no time) and hands it to the other through a pipe, so that
each has both in half the time one parse of both took (each parsed both,
before). Each lowers its priority, so that on two busy cores the reader's keys
come first.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import cast

from reader.model.compare.changes import facts_of
from reader.model.compare.comparison import Source, Structure, opened, structure
from reader.model.document import Document

WORKER_NICENESS = 10
"""How much the edits' worker process lowers its priority (as the facts sidebar's does)."""

FACTS_NICENESS = 19
"""How much the process finding both editions' facts lowers its priority: the
lowest, so that on two busy cores the edits, and the UI, come first."""


def _lower_priority(niceness: int) -> None:
    # On a busy machine the reader's keys come before the comparison.
    with contextlib.suppress(OSError):  # a platform without nice: same priority
        os.nice(niceness)


Send = Callable[[Document], Callable[[], None]]
"""Hands a document to the other worker process; returns a wait for it to be written."""

Receive = Callable[[], object]
"""The document the other worker process handed over."""


def structure_job(old: Source, new: Source, send_old: Send, receive_new: Receive) -> Structure:
    """A worker process's job: OLD parsed (while the other process parses NEW)
    and handed over, NEW taken from the other, their sections paired and their
    edits found (at a lower priority); only the edits go back."""
    _lower_priority(WORKER_NICENESS)
    old_document = opened(old)
    sent = send_old(old_document)
    new_document = cast(Document, receive_new())
    sent()
    return structure(old_document, new_document)


def documents_job(
    old: Source, new: Source, send_new: Send, receive_old: Receive
) -> Iterator[object]:
    """A worker process's job: NEW parsed (while the other process parses OLD)
    and handed over, OLD taken from the other, both sent back at once; then
    their facts found, at the lowest priority (the edits come first), and only
    their summaries sent."""
    _lower_priority(WORKER_NICENESS)
    new_document = opened(new)
    sent = send_new(new_document)
    old_document = cast(Document, receive_old())
    yield old_document, new_document
    sent()
    _lower_priority(FACTS_NICENESS - WORKER_NICENESS)
    yield facts_of(old_document), facts_of(new_document)
