"""The facts of a long text are found in a worker process: keys go on, a new
document or quitting kills it, and a process that cannot start is said."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import pytest

import reader.screens.fact_finder as fact_finder
from reader import worker_process
from reader.app import ReaderApp
from reader.background import live_workers, run_in_process
from reader.model.document import Meta, Section
from reader.screens.fact_finder import FactFinder
from reader.view.fact_index import FactIndex
from tests.ui.helpers import build_document, main_screen, make_app, settle

FILL = ["这是一段没有任何要点的正文，只用来占满屏幕，让读者需要向下翻页才能看到后面的内容。"] * 12


def _document(figure: str) -> object:
    return build_document(
        "报告",
        [
            ("一、开头", None, [f"全年开展调研{figure}次，“四风”问题明显减少。", *FILL]),
            ("二、结尾", None, [*FILL, "共有3200余人参加。"]),
        ],
    )


def _slow_facts(text: str, meta: Meta, sections: tuple[Section, ...]) -> FactIndex:
    """A worker that never finishes in time (the tests kill it)."""
    time.sleep(60)
    raise AssertionError("the worker process should have been killed")


def workers() -> list[subprocess.Popen[bytes]]:
    return live_workers()


def fact_lines(app: ReaderApp) -> list[str]:
    fact_list = main_screen(app).facts.fact_list
    return [fact_list.render_line(y).text.rstrip() for y in range(fact_list.size.height)]


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text a worker process (never a thread) for the facts; the calls, recorded."""
    calls: list[str] = []
    run = run_in_process

    def recorded(
        work: Callable[..., FactIndex], args: tuple[object, ...], cancelled: Callable[[], bool]
    ) -> FactIndex | None:
        calls.append(work.__name__)
        return run(work, args, cancelled)

    def no_thread(*args: object) -> None:
        raise AssertionError("facts found in a thread")

    monkeypatch.setattr(FactFinder, "process_from", 0)
    monkeypatch.setattr(fact_finder, "run_in_process", recorded)
    monkeypatch.setattr(fact_finder, "run_detached", no_thread)
    return calls


async def test_facts_come_from_a_worker_process_and_keys_work_meanwhile(
    in_process: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fact_finder, "find_facts", _slow_facts)
    app = make_app(document=_document("1.2万余"))
    async with app.run_test(size=(160, 30)) as pilot:
        while not workers():
            await pilot.pause(0.05)
        (slow,) = workers()
        assert any("Finding facts…" in line for line in fact_lines(app))
        await pilot.press("space")
        assert main_screen(app).reading.scroll_y > 0, "the reading pane scrolls meanwhile"
        # The next document's facts come from a real worker; the old one is killed.
        monkeypatch.undo()
        monkeypatch.setattr(FactFinder, "process_from", 0)
        monkeypatch.setattr(fact_finder, "run_detached", in_process.append)
        main_screen(app).replace_document(_document("5万余"))  # type: ignore[arg-type]
        await settle(pilot)
        assert slow.wait(5) < 0, "killed, not finished"
        lines = fact_lines(app)
        assert "Figures (2)" in lines
        assert any(line.startswith("5万余次") for line in lines)
        assert in_process == ["_slow_facts"], "no thread was used"
        assert not workers()


async def test_quitting_kills_the_worker_process(
    in_process: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fact_finder, "find_facts", _slow_facts)
    app = make_app(document=_document("1.2万余"))
    async with app.run_test(size=(60, 20)) as pilot:
        while not workers():
            await pilot.pause(0.05)
        (slow,) = workers()
        await pilot.press("q")
    assert slow.wait(5) < 0, "killed, not waited for"
    assert in_process == ["_slow_facts"]


async def test_the_real_worker_lists_the_facts(in_process: list[str]) -> None:
    app = make_app(document=_document("1.2万余"))
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot)
        assert in_process == ["find_facts"]
        index = main_screen(app).facts.index
        assert index is not None
        assert [f.text for f in index.facts][:2] == ["1.2万余次", "3200余人"]


async def test_a_worker_process_that_cannot_start_is_said_and_a_thread_finds_the_facts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(worker_process.subprocess, "Popen", refuse)
    monkeypatch.setattr(FactFinder, "process_from", 0)
    app = make_app(document=_document("1.2万余"))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert "Figures (2)" in fact_lines(app)
        (note,) = [n for n in app._notifications if n.title == "No worker process"]
        assert "no more processes" in note.message and note.severity == "warning"
