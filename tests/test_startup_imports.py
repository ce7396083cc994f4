"""What `reader FILE` has imported when its first frame is drawn.

Run in a fresh interpreter (the test process has everything loaded): the app is
started headless through the CLI, and when the reading pane draws its first row
of text the loaded module names are printed and the process exits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED

_FIRST_FRAME = """
import os, sys
import reader.widgets.reading as reading

draw = reading.ReadingPane.render_line

def render_line(self, y):
    strip = draw(self, y)
    if strip.text.strip():
        sys.stdout.write("\\n".join(sys.modules) + "\\n")
        sys.stdout.flush()
        os._exit(0)
    return strip

reading.ReadingPane.render_line = render_line
from reader.cli import main
sys.exit(main([sys.argv[1]]))
"""


def _output_of(code: str, document: Path) -> str:
    """What ``code`` prints, run on ``document`` in a fresh interpreter (headless)."""
    result = subprocess.run(
        [sys.executable, "-c", code, str(document)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        },
    )
    return result.stdout


def _loaded_at_first_frame(document: Path) -> set[str]:
    return set(_output_of(_FIRST_FRAME, document).split())


def test_first_frame_without_a_store_loads_no_yaml_filelock_comparison_or_lists() -> None:
    loaded = _loaded_at_first_frame(SEED)
    assert "reader.widgets.reading" in loaded  # the frame was drawn by the app
    for module in (
        "yaml",
        "filelock",
        "reader.cli_compare",
        "reader.model.compare",
        "reader.screens.bookmarks",
        "reader.commands",
        "reader.model.facts.extract",  # the facts are found after the first frame
        "multiprocessing",  # with the first worker process
        "reader.store.bookmarks",  # no store file: read after the first frame
    ):
        assert module not in loaded, module


_COLLECTOR = """
import gc, os, sys
import reader.app as app_module
import reader.widgets.reading as reading

seen = {}
draw = reading.ReadingPane.render_line

def render_line(self, y):
    strip = draw(self, y)
    if strip.text.strip():
        seen.setdefault("at the first frame", gc.isenabled())
    return strip

drawn = app_module.ReaderApp.first_frame_drawn

def first_frame_drawn(self):
    drawn(self)
    print(seen.get("at the first frame"), gc.isenabled(), gc.get_freeze_count() > 0)
    sys.stdout.flush()
    os._exit(0)

reading.ReadingPane.render_line = render_line
app_module.ReaderApp.first_frame_drawn = first_frame_drawn
from reader.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_start_up_pauses_the_collector_until_the_first_frame_then_freezes_what_it_built() -> None:
    paused_at_first_frame, enabled_after, frozen_after = _output_of(_COLLECTOR, SEED).split()
    assert paused_at_first_frame == "False"  # no collection while starting up
    assert enabled_after == "True" and frozen_after == "True"


def test_a_subcommand_collects_nothing_and_leaves_the_collector_on() -> None:
    # Its objects all live until it prints: a collection would find nothing.
    code = (
        "import gc, sys\nfrom reader.cli import main\n"
        "runs = []\ngc.callbacks.append(lambda phase, info: runs.append(phase))\n"
        "main(['outline', sys.argv[1]])\nprint(len(runs), gc.isenabled())"
    )
    collections, enabled = _output_of(code, SEED).split()[-2:]
    assert collections == "0" and enabled == "True"
