"""Keys for Pilot tests that arrive together, as from a fast typist or a busy app."""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key, _get_unicode_name_from_key


def key_event(key: str) -> events.Key:
    """The ``Key`` event Pilot's ``press`` would send for ``key``."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def burst(app: App[Any], *keys: str) -> None:
    """Queue ``keys`` on the app's driver all at once, without waiting between them.

    ``pilot.press`` waits for the app to go idle after each key; real keys do
    not wait, so handlers of one key can run after the next keys are queued.
    """
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        driver.send_message(event)
