"""Every colour comes from the theme: no literal colour in the stylesheet, in a widget's
``DEFAULT_CSS`` or in a Rich style written in the code (a fixed red or white is
unreadable in some theme; ``$error``, ``$text-muted``… follow the theme)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rich.errors import StyleSyntaxError
from rich.style import Style
from textual.color import Color, ColorParseError

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "reader").rglob("*.py"))
STYLESHEETS = sorted((ROOT / "styles").rglob("*.tcss"))

DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]+);")
COLOUR_PROPERTIES = re.compile(r"color|background|border|outline|tint|scrollbar")
ALLOWED = {"auto", "transparent", "none", "initial", "inherit"}


def css_literal_colours(css: str) -> list[str]:
    """Declarations of ``css`` that name a colour other than a theme variable."""
    found = []
    for prop, value in DECLARATION.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if not COLOUR_PROPERTIES.search(prop):
            continue
        for token in value.split():
            if token.startswith("$") or token.endswith("%") or token in ALLOWED:
                continue
            try:
                Color.parse(token)
            except ColorParseError:
                continue
            found.append(f"{prop}: {value.strip()}")
    return found


def _styled(text: str) -> bool:
    """Whether ``text``, read as a Rich style, sets a colour."""
    try:
        style = Style.parse(text)
    except StyleSyntaxError:
        return False
    return style.color is not None or style.bgcolor is not None


def code_literal_colours(source: str) -> list[str]:
    """Rich styles with a colour written in Python code, and colours in CSS strings."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" in node.value:
            found += css_literal_colours(node.value)
        if isinstance(node, ast.Call):
            args = [k.value for k in node.keywords if k.arg in ("style", "color", "bgcolor")]
            name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in ("append", "stylize", "parse", "stylize_before") and len(node.args) > 1:
                args.append(node.args[1])
            if name == "parse" and node.args:
                args.append(node.args[0])
            found += [
                a.value
                for a in args
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and _styled(a.value)
            ]
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            style = node.elts[1]
            # ``Text.assemble((text, "bold red"), …)``
            if isinstance(style, ast.Constant) and isinstance(style.value, str):
                if _styled(style.value):
                    found.append(style.value)
    return found


def test_the_checks_find_literal_colours() -> None:
    assert css_literal_colours("A { color: red; background: $panel; }") == ["color: red"]
    assert css_literal_colours("A { border: round #ff0000; }") == ["border: round #ff0000"]
    assert css_literal_colours("A { color: $text-error; background: $boost 30%; }") == []
    code = 'line.append("  detached", "bold red")\nText("x", style="dim")\nStyle(color="white")'
    assert code_literal_colours(code) == ["bold red", "white"]
    assert code_literal_colours('Text.assemble((t, "bold"), (u, "dim"))') == []
    assert code_literal_colours('Text.assemble((t, "bold"), (u, "on blue"))') == ["on blue"]


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_the_stylesheet_uses_theme_colours_only(path: Path) -> None:
    assert css_literal_colours(path.read_text(encoding="utf-8")) == []


def test_the_code_uses_theme_colours_only() -> None:
    found = {
        str(path.relative_to(ROOT)): code_literal_colours(path.read_text(encoding="utf-8"))
        for path in SOURCES
    }
    assert {path: colours for path, colours in found.items() if colours} == {}
