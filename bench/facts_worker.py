"""Benchmark: the facts worker process as the app starts it, its CPU and peak memory.

Run: ``.venv/bin/python bench/facts_worker.py [megabytes]``. Builds the sample
repeated to about ``megabytes`` MB (10 by default), parses it, and finds its
facts the way the facts sidebar does (``run_in_process(find_facts, ...)``, the
text sent through ``TextForWorker``). Prints the worker's CPU time (its own
``getrusage``, user + system, from start-up to exit), its peak resident set
(``VmHWM`` from ``/proc``, sampled while it runs), the same for a worker that
only returns at once (the fixed cost of a worker process), what the parent
spent sending the text and taking the result, and the load average.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.background import TextForWorker, live_workers, run_in_process
from reader.model.structure.parse import parse
from reader.view.fact_index import find_facts

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e3e3ef0b6fd35ab0.txt"


def _watch(pid: int, peak: list[int]) -> None:
    """Keep the highest VmHWM (kB) of ``pid`` in ``peak[0]`` until it is gone."""
    while True:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
        except OSError:
            return
        time.sleep(0.01)


def measured(run: Callable[[], object]) -> tuple[float, float]:
    """``run()`` (which starts one worker): the worker's CPU seconds and peak RSS in MB."""
    peak = [0]
    done = threading.Event()

    def spot() -> None:  # each new worker process watched from its start
        seen: set[int] = set()
        while not done.is_set():
            for process in live_workers():
                if process.pid not in seen:
                    seen.add(process.pid)
                    threading.Thread(target=_watch, args=(process.pid, peak), daemon=True).start()
            time.sleep(0.002)

    spotter = threading.Thread(target=spot, daemon=True)
    spotter.start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        run()
    finally:
        done.set()
        spotter.join()
    time.sleep(0.05)  # the worker is reaped before run() returns
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, peak[0] / 1024


def main(megabytes: float = 10.0) -> None:
    """Time the facts worker on the sample repeated to ``megabytes`` MB."""
    sample = SEED.read_text(encoding="utf-8") + "\n\n"
    text = sample * max(1, int(megabytes * 1_000_000 / len(sample.encode("utf-8"))))
    document = parse(text)
    total = len(text.encode("utf-8")) / 1_000_000
    cpu, peak = measured(lambda: run_in_process(os.getpid, (), lambda: False))
    print(f"empty worker: {cpu:.2f} s CPU, peak RSS {peak:.0f} MB")
    sent_cpu = [0.0]

    def facts() -> None:
        began = time.process_time()
        with TextForWorker(document.text) as sent:
            sent_cpu[0] = time.process_time() - began
            run_in_process(find_facts, (sent, document.meta, document.sections), lambda: False)

    cpu, peak = measured(facts)
    per_char = peak * 1024 * 1024 / len(document.text)
    print(
        f"{total:.1f} MB, {len(document.text):,} characters: facts worker {cpu:.2f} s CPU "
        f"({total / cpu:.1f} MB/s), peak RSS {peak:.0f} MB ({per_char:.1f} bytes per "
        f"character); sending the text {sent_cpu[0]:.2f} s CPU in the parent"
    )
    print(f"load average {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
