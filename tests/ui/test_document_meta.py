"""Pilot tests: a speech opened as a file shows its joined title, its metadata in the
sidebar, and an outline of its own parts, not its dateline, at every size."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.screens.main import MainScreen
from reader.widgets.facts import FactsPane
from reader.widgets.outline import OutlinePane
from tests.ui.helpers import make_app

BODY = "今年以来，全市上下认真落实各项部署，经济运行总体平稳，民生保障持续加强，社会大局和谐稳定。"
SPEECH = (
    "\xa0\n新华社宁波4月2日电\n深化港口协作\n打造海上枢纽\n——在全市港口工作会议上的讲话\n"
    f"（2030年4月1日）\n赵一鸣\n同志们：\n{BODY}\n一、过去一年的工作\n{BODY * 3}\n"
    f"二、今年的任务\n{BODY * 3}\n责任编辑：陈青\n"
)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (160, 45)])
async def test_speech_title_metadata_and_outline(tmp_path: Path, size: tuple[int, int]) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert "深化港口协作 打造海上枢纽" in screen.title_bar.title
        await pilot.press("f")
        await pilot.pause()
        facts = screen.query_one(FactsPane)
        assert app.focused is not None and facts in app.focused.ancestors_with_self
        # The block's lines are broken by the kinsoku rules at the pane's width: its
        # rows are read joined, spaces aside (a break drops the space it is taken at).
        meta = "".join(str(facts.query_one("#facts-meta").render()).split())
        for shown in ("Author: 赵一鸣", "Editor: 陈青", "Source: 新华社", "Published: 2030-04-01"):
            assert "".join(shown.split()) in meta
        await pilot.press("o")
        await pilot.pause()
        outline = screen.query_one(OutlinePane)
        # Side panes shrink with the terminal (issue 15): a title may wrap over two rows.
        rows = "".join(outline.render_line(y).text.strip() for y in range(outline.size.height))
        assert "一、过去一年的工作" in rows and "二、今年的任务" in rows
        assert "新华社" not in rows and "赵一鸣" not in rows
        await pilot.press("down", "enter")
        await pilot.pause()
        assert outline.current is not None and outline.current.startswith("一")
