"""What sits at the store's path is never trusted: FIFOs, devices, symlinks to them.

Device nodes are made with ``mknod`` in the test's temp directory (never the
system's own): a character device with the numbers of /dev/zero and /dev/null.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from reader.store.bookmarks import BookmarkStore, StoreError
from tests.store.helpers import make_document

T = TypeVar("T")

ZERO = os.makedev(1, 5)
NULL = os.makedev(1, 3)


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, failing the test (instead of hanging it) if it blocks."""
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    if errors:
        raise errors[0]
    return result[0]


def device(path: Path, numbers: int) -> Path:
    os.mknod(path, 0o666 | stat.S_IFCHR, numbers)
    return path


def test_a_fifo_never_blocks_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    os.mkfifo(path)
    store = BookmarkStore(path)
    (warning,) = within(5, store.load)
    assert warning.startswith("bookmarks are off: bookmarks.yaml is a FIFO, not a regular file")
    assert "\n" not in warning
    assert store.documents() == []
    with pytest.raises(StoreError, match="cannot save bookmarks: bookmarks.yaml is a FIFO"):
        within(5, lambda: store.add(make_document(), 0, 4))
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.yaml"]  # no lock, no temp


def test_a_symlink_to_a_zero_device_is_never_read(tmp_path: Path) -> None:
    node = device(tmp_path / "zero", ZERO)
    path = tmp_path / "bookmarks.yaml"
    path.symlink_to(node)
    store = BookmarkStore(path)
    (warning,) = within(5, store.load)
    assert "zero is a character device, not a regular file" in warning
    assert store.documents() == []


@pytest.mark.parametrize("numbers", [NULL, ZERO])
def test_a_symlinked_device_node_is_untouched_by_saves(tmp_path: Path, numbers: int) -> None:
    node = device(tmp_path / "node", numbers)
    path = tmp_path / "bookmarks.yaml"
    path.symlink_to(node)
    store = BookmarkStore(path)
    within(5, store.load)
    for save in (
        lambda: store.add(make_document(), 0, 4),
        lambda: store.set_position(make_document(), 3),
    ):
        with pytest.raises(StoreError, match="node is a character device"):
            within(5, save)
    info = os.lstat(node)
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == numbers
    assert path.is_symlink() and os.readlink(path) == str(node)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.yaml", "node"]


def test_a_directory_at_the_path_is_one_line_too(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    path.mkdir()
    (warning,) = BookmarkStore(path).load()
    assert "bookmarks.yaml is a directory, not a regular file" in warning


def test_a_file_too_big_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.store import bookmarks

    monkeypatch.setattr(bookmarks, "MAX_BYTES", 100)
    path = tmp_path / "bookmarks.yaml"
    path.write_bytes(b"version: 1\n" + b"# padding\n" * 20)
    (warning,) = BookmarkStore(path).load()
    assert warning == "cannot read bookmarks: bookmarks.yaml is larger than 0 MB"
    assert path.exists()  # not moved aside: it may be fine, only too big for us


def test_a_symlink_to_a_regular_file_still_works(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "bookmarks.yaml"
    real.parent.mkdir()
    path = tmp_path / "bookmarks.yaml"
    path.symlink_to(real)
    store = BookmarkStore(path)
    assert store.load() == []
    store.add(make_document(), 0, 4, "kept")
    assert path.is_symlink() and "kept" in real.read_text(encoding="utf-8")
