"""WorkerProcess: a fresh Python that runs one module-level function, off the UI's GIL.

A plain child process with two pipes, not :mod:`multiprocessing`. Its ``spawn``
start (the only safe one in an app with threads) costs reader three things it
does not need: the program's main script is run again in the child before the
work (the whole CLI's imports), a resource-tracker process is started that lives
as long as the reader (~12 MB resident, counted in every memory figure of the
reader's process tree), and that tracker is handed ``sys.stderr``, which inside a
Textual app has no descriptor. Here the child starts with ``-I -S`` (no site
scan), takes the parent's ``sys.path`` and imports only what the work's own
module imports.

The protocol, on the child's stdin: a pickle of the parent's ``sys.path``, then
one of ``(work, args, streaming)``. On its stdout: frames of an 8-byte length and
a pickle of ``(status, value)``: ``True`` and a value, ``False`` and the error
the work raised, ``None`` after a stream's last value. The child's own stdout is
pointed at its stderr (``/dev/null``: the parent's terminal belongs to Textual),
so a stray ``print`` never garbles a frame.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO

POLL_SECONDS = 0.05
"""How often a waiting worker checks whether it was cancelled."""

_HEADER = struct.Struct(">Q")
_READ = 1 << 20
"""Bytes read from the pipe at a time."""

_BOOT = (
    "import sys, pickle; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from reader.worker_process import serve; serve()"
)
"""The child's program: the parent's import path first, then the work."""


class ProcessDied(RuntimeError):
    """The worker process ended without sending a result (killed, out of memory, a crash)."""


class ProcessUnavailable(RuntimeError):
    """The worker process could not be started (no processes left, arguments that
    cannot be sent): the work itself never ran."""


_LIVE: set[subprocess.Popen[bytes]] = set()
_LIVE_LOCK = threading.Lock()


def live_workers() -> list[subprocess.Popen[bytes]]:
    """The worker processes running now."""
    with _LIVE_LOCK:
        return [process for process in _LIVE if process.poll() is None]


@atexit.register
def _kill_all() -> None:
    """A worker never outlives the reader (as multiprocessing's daemons did not)."""
    with _LIVE_LOCK:
        for process in _LIVE:
            with contextlib.suppress(OSError):
                process.kill()


class WorkerProcess:
    """``work(*args)`` in a child process: started now, its values read with :meth:`values`.

    Use it as a context manager: leaving it kills the child if it still runs.

    Args:
        work: A module-level function (a generator function when ``streaming``).
        args: Its arguments, pickled; a :class:`~reader.background.TextForWorker`
            among them passes its file's descriptor on.
        streaming: Whether ``work`` yields values (sent one by one) or returns one.

    Raises:
        ProcessUnavailable: the arguments would not pickle or the process would not start.
    """

    _passing = threading.local()

    def __init__(self, work: Callable[..., object], args: tuple[object, ...], *, streaming: bool):
        self.streaming = streaming
        fds: list[int] = []
        self._passing.fds = fds
        try:
            request = pickle.dumps(list(sys.path)) + pickle.dumps(
                (work, args, streaming), protocol=pickle.HIGHEST_PROTOCOL
            )
        except Exception as error:
            raise ProcessUnavailable(f"worker arguments could not be sent: {error!r}") from error
        finally:
            del self._passing.fds
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _BOOT],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                bufsize=0,
                pass_fds=fds,
            )
        except (OSError, ValueError) as error:
            raise ProcessUnavailable(f"worker process could not start: {error!r}") from error
        with _LIVE_LOCK:
            _LIVE.add(self._process)
        self._request: bytes | None = request

    @classmethod
    def pass_descriptor(cls, fd: int) -> int:
        """Hand the file ``fd`` to the worker whose arguments are being pickled.

        Raises:
            TypeError: when no worker's arguments are being pickled.
        """
        fds: list[int] | None = getattr(cls._passing, "fds", None)
        if fds is None:
            raise TypeError("a file's descriptor is only sent to a worker process")
        fds.append(fd)
        return fd

    def values(self, cancelled: Callable[[], bool]) -> Iterator[object]:
        """The work's values as they come (one unless streaming); none once cancelled.

        Raises:
            Exception: whatever the work raised (re-raised here).
            ProcessDied: the process ended before its result.
        """
        self._send_request()
        while True:
            header = self._read(_HEADER.size, cancelled)
            if header is None:
                return
            data = self._read(_HEADER.unpack(header)[0], cancelled)
            if data is None:
                return
            status, value = pickle.loads(data)
            if status is None:
                return
            if status is False:
                raise value
            yield value
            if not self.streaming:
                return

    def start(self) -> None:
        """Send the work to the process (done by :meth:`values` if not before):
        workers that hand each other values must all be started before any is
        waited for.

        Raises:
            ProcessDied: the process died before it read its work.
        """
        self._send_request()

    def _send_request(self) -> None:
        request, self._request = self._request, None
        stdin = self._process.stdin
        if request is None or stdin is None:
            return
        try:
            stdin.write(request)
            stdin.close()
        except OSError:  # the child died before it read its work
            raise self._died() from None

    def _read(self, size: int, cancelled: Callable[[], bool]) -> bytes | None:
        """``size`` bytes from the child, ``None`` once ``cancelled()`` turns True."""
        stdout = self._process.stdout
        assert stdout is not None
        fd = stdout.fileno()
        chunks = bytearray()
        while len(chunks) < size:
            ready, _, _ = select.select([fd], [], [], POLL_SECONDS)
            if not ready:
                if cancelled():
                    return None
                continue
            chunk = os.read(fd, min(_READ, size - len(chunks)))
            if not chunk:
                raise self._died()
            chunks += chunk
        return bytes(chunks)

    def _died(self) -> ProcessDied:
        try:
            status = self._process.wait(1)
        except subprocess.TimeoutExpired:
            status = None
        return ProcessDied(f"worker process ended with status {status}")

    def close(self) -> None:
        """Kill the child if it still runs, and reap it."""
        process = self._process
        if process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(1)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        with _LIVE_LOCK:
            _LIVE.discard(process)

    def __enter__(self) -> WorkerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Handoff:
    """A pipe that carries one value from one worker process to another.

    Give :attr:`sender` to one worker's arguments and :attr:`receiver` to the
    other's, start both, then :meth:`close` this process's ends: when a worker
    dies, its partner's ``receive`` ends with an error instead of waiting forever.
    In the worker, ``sender(value)`` pickles and writes the value in a thread of
    its own (two workers handing values to each other would otherwise both wait
    on a full pipe) and returns a function that waits until it is written;
    ``receiver()`` returns the value.
    """

    def __init__(self) -> None:
        read, write = os.pipe()
        self.sender = _End(write, sending=True)
        self.receiver = _End(read, sending=False)

    def close(self) -> None:
        """Close this process's ends (each worker holds its own)."""
        for end in (self.sender, self.receiver):
            if end.fd >= 0:  # once only: the number may be another file's after
                with contextlib.suppress(OSError):
                    os.close(end.fd)
                end.fd = -1

    def __enter__(self) -> Handoff:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _End:
    """One end of a :class:`Handoff`: its descriptor goes with a worker's arguments."""

    def __init__(self, fd: int, *, sending: bool) -> None:
        self.fd = fd
        self.sending = sending

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        fd = WorkerProcess.pass_descriptor(self.fd)
        return (_Sender if self.sending else _Receiver, (fd,))


