"""Files that must be refused: moved aside, never executed, never overwritten."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from reader.store.bookmarks import BookmarkStore
from tests.store.helpers import make_document

GOOD = "version: 1\ndocuments: {}\n"
FP = "a" * 64
BOOKMARK = (
    "    - {id: x1, created: '2024', note: '', section: s, start: 1, end: 2, quote: {exact: q}}\n"
)

BAD: dict[str, bytes] = {
    "truncated": b'version: 1\ndocuments:\n  abc: {paths: ["/x"',
    "top-level list": b"- version: 1\n",
    "wrong version type": b"version: one\n",
    "no version": b"documents: {}\n",
    "wrong types": f"version: 1\ndocuments:\n  {FP}:\n    bookmarks: 3\n".encode(),
    "offset not a number": (
        f"version: 1\ndocuments:\n  {FP}:\n    bookmarks:\n"
        + BOOKMARK.replace("start: 1", "start: x")
    ).encode(),
    "end before start": (
        f"version: 1\ndocuments:\n  {FP}:\n    bookmarks:\n" + BOOKMARK.replace("end: 2", "end: 0")
    ).encode(),
    # Past 2**31 - 1: would overflow array('i') and crash the app when the document opens.
    "offset above 2**31-1": (
        f"version: 1\ndocuments:\n  {FP}:\n    bookmarks:\n"
        + BOOKMARK.replace("start: 1, end: 2", "start: 1, end: 2147483648")
    ).encode(),
    "position above 2**31-1": f"version: 1\ndocuments:\n  {FP}:\n    position: {2**31}\n".encode(),
    "negative position": f"version: 1\ndocuments:\n  {FP}:\n    position: -1\n".encode(),
    "id too long": (
        f"version: 1\ndocuments:\n  {FP}:\n    bookmarks:\n"
        + BOOKMARK.replace("id: x1", "id: " + "x" * 65)
    ).encode(),
    "duplicate ids": (f"version: 1\ndocuments:\n  {FP}:\n    bookmarks:\n" + BOOKMARK * 2).encode(),
    "gbk": "version: 1\ndocuments:\n  x:\n    title: 苏州日报\n".encode("gbk"),
    "several documents": b"version: 1\n---\nversion: 1\n",
    "duplicate keys": f"version: 1\ndocuments:\n  {FP}: {{}}\n  {FP}: {{}}\n".encode(),
    "binary": bytes(range(256)),
    "deep nesting": b"version: 1\nx: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
}


def _bomb(levels: int = 9) -> bytes:
    lines = ["version: 1", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


BAD["billion laughs"] = _bomb()
BAD["self-referential alias"] = b"version: 1\nx: &x [*x]\n"


def _assert_moved_aside(path: Path, content: bytes, warnings: list[str]) -> None:
    (warning,) = warnings
    assert warning.startswith("b.yaml could not be read (")
    assert "moved aside to b.yaml.bad-" in warning
    (aside,) = path.parent.glob("b.yaml.bad-*")
    assert aside.read_bytes() == content
    assert warning.endswith(aside.name)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_moved_aside_and_a_fresh_store_starts(tmp_path: Path, name: str) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(BAD[name])
    store = BookmarkStore(path)
    began = time.perf_counter()
    warnings = store.load()
    assert time.perf_counter() - began < 2.0
    _assert_moved_aside(path, BAD[name], warnings)
    assert store.documents() == []
    store.add(make_document(), 0, 4)
    assert yaml.safe_load(path.read_text())["version"] == 1


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {canary}"]',
        '!!python/object/new:os.system ["touch {canary}"]',
        "!!python/name:os.system",
        '!!python/object/apply:subprocess.call [["touch", "{canary}"]]',
    ],
)
def test_python_tags_are_never_executed(tmp_path: Path, tag: str) -> None:
    canary = tmp_path / "CANARY"
    path = tmp_path / "b.yaml"
    content = f"version: 1\ndocuments: {{}}\nx: {tag.format(canary=canary)}\n".encode()
    path.write_bytes(content)
    store = BookmarkStore(path)
    _assert_moved_aside(path, content, store.load())
    assert not canary.exists()


def test_bad_file_found_at_save_time_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    store = BookmarkStore(path)
    store.add(make_document(), 0, 4)
    path.write_bytes(BAD["truncated"])  # another program broke it meanwhile
    store.add(make_document(), 5, 9)
    _assert_moved_aside(path, BAD["truncated"], store.take_warnings())
    assert yaml.safe_load(path.read_text())["version"] == 1


def test_two_bad_files_in_one_second_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    for content in (b"[1]", b"[2]"):
        path.write_bytes(content)
        BookmarkStore(path).load()
    asides = sorted(p.read_bytes() for p in tmp_path.glob("b.yaml.bad-*"))
    assert asides == [b"[1]", b"[2]"]


def test_unquoted_dates_written_by_hand_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        f"version: 1\ndocuments:\n  {FP}:\n    published: 2014-07-22\n"
        f"    updated: 2024-01-02 03:04:05\n    bookmarks:\n"
        + BOOKMARK.replace("created: '2024'", "created: 2024-05-06")
    )
    store = BookmarkStore(path)
    assert store.load() == []
    (record,) = store.documents()
    assert record.published == "2014-07-22" and record.bookmarks[0].created == "2024-05-06"


def test_the_store_parses_with_a_safe_loader_only() -> None:
    from reader.store import yamlio

    safe = tuple(
        loader for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)) if loader
    )
    assert issubclass(yamlio.strict_loader(), safe)
    assert not issubclass(yamlio.strict_loader(), (yaml.FullLoader, yaml.UnsafeLoader))
