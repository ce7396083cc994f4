"""Opening documents from paths and stdin; listing the documents of a folder."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

import pytest

from reader.model.opening import list_documents, open_document, read_stream
from reader.model.text.loading import LoadError
from tests import hostile


class _Stdin:
    """A stand-in for ``sys.stdin`` with a binary buffer."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_open_document_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(seed_text.encode("gb18030")))
    document = open_document("-")
    assert document.text == seed_text
    assert document.encoding == "gb18030"
    assert document.path is None


def test_open_document_refuses_binary_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(hostile.png()))
    with pytest.raises(LoadError, match=r"^<stdin>: binary file \(PNG image\)$"):
        open_document("-")


def test_read_stream_limit() -> None:
    assert read_stream(io.BytesIO(b"12345"), max_bytes=5) == b"12345"
    with pytest.raises(LoadError, match="too large"):
        read_stream(io.BytesIO(b"123456"), max_bytes=5)


def test_open_document_from_path(tmp_path: Path, seed_text: str) -> None:
    path = hostile.write(tmp_path, "doc.txt", hostile.crlf(seed_text))
    document = open_document(path)
    assert document.text == seed_text
    assert document.path == str(path)


def test_open_document_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        open_document(tmp_path)


def test_list_documents(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.markdown", "d.text", "README", "E.TXT"):
        hostile.write(tmp_path, name, b"text")
    for name in (".hidden.txt", "image.png", "notes.docx"):
        hostile.write(tmp_path, name, b"text")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "link.md").symlink_to(tmp_path / "a.txt")
    hostile.make_dangling_symlink(tmp_path, "dangling.txt")
    hostile.make_symlink_loop(tmp_path, "loop.txt")
    hostile.make_fifo(tmp_path, "pipe.txt")
    names = [path.name for path in list_documents(tmp_path)]
    assert names == ["E.TXT", "README", "a.txt", "b.md", "c.markdown", "d.text", "link.md"]


def test_list_documents_never_blocks_on_fifos(tmp_path: Path) -> None:
    for index in range(3):
        hostile.make_fifo(tmp_path, f"pipe{index}")
    result: list[list[Path]] = []
    worker = threading.Thread(target=lambda: result.append(list_documents(tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert result == [[]]


def test_list_documents_of_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="missing: "):
        list_documents(tmp_path / "missing")


def test_list_documents_of_an_empty_folder(tmp_path: Path) -> None:
    assert list_documents(tmp_path) == []
