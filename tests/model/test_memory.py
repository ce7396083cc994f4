"""The collector's pauses: nested across threads, and the start-up pause freezes what it built."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.model import memory
from reader.model.memory import end_start_up_pause, gc_paused, pause_for_start_up


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_pauses_in_two_threads_end_only_when_both_have_ended() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the other pause ended before this one
        seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [False, True]


def test_a_pause_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_start_up_pause_ends_once_and_freezes_what_was_built() -> None:
    pause_for_start_up()
    pause_for_start_up()  # already paused: one pause still
    assert not gc.isenabled()
    before = gc.get_freeze_count()
    kept = [[n] for n in range(1000)]
    assert end_start_up_pause()
    assert gc.isenabled() and gc.get_freeze_count() >= before + len(kept)
    assert not end_start_up_pause()
    assert memory._pauses == 0
    gc.unfreeze()