class _Sender:
    """In a worker: ``sender(value)`` writes ``value`` to the other worker, in a thread."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def __call__(self, value: object) -> Callable[[], None]:
        def write() -> None:
            with contextlib.suppress(OSError), os.fdopen(self._fd, "wb") as pipe:
                pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)

        thread = threading.Thread(target=write, name="reader-handoff", daemon=True)
        thread.start()
        return thread.join


class _Receiver:
    """In a worker: ``receiver()`` is the value the other worker sent."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def __call__(self) -> object:
        with os.fdopen(self._fd, "rb") as pipe:
            try:
                return pickle.load(pipe)
            except EOFError:
                raise ProcessDied(
                    "the other worker process ended before it sent its value"
                ) from None


def serve() -> None:
    """The child: read the work, run it, send its value(s) or its error; then exit."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a print in the work goes to stderr (/dev/null), never into a frame
    try:
        work, args, streaming = pickle.load(sys.stdin.buffer)
        if streaming:
            for value in work(*args):
                _send(out, True, value)
            _send(out, None, None)
        else:
            _send(out, True, work(*args))
    except BaseException as error:  # sent to the parent, raised there
        _send(out, False, error)
    finally:
        with contextlib.suppress(OSError):
            out.close()


def _send(out: BinaryIO, status: bool | None, value: object) -> None:
    """One frame: its length, then the pickle of ``(status, value)``."""
    try:
        data = pickle.dumps((status, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # the value or the error would not pickle
        failure = RuntimeError(f"result could not be sent: {error!r}")
        data = pickle.dumps((False, failure), protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)))
    out.write(data)
    out.flush()
