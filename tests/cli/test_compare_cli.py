"""`reader compare OLD NEW --format json|markdown|text` on our own pair of editions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.cli import main
from tests.cli.test_cli import run_cli

DATA = Path(__file__).parent.parent / "data" / "compare"
OLD = str(DATA / "report_2023.txt")
NEW = str(DATA / "report_2024.txt")


def test_json_has_the_section_map_changes_figures_and_terms() -> None:
    result = run_cli("compare", OLD, NEW, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["old"]["path"] == OLD and data["new"]["path"] == NEW
    statuses = {(s["old_title"], s["new_title"]): s["status"] for s in data["sections"]}
    assert statuses[("四、生态环境保护", "二、生态环境保护")] == "changed"
    assert statuses[(None, "四、科技创新")] == "new"
    split = next(s for s in data["sections"] if s["new_title"] == "四、科技创新")
    assert split["split_from"] == next(
        s["old"] for s in data["sections"] if s["old_title"] == "三、科技与教育"
    )
    changed = next(s for s in data["sections"] if s["new_title"] == "三、今年工作总体要求")
    assert 0 < changed["changed"] < 1
    assert changed["diff"].startswith(
        "--- old: 二、今年工作总体要求\n+++ new: 三、今年工作总体要求"
    )
    assert any(c["deleted"] == "6%" and c["inserted"] == "5%" for c in changed["changes"])
    assert {"counted": "国内生产总值", "old": "6%左右", "new": "5%左右"}.items() <= next(
        q for q in data["quantities"] if q["new"] == "5%左右"
    ).items()
    assert "人工智能+" in [t["text"] for t in data["new_terms"]]
    assert "跨周期调节" in [t["text"] for t in data["dropped_terms"]]
    unchanged = next(s for s in data["sections"] if s["status"] == "unchanged")
    assert "changes" not in unchanged


def test_markdown_is_a_report_whose_text_stays_text() -> None:
    result = run_cli("compare", OLD, NEW, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    report = result.stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(report)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "政府工作报告 compared with 政府工作报告"
    assert "Sections" in headings and "Figures that changed" in headings
    assert any(re.fullmatch(r"三、今年工作总体要求 — [1-9]\d? % changed", h) for h in headings)
    assert "| 国内生产总值 (%) | 6%左右 | 5%左右 |" in report
    # The "+" of 人工智能+ is escaped: it never starts a list item.
    assert "- 人工智能\\+ (term, ×1)" in report
    assert re.search(r"^~~~diff$", report, re.M)
    assert "- replaced “总体平稳” with “回升向好”" in report


def test_markup_in_the_documents_never_becomes_markdown(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("# 标题\n\n一、总则\n\n正文[链接](http://x)。\n", encoding="utf-8")
    new.write_text("# 标题\n\n一、总则\n\n正文<b>粗</b>**强**。\n", encoding="utf-8")
    result = run_cli("compare", str(old), str(new), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "<a " not in html and "<b>" not in html and "<strong>" not in html


def test_text_format_and_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", OLD, NEW, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "+ 四、科技创新  (split from 三、科技与教育)" in out
    assert "国内生产总值 (%): 6%左右 → 5%左右" in out
    assert main(["compare", OLD, str(DATA / "missing.txt"), "--format", "json"]) == 2
    assert capsys.readouterr().err.strip() == f"reader: {DATA / 'missing.txt'}: no such file"
