"""Detached work: results and errors come back; cancelling stops the wait at once."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import cast

import pytest

from reader import worker_process
from reader.background import (
    ProcessDied,
    ProcessUnavailable,
    TextForWorker,
    live_workers,
    run_detached,
    run_in_process,
    stream_in_process,
)
from reader.worker_process import Handoff, WorkerProcess


def test_the_result_comes_back() -> None:
    assert run_detached(lambda: 6 * 7, cancelled=lambda: False) == 42


def test_an_error_is_raised_in_the_waiting_thread() -> None:
    def fail() -> int:
        raise ValueError("broken extractor")

    with pytest.raises(ValueError, match="broken extractor"):
        run_detached(fail, cancelled=lambda: False)


def test_cancelling_stops_waiting_while_the_work_goes_on_as_a_daemon() -> None:
    release = threading.Event()
    started = threading.Event()

    def slow() -> str:
        started.set()
        release.wait(10)
        return "late"

    flag = threading.Event()
    timer = threading.Timer(0.1, flag.set)
    timer.start()
    began = time.perf_counter()
    assert run_detached(slow, cancelled=flag.is_set) is None
    assert time.perf_counter() - began < 2
    assert started.is_set()
    (worker,) = [t for t in threading.enumerate() if t.name == "reader-detached"]
    assert worker.daemon  # never holds up the interpreter's exit
    release.set()
    worker.join(5)


def _square(value: int) -> int:
    return value * value


def _fail(message: str) -> int:
    raise ValueError(message)


def _die(status: int) -> int:
    os._exit(status)


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "late"


def test_a_process_result_comes_back() -> None:
    assert run_in_process(_square, (12,), cancelled=lambda: False) == 144


def test_a_process_error_is_raised_in_the_waiting_thread() -> None:
    with pytest.raises(ValueError, match="broken extractor"):
        run_in_process(_fail, ("broken extractor",), cancelled=lambda: False)


def test_a_process_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(ProcessDied, match="status 3"):
        run_in_process(_die, (3,), cancelled=lambda: False)


def test_cancelling_kills_the_process_at_once() -> None:
    flag = threading.Event()
    timer = threading.Timer(0.5, flag.set)
    timer.start()
    began = time.perf_counter()
    assert run_in_process(_sleep, (30.0,), cancelled=flag.is_set) is None
    assert time.perf_counter() - began < 5
    assert not live_workers()


def _squares_then(count: int, last: str) -> Iterator[int]:
    for value in range(count):
        yield value * value
    if last == "fail":
        raise ValueError("broken after the squares")
    if last == "die":
        os._exit(4)
    if last == "sleep":
        time.sleep(30)


def test_streamed_values_come_back_one_by_one_in_order() -> None:
    assert list(stream_in_process(_squares_then, (4, ""), cancelled=lambda: False)) == [
        0,
        1,
        4,
        9,
    ]


def test_a_streamed_error_or_death_comes_after_the_values_sent_before_it() -> None:
    values = stream_in_process(_squares_then, (2, "fail"), cancelled=lambda: False)
    assert [next(values), next(values)] == [0, 1]
    with pytest.raises(ValueError, match="broken after the squares"):
        next(values)
    values = stream_in_process(_squares_then, (1, "die"), cancelled=lambda: False)
    assert next(values) == 0
    with pytest.raises(ProcessDied, match="status 4"):
        next(values)


def test_a_stream_the_caller_leaves_or_cancels_kills_its_process() -> None:
    values = stream_in_process(_squares_then, (1, "sleep"), cancelled=lambda: False)
    assert next(values) == 0
    cast(Generator[int, None, None], values).close()
    assert not live_workers()
    flag = threading.Event()
    threading.Timer(0.5, flag.set).start()
    began = time.perf_counter()
    assert list(stream_in_process(_squares_then, (1, "sleep"), cancelled=flag.is_set)) == [0]
    assert time.perf_counter() - began < 5
    assert not live_workers()


def _length_and_ends(text: str) -> tuple[int, str, str]:
    return len(text), text[:3], text[-3:]


def test_a_long_text_reaches_the_process_whole_through_a_file() -> None:
    # Over several pieces, CJK, an astral character and a lone surrogate.
    text = ("报告\ud800𠀀 text " * 200_000) + "尾巴"
    with TextForWorker(text) as sent:
        assert run_in_process(_echo, (sent,), cancelled=lambda: False) == text


def _echo(text: str) -> str:
    return text


def test_sending_a_text_leaves_no_utf8_copy_in_the_parent() -> None:
    # CPython caches the UTF-8 form inside a str pickled whole: the string grows.
    text = "中文" * 100_000 + str(time.time())
    before = sys.getsizeof(text)
    with TextForWorker(text) as sent:
        back = run_in_process(_length_and_ends, (sent,), cancelled=lambda: False)
    assert back == (len(text), text[:3], text[-3:])
    assert sys.getsizeof(text) == before
    pickle.dumps(text)
    assert sys.getsizeof(text) > before + len(text), "the cache this avoids is real"


def test_a_process_starts_where_stderr_has_no_descriptor() -> None:
    # Textual replaces sys.stderr with a capture whose fileno() is -1; spawn's
    # resource tracker used to be started with it and fail. A fresh interpreter:
    # in this one the tracker may be running already.
    script = (
        "import sys\n"
        "class Capture:\n"
        "    def write(self, text): return len(text)\n"
        "    def flush(self): pass\n"
        "    def fileno(self): return -1\n"
        "from reader.background import run_in_process\n"
        "from operator import mul\n"
        "if __name__ == '__main__':\n"
        "    sys.stderr = Capture()\n"
        "    sys.stdout.write(str(run_in_process(mul, (6, 7), cancelled=lambda: False)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout == "42", done.stderr


def test_a_process_does_not_run_the_programs_main_script_again(tmp_path: Path) -> None:
    # By default spawn runs the parent's main script in the child (as
    # __mp_main__): for the reader command, the CLI's imports, for nothing.
    ran = tmp_path / "ran.txt"
    script = tmp_path / "program.py"
    script.write_text(
        "import sys\n"
        f"with open({str(ran)!r}, 'a') as ran:\n"
        "    ran.write(__name__ + '\\n')\n"
        "from operator import mul\n"
        "from reader.background import run_in_process\n"
        "if __name__ == '__main__':\n"
        "    sys.stdout.write(str(run_in_process(mul, (6, 7), cancelled=lambda: False)))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout == "42", done.stderr
    assert ran.read_text(encoding="utf-8").split() == ["__main__"]


def test_a_process_that_cannot_start_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(worker_process.subprocess, "Popen", refuse)
    with pytest.raises(ProcessUnavailable, match="no more processes"):
        run_in_process(_square, (3,), cancelled=lambda: False)


def _trade(
    mine: object,
    send: Callable[[object], Callable[[], None]],
    receive: Callable[[], object],
    die: bool,
) -> tuple[object, object]:
    if die:
        os._exit(5)
    sent = send(mine)
    theirs = receive()
    sent()
    return mine, theirs


def _traded(first: tuple[object, ...], second: tuple[object, ...]) -> list[object]:
    """Two worker processes started side by side with a Handoff each way; their results."""
    with Handoff() as one_way, Handoff() as other_way:
        a = WorkerProcess(
            _trade, (*first[:1], one_way.sender, other_way.receiver, *first[1:]), streaming=False
        )
        b = WorkerProcess(
            _trade, (*second[:1], other_way.sender, one_way.receiver, *second[1:]), streaming=False
        )
        one_way.close()  # each process holds its own ends
        other_way.close()
        a.start()
        b.start()
        with a, b:
            results: list[object] = []
            for process in (a, b):
                try:
                    results.append(next(process.values(lambda: False)))
                except ProcessDied as error:
                    results.append(error)
            return results


def test_two_workers_hand_each_other_big_values_at_once() -> None:
    # Each value is far more than a pipe holds: both write while both read.
    left, right = "甲" * 3_000_000, list(range(300_000))
    assert _traded((left, False), (right, False)) == [(left, right), (right, left)]
    assert not live_workers()


def test_a_worker_whose_partner_dies_ends_with_an_error_not_a_wait() -> None:
    began = time.perf_counter()
    dead, waiting = _traded(("x", True), ("y", False))
    assert isinstance(dead, ProcessDied) and "status 5" in str(dead)
    assert isinstance(waiting, ProcessDied) and "other worker process" in str(waiting)
    assert time.perf_counter() - began < 10
