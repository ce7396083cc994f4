"""Long pure work that must never hold up quitting.

Textual's thread workers run in the event loop's default executor, and
``asyncio.run`` joins that executor on the way out: quitting while the facts of
a 50 MB document are still being found would wait ~10 s for them. So the work
itself runs in a daemon thread, and the worker thread only waits for it,
checking for cancellation (which Textual signals to every worker on exit).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

POLL_SECONDS = 0.05
"""How often a waiting worker checks whether it was cancelled."""


class _Outcome(Generic[T]):
    """The result or the error of the detached work, once it is done."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: T | None = None
        self.error: BaseException | None = None


def run_detached(work: Callable[[], T], cancelled: Callable[[], bool]) -> T | None:
    """Run ``work`` in a daemon thread and wait for it unless cancelled.

    Args:
        work: The pure, self-contained computation.
        cancelled: Polled while waiting; True gives up on the work (it goes on
            in its daemon thread, which never delays the interpreter's exit).

    Returns:
        The work's result, or ``None`` when cancelled first.

    Raises:
        Exception: whatever ``work`` raised.
    """
    outcome: _Outcome[T] = _Outcome()

    def run() -> None:
        try:
            outcome.value = work()
        except BaseException as error:  # handed to the waiting thread as is
            outcome.error = error
        finally:
            outcome.done.set()

    threading.Thread(target=run, name="reader-detached", daemon=True).start()
    while not outcome.done.wait(POLL_SECONDS):
        if cancelled():
            return None
    if outcome.error is not None:
        raise outcome.error
    return outcome.value
