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


def _output_of(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (nothing imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return result.stdout


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sys.modules))"
    )
    return set(_output_of(code).split())


def test_model_and_store_never_load_textual() -> None:
    modules = _modules(reader.model) + _modules(reader.store)
    assert "reader.model.document" in modules
    loaded = _loaded_after_import(modules)
    assert not {name for name in loaded if name == "textual" or name.startswith("textual.")}


def test_cli_scripting_path_does_not_load_textual() -> None:
    loaded = _loaded_after_import(["reader.cli"])
    assert "textual" not in loaded


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), or with a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_circle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_among_reader_modules() -> None:
    # Every import counts, also those under TYPE_CHECKING and inside functions:
    # a circle hidden by a late import is still a circle in the design.
    import grimp

    graph = grimp.build_graph("reader")
    modules = graph.modules
    assert "reader.screens.main" in modules and "reader.commands" in modules
    edges = {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in modules}
        for module in modules
    }
    assert _cycles(edges) == []


def test_the_sidebar_formats_facts_without_loading_the_extractor() -> None:
    # The rules compile ~130 regexes on import (~0.3 s): the UI's process only shows
    # the facts a worker process found, so a row must not load them.
    code = (
        "import sys\n"
        "from reader.model.document import Fact, FactKind, Mention\n"
        "from reader.view.fact_rows import fact_row\n"
        "fact = Fact(FactKind.QUANTITY, '1.2万余次', value=12000, unit='次',"
        " qualifier='more-than', mentions=(Mention(0, 6, 'lead'),))\n"
        "print(fact_row(fact).plain)\n"
        "print('reader.model.facts.extract' in sys.modules)\n"
    )
    row, loaded = _output_of(code).splitlines()
    assert row == "1.2万余次  >12,000 次"
    assert loaded == "False"


def test_worker_processes_import_neither_rich_nor_textual() -> None:
    # A worker imports the module of its job: Rich and Textual would be ~0.1 s
    # more to start each one, for nothing it draws.
    loaded = _loaded_after_import(["reader.model.compare.jobs", "reader.view.fact_index"])
    assert not {name.split(".")[0] for name in loaded} & {"rich", "textual"}
