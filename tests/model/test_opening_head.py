"""A big text parses only its first pages before the first frame (``HEAD_PARSE_CHARS``)."""

from __future__ import annotations

from pathlib import Path

from reader.model.opening import HEAD_PARSE_CHARS, full_document, open_document
from reader.model.text.loading import HEAD_MIN_BYTES


def _big(tmp_path: Path, seed_text: str, size: int) -> Path:
    body = seed_text.split("\n", 4)[4]
    path = tmp_path / "big.txt"
    numbered = [f"{n}. 第{n}篇\n{body}" for n in range(size // len(body.encode("utf-8")) + 2)]
    path.write_text(seed_text + "".join(numbered), encoding="utf-8")
    return path


def test_a_big_file_parses_its_first_pages_and_the_full_parse_agrees(
    tmp_path: Path, seed_text: str
) -> None:
    path = _big(tmp_path, seed_text, HEAD_MIN_BYTES)
    head = open_document(path, head=True)
    assert not head.complete
    # Paragraphs stop near the head's cut; the last section runs on to the end.
    assert head.paragraphs[-1].end <= HEAD_PARSE_CHARS + 10_000
    assert head.sections[-1].end == len(head.text)
    full = full_document(head)
    # Only the head's bytes were decoded: the full text goes on from them.
    assert full.text.startswith(head.text) and full.fingerprint == head.fingerprint
    assert len(full.sections) > len(head.sections) > 1
    shared = len(head.sections) - 1  # the head's last section is cut short
    assert [s.id for s in full.sections[:shared]] == [s.id for s in head.sections[:shared]]
    assert full.paragraphs[: len(head.paragraphs) - 1] == head.paragraphs[:-1]


def test_a_one_megabyte_file_too_shows_its_first_pages_first(
    tmp_path: Path, seed_text: str
) -> None:
    path = _big(tmp_path, seed_text, 1024 * 1024)
    head = open_document(path, head=True)
    assert not head.complete and head.paragraphs[-1].end <= HEAD_PARSE_CHARS + 10_000
    full = full_document(head)
    assert full.complete and full.text.startswith(head.text)
    assert len(full.paragraphs) > len(head.paragraphs)
