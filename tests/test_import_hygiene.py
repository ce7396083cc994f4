"""The pure layers never import Textual; the CLI does not load it for scripting."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import reader.model
import reader.store
from tests.conftest import ROOT


def _modules(package: object) -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")  # type: ignore[attr-defined]
    ]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return set(result.stdout.split())


def test_model_and_store_never_load_textual() -> None:
    modules = _modules(reader.model) + _modules(reader.store)
    assert "reader.model.document" in modules
    loaded = _loaded_after_import(modules)
    assert not {name for name in loaded if name == "textual" or name.startswith("textual.")}


def test_cli_scripting_path_does_not_load_textual() -> None:
    loaded = _loaded_after_import(["reader.cli"])
    assert "textual" not in loaded
