"""Text clean-up after decoding: newlines and characters that must never reach a terminal.

``normalize`` is the one place that decides which characters of a decoded file
survive. Its output is the coordinate system of the whole model (every span is
an offset into it), so it must be deterministic and idempotent.

What it does, and why:

- CRLF, lone CR, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, VT (line
  tabulation), FF (form feed: a page break) and NEL (U+0085 NEXT LINE) become LF:
  one newline convention, and ``str.splitlines`` agrees with ``split("\\n")``.
  They are breaks, never deleted: the lines on either side of one stay apart
  (page furniture around a form feed is dropped later, by the reflow of
  :mod:`reader.model.structure.reflow`).
- Whole terminal escape sequences go, parameters included, so no ``[2J`` or
  ``]52;c;...`` litter stays behind: CSI (``ESC [`` and 8-bit U+009B), the string
  sequences OSC / DCS / SOS / PM / APC (7-bit ``ESC ] P X ^ _`` and their 8-bit
  forms) up to BEL or ST on the same line, and the two-character ``ESC x`` forms.
  A string sequence without a terminator on its line loses only its introducer;
  the rest stays as visible text rather than swallowing the line.
- Then every remaining C0 control except TAB and LF, DEL and the C1 controls go.
- Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) go:
  they can make a line display in an order that differs from its text. The
  plain marks U+200E/U+200F stay (right-to-left text needs them, they reorder
  nothing beyond neutrals).
- U+200B ZERO WIDTH SPACE and U+FEFF (a BOM or ZWNBSP in the middle of a text is
  junk from concatenated files) go. U+200C/U+200D (ZWNJ/ZWJ) stay: emoji
  sequences and several scripts need them.
- Lone surrogates (only possible in a ``str`` built by hand) become U+FFFD, so the
  text can always be encoded as UTF-8.
- NBSP, U+3000 IDEOGRAPHIC SPACE, tabs and every printable character stay.
"""

from __future__ import annotations

import re

UNSEEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff"
"""The characters that never reach the terminal as they are (a regex class body):
C0 controls but TAB and LF, DEL, C1 controls, ZERO WIDTH SPACE, bidi
embeddings, overrides and isolates, and U+FEFF. The one policy: document text
loses them (:func:`normalize`), names show them escaped (:func:`visible_name`)."""

_NEEDS_WORK = re.compile(f"[{UNSEEN}\u2028\u2029\ud800-\udfff]")
"""Anything ``normalize`` would change. Searching for it is the fast path: a text
without such characters (the usual case) is returned as it is."""

_ESCAPES = re.compile(
    # CSI, 7-bit and 8-bit: parameters, intermediates, one final byte.
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
    # OSC, DCS, SOS, PM, APC up to BEL or ST (ESC \ or U+009C) on the same line.
    "|(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)"
    # Two-character (and nF) escapes: intermediates, then one final byte.
    "|\x1b[ -/]*[0-~]"
)
"""Whole terminal escape sequences."""

_INTRODUCERS = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
"""Characters that can start a sequence ``_ESCAPES`` removes (all of them in ``_JUNK``)."""

_JUNK = re.compile(f"[{UNSEEN}]")
"""Single characters that are removed (after the newline conversions)."""

_BREAKS = ("\x0b", "\x0c", "\x85")
"""VT, FF and NEL: line (or page) breaks, made LF."""

_SURROGATES = re.compile("[\ud800-\udfff]")

_JUNK_OR_SURROGATE = re.compile(_JUNK.pattern[:-1] + "\ud800-\udfff]")
"""Where the work after the newline conversions starts."""


def normalize(text: str) -> str:
    """Clean decoded text: LF newlines, no controls, escapes, bidi overrides or junk.

    See the module docstring for exactly what changes. The function is
    idempotent, never raises, and returns ``text`` itself when nothing needs
    changing (one regex search, ~0.1 s on 50 MB of Chinese text).

    Args:
        text: Decoded text.

    Returns:
        The normalized text.
    """
    if _NEEDS_WORK.search(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text:
        text = text.replace("\u2028", "\n")
    if "\u2029" in text:
        text = text.replace("\u2029", "\n")
    for brk in _BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    # One scan finds the first junk character (escape introducers are junk too);
    # the clean text before it is not scanned again.
    first = _JUNK_OR_SURROGATE.search(text)
    if first is None:
        return text
    head, tail = text[: first.start()], text[first.start() :]
    if _INTRODUCERS.search(tail) is not None:
        tail = _ESCAPES.sub("", tail)
    tail = _JUNK.sub("", tail)
    if _SURROGATES.search(tail) is not None:
        tail = _SURROGATES.sub("\ufffd", tail)
    return head + tail


_NAME_UNSEEN = re.compile(f"[{UNSEEN}\t\n\u2028\u2029\ud800-\udfff]")
"""What a name shows escaped: :data:`UNSEEN`, line breaks and tabs (a name is
one line) and the lone surrogates of undecodable bytes."""


def visible_name(name: str) -> str:
    """A file name fit for the screen, with its unseen characters made visible.

    Controls, bidi overrides and the lone surrogates of undecodable bytes are
    shown as ``\\xNN`` / ``\\uNNNN``: file names are not cleaned at load time
    as the text is, and can hold ESC.
    """
    return _NAME_UNSEEN.sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", name
    )
