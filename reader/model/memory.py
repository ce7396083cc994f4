"""Memory habits shared by every layer: pausing the cyclic garbage collector.

Parsing, fact extraction and loading the bookmark store build hundreds of
thousands of objects that all stay alive and make no reference cycles; the
cyclic collector would rescan them again and again and find nothing (measured:
twice the parse time at 100,000 sections, a sixth of the extraction time).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside; the collector's state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
