"""The reader's lasting choices (``settings.yaml``), held by the app.

Loaded once when the app is made (a small file, read before the first frame);
each change is written at once, atomically. A settings file that cannot be read
is moved aside by the store and reported here as a notification.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from reader.paths import settings_file
from reader.store.errors import StoreError
from reader.store.settings import MEASURE_RANGE, Settings, SettingsStore

__all__ = ["DEFAULT_MEASURE", "MEASURE_STEP", "Preferences", "clamp_measure", "remember"]

DEFAULT_MEASURE = 80
"""The reading measure in cells when none was chosen."""

MEASURE_STEP = 4
"""Cells that ``+``/``-`` add or take from the measure."""


def clamp_measure(cells: int) -> int:
    """``cells`` within ``MEASURE_RANGE``."""
    low, high = MEASURE_RANGE
    return max(low, min(high, cells))


class Preferences:
    """The settings, and the store they are saved in."""

    def __init__(self) -> None:
        self.store = SettingsStore(settings_file())
        self.settings, self.notices = self.store.load()
        """The settings; what was wrong with the file (shown once the app runs)."""

    def update(self, app: App[Any], **values: Any) -> None:
        """Change and save some settings; a failed save is a notification.

        Args:
            app: The app, to notify.
            **values: Fields of :class:`~reader.store.settings.Settings`.
        """
        changed = self.settings.changed(**values)
        if changed == self.settings:
            return
        self.settings = changed
        try:
            self.store.save(changed)
        except StoreError as error:
            app.notify(str(error), severity="error", markup=False)


def remember(app: App[Any], **values: Any) -> None:
    """Save ``values`` in ``app``'s preferences (apps without them keep nothing)."""
    preferences = getattr(app, "preferences", None)
    if isinstance(preferences, Preferences):
        preferences.update(app, **values)


def settings_of(app: App[Any]) -> Settings:
    """``app``'s settings, or the defaults."""
    preferences = getattr(app, "preferences", None)
    return preferences.settings if isinstance(preferences, Preferences) else Settings()
