"""A seeded random walk through the app, driven by Pilot, checking invariants after every step.

Each *session* opens one document of a hostile shape (the sample, empty, whitespace
only, one 5 MB line, 100,000 sections, Markdown with code fences, terminal escapes,
a folder) at a random terminal size, then takes random steps:

* press any key bound on the screen in front (reading, outline, facts, search bar,
  bookmark list, picker, help, palette, note prompt), or one that opens one of them,
  or one that moves through the text;
* type text into a prompt (Chinese, ASCII, regex specials);
* resize the terminal (20x6 to 250x80);
* queue several keys at once without waiting (a burst).

After every step: no exception in the app, no step longer than :data:`STEP_TIMEOUT`;
the title bar's section number is within 1..N and names the section that holds
the reading position; the reading position is inside the text.

The generated files are made at test time (see ``tests.hostile``). ``make test``
runs a short walk with a fixed seed; ``make fuzz`` a long one with a random seed
(``READER_FUZZ_SEED``, ``READER_FUZZ_SECONDS``); a failure names its seed.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from reader.app import ReaderApp
from reader.model.opening import list_documents, open_document
from reader.screens.main import MainScreen
from tests import hostile
from tests.ui.keys import burst

STEP_TIMEOUT = 30.0
"""Seconds a step may take before the app counts as frozen (generous: the test
machine is shared, and a loaded one runs the app at a quarter of a core)."""

SIZES = [(80, 24), (60, 20), (40, 15), (20, 6), (100, 30), (160, 45), (250, 80)]
"""Sizes a session starts at (the fixed ones the issue names, and the extremes)."""

OPENERS = ["o", "f", "slash", "B", "question_mark", "ctrl+p", "m", "v", "escape", "backspace"]
"""Keys that open or leave the screens and panes, pressed more often than chance would."""

MOVES = ["space", "pagedown", "b", "G", "end", "g", "right_square_bracket"]
MOVES += ["left_square_bracket", "j", "k", "n", "N", "escape"]
"""Keys that move through the text (on the reading screen), pressed often: the
invariants are about where the reader is."""

NEVER = {"quit", "app.quit", "help_quit", "app.help_quit", "suspend_process"}
"""Actions the walk never takes (it would end the session)."""

TYPED = [
    "四风",
    "苏州",
    "作风建设",
    "the",
    "H9",
    "section",
    "neg",
    ".*",
    "[",
    "(",
    "\\",
    "+?",
    "|",
    "^$",
    "{2}",
    "a" * 30,
    "长" * 20,
]
"""Text typed into prompts. No ``)``: a closed group could nest quantifiers, and regex
time limits are another part of issue 11."""


def markdown_with_code() -> bytes:
    """Markdown with headings, fenced code (with ``#`` lines inside) and a table."""
    parts = ["---", "title: Fenced", "---", "", "# Intro", "", "Some *text* here.", ""]
    for n in range(1, 8):
        parts += [f"## Part {n}", "", f"Body {n} with `code`.", "", "```python"]
        parts += ["# not a heading", "def f():", "    return 1", "```", ""]
        parts += ["| a | b |", "|---|---|", f"| {n} | x |", ""]
    return "\n".join(parts).encode("utf-8")


def _folder(root: Path) -> Path:
    folder = root / "folder"
    folder.mkdir()
    hostile.write(folder, "a-sample.txt", hostile.SEED.read_bytes())
    hostile.write(folder, "b-code.md", markdown_with_code())
    hostile.write(folder, "c-empty.txt", b"")
    return folder


DOCUMENTS: dict[str, Callable[[Path], Path]] = {
    "sample": lambda root: hostile.write(root, "sample.txt", hostile.SEED.read_bytes()),
    "empty": lambda root: hostile.write(root, "empty.txt", b""),
    "whitespace": lambda root: hostile.write(root, "blank.txt", b"  \n\t\n\r\n   \n"),
    "long-line": lambda root: hostile.write(root, "line.txt", hostile.long_line()),
    "100k-sections": lambda root: hostile.write(root, "tiny.md", hostile.tiny_sections()),
    "markdown-code": lambda root: hostile.write(root, "code.md", markdown_with_code()),
    "escapes": lambda root: hostile.write(root, "esc.txt", hostile.terminal_escapes()[0]),
    "folder": _folder,
}
"""Every document shape a session can open, by name."""


def make_app(path: Path) -> ReaderApp:
    """The app as the CLI builds it: a big file's head first, a folder's picker."""
    if path.is_dir():
        app = ReaderApp(folder_documents=list_documents(path))
    else:
        app = ReaderApp(document=open_document(path, head=True))
    app.animation_level = "none"
    return app


class InvariantError(AssertionError):
    """An invariant did not hold after a step."""


POSITION = re.compile(r"section (\d+)/(\d+)")


def check(app: ReaderApp) -> None:
    """The invariants, on the topmost reading screen (if any is open)."""
    if app._exception is not None:
        raise InvariantError(f"the app raised {app._exception!r}") from app._exception
    screens = [s for s in app.screen_stack if isinstance(s, MainScreen)]
    if not screens:
        return
    screen = screens[-1]
    document = screen.document
    offset = screen.reading.current_offset
    if not 0 <= offset <= len(document.text):
        raise InvariantError(f"reading position {offset} outside 0..{len(document.text)}")
    found = POSITION.search(screen.title_bar.position)
    if found is None:
        raise InvariantError(f"no position in the title bar: {screen.title_bar.position!r}")
    number, count = int(found[1]), int(found[2])
    if count != len(document.sections):
        raise InvariantError(
            f"title bar says {count} sections, the document has {len(document.sections)}"
        )
    if not count:
        return
    if not 1 <= number <= count:
        raise InvariantError(f"title bar section {number} outside 1..{count}")
    section = document.section_at(offset)
    if section is not None and section.index + 1 != number:
        raise InvariantError(
            f"title bar says section {number}, "
            f"the reading position {offset} is in section {section.index + 1}"
        )


@dataclass
class Walk:
    """One session's random walk (the log names every step, for the failure message)."""

    rng: random.Random
    app: ReaderApp
    log: list[str] = field(default_factory=list)

    def bound_keys(self) -> list[str]:
        """Every key bound on the screen in front, except those that would quit."""
        keys = []
        for key, active in self.app.screen.active_bindings.items():
            if active.binding.action not in NEVER and active.enabled:
                keys.append(key)
        return keys

    def choose_key(self) -> str:
        keys = self.bound_keys()
        if keys and self.rng.random() < 0.7:
            return self.rng.choice(keys)
        return self.rng.choice([*OPENERS, "enter", "tab", "shift+tab", "space", "G", "g"])

    focused: str = ""
    """The focused widget before the last step."""

    async def step(self) -> None:
        """One random step."""
        pilot_app = self.app
        self.focused = repr(pilot_app.focused)
        roll = self.rng.random()
        focused = pilot_app.focused
        if isinstance(focused, Input) and roll < 0.35:
            text = self.rng.choice(TYPED)
            self.log.append(f"type {text!r}")
            await self._press(*text)
        elif roll < 0.45:
            width, height = self.rng.randint(20, 250), self.rng.randint(6, 80)
            self.log.append(f"resize {width}x{height}")
            await self._resize(width, height)
        elif roll < 0.7:
            key = self.rng.choice(MOVES)
            self.log.append(f"press {key}")
            await self._press(key)
        elif roll < 0.8:
            keys = [self.choose_key() for _ in range(self.rng.randint(2, 6))]
            self.log.append(f"burst {' '.join(keys)}")
            burst(pilot_app, *keys)
            await self._pause()
        else:
            key = self.choose_key()
            self.log.append(f"press {key}")
            await self._press(key)

    async def _press(self, *keys: str) -> None:
        await Pilot(self.app).press(*keys)

    async def _resize(self, width: int, height: int) -> None:
        await Pilot(self.app).resize_terminal(width, height)

    async def _pause(self) -> None:
        await Pilot(self.app).pause()


@dataclass
class Report:
    """What a walk did."""

    seed: int
    steps: int = 0
    sessions: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall-clock seconds spent in each document's sessions."""
    slowest: tuple[float, str] = (0.0, "")
    """The slowest step: seconds, and what it was."""


async def session(
    rng: random.Random, name: str, path: Path, size: tuple[int, int], steps: int, report: Report
) -> None:
    """Open ``path`` at ``size`` and take ``steps`` random steps, checking after each."""
    opened = time.perf_counter()
    app = make_app(path)
    walk = Walk(rng, app)
    report.sessions.append((name, size))
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            check(app)
            for _ in range(steps):
                if not app.is_running:
                    break
                started = time.perf_counter()
                await asyncio.wait_for(walk.step(), STEP_TIMEOUT)
                took = time.perf_counter() - started
                if took > report.slowest[0]:
                    report.slowest = (took, f"{name} {size[0]}x{size[1]}: {walk.log[-1]}")
                report.steps += 1
                check(app)
        report.seconds[name] = report.seconds.get(name, 0.0) + time.perf_counter() - opened
    except (Exception, asyncio.TimeoutError) as error:
        trail = "\n  ".join(walk.log[-25:])
        stack = [type(screen).__name__ for screen in app.screen_stack]
        raise AssertionError(
            f"fuzz seed {report.seed}: {name} at {size[0]}x{size[1]}, step {len(walk.log)}: "
            f"{type(error).__name__}: {error}\n  screens: {stack}, focused: {walk.focused}"
            f"\n  last steps:\n  {trail}"
        ) from error


async def run(seed: int, root: Path, *, seconds: float, steps: int = 30) -> Report:
    """Walk every document shape (in a seeded order) until ``seconds`` have passed.

    Every shape gets one session even when time runs short; more sessions follow,
    at new sizes, while time remains.
    """
    rng = random.Random(seed)
    report = Report(seed)
    paths = {name: make(root) for name, make in DOCUMENTS.items()}
    deadline = time.monotonic() + seconds
    names = list(DOCUMENTS)
    rng.shuffle(names)
    # The first round covers every size of SIZES (narrow ones hide the side panes).
    sizes = list(SIZES)
    rng.shuffle(sizes)
    first_round = True
    while first_round or time.monotonic() < deadline:
        for number, name in enumerate(names):
            if not first_round and time.monotonic() >= deadline:
                break
            if first_round:
                size = sizes[number % len(sizes)]
            else:
                size = (rng.randint(20, 250), rng.randint(6, 80))
            await session(rng, name, paths[name], size, steps, report)
        first_round = False
    return report
