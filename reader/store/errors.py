"""The one exception the store raises."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation failed; the message is one line for a notification.

    Messages read ``"cannot save bookmarks: <why>"`` (or ``cannot read``), so the
    UI can show ``str(error)`` as is.
    """
