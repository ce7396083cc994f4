"""Bookmarks out of the store: Markdown citations, plain data, a text listing.

Pure functions over :class:`DocumentRecord` lists; the CLI picks the format.
Quotes and notes are data: a quote line can never leave its Markdown block
quote. Whatever the records hold (a hand-edited store, unknown keys), every
string that leaves here went through the document-text cleaning
(:func:`reader.model.text.cleaning.normalize`): no ESC, BEL or C1 byte is ever
written to a terminal or a file.
"""

from __future__ import annotations

import re
from typing import Any

from reader.model.text.cleaning import normalize
from reader.model.text.oneline import shorten
from reader.store.records import Bookmark, DocumentRecord
from reader.store.schema import bookmark_dict, record_head

DETACHED = "(detached: the passage was not found in the current text)"

# A line start Markdown would read as a block of its own (heading, list, quote,
# fence, table, rule, HTML), escaped with a backslash so it stays quoted text.
_BLOCK_START = re.compile(r"^( {0,3})([#>+\-*=_|~`<]|\d+[.)])")
# C0/C1 controls except tab and newline: never written raw to a terminal.
EXCERPT_CHARS = 40
"""How much of a quote or a note a line of the text listing shows."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_line(line: str) -> str:
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    indent, marker = match.groups()
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}{line[match.end() :]}"
    return f"{indent}\\{line[len(indent) :]}"


def block_quote(text: str) -> str:
    """``text`` as a Markdown block quote: every line gets ``"> "``."""
    lines = text.split("\n") if text else [""]
    return "\n".join(f"> {_escape_line(line)}".rstrip() for line in lines)


def citation(record: DocumentRecord, bookmark: Bookmark) -> str:
    """The citation line: title, source, publication date, section."""
    parts = [p for p in (record.title, record.source) if p]
    if record.published:
        parts.append(record.published[:10])
    if bookmark.section:
        parts.append(f"section “{bookmark.section}”")
    return "— " + ", ".join(parts) if parts else "— (untitled)"


def export_markdown(records: list[DocumentRecord]) -> str:
    """Every bookmark as a Markdown citation, documents in order, blank-line separated."""
    blocks: list[str] = []
    for record in records:
        for bookmark in record.bookmarks:
            lines = [block_quote(bookmark.quote.exact), "", citation(record, bookmark)]
            if bookmark.detached:
                lines.append(DETACHED)
            if bookmark.note:
                lines.append(f"Note: {bookmark.note}")
            blocks.append("\n".join(lines))
    return normalize("\n\n".join(blocks) + ("\n" if blocks else ""))


def export_data(records: list[DocumentRecord]) -> list[dict[str, Any]]:
    """Plain data for JSON or YAML: one dict per document, fingerprint first."""
    out: list[dict[str, Any]] = []
    for record in records:
        item: dict[str, Any] = {"fingerprint": record.fingerprint}
        item.update(record_head(record))
        item["bookmarks"] = [bookmark_dict(b) for b in record.bookmarks]
        out.append(cleaned(item))
    return out


def cleaned(value: Any) -> Any:
    """``value`` with every string in it (keys too) cleaned like document text."""
    if isinstance(value, str):
        return normalize(value)
    if isinstance(value, dict):
        return {cleaned(k): cleaned(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [cleaned(v) for v in value]
    return value


def _clean(text: str) -> str:
    return _CONTROLS.sub("\N{REPLACEMENT CHARACTER}", normalize(text))


def list_text(records: list[DocumentRecord]) -> str:
    """A listing for the terminal: each document, then one line per bookmark."""
    lines: list[str] = []
    for record in records:
        count = len(record.bookmarks)
        title = record.title or record.fingerprint[:12]
        lines.append(_clean(f"{title} ({count} bookmark{'s' if count != 1 else ''})"))
        for b in record.bookmarks:
            mark = " [detached]" if b.detached else ""
            note = f" — {shorten(b.note, EXCERPT_CHARS)}" if b.note else ""
            quote = shorten(b.quote.exact, EXCERPT_CHARS)
            lines.append(_clean(f"  {b.id} {b.start}-{b.end}{mark} “{quote}”{note}"))
    return "\n".join(lines) + ("\n" if lines else "")
