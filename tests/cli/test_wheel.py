"""The wheel carries styles/ and seeds/: an installed reader works from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _build_wheel(out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = out.glob("reader-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_installs_and_runs_outline_from_elsewhere(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/styles/reader.tcss" in names
    assert "reader/seeds/000_e3e3ef0b6fd35ab0.txt" in names
    # Only the reader package: a top-level ``tests`` would collide with other projects'.
    assert {name.split("/")[0] for name in names} - {"reader"} == {
        name.split("/")[0] for name in names if ".dist-info/" in name
    }

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The installed copy comes first on the path; the checkout is not on it at all.
    env = {**os.environ, "PYTHONPATH": str(target), "READER_CONFIG_DIR": str(tmp_path / "cfg")}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import reader.paths as p; print(p.seeds_dir()); print(p.styles_dir())",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seeds, styles = where.stdout.split()
    assert Path(seeds).is_relative_to(target)
    assert (Path(styles) / "reader.tcss").is_file()

    result = subprocess.run(
        [str(target / "bin" / "reader"), "outline", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outline = json.loads(result.stdout)
    assert outline["sections"], outline
    assert outline["sections"][-1]["end"] == 3431  # the bundled sample, whole
