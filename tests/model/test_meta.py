"""Metadata lines at the top, and language detection."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reader.model.document import Meta
from reader.model.structure.meta import detect_language, find_date, read_meta


def meta_of(text: str) -> tuple[Meta, frozenset[int]]:
    """Metadata and META line indices of ``text``."""
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    scan = read_meta(text, lines, starts)
    for name, (a, b) in scan.meta.spans.items():
        value = getattr(scan.meta, name)
        if isinstance(value, str):
            assert text[a:b] == value
    return scan.meta, scan.lines


BODY = "　　正文第一段，讲述了事情的经过和各方的反应。"


def test_capture_line() -> None:
    meta, lines = meta_of(f"今天是2025年07月04日 星期五\n{BODY}\n")
    assert meta.captured == date(2025, 7, 4) and lines == {0}


@pytest.mark.parametrize("sep", [">", "›", "»", "/", ">>"])
def test_breadcrumb_separators(sep: str) -> None:
    meta, lines = meta_of(f"首页 {sep} 新闻中心 {sep} 正文\n{BODY}\n")
    assert meta.breadcrumb == ("首页", "新闻中心", "正文") and lines == {0}


def test_date_with_slashes_is_not_breadcrumb() -> None:
    meta, _ = meta_of(f"2014/07/22\n{BODY}\n")
    assert meta.breadcrumb == () and meta.published == datetime(2014, 7, 22)


def test_source_line_without_time() -> None:
    meta, _ = meta_of(f"标题在此\n来源：《人民日报》2020年1月2日第04版\n{BODY}\n")
    assert meta.source == "人民日报"
    assert meta.edition == "第04版"
    assert meta.published == datetime(2020, 1, 2)


def test_source_without_brackets_and_author() -> None:
    meta, lines = meta_of(f"标题在此\n来源：新华社  作者：张三  编辑：李四\n{BODY}\n")
    assert meta.source == "新华社" and lines == {0, 1}


def test_english_source_and_published() -> None:
    text = (
        "A River Runs Through It\n"
        "By Jane Smith\n"
        "Source: The Guardian   Published: July 22, 2014, 8:52 pm\n"
        "\n"
        "The river was high that spring, and everyone in town came to see it.\n"
    )
    meta, lines = meta_of(text)
    assert meta.title == "A River Runs Through It"
    assert meta.source == "The Guardian"
    assert meta.published == datetime(2014, 7, 22, 20, 52)
    assert meta.language == "en"
    assert lines == {0, 1, 2}


def test_title_split_and_subtitle_line() -> None:
    meta, _ = meta_of(f"主标题——副标题在这里\n{BODY}\n")
    assert (meta.title, meta.subtitle) == ("主标题", "副标题在这里")
    meta, lines = meta_of(f"主标题\n——副标题在这里\n{BODY}\n")
    assert (meta.title, meta.subtitle) == ("主标题", "副标题在这里") and lines == {0, 1}


def test_no_metadata_in_running_text() -> None:
    meta, lines = meta_of(f"{BODY}\n{BODY}\n")
    assert meta.title is None and lines == frozenset()
    assert (meta.source, meta.published, meta.breadcrumb) == (None, None, ())


def test_metadata_only_at_the_top() -> None:
    text = "\n".join([BODY] * 3 + ["来源：新华社"])
    meta, lines = meta_of(text)
    assert meta.source is None and lines == frozenset()


def test_language() -> None:
    assert detect_language("这是一篇中文文章，夹着几个英文词 such as GDP.") == "zh"
    assert detect_language("Plain English text with one 字.") == "en"
    assert detect_language("12345 ... !!") == "und"


def test_find_date_forms() -> None:
    found = find_date("发布时间:2014-07-22 08:52")
    assert found is not None and found[0] == datetime(2014, 7, 22, 8, 52)
    found = find_date("on 22 July 2014")
    assert found is not None and found[0] == datetime(2014, 7, 22)
    assert find_date("2014-13-45") is None
