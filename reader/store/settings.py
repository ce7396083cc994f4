"""Settings that stay: ``settings.yaml`` in the config directory.

Theme, text width, which side panes show, and the facts scope. The file is a
YAML mapping; keys this version does not know are kept as they are and written
back. Writes are atomic (``store.atomic``). A file that cannot be read — not
UTF-8, not YAML, not a mapping — is moved aside to ``settings.yaml.bad-<time>``
and reported; a value of the wrong type is dropped and reported. Nothing here
raises on a bad file: the reader starts with the defaults.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.store.atomic import atomic_write
from reader.store.errors import StoreError
from reader.store.schema import SchemaError
from reader.store.yamlio import dump_plain, parse_bytes

__all__ = ["MEASURE_RANGE", "Settings", "SettingsStore"]

MEASURE_RANGE = (40, 200)
"""Least and greatest text width in cells."""

SCOPES = ("document", "section")
"""Values of ``facts_scope``."""


@dataclass(frozen=True)
class Settings:
    """What the reader chose; ``None`` is "not chosen" (the default applies)."""

    theme: str | None = None
    """A Textual theme name, e.g. ``"textual-light"``."""
    text_width: int | None = None
    """The reading measure in cells, within ``MEASURE_RANGE``."""
    outline: bool | None = None
    """Show the outline (``None``: by the terminal width)."""
    facts: bool | None = None
    """Show the facts sidebar (``None``: by the terminal width)."""
    facts_scope: str | None = None
    """``"document"`` or ``"section"``."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys this version does not know, kept and written back."""

    def changed(self, **values: Any) -> Settings:
        """A copy with ``values`` set."""
        return replace(self, **values)


_KNOWN = [f.name for f in fields(Settings) if f.name != "extra"]


def _valid(name: str, value: object) -> bool:
    if value is None:
        return True
    if name == "theme":
        return isinstance(value, str) and 0 < len(value) <= 100
    if name == "text_width":
        low, high = MEASURE_RANGE
        return type(value) is int and low <= value <= high
    if name in ("outline", "facts"):
        return isinstance(value, bool)
    return value in SCOPES  # facts_scope


def from_data(data: object) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, and what was wrong with it.

    Raises:
        SchemaError: ``data`` is not a mapping (the file is unusable).
    """
    if data is None:
        return Settings(), []
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise SchemaError("not a mapping of names to values")
    problems: list[str] = []
    known: dict[str, Any] = {}
    for name in _KNOWN:
        if name in data:
            if _valid(name, data[name]):
                known[name] = data[name]
            else:
                problems.append(f"settings.yaml: {name}: {data[name]!r} is not valid; ignored")
    extra = {k: v for k, v in data.items() if k not in _KNOWN}
    return Settings(**known, extra=extra), problems


_PLAIN_LINE = re.compile(r"([a-z_]+): ([A-Za-z0-9_-]+)")
_INT = re.compile(r"-?[1-9][0-9]*|0")
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null", "empty"))
"""Plain words YAML 1.1 reads as something else than a string (any case)."""


def plain_data(text: str) -> dict[str, Any] | None:
    """The settings file as reader writes it, read without YAML (~20 ms of imports
    before the first frame): ``name: value`` lines of booleans, whole numbers and
    plain words, and comments.

    Returns:
        What ``yaml.safe_load`` reads from ``text``, or ``None`` for anything
        else (quoted or spaced values, floats, YAML's special words, duplicate
        names): YAML reads those.
    """
    data: dict[str, Any] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        match = _PLAIN_LINE.fullmatch(line)
        if match is None or match[1] in data or match[1] in _YAML_WORDS:
            return None
        name, value = match.groups()
        if value in ("true", "false"):
            data[name] = value == "true"
        elif _INT.fullmatch(value):
            data[name] = int(value)
        elif value[0].isalpha() and value.lower() not in _YAML_WORDS:
            data[name] = value
        else:
            return None
    return data


def to_data(settings: Settings) -> dict[str, Any]:
    """The mapping written to the file: known keys (those set), then the unknown ones."""
    data: dict[str, Any] = {}
    for name in _KNOWN:
        value = getattr(settings, name)
        if value is not None:
            data[name] = value
    data.update({k: v for k, v in settings.extra.items() if k not in data})
    return data


class SettingsStore:
    """Reads and writes ``settings.yaml``."""

    def __init__(self, path: Path) -> None:
        """A store of the settings in ``path`` (its directory is made on the first save)."""
        self.path = path

    def load(self) -> tuple[Settings, list[str]]:
        """The saved settings and any notices (a bad file moved aside, a bad value).

        Never raises: an unreadable file gives the defaults and a notice.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings(), []
        except OSError as error:
            return Settings(), [f"settings.yaml could not be read ({error.strerror or error})"]
        try:
            text = raw.decode("utf-8") if len(raw) < 4096 else None
        except UnicodeDecodeError:
            text = None
        plain = None if text is None else plain_data(text)
        try:
            return from_data(parse_bytes(raw) if plain is None else plain)
        except SchemaError as error:
            return Settings(), [self._set_aside(str(error))]

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically.

        Raises:
            StoreError: the file could not be written (the message says why).
        """
        text = "# reader settings (unknown keys are kept)\n" + dump_plain(to_data(settings))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path.resolve(), [text.encode("utf-8")])
        except OSError as error:
            raise StoreError(f"cannot save settings: {error.strerror or error}") from None

    def _set_aside(self, why: str) -> str:
        """Rename the bad file to ``settings.yaml.bad-<time>`` (never over another file)."""
        message = f"settings.yaml could not be read ({why})"
        stem = f"{self.path.name}.bad-{datetime.now().strftime('%Y%m%dT%H%M%S')}"
        aside = self.path.with_name(stem)
        counter = 1
        while aside.exists():
            aside = self.path.with_name(f"{stem}-{counter}")
            counter += 1
        try:
            os.rename(self.path, aside)
        except OSError as error:
            return f"{message}; it could not be moved aside: {error.strerror or error}"
        return f"{message}; moved aside to {aside.name}, defaults used"
