"""The command line: formats, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reader import __version__
from reader.cli import main
from tests.conftest import ROOT, SEED


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m reader ARGS` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"


def test_help_names_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("outline", "facts", "bookmarks"):
        assert word in out


def test_outline_json_has_offsets_into_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = SEED.read_text(encoding="utf-8")
    assert set(data) == {"title", "meta", "sections"}
    sections = data["sections"]
    assert sections[0]["start"] == 0 and sections[-1]["end"] == len(text)
    for before, after in zip(sections, sections[1:], strict=False):
        assert before["end"] == after["start"]
    for section in sections:
        assert set(section) == {"id", "level", "title", "subtitle", "start", "end"}


def test_outline_yaml_round_trips_to_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["outline", str(SEED), "--format", "json"])
    as_json = json.loads(capsys.readouterr().out)
    main(["outline", str(SEED), "--format", "yaml"])
    assert yaml.safe_load(capsys.readouterr().out) == as_json


def test_outline_without_path_reads_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    main(["outline", "--format", "json"])
    default = capsys.readouterr().out
    main(["outline", str(SEED), "--format", "json"])
    assert default == capsys.readouterr().out


def test_outline_text_lists_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    main(["outline", str(SEED), "--format", "json"])
    sections = json.loads(capsys.readouterr().out)["sections"]
    assert main(["outline", str(SEED)]) == 0
    out = capsys.readouterr().out
    for section in sections:
        assert section["title"] in out


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "no documents"),
        (lambda tmp: Path("/dev/null"), "not a regular file"),
    ],
)
def test_unopenable_paths_give_one_line_and_status_2(
    tmp_path: Path, make: object, reason: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = run_cli("outline", str(path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ")
    assert reason in lines[0].lower()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_png_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = run_cli("outline", str(png))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "binary" in result.stderr


def test_file_name_with_escape_is_shown_visibly(tmp_path: Path) -> None:
    result = run_cli("outline", str(tmp_path / "evil\x1b[2J.txt"))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert "\\x1b" in result.stderr


def test_bad_arguments_exit_2_without_traceback() -> None:
    result = run_cli("outline", "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "outline", str(SEED)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader of our output goes away at once
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    assert proc.returncode in (0, 2)


def test_outline_of_a_folder_lists_every_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rivers\n\nThe rivers rose.\n", encoding="utf-8")
    result = run_cli("outline", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "== " + str(tmp_path / "a.txt") in result.stdout
    assert "== " + str(tmp_path / "b.txt") in result.stdout
    assert "以优良作风谱写中国梦" in result.stdout and "Rivers" in result.stdout
    listing = json.loads(run_cli("outline", str(tmp_path), "--format", "json").stdout)
    assert [Path(item["path"]).name for item in listing] == ["a.txt", "b.txt"]
    assert all(item["sections"] for item in listing)


def test_facts_of_a_folder_says_a_file_is_needed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rivers\n\nThe rivers rose.\n", encoding="utf-8")
    result = run_cli("facts", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "folder of 2 documents" in line and "facts needs one file" in line
