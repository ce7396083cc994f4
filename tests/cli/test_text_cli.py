"""`reader text`: the displayed text (what the pane lays out) and, with --source, the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.model.text.cleaning import normalize
from tests.conftest import SEED
from tests.reflow_texts import GUTENBERG, PRIDE_FLOWING, RFC, RFC_PHRASE


def test_text_prints_the_reflowed_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "novel.txt"
    path.write_text(GUTENBERG, encoding="utf-8")
    assert main(["text", str(path)]) == 0
    out = capsys.readouterr().out
    assert PRIDE_FLOWING in out.split("\n")


def test_text_source_prints_the_normalized_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rfc.txt"
    path.write_bytes(RFC.replace("\n", "\r\n").encode("ascii"))
    assert main(["text", "--source", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == normalize(RFC)
    assert "[Page 1]" in out and RFC_PHRASE not in out
    assert main(["text", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "[Page 1]" not in shown and RFC_PHRASE in shown


def test_offsets_of_the_outline_point_into_the_printed_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rfc.txt"
    path.write_text(RFC, encoding="utf-8")
    assert main(["text", str(path)]) == 0
    shown = capsys.readouterr().out
    assert main(["outline", str(path), "--format", "json"]) == 0
    sections = json.loads(capsys.readouterr().out)["sections"]
    headed = [s for s in sections if s["level"] > 0]
    assert headed
    for section in headed:
        assert shown[section["start"] :].startswith(section["title"])


def test_the_sample_is_printed_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(SEED)]) == 0
    text = normalize(SEED.read_text(encoding="utf-8"))
    assert capsys.readouterr().out.rstrip("\n") == text.rstrip("\n")


def test_a_missing_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["text", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err
