"""Long pure work that must never hold up quitting.

Textual's thread workers run in the event loop's default executor, and
``asyncio.run`` joins that executor on the way out: quitting while the facts of
a 50 MB document are still being found would wait ~10 s for them. So the work
itself runs in a daemon thread, and the worker thread only waits for it,
checking for cancellation (which Textual signals to every worker on exit).

Work that would compete with the UI for the GIL for seconds (the facts of a
big document, a comparison of two editions) can run in a worker process
instead: ``run_in_process``, with the same contract (the process itself is
:mod:`reader.worker_process`).
"""

from __future__ import annotations

import codecs
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from reader.worker_process import ProcessDied, ProcessUnavailable, WorkerProcess, live_workers

__all__ = [
    "Detached",
    "ProcessDied",
    "ProcessUnavailable",
    "TextForWorker",
    "live_workers",
    "run_detached",
    "run_in_process",
    "stream_in_process",
]

T = TypeVar("T")

POLL_SECONDS = 0.05
"""How often a waiting worker checks whether it was cancelled."""


class Detached(Generic[T]):
    """Work started now in a daemon thread (it never holds up quitting), awaited later.

    Args:
        work: The pure, self-contained computation.
        name: The thread's name.
    """

    def __init__(self, work: Callable[[], T], name: str = "reader-detached") -> None:
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._run, args=(work,), name=name, daemon=True).start()

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self._value = work()
        except BaseException as error:  # handed to the waiting thread as is
            self._error = error
        finally:
            self._done.set()

    def wait(self, cancelled: Callable[[], bool]) -> T | None:
        """The result, or ``None`` when ``cancelled()`` turns True first.

        Raises:
            Exception: whatever the work raised.
        """
        while not self._done.wait(POLL_SECONDS):
            if cancelled():
                return None
        if self._error is not None:
            raise self._error
        return self._value


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
    return Detached(work).wait(cancelled)


def run_in_process(
    work: Callable[..., T], args: tuple[object, ...], cancelled: Callable[[], bool]
) -> T | None:
    """Run ``work(*args)`` in a fresh worker process and wait for it unless cancelled.

    ``work`` must be a module-level function of an importable module and
    ``args`` picklable; the result comes back pickled (arrays of numbers travel
    fastest). The process runs on the other core, off the UI's GIL, and is
    killed when the wait is cancelled, so quitting never waits for it.

    Args:
        work: A module-level, pure function.
        args: Its arguments.
        cancelled: Polled while waiting; True kills the process and returns None.

    Returns:
        The result, or ``None`` when cancelled first.

    Raises:
        Exception: whatever ``work`` raised (re-raised here).
        ProcessDied: the process ended without a result.
        ProcessUnavailable: the process could not be started.
    """
    with WorkerProcess(work, args, streaming=False) as process:
        for value in process.values(cancelled):
            return value  # type: ignore[return-value]
    return None


def stream_in_process(
    work: Callable[..., Iterable[T]], args: tuple[object, ...], cancelled: Callable[[], bool]
) -> Iterator[T]:
    """As :func:`run_in_process`, for work that yields its results one after another.

    Each value is handed over as soon as the worker sends it (the worker goes
    on meanwhile); the iteration ends early, with the process killed, when
    ``cancelled()`` turns True or the caller stops iterating.

    Args:
        work: A module-level generator function.
        args: Its arguments.
        cancelled: Polled while waiting for the next value.

    Raises:
        Exception: whatever ``work`` raised (re-raised here).
        ProcessDied: the process ended before its last value.
        ProcessUnavailable: the process could not be started.
    """
    with WorkerProcess(work, args, streaming=True) as process:
        yield from process.values(cancelled)  # type: ignore[misc]


class TextForWorker:
    """A long text for a worker process's arguments, sent through a file with no name.

    Pickled in ``run_in_process``'s arguments, a ``str`` would cost the parent
    its UTF-8 form twice: in the pickle buffer, and cached inside the ``str``
    itself (CPython keeps the UTF-8 of a non-ASCII string once it was asked
    for), for as long as the document is open: +57 MB for a 50 MB Chinese text.
    Written instead in 1 MB pieces to an unnamed temporary file, it costs the
    parent a piece at a time; the worker process inherits the file's
    descriptor and unpickles this as the ``str`` itself.

    Args:
        text: The text (any ``str``; lone surrogates survive the trip).
    """

    PIECE = 1 << 20
    """Characters encoded and written at a time."""

    def __init__(self, text: str) -> None:
        self._file = tempfile.TemporaryFile()
        try:
            for start in range(0, len(text), self.PIECE):
                self._file.write(text[start : start + self.PIECE].encode("utf-8", "surrogatepass"))
            self._file.flush()
        except BaseException:
            self._file.close()
            raise

    def close(self) -> None:
        """Close the file (the worker holds its own descriptor)."""
        self._file.close()

    def __enter__(self) -> TextForWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> tuple[Callable[[int], str], tuple[int]]:
        # Only while a worker's arguments are pickled: its descriptor is passed on.
        return (_read_text, (WorkerProcess.pass_descriptor(self._file.fileno()),))


def _read_text(fd: int) -> str:
    """In the worker: the text of the inherited file ``fd``, read from its start."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    parts: list[str] = []
    offset = 0
    try:
        while piece := os.pread(fd, TextForWorker.PIECE * 3, offset):
            offset += len(piece)
            parts.append(decoder.decode(piece))
        parts.append(decoder.decode(b"", final=True))
    finally:
        os.close(fd)
    return "".join(parts)
