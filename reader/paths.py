"""Where reader keeps its files and finds its bundled resources.

The one place that knows directories. ``READER_CONFIG_DIR``, ``READER_DATA_DIR``
and ``READER_CACHE_DIR`` override the platformdirs locations (tests and users).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"
_PACKAGE_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    """The user config directory (bookmarks.yaml lives here). Not created."""
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The user cache directory (safe to delete). Not created."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def bookmarks_file() -> Path:
    """The bookmark store: ``bookmarks.yaml`` in the config directory."""
    return config_dir() / "bookmarks.yaml"


def data_dir() -> Path:
    """The user data directory (screenshots when the current one is read-only). Not created."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    """The settings: ``settings.yaml`` in the config directory."""
    return config_dir() / "settings.yaml"


def screenshot_dir() -> Path:
    """Where screenshots go: the current directory when it is writable, else the data dir."""
    here = Path.cwd()
    if os.access(here, os.W_OK):
        return here
    return data_dir()


def _resource_dir(name: str) -> Path:
    """A top-level resource folder: inside the package when installed from a
    wheel (hatch force-include), beside the package in a checkout."""
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def styles_dir() -> Path:
    """The folder holding ``reader.tcss``."""
    return _resource_dir("styles")


def seeds_dir() -> Path:
    """The bundled documents that ``reader`` with no argument opens."""
    return _resource_dir("seeds")
