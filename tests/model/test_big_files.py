"""Big files: only the head is decoded before the first frame; the whole is decoded in chunks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.opening import full_document, open_document
from reader.model.text import detect
from reader.model.text.detect import decode_exact
from reader.model.text.loading import HEAD_BYTES, HEAD_MIN_BYTES, load_head


def _book(seed_text: str, size: int) -> str:
    """The sample under numbered headings, repeated past ``size`` bytes of UTF-8."""
    body = seed_text.split("\n", 4)[4]
    repeats = size // len(body.encode("utf-8")) + 1
    return "".join(f"{n}. 第{n}篇\n{body}" for n in range(1, repeats + 1))


def test_a_big_file_opens_on_its_head_decoded_alone(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "big.txt"
    text = _book(seed_text, HEAD_MIN_BYTES + 1000)
    path.write_bytes(text.encode("utf-8"))
    head = open_document(path, head=True)
    assert not head.complete and head.raw is not None
    assert len(head.text.encode("utf-8")) <= HEAD_BYTES and text.startswith(head.text)
    # Clean UTF-8 shown as it is: its offsets are the full text's, and so is its
    # fingerprint (the digest of the whole file's bytes): the store can be used at once.
    assert head.final_text
    full = full_document(head)
    assert full == open_document(path) and full.complete and full.raw is None
    assert full.digest is not None  # hashed from the bytes, in a thread
    assert head.fingerprint == full.fingerprint
    # Every offset of the head is the same in the full text.
    shared = head.paragraphs[-1].end
    assert full.text[:shared] == head.text[:shared]
    for offset in range(0, len(head.text), 997):
        assert head.carry_offset(offset, full) == offset
    assert head.paragraphs == full.paragraphs[: len(head.paragraphs)]


def test_a_head_that_needed_cleaning_waits_for_the_full_text(
    tmp_path: Path, seed_text: str
) -> None:
    path = tmp_path / "junk.txt"
    text = _book(seed_text, HEAD_MIN_BYTES + 1000)
    path.write_bytes(("\u200b" + text).encode("utf-8"))
    head = open_document(path, head=True)
    assert head.raw is not None and head.digest is None and not head.final_text
    full = full_document(head)
    assert full.text == text and head.carry_offset(10, full) == 10


def test_a_hard_wrapped_head_decoded_alone_waits_for_the_full_text(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    paragraph = "\n".join(["word " * 14 + "end"] * 4)
    path.write_text("\n\n".join([paragraph] * (HEAD_MIN_BYTES // len(paragraph) + 1)))
    head = open_document(path, head=True)
    assert head.raw is not None and head.source is not None and not head.final_text
    full = full_document(head)
    assert full.text[: head.paragraphs[-1].end] == head.text[: head.paragraphs[-1].end]


def test_small_files_and_other_encodings_are_decoded_whole(tmp_path: Path, seed_text: str) -> None:
    small = _book(seed_text, HEAD_MIN_BYTES - 100_000).encode("utf-8")
    assert load_head(small) is None
    big = _book(seed_text, HEAD_MIN_BYTES + 1000)
    assert load_head(big.encode("gb18030")) is None
    assert load_head(codecs.BOM_UTF8 + big.encode("utf-8")) is None
    assert load_head(big.encode("utf-16")) is None
    path = tmp_path / "gbk.txt"
    path.write_bytes(big.encode("gb18030"))
    head = open_document(path, head=True)
    assert head.raw is None and head.final_text and head.encoding == "gb18030"


def test_damage_past_the_head_is_repaired_by_the_full_parse(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "odd.txt"
    text = _book(seed_text, HEAD_MIN_BYTES + 1000)
    data = text.encode("utf-8")
    path.write_bytes(data[: HEAD_MIN_BYTES // 2] + b"\xff\xfe" + data[HEAD_MIN_BYTES // 2 :])
    head = open_document(path, head=True)
    assert head.raw is not None and text.startswith(head.text)
    full = full_document(head)
    assert full.digest is None and "\ufffd" in full.text
    assert full.fingerprint == open_document(path).fingerprint
    assert full.text[: head.paragraphs[-1].end] == head.text[: head.paragraphs[-1].end]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "é", "中", "😀", "\n", "“", "。"]), min_size=1, max_size=80),
    st.integers(min_value=1, max_value=9),
)
def test_chunked_decoding_is_the_whole_decoding(pieces: list[str], chunk: int) -> None:
    data = ("".join(pieces) * 3).encode("utf-8")
    assert detect._utf8(data, chunk) == data.decode("utf-8")  # chunks cut inside characters


def test_chunked_decoding_reports_damage_at_its_offset_in_the_whole() -> None:
    data = "中文".encode() * 20 + b"\xff" + "中文".encode() * 20
    with pytest.raises(UnicodeDecodeError) as raised:
        detect._utf8(data, 7)
    assert raised.value.start == 120


def test_a_big_chinese_text_decodes_in_chunks_to_the_same_text(seed_text: str) -> None:
    data = _book(seed_text, 5 * 1024 * 1024).encode("utf-8")
    assert decode_exact(data) == (data.decode("utf-8"), "utf-8", True)
