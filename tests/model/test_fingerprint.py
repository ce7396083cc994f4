"""Fingerprints: hashed from the bytes when they are the text's UTF-8; the same value either way."""

from __future__ import annotations

import codecs
import hashlib
import pickle
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import Document
from reader.model.opening import open_document
from reader.model.structure.parse import parse, parse_head
from reader.model.text.fingerprint import Digest
from reader.model.text.loading import load_bytes
from reader.store.bookmarks import BookmarkStore
from reader.store.reanchor import stored_path


def _old_fingerprint(text: str) -> str:
    """The fingerprint as every earlier version computed it: the displayed text's UTF-8."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _big(seed_text: str) -> str:
    """Over the size whose digest is hashed in a thread."""
    return seed_text * (300_000 // len(seed_text.encode("utf-8")) + 1)


def test_clean_utf8_file_is_hashed_from_its_bytes(tmp_path: Path, seed_text: str) -> None:
    for name, text in (("small.txt", seed_text), ("big.txt", _big(seed_text))):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        for head in (False, True):
            document = open_document(path, head=head)
            assert document.digest is not None
            assert document.fingerprint == _old_fingerprint(document.text)


def test_changed_bytes_are_hashed_from_the_text(tmp_path: Path, seed_text: str) -> None:
    wrapped = "\n\n".join(
        "\n".join(["word " * 14 + "end"] * 4) for _ in range(30)
    )  # hard-wrapped: reflowed
    cases = {
        "crlf.txt": seed_text.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + seed_text.encode("utf-8"),
        "gbk.txt": seed_text.encode("gb18030"),
        "damaged.txt": seed_text.encode("utf-8") + b"\xff tail\n",
        "junk.txt": ("\u200b" + seed_text).encode("utf-8"),
        "wrapped.txt": wrapped.encode("utf-8"),
        "notes.md": b"# Title\n\nSome *emphasis* here.\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        document = open_document(path)
        assert document.digest is None, name
        assert document.fingerprint == _old_fingerprint(document.text), name


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")))
def test_a_digest_is_always_the_texts_digest(data: bytes) -> None:
    try:
        loaded = load_bytes(data)
    except Exception:  # binary data is refused; nothing to hash
        return
    if loaded.digest is not None:
        assert loaded.digest.hexdigest() == _old_fingerprint(loaded.text)


def test_full_parse_carries_the_heads_fingerprint(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(_big(seed_text).encode("utf-8"))
    head = open_document(path, head=True)
    full = parse(head.source_text, path=head.path, displayed=head.source_map)
    carried = full.with_fingerprint_of(head)
    assert carried.digest is not None and carried.fingerprint == _old_fingerprint(full.text)
    assert carried == full  # the digest does not take part in equality
    # Another text keeps its own fingerprint.
    other = parse("Another text.\n")
    assert other.with_fingerprint_of(head) is other


def test_a_head_reflowed_alone_never_lends_its_fingerprint_to_the_full_parse() -> None:
    text = "\n\n".join("\n".join(["word " * 14 + "end"] * 4) for _ in range(3000))
    head = parse_head(text, chars=20_000)
    assert not head.final_text
    full = parse(head.source_text).with_fingerprint_of(head)
    assert full.digest is None
    assert full.fingerprint == _old_fingerprint(full.text) == _old_fingerprint(parse(text).text)


def test_digest_known_and_threaded_agree() -> None:
    data = b"x" * 1_000_000
    assert Digest(data).hexdigest() == Digest.known(_old_fingerprint("x" * 1_000_000)).hexdigest()


def test_a_record_stored_before_is_found_by_fingerprint(tmp_path: Path, seed_text: str) -> None:
    """A record keyed by the old computation is found by fingerprint, not re-keyed by path."""
    path = tmp_path / "big.txt"
    path.write_bytes(_big(seed_text).encode("utf-8"))
    document = open_document(path, head=True)
    store = BookmarkStore(tmp_path / "b.yaml")
    store.load()
    offset = len(document.text) // 2
    store.set_position(document, offset)

    # The file moved: only the fingerprint can find its record.
    moved = tmp_path / "moved.txt"
    path.rename(moved)
    again = BookmarkStore(tmp_path / "b.yaml")
    again.load()
    reopened: Document = open_document(moved, head=True)
    record = again.record_for(reopened)
    assert record is not None
    assert record.fingerprint == _old_fingerprint(reopened.text)
    assert record.position == offset
    assert stored_path(str(moved)) not in record.paths  # found by fingerprint alone


def test_a_document_hashed_in_a_thread_pickles_with_its_fingerprint(
    tmp_path: Path, seed_text: str
) -> None:
    # Documents travel to and from worker processes (facts, comparisons): a
    # digest still being hashed in its thread must not stop them ("cannot pickle
    # '_thread.lock'": the comparison of two files never came).
    path = tmp_path / "report.txt"
    path.write_bytes(_big(seed_text).encode("utf-8"))
    for head in (False, True):
        document = open_document(path, head=head)
        assert isinstance(document.digest, Digest)
        copy = pickle.loads(pickle.dumps(document))  # before anyone asked for it
        assert copy.fingerprint == document.fingerprint
        assert copy.text == document.text
