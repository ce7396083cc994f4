"""Sentence boundaries and the sentence selection."""

from __future__ import annotations

import pytest

from reader.model.structure.sentences import SentenceSelection, sentence_spans
from tests.ui.helpers import build_document


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是好。二是坏！三呢？", ["一是好。", "二是坏！", "三呢？"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        ("It rose. It fell! Why? Done", ["It rose.", "It fell!", "Why?", "Done"]),
        ("Pi is 3.14 today. Yes.", ["Pi is 3.14 today.", "Yes."]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ("Wait... what?", ["Wait...", "what?"]),
        ("没有句号的标题", ["没有句号的标题"]),
        ("  ", []),
        ("", []),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_sentence_spans_within_a_part_use_whole_text_offsets() -> None:
    text = "前言。第一句。第二句。"
    assert sentence_spans(text, 3, len(text)) == [(3, 7), (7, 11)]


def test_selection_grows_and_shrinks_by_sentence_across_paragraphs() -> None:
    document = build_document("T", [("Head", None, ["One. Two.", "三。四。"])])
    body = next(p for p in document.paragraphs if document.slice(p.span) == "One. Two.")
    selection = SentenceSelection(document, body.index)
    assert document.slice(selection.span) == "One."
    assert selection.grow()
    assert document.slice(selection.span) == "One. Two."
    assert selection.grow()
    assert document.slice(selection.span) == "One. Two.\n三。"
    assert selection.grow()
    assert not selection.grow()  # end of the text
    assert selection.count == 4
    assert selection.shrink() and selection.shrink() and selection.shrink()
    assert not selection.shrink()
    assert document.slice(selection.span) == "One."
