"""Export: Markdown citations, plain data, the text listing."""

from __future__ import annotations

import json

from reader.store.export import DETACHED, block_quote, export_data, export_markdown, list_text
from reader.store.records import Bookmark, DocumentRecord, Quote


def _record(*bookmarks: Bookmark) -> DocumentRecord:
    return DocumentRecord(
        fingerprint="f" * 64,
        paths=("/docs/a.txt",),
        title="以优良作风谱写中国梦“苏州篇章”",
        source="苏州日报",
        published="2014-07-22T08:52:00",
        bookmarks=bookmarks,
    )


def _bookmark(exact: str, note: str = "", detached: bool = False) -> Bookmark:
    return Bookmark(
        "abc123def456", "2026-11-26T18:15:00+08:00", note,
        "市委常委带头作示范,督导组层层严格把关", 10, 10 + len(exact), Quote(exact), detached,
    )  # fmt: skip


def test_markdown_citation_matches_the_agreed_form() -> None:
    text = export_markdown([_record(_bookmark("市委常委带头作示范……", note="要点"))])
    assert text == (
        "> 市委常委带头作示范……\n\n"
        "— 以优良作风谱写中国梦“苏州篇章”, 苏州日报, 2014-07-22, "
        "section “市委常委带头作示范,督导组层层严格把关”\n"
        "Note: 要点\n"
    )


def test_a_quote_cannot_leave_its_block_quote() -> None:
    quoted = block_quote("first\n\n# heading\n- item\n```\n1. one\n> nested\n<script>")
    lines = quoted.split("\n")
    assert all(line.startswith(">") for line in lines)
    assert lines == [
        "> first", ">", "> \\# heading", "> \\- item", "> \\```", "> 1\\. one",
        "> \\> nested", "> \\<script>",
    ]  # fmt: skip


def test_detached_bookmarks_are_marked() -> None:
    text = export_markdown([_record(_bookmark("旧的段落", detached=True))])
    assert DETACHED in text
    assert DETACHED not in export_markdown([_record(_bookmark("旧的段落"))])


def test_data_is_json_serializable_and_complete() -> None:
    data = export_data([_record(_bookmark("段落", note="n"))])
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again[0]["fingerprint"] == "f" * 64 and again[0]["source"] == "苏州日报"
    assert again[0]["bookmarks"][0]["quote"]["exact"] == "段落"


def test_text_listing_has_no_control_characters() -> None:
    text = list_text([_record(_bookmark("段\x1b[31m落", note="a\x07b"))])
    assert "\x1b" not in text and "\x07" not in text
    assert text.startswith("以优良作风谱写中国梦“苏州篇章” (1 bookmark)\n  abc123def456 10-")
    assert list_text([]) == "" and export_markdown([]) == ""
