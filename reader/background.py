"""Long pure work that must never hold up quitting.

Textual's thread workers run in the event loop's default executor, and
``asyncio.run`` joins that executor on the way out: quitting while the facts of
a 50 MB document are still being found would wait ~10 s for them. So the work
itself runs in a daemon thread, and the worker thread only waits for it,
checking for cancellation (which Textual signals to every worker on exit).

Work that would compete with the UI for the GIL for seconds (the facts of a
big document, a comparison of two editions) can run in a worker process
instead: ``run_in_process``, with the same contract.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable
from multiprocessing import reduction, resource_tracker, spawn
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

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


class ProcessDied(RuntimeError):
    """The worker process ended without sending a result (killed, out of memory, a crash)."""


class ProcessUnavailable(RuntimeError):
    """The worker process could not be started (no processes left, arguments that
    cannot be sent): the work itself never ran."""


def _child(conn: Connection, work: Callable[..., object], args: tuple[object, ...]) -> None:
    """The worker process: run ``work(*args)`` and send back ``(ok, value_or_error)``."""
    try:
        result: tuple[bool, object] = (True, work(*args))
    except BaseException as error:  # sent to the parent, raised there
        result = (False, error)
    try:
        conn.send(result)
    except Exception as error:  # the result or the error would not pickle
        conn.send((False, RuntimeError(f"result could not be sent: {error!r}")))
    finally:
        conn.close()


_START_LOCK = threading.Lock()


def _tracker_running() -> None:
    """Start multiprocessing's resource tracker without handing it ``sys.stderr``.

    ``spawn`` starts the tracker with the first process and passes it the
    descriptor of ``sys.stderr``; inside a Textual app that is a print capture
    whose ``fileno()`` is -1, and the start fails ("bad value(s) in
    fds_to_keep"). A ``sys.stderr`` with no descriptor at all is skipped.
    """
    with _START_LOCK, contextlib.redirect_stderr(io.StringIO()):
        resource_tracker.ensure_running()


def _without_main(name: str) -> dict[str, object]:
    """``spawn``'s start-up data for the child, less the running program's main module.

    By default a spawned child runs the parent's main script again (under
    another name) before it unpickles its work: for the ``reader`` command
    that imports the CLI, the loaders and the parser, ~0.15 s of CPU and
    ~9 MB in the child for nothing. The work here is always a module-level
    function of an importable module, found by its name.
    """
    data: dict[str, object] = _prepare(name)
    data.pop("init_main_from_path", None)
    data.pop("init_main_from_name", None)
    return data


_prepare = spawn.get_preparation_data


def _start(process: multiprocessing.process.BaseProcess) -> None:
    """Start ``process`` without its main-module step (see :func:`_without_main`)."""
    with _START_LOCK:
        spawn.get_preparation_data = _without_main
        try:
            process.start()
        finally:
            spawn.get_preparation_data = _prepare


def run_in_process(
    work: Callable[..., T], args: tuple[object, ...], cancelled: Callable[[], bool]
) -> T | None:
    """Run ``work(*args)`` in a fresh worker process and wait for it unless cancelled.

    The process is started with ``spawn`` (never ``fork``: the app has threads),
    so ``work`` must be a module-level function and ``args`` picklable; the
    result comes back pickled (arrays of numbers travel fastest). The process
    runs on the other core, off the UI's GIL. It is a daemon and is killed when
    the wait is cancelled, so quitting never waits for it.

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
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, work, args), name="reader-worker", daemon=True
    )
    try:
        _tracker_running()
        _start(process)
    except Exception as error:  # the work never ran: the caller may run it elsewhere
        receiver.close()
        sender.close()
        raise ProcessUnavailable(f"worker process could not start: {error!r}") from error
    sender.close()  # the child holds its own copy; EOF reaches us if it dies
    try:
        while not receiver.poll(POLL_SECONDS):
            if cancelled():
                return None
            if not process.is_alive() and not receiver.poll(0):
                raise ProcessDied(f"worker process ended with status {process.exitcode}")
        try:
            ok, value = receiver.recv()
        except EOFError:
            process.join(1)
            raise ProcessDied(f"worker process ended with status {process.exitcode}") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(1)
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


class TextForWorker:
    """A long text for a worker process's arguments, sent through a file with no name.

    Pickled in ``run_in_process``'s arguments, a ``str`` would cost the parent
    its UTF-8 form twice: in the pickle buffer, and cached inside the ``str``
    itself (CPython keeps the UTF-8 of a non-ASCII string once it was asked
    for), for as long as the document is open: +57 MB for a 50 MB Chinese text.
    Written instead in 1 MB pieces to an unnamed temporary file (``O_TMPFILE``:
    gone with its last descriptor), it costs the parent a piece at a time; the
    descriptor is inherited by the spawned process, which unpickles this as
    the ``str`` itself.

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

    def __reduce__(self) -> tuple[Callable[[Any], str], tuple[Any]]:
        # Only while a process is spawned: the descriptor goes to the child as is.
        return (_read_text, (reduction.DupFd(self._file.fileno()),))


def _read_text(inherited: Any) -> str:
    """In the worker: the text of the file ``inherited`` stands for, read from its start."""
    fd = inherited.detach()
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
