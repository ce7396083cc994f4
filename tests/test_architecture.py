"""ARCHITECTURE.md matches the code: the modules it names, the methods it names."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
from dataclasses import fields
from types import ModuleType

import reader
from tests.conftest import ROOT

DOC = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
CODE = re.findall(r"`([^`\n]+)`", DOC)
"""Every code span of the page."""


def _modules() -> dict[str, ModuleType]:
    found = {"reader": reader}
    for info in pkgutil.walk_packages(reader.__path__, "reader."):
        if info.name != "reader.__main__":
            found[info.name] = importlib.import_module(info.name)
    return found


def test_every_module_it_names_exists_and_every_module_is_named() -> None:
    named = {span for span in CODE if span.startswith("reader/") and span.endswith(".py")}
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "reader").rglob("*.py")
        # A package's __init__ is its folder, which the page names.
        if path.name != "__init__.py" or path.parent == ROOT / "reader"
    }
    assert named - on_disk == set(), "named in ARCHITECTURE.md but not in reader/"
    assert on_disk - named == set(), "in reader/ but not in ARCHITECTURE.md"


def test_every_class_method_it_names_exists() -> None:
    modules = _modules()
    classes: dict[str, object] = {}
    by_short_name: dict[str, ModuleType] = {}
    for name, module in modules.items():
        by_short_name[name.rsplit(".", 1)[-1]] = module
        for attr, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == name:
                classes[attr] = value
    dotted = [
        span
        for span in CODE
        if re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+", span)
        and not span.endswith((".md", ".py", ".toml"))
    ]
    assert "ReaderApp.open_document" in dotted and "MainScreen.replace_document" in dotted
    for span in dotted:
        head, *rest = span.split(".")
        owner: object = classes.get(head) or by_short_name.get(head)
        assert owner is not None, f"{span}: no class or module {head} in reader/"
        for part in rest:
            if dataclasses.is_dataclass(owner) and part in {f.name for f in fields(owner)}:
                break  # a field (dataclass fields without a default are no class attributes)
            assert hasattr(owner, part), f"{span}: {part} not found"
            owner = getattr(owner, part)


def test_one_place_constructs_the_main_screen() -> None:
    # The page says ReaderApp._show is that place; the code must agree.
    calls = [
        (path.relative_to(ROOT).as_posix(), line)
        for path in (ROOT / "reader").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "MainScreen(" in line and not line.lstrip().startswith("class ")
    ]
    assert [path for path, _ in calls] == ["reader/app.py"]
    assert "ReaderApp._show" in DOC
