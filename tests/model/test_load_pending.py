"""load_pending: the bytes of a head-opened file decoded as load_bytes decodes them."""

from __future__ import annotations

import pytest

from reader.model.text.loading import Pending, load_bytes, load_pending

BIG_CHINESE = ("　　第一段正文，一行一段的中文报道。\n" * 200_000).encode("utf-8")  # ~11 MB


@pytest.mark.parametrize(
    "data",
    [
        BIG_CHINESE,  # decoded in pieces, the bytes freed before the join
        BIG_CHINESE[:-5] + b"\xff\xfe\n",  # not clean UTF-8 at the end: detected whole
        b"\xef\xbb\xbf" + "带字节顺序标记。\n".encode(),  # a byte-order mark
        "短文。\r\n第二行\n".encode(),  # normalized: no digest of the bytes
        b"plain ASCII text\n" * 100_000,
        "第二段\n".encode("gb18030") * 1000,
    ],
)
def test_the_text_encoding_and_fingerprint_are_load_bytes(data: bytes) -> None:
    pending = Pending(data)
    loaded = load_pending(pending, name="doc.txt")
    expected = load_bytes(data, name="doc.txt")
    assert loaded is not None
    assert (loaded.text, loaded.encoding, loaded.path) == (
        expected.text,
        expected.encoding,
        expected.path,
    )
    assert (loaded.digest is None) == (expected.digest is None)
    if loaded.digest is not None and expected.digest is not None:
        assert loaded.digest.hexdigest() == expected.digest.hexdigest()
    assert pending.take() is None  # taken: the file's bytes are not held twice


def test_bytes_taken_already_give_none() -> None:
    pending = Pending(b"text\n")
    pending.take()
    assert load_pending(pending) is None
