"""BookmarkStore: the API, persistence, re-keying a changed document, symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from reader import paths
from reader.store.bookmarks import BookmarkStore, StoreError
from tests.store.helpers import BODY, make_document


def test_default_path_is_the_config_file() -> None:
    assert BookmarkStore().path == paths.bookmarks_file()


def test_add_persists_quote_section_and_citation_data(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.yaml")
    assert store.load() == []
    doc = make_document()
    start = BODY.index("第一时间传达学习")
    bookmark = store.add(doc, start, start + 8, note="要点")
    assert bookmark.quote.exact == "第一时间传达学习"
    assert BODY.endswith(bookmark.quote.prefix, 0, start)
    assert BODY.startswith(bookmark.quote.suffix, start + 8)
    assert len(bookmark.quote.prefix) == 32 and len(bookmark.id) == 12
    assert bookmark.section == doc.section_at(start).title  # type: ignore[union-attr]

    data = yaml.safe_load((tmp_path / "b.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    entry = data["documents"][doc.fingerprint]
    assert entry["paths"] == ["/docs/article.txt"]
    assert (entry["source"], entry["published"]) == ("苏州日报", "2014-07-22T08:52:00")
    assert entry["bookmarks"][0]["quote"]["exact"] == "第一时间传达学习"

    again = BookmarkStore(tmp_path / "b.yaml")
    assert again.load() == []
    record = again.record_for(doc)
    assert record is not None and record.bookmarks == (bookmark,)


def test_note_delete_restore_and_position(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.yaml")
    doc = make_document()
    first = store.add(doc, 0, 4)
    second = store.add(doc, 10, 14, "second")
    store.update_note(doc.fingerprint, first.id, "新的笔记")
    removed = store.delete(doc.fingerprint, second.id)
    assert removed == second
    fresh = BookmarkStore(tmp_path / "b.yaml")
    fresh.load()
    record = fresh.record_for(doc)
    assert record is not None and [b.note for b in record.bookmarks] == ["新的笔记"]
    store.restore(doc.fingerprint, removed)
    store.set_position(doc, 25)
    fresh.load()
    assert [b.id for b in fresh.record_for(doc).bookmarks] == [first.id, second.id]  # type: ignore[union-attr]
    assert fresh.position(doc) == 25
    with pytest.raises(StoreError, match="^cannot save bookmarks: bookmark nope"):
        store.delete(doc.fingerprint, "nope")


def test_changed_document_is_reanchored_and_rekeyed(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.yaml")
    doc = make_document()
    start = BODY.index("第一时间传达学习")
    kept = store.add(doc, start, start + 8)
    gone = store.add(doc, 0, 9, "标题")
    store.set_position(doc, 40)

    changed = make_document("新增导语一段。\n" + BODY.replace("市委常委带头作示范,督导组", "另起"))
    reader = BookmarkStore(tmp_path / "b.yaml")
    reader.load()
    record = reader.record_for(changed)
    assert record is not None and record.fingerprint == changed.fingerprint
    by_id = {b.id: b for b in record.bookmarks}
    moved = by_id[kept.id]
    assert changed.text[moved.start : moved.end] == "第一时间传达学习" and not moved.detached
    assert by_id[gone.id].detached and by_id[gone.id].quote.exact == gone.quote.exact
    # Nothing is written until the next save, which re-keys the record.
    assert doc.fingerprint in yaml.safe_load((tmp_path / "b.yaml").read_text())["documents"]
    reader.set_position(changed, 41)
    documents = yaml.safe_load((tmp_path / "b.yaml").read_text())["documents"]
    assert list(documents) == [changed.fingerprint]
    saved = documents[changed.fingerprint]
    assert {b["id"]: b.get("detached", False) for b in saved["bookmarks"]} == {
        kept.id: False,
        gone.id: True,
    }
    assert saved["position"] == 41


def test_unknown_keys_round_trip(tmp_path: Path) -> None:
    doc = make_document()
    store = BookmarkStore(tmp_path / "b.yaml")
    bookmark = store.add(doc, 0, 4)
    data = yaml.safe_load((tmp_path / "b.yaml").read_text())
    data["theme"] = {"dark": True}
    data["documents"][doc.fingerprint]["tags"] = ["政策"]
    data["documents"][doc.fingerprint]["bookmarks"][0]["colour"] = "red"
    data["documents"][doc.fingerprint]["bookmarks"][0]["quote"]["selector"] = "css"
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    store.update_note(doc.fingerprint, bookmark.id, "n")
    after = yaml.safe_load((tmp_path / "b.yaml").read_text())
    assert after["theme"] == {"dark": True}
    entry = after["documents"][doc.fingerprint]
    assert entry["tags"] == ["政策"]
    assert entry["bookmarks"][0]["colour"] == "red"
    assert entry["bookmarks"][0]["quote"]["selector"] == "css"
    assert entry["bookmarks"][0]["note"] == "n"


def test_symlinked_store_writes_through_and_stays_a_link(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "bookmarks.yaml"
    link = tmp_path / "config" / "bookmarks.yaml"
    link.parent.mkdir()
    link.symlink_to(real)  # dangling until the first save
    store = BookmarkStore(link)
    store.add(make_document(), 0, 4)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "bookmarks:" in real.read_text()
    store.add(make_document(), 5, 9)
    assert link.is_symlink()
    assert len(yaml.safe_load(real.read_text())["documents"].popitem()[1]["bookmarks"]) == 2


def test_empty_file_and_bom_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(b"")
    store = BookmarkStore(path)
    assert store.load() == [] and store.documents() == []
    store.add(make_document(), 0, 4)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    again = BookmarkStore(path)
    assert again.load() == [] and len(again.documents()) == 1


def test_newer_version_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("version: 2\ndocuments: {}\n")
    store = BookmarkStore(path)
    (warning,) = store.load()
    assert "newer reader" in warning
    with pytest.raises(StoreError, match="^cannot save bookmarks: "):
        store.add(make_document(), 0, 4)
    assert path.read_text() == "version: 2\ndocuments: {}\n"
    assert not list(tmp_path.glob("*.bad-*"))


def test_a_file_name_that_is_not_utf8_can_be_bookmarked(tmp_path: Path) -> None:
    # A Latin-1 name arrives as lone surrogates (surrogateescape); YAML cannot hold them.
    name = os.fsdecode(b"/docs/caf\xe9.txt")
    document = make_document(path=name)
    store = BookmarkStore(tmp_path / "bookmarks.yaml")
    store.load()
    store.add(document, 0, 4, note="n")
    again = BookmarkStore(tmp_path / "bookmarks.yaml")
    assert again.load() == []
    (record,) = again.documents()
    assert record.paths == ("/docs/caf\\xe9.txt",)
    assert again.record_for(document) is not None


def test_loading_a_store_not_yet_written_touches_nothing_on_disk(tmp_path: Path) -> None:
    """No file yet: no lock is taken, so no directory and no lock file appear."""
    store = BookmarkStore(tmp_path / "config" / "b.yaml")
    assert store.load() == []
    assert store.documents() == []
    assert not (tmp_path / "config").exists()
    doc = make_document()
    store.add(doc, 0, 4)
    assert sorted(p.name for p in (tmp_path / "config").iterdir())[:2] == ["b.yaml", "b.yaml.lock"]
    again = BookmarkStore(tmp_path / "config" / "b.yaml")
    assert again.load() == [] and len(again.documents()[0].bookmarks) == 1
