"""`reader bookmarks list|export`, run in a subprocess as a user would."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from reader import paths
from reader.cli import main
from reader.model.opening import open_document
from reader.store.bookmarks import BookmarkStore
from tests.cli.test_cli import run_cli
from tests.conftest import SEED


@pytest.fixture
def two_documents(tmp_path: Path) -> tuple[Path, Path]:
    """The seed with one bookmark and a note; an English file with one bookmark."""
    other = tmp_path / "rivers.txt"
    other.write_text(
        "Quarterly Report on Rivers\n\nThe rivers rose. Then they fell.\n", encoding="utf-8"
    )
    store = BookmarkStore()
    seed = open_document(SEED)
    start = seed.text.index("践行群众路线")
    store.add(seed, start, start + 20, "on the mass line")
    english = open_document(other)
    start = english.text.index("The rivers rose.")
    store.add(english, start, start + len("The rivers rose."))
    return SEED, other


def test_list_text_json_yaml(two_documents: tuple[Path, Path]) -> None:
    text = run_cli("bookmarks", "list")
    assert text.returncode == 0, text.stderr
    assert "以优良作风谱写中国梦“苏州篇章” (1 bookmark)" in text.stdout
    assert "— on the mass line" in text.stdout
    assert "“The rivers rose.”" in text.stdout

    as_json = run_cli("bookmarks", "list", "--format", "json")
    data = json.loads(as_json.stdout)
    assert [len(d["bookmarks"]) for d in data] == [1, 1]
    notes = {d["title"]: d["bookmarks"][0]["note"] for d in data}
    assert notes["以优良作风谱写中国梦“苏州篇章”"] == "on the mass line"

    as_yaml = run_cli("bookmarks", "list", "--format", "yaml")
    assert yaml.safe_load(as_yaml.stdout) == data


def test_export_markdown_is_a_citation(two_documents: tuple[Path, Path]) -> None:
    result = run_cli("bookmarks", "export", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> 践行群众路线,学习教育须放首位" in out
    citation = "— 以优良作风谱写中国梦“苏州篇章”, 苏州日报, 2014-07-22, section “"
    assert citation in out
    assert "Note: on the mass line" in out
    assert "> The rivers rose." in out


def test_document_filters(two_documents: tuple[Path, Path]) -> None:
    _, other = two_documents
    result = run_cli("bookmarks", "export", "--format", "json", "--document", str(other))
    data = json.loads(result.stdout)
    assert [d["title"] for d in data] == ["Quarterly Report on Rivers"]
    # A copy of the file elsewhere is the same text: found by its fingerprint.
    copy = other.with_name("copy.txt")
    copy.write_bytes(other.read_bytes())
    result = run_cli("bookmarks", "list", "--document", str(copy))
    assert "The rivers rose." in result.stdout
    assert "践行" not in result.stdout


def test_empty_store_says_so_on_stderr_and_exits_0() -> None:
    for args in (("list",), ("export",), ("list", "--format", "json")):
        result = run_cli("bookmarks", *args)
        assert result.returncode == 0
        [line] = result.stderr.splitlines()
        assert line.startswith("reader: no bookmarks yet") and "press m" in line
        assert result.stdout.strip() in ("", "[]")


def test_unreadable_store_warns_on_stderr_and_exits_0() -> None:
    paths.config_dir().mkdir(parents=True)
    paths.bookmarks_file().write_text("version: [unclosed\n", encoding="utf-8")
    result = run_cli("bookmarks", "list")
    assert result.returncode == 0
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("reader: bookmarks.yaml could not be read")


def test_bad_format_is_one_usage_error() -> None:
    result = run_cli("bookmarks", "export", "--format", "pdf")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_a_file_name_not_in_utf8_finds_its_bookmarks_after_the_file_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The store spells such a path with \xNN (YAML cannot hold the raw bytes);
    # --document must match the path the same way, not with os.path.abspath.
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text("Menu\n\nAlpha beta gamma.\n", encoding="utf-8")
    document = open_document(path)
    start = document.text.index("Alpha")
    BookmarkStore().add(document, start, start + 5, "kept")
    path.write_text("Menu\n\nAlpha beta gamma, and more.\n", encoding="utf-8")  # a new fingerprint
    assert main(["bookmarks", "list", "--document", str(path)]) == 0
    out = capsys.readouterr().out
    assert "“Alpha” — kept" in out


def test_a_fifo_store_never_blocks_the_cli() -> None:
    """Issue 11, item 5: a FIFO at the store's path blocked `reader bookmarks list` for ever."""
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    os.mkfifo(paths.bookmarks_file())
    done = run_cli("bookmarks", "list")  # run_cli fails the test after 60 s
    assert done.returncode == 0
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(
        "reader: bookmarks are off: bookmarks.yaml is a FIFO, not a regular file"
    )
