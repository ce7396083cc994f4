"""CleanInput: an ``Input`` whose text is cleaned like document text as it arrives.

Bracketed paste hands the field whatever the clipboard held, ESC included: a
pasted ``ESC[5;1H`` would be drawn raw (moving the cursor over the border) and
end up in a note. Every insertion (typing, paste, ``replace``) goes through
:func:`reader.model.text.cleaning.normalize` first, so the field never holds
a terminal escape, a control or a bidi override.
"""

from __future__ import annotations

from textual.widgets import Input

from reader.model.text.cleaning import normalize

__all__ = ["CleanInput"]


class CleanInput(Input):
    """A one-line input that never holds control characters or escape sequences."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``[start, end)`` with ``text`` cleaned (newlines become spaces).

        Args:
            text: What was typed or pasted.
            start: Start index of the replaced text.
            end: End index of the replaced text.
        """
        super().replace(normalize(text).replace("\n", " "), start, end)
