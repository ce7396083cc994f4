"""A bookmark on rendered Markdown quotes and cites the displayed text, never markup."""

from __future__ import annotations

from pathlib import Path

from reader.model.structure.parse import parse
from reader.store.bookmarks import BookmarkStore
from reader.store.export import export_markdown
from tests.store.helpers import make_document

SOURCE = (
    "---\ntitle: 市场报告\nsource: 经济日报\ndate: 2025-03-06\n---\n\n"
    "# 市场报告\n\n导语段落。\n\n"
    "## 第二章 **市场**环境\n\n"
    "本章讨论[市场环境](https://example.com/m)与`指标`，<b>重点</b>如下。\n"
)


def test_a_bookmark_on_a_markdown_heading_exports_without_markup(tmp_path: Path) -> None:
    doc = parse(SOURCE, path="/docs/report.md")
    store = BookmarkStore(tmp_path / "b.yaml")
    store.load()
    heading = next(s for s in doc.sections if s.title.startswith("第二章"))
    assert heading.heading is not None
    bookmark = store.add(doc, *heading.heading)
    assert bookmark.quote.exact == "第二章 市场环境"
    assert bookmark.section == "第二章 市场环境"

    exported = export_markdown(store.documents())
    assert exported == (
        "> 第二章 市场环境\n\n— 市场报告, 经济日报, 2025-03-06, section “第二章 市场环境”\n"
    )
    for markup in ("#", "**", "](", "<b>", "`", "---"):
        assert markup not in exported


def test_a_bookmark_on_a_markdown_passage_quotes_the_displayed_text(tmp_path: Path) -> None:
    doc = parse(SOURCE, path="/docs/report.md")
    store = BookmarkStore(tmp_path / "b.yaml")
    store.load()
    start = doc.text.index("本章讨论")
    end = doc.text.index("如下。") + 3
    bookmark = store.add(doc, start, end)
    exported = export_markdown(store.documents())
    assert bookmark.quote.exact == "本章讨论市场环境 https://example.com/m 与指标，重点如下。"
    assert "> 本章讨论市场环境 https://example.com/m 与指标，重点如下。\n" in exported
    for markup in ("**", "](", "<b>", "`"):
        assert markup not in exported


def test_a_bookmark_made_on_the_raw_markdown_re_anchors_on_the_rendered_text(
    tmp_path: Path,
) -> None:
    # Before rendering, the reader showed (and bookmarked) the source itself.
    raw = make_document(SOURCE, path="/docs/report.md")
    store = BookmarkStore(tmp_path / "b.yaml")
    store.load()
    start = SOURCE.index("本章讨论")
    store.add(raw, start, SOURCE.index("\n", start))

    rendered = parse(SOURCE, path="/docs/report.md")
    again = BookmarkStore(tmp_path / "b.yaml")
    again.load()
    record = again.record_for(rendered)
    assert record is not None
    (bookmark,) = record.bookmarks
    assert not bookmark.detached
    # The span now lies on the displayed passage, found by the quote.
    assert rendered.text[bookmark.start : bookmark.end].startswith("本章讨论")
