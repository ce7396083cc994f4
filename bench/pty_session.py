"""One program in a pseudo-terminal of 160×45, its output stream timed byte by byte.

The bench is the terminal: it writes the keys into the pty itself (the time a key
is sent is the moment its bytes are written) and reads every byte the program
writes, with the time it arrived. So "first change" is the first byte after a key,
"settled" the last byte before ``quiet`` seconds without output, and the first
frame the moment a phrase of the document's body has been written (escape
sequences stripped, so its colours do not matter).

The process tree (the program and any worker process it starts) is sampled from
/proc while the bench waits: CPU ticks (utime+stime, children included) and the
sum of resident sets.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stats import process_tree, stat_fields, visible_text

WIDTH, HEIGHT = 160, 45
PAGE_DOWN = b"\x1b[6~"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Sample:
    """The process tree at one moment."""

    at: float
    ticks: int
    rss: int
    pids: int


@dataclass
class Session:
    """A program running in a pty; times are seconds since it was started."""

    argv: list[str]
    env: dict[str, str]
    pid: int = 0
    fd: int = -1
    started: float = 0.0
    chunks: list[tuple[float, int]] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    sampling: bool = True
    peak_rss_kb: int | None = None
    probe: str = ""
    probe_at: float | None = None
    _text: str = ""
    _decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")("replace")
    )
    _tree: list[int] = field(default_factory=list)
    _tree_at: float = -1.0
    _sampled_at: float = -1.0

    def start(self) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self._tree = [pid]

    def now(self) -> float:
        return time.perf_counter() - self.started

    # -- reading -----------------------------------------------------------

    def pump(self, seconds: float, until: Callable[[], bool] | None = None) -> bool:
        """Read output for up to ``seconds``; True as soon as ``until()`` holds."""
        end = time.perf_counter() + seconds
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    data = os.read(self.fd, 1 << 16)
                except OSError:  # the program is gone
                    data = b""
                if not data:
                    time.sleep(min(left, 0.05))
                else:
                    self.chunks.append((self.now(), len(data)))
                    self._look_for_probe(self._decoder.decode(data))
            if self.sampling:
                self.sample()
            if until is not None and until():
                return True

    def _look_for_probe(self, text: str) -> None:
        if self.probe_at is not None or not self.probe:
            return
        # The probe may straddle two reads: keep the tail of the last ones.
        self._text = self._text[-4096:] + text
        if self.probe in visible_text(self._text):
            self.probe_at = self.chunks[-1][0]
            if self.sampling:  # the CPU at the first frame, for the busy period after it
                self.sample(every=0)

    def wait_text(self, timeout: float) -> float | None:
        """Seconds from the start until ``self.probe`` had been written, or None."""
        self.pump(timeout, lambda: self.probe_at is not None)
        return self.probe_at

    def silence(self) -> float:
        """Seconds since the last byte of output."""
        return self.now() - (self.chunks[-1][0] if self.chunks else 0.0)

    def wait_quiet(self, quiet: float, timeout: float) -> bool:
        """Wait until no output has come for ``quiet`` seconds (False on timeout)."""
        return self.silence() >= quiet or self.pump(timeout, lambda: self.silence() >= quiet)

    def key(self, data: bytes, quiet: float, timeout: float = 5.0) -> tuple[float, float] | None:
        """Send ``data``; (seconds to the first byte back, seconds to the last byte
        before ``quiet`` seconds of silence), or None when nothing came back."""
        seen = len(self.chunks)
        sent = self.now()
        os.write(self.fd, data)
        if not self.pump(timeout, lambda: len(self.chunks) > seen):
            return None
        first = self.chunks[seen][0] - sent
        self.wait_quiet(quiet, timeout)
        return first, self.chunks[-1][0] - sent

    # -- the process tree --------------------------------------------------

    def sample(self, every: float = 0.1) -> None:
        """Sample the tree's CPU ticks and resident set (at most every ``every`` s)."""
        now = self.now()
        if now - self._sampled_at < every:
            return
        self._sampled_at = now
        if now - self._tree_at >= 0.5:  # new worker processes appear within 0.5 s
            self._tree_at = now
            self._tree = process_tree(self.pid, parents())
        ticks = rss = alive = 0
        for pid in self._tree:
            try:
                _, utime, stime, cutime, cstime, pages = stat_fields(
                    Path(f"/proc/{pid}/stat").read_text()
                )
            except (OSError, ValueError, IndexError):
                continue
            alive += 1
            ticks += utime + stime + cutime + cstime
            rss += pages * PAGE
        if alive:
            self.samples.append(Sample(now, ticks, rss, alive))

    def cpu_seconds(self) -> float:
        return self.samples[-1].ticks / TICK if self.samples else 0.0

    def wait_idle(self, since: float, window: float = 1.0, timeout: float = 180.0) -> float | None:
        """Wait until the tree's CPU grows by at most 2 ticks in ``window`` seconds;
        the time its busy period ended (the first sample of that calm window), or None."""

        def idle() -> bool:
            recent = [s for s in self.samples if s.at >= self.samples[-1].at - window]
            calm = recent[-1].ticks - recent[0].ticks <= 2
            return calm and recent[-1].at - recent[0].at >= window * 0.9 and recent[0].at >= since

        if not self.pump(timeout, lambda: bool(self.samples) and idle()):
            return None
        last = self.samples[-1].ticks
        return next(s.at for s in self.samples if s.ticks >= last - 2 and s.at >= since)

    def ticks_at(self, moment: float) -> int:
        """The tree's CPU ticks at the first sample from ``moment`` on (the last one
        before it when there is none)."""
        after = [s.ticks for s in self.samples if s.at >= moment]
        return after[0] if after else (self.samples[-1].ticks if self.samples else 0)

    def peak_tree_rss(self) -> int:
        return max((s.rss for s in self.samples), default=0)

    def peak_pids(self) -> int:
        return max((s.pids for s in self.samples), default=0)

    # -- the end -----------------------------------------------------------

    def read_peak(self) -> None:
        """Keep the program's peak RSS (VmHWM: since its exec, unlike wait4's maxrss,
        which counts the bench's own forked copy before the exec)."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                self.peak_rss_kb = int(line.split()[1])

    def quit(self, keys: bytes = b"q", timeout: float = 10.0) -> None:
        """Send ``keys``, wait for the exit (then SIGTERM, SIGKILL), reap it."""
        self.read_peak()
        try:
            os.write(self.fd, keys)
        except OSError:
            pass
        end = time.perf_counter() + timeout
        done = 0
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
                end = time.perf_counter() + 5
            while not done and time.perf_counter() < end:
                self.pump(0.05)
                done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
        os.close(self.fd)
        for pid in self._tree[1:]:  # a worker left behind must not load the next run
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def parents() -> dict[int, int]:
    """Every process's parent id, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = stat_fields(Path(entry.path, "stat").read_text())[0]
            except (OSError, ValueError, IndexError):
                continue
    return parents
