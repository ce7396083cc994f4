"""The comparison's two worker-process jobs (pure: a worker imports only the model).

Each opens both editions itself from their sources (a path pickles in no time)
and lowers its priority, so that on two busy cores the reader's keys come first.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from reader.model.compare.changes import facts_of
from reader.model.compare.comparison import Source, Structure, opened, structure

WORKER_NICENESS = 10
"""How much the edits' worker process lowers its priority (as the facts sidebar's does)."""

FACTS_NICENESS = 19
"""How much the process finding both editions' facts lowers its priority: the
lowest, so that on two busy cores the edits, and the UI, come first."""


def _lower_priority(niceness: int) -> None:
    # On a busy machine the reader's keys come before the comparison.
    with contextlib.suppress(OSError):  # a platform without nice: same priority
        os.nice(niceness)


def structure_job(old: Source, new: Source) -> Structure:
    """A worker process's job: both editions parsed, their sections paired and
    their edits found (at a lower priority); only the edits go back."""
    _lower_priority(WORKER_NICENESS)
    return structure(opened(old), opened(new))


def documents_job(old: Source, new: Source) -> Iterator[object]:
    """A worker process's job: both editions parsed and sent back at once, then
    their facts found, at the lowest priority (the edits come first), and only
    their summaries sent."""
    _lower_priority(WORKER_NICENESS)
    old_document, new_document = opened(old), opened(new)
    yield old_document, new_document
    _lower_priority(FACTS_NICENESS - WORKER_NICENESS)
    yield facts_of(old_document), facts_of(new_document)
