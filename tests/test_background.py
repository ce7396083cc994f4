"""Detached work: results and errors come back; cancelling stops the wait at once."""

from __future__ import annotations

import threading
import time

import pytest

from reader.background import run_detached


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
