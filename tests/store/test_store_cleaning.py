"""Strings from the store are cleaned like document text, on the way in and out.

A hand-edited or synced ``bookmarks.yaml`` can hold terminal escapes: a note
with ``ESC[5;1H`` would move the cursor over the border, an export would write
raw ESC, BEL and C1 bytes. Nothing of it may survive.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.store.bookmarks import BookmarkStore
from reader.store.export import export_data, export_markdown, list_text
from tests.cli.test_cli import run_cli
from tests.store.helpers import make_document

FP = "b" * 64
HOSTILE = f"""\
version: 1
documents:
  {FP}:
    paths: ["/docs/x.txt"]
    title: "Title\\a with BEL \\e]0;pwned\\a and C1 \\x9b2J"
    source: "\\e[31mred\\e[0m"
    colour: "\\e[5;1Hunknown key"
    bookmarks:
    - id: x1
      created: "2024-05-06\\e[2J"
      note: "note \\e[5;1H over the border \\u202e reversed"
      section: "Section \\x85 with NEL \\x07"
      start: 1
      end: 2
      quote: {{exact: "quote \\e[1mbold", prefix: "\\x1b[A", suffix: "\\x9d8;;http://x\\x9c"}}
"""

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _hostile_store(path: Path) -> BookmarkStore:
    path.write_text(HOSTILE, encoding="utf-8")
    store = BookmarkStore(path)
    assert store.load() == []
    return store


def test_every_string_read_from_the_store_is_cleaned(tmp_path: Path) -> None:
    store = _hostile_store(tmp_path / "b.yaml")
    (record,) = store.documents()
    (bookmark,) = record.bookmarks
    texts = [
        record.title, record.source, bookmark.note, bookmark.section, bookmark.created,
        bookmark.quote.exact, bookmark.quote.prefix, bookmark.quote.suffix,
    ]  # fmt: skip
    for text in texts:
        assert text is not None and not CONTROLS.search(text), repr(text)
    assert bookmark.note == "note  over the border  reversed"
    assert bookmark.quote.exact == "quote bold"
    assert record.source == "red"


def test_exports_never_write_esc_bel_or_c1(tmp_path: Path) -> None:
    store = _hostile_store(tmp_path / "b.yaml")
    records = store.documents()
    markdown = export_markdown(records)
    assert "Note: note  over the border" in markdown
    data = export_data(records)
    assert data[0]["colour"] == "unknown key"  # unknown keys are cleaned too
    for text in (markdown, list_text(records), json.dumps(data, ensure_ascii=False)):
        assert not CONTROLS.search(text), repr(text)
    assert all(not CONTROLS.search(s) for s in _strings(data))


def test_notes_are_cleaned_on_the_way_in(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    store = BookmarkStore(path)
    store.load()
    bookmark = store.add(make_document(), 0, 4, "pasted \x1b[5;1H note\x07")
    assert bookmark.note == "pasted  note"
    store.update_note(make_document().fingerprint, bookmark.id, "edited \x9b2J\x1b]52;c;eA==\x07")
    fresh = BookmarkStore(path)
    fresh.load()
    (record,) = fresh.documents()
    assert record.bookmarks[0].note == "edited "
    assert "\x1b" not in path.read_text(encoding="utf-8")


def test_cli_export_never_writes_esc_bel_or_c1() -> None:
    from reader import paths

    target = paths.bookmarks_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(HOSTILE, encoding="utf-8")
    for args in (("export",), ("export", "--format", "json"), ("export", "--format", "yaml"),
                 ("list",), ("list", "--format", "json")):  # fmt: skip
        done = run_cli("bookmarks", *args)
        assert done.returncode == 0, done.stderr
        assert "over the border" in done.stdout
        assert not CONTROLS.search(done.stdout.replace("\n", "").replace("\t", "")), args
