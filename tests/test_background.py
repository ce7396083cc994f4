"""Detached work: results and errors come back; cancelling stops the wait at once."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

from reader.background import ProcessDied, run_detached, run_in_process


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
    assert not [p for p in multiprocessing.active_children() if p.name == "reader-worker"]
