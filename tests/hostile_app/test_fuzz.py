"""The stateful fuzz test: a seeded random walk through the app (see ``tests/fuzz.py``).

``make test`` runs one session of 20 steps per document shape with a fixed seed
(about 45 s of CPU); ``make fuzz`` sets ``READER_FUZZ_SEED=random``,
``READER_FUZZ_SECONDS`` and ``READER_FUZZ_STEPS`` for a longer walk. A
failure names the seed, the document, the size and the last steps; the same
steps are taken again with ``READER_FUZZ_SEED=<seed>`` (timing may differ).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests import fuzz

FIXED_SEED = 11
"""The seed of the walk in ``make test``."""


def settings() -> tuple[int, float]:
    """The seed and the time budget, from the environment (fixed ones by default)."""
    raw = os.environ.get("READER_FUZZ_SEED", str(FIXED_SEED))
    seed = random.SystemRandom().randrange(1 << 32) if raw == "random" else int(raw)
    seconds = float(os.environ.get("READER_FUZZ_SECONDS", "0"))
    return seed, seconds


@pytest.mark.slow
async def test_a_random_walk_through_every_screen_keeps_the_invariants(tmp_path: Path) -> None:
    seed, seconds = settings()
    print(f"fuzz seed {seed}, {seconds:.0f} s")
    steps = int(os.environ.get("READER_FUZZ_STEPS", "20"))
    report = await fuzz.run(seed, tmp_path, seconds=seconds, steps=steps)
    shapes = {name for name, _ in report.sessions}
    assert shapes == set(fuzz.DOCUMENTS)
    print(
        f"fuzz seed {seed}: {report.steps} steps, "
        f"{len(report.sessions)} sessions: {report.sessions}; "
        f"slowest step {report.slowest[0]:.2f} s ({report.slowest[1]}); "
        f"seconds per document: { {k: round(v, 1) for k, v in report.seconds.items()} }"
    )
