"""The CLI against hostile files: exit 0, or exit 2 with one clean line; never a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 20


def _run(
    args: list[str], tmp_path: Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env["READER_CONFIG_DIR"] = str(tmp_path / "config")
    env["READER_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        cwd=cwd or ROOT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _assert_clean(result: subprocess.CompletedProcess[bytes], *, must_fail: bool = False) -> None:
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert b"\x1b" not in result.stderr
    if must_fail or result.returncode != 0:
        assert result.returncode == 2, stderr
        lines = stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("reader: "), stderr
    else:
        assert stderr == ""


@pytest.fixture(scope="module")
def byte_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: hostile.write(folder, name, data) for name, data in hostile.byte_files().items()}


@pytest.mark.parametrize("name", sorted(hostile.byte_files()))
def test_outline_of_each_hostile_file(
    name: str, byte_files: dict[str, Path], tmp_path: Path
) -> None:
    _assert_clean(_run(["outline", str(byte_files[name])], tmp_path))


@pytest.mark.parametrize(
    "name", ["image.png", "image-named.txt", "compressed.txt", "random.txt", "nul.txt"]
)
def test_binary_files_are_refused(name: str, byte_files: dict[str, Path], tmp_path: Path) -> None:
    result = _run(["outline", str(byte_files[name])], tmp_path)
    _assert_clean(result, must_fail=True)
    assert b"binary file" in result.stderr


@pytest.mark.parametrize(
    "make",
    [
        hostile.make_fifo,
        hostile.make_dangling_symlink,
        hostile.make_symlink_loop,
        lambda folder: folder / "missing.txt",
    ],
    ids=["fifo", "dangling", "loop", "missing"],
)
def test_special_paths_are_refused(make: object, tmp_path: Path) -> None:
    assert callable(make)
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    _assert_clean(_run(["outline", str(path)], tmp_path), must_fail=True)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_devices_are_refused(device: str, tmp_path: Path) -> None:
    result = _run(["outline", device], tmp_path)
    _assert_clean(result, must_fail=True)
    assert b"not a regular file (character device)" in result.stderr


def test_folder_without_documents(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    hostile.make_fifo(folder, "pipe.txt")
    _assert_clean(_run(["outline", str(folder)], tmp_path), must_fail=True)


def _outline_json(path: Path, tmp_path: Path) -> dict[str, object]:
    result = _run(["outline", "--format", "json", str(path)], tmp_path)
    _assert_clean(result)
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    meta = data["meta"]
    assert isinstance(meta, dict)
    # The encoding and nothing else may differ between encodings of one text.
    meta.pop("encoding")
    return data


@pytest.mark.parametrize("variant", ["gb18030", "utf-16-le-bom", "utf-16-le", "crlf-bom"])
def test_sample_outline_is_the_same_in_every_encoding(variant: str, tmp_path: Path) -> None:
    text = hostile.sample_text()
    if variant == "crlf-bom":
        data = text.replace("\n", "\r\n").encode("utf-8-sig")
    else:
        data = hostile.SAMPLE_ENCODINGS[variant](text)
    original = hostile.write(tmp_path, "original.txt", text.encode("utf-8"))
    other = hostile.write(tmp_path, "other.txt", data)
    assert _outline_json(other, tmp_path) == _outline_json(original, tmp_path)


@pytest.mark.parametrize(
    "name", ["[bold]x[reset].txt", "esc\x1b[2Jname.txt", "new\nline.txt", "-name.txt"]
)
@pytest.mark.parametrize("exists", [True, False], ids=["exists", "missing"])
def test_awkward_file_names(name: str, exists: bool, tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    if exists:
        hostile.write(folder, name, hostile.ENGLISH.encode())
    arg = f"./{name}" if name.startswith("-") else str(folder / name)
    result = _run(["outline", arg], tmp_path, cwd=folder)
    _assert_clean(result, must_fail=not exists)
    if not exists:
        assert "no such file" in result.stderr.decode()


def test_stdin_document(tmp_path: Path) -> None:
    env = dict(os.environ, READER_CONFIG_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "outline", "--format", "json", "-"],
        input=hostile.sample_text().encode("gb18030"),
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        cwd=ROOT,
        check=False,
    )
    _assert_clean(result)
    assert json.loads(result.stdout)["meta"]["encoding"] == "gb18030"
