"""Heading rules, one by one, and the traps that are not headings."""

from __future__ import annotations

import pytest

from reader.model.document import ParagraphKind
from reader.model.structure.line_shapes import ends_open, is_caps, is_page_furniture
from reader.model.structure.numbering import numbering
from reader.model.structure.parse import parse

BODY_ZH = "这是一段足够长的正文内容，用来把标题和正文区分开来，并且以句号结尾。"
BODY_EN = (
    "This is a body paragraph that is long enough to be running text, and it ends with a full stop."
)


def headings(text: str) -> list[tuple[int, str, str | None]]:
    """(level, title, subtitle) of each heading section of ``text``."""
    return [(s.level, s.title, s.subtitle) for s in parse(text).sections if s.heading]


def test_dash_subtitle_pattern() -> None:
    text = f"{BODY_ZH}\n  强化责任担当\n  ——推动工作落实\n{BODY_ZH}\n"
    assert headings(text) == [(1, "强化责任担当", "推动工作落实")]
    doc = parse(text)
    assert [p.kind for p in doc.paragraphs][1:3] == [ParagraphKind.HEADING, ParagraphKind.SUBTITLE]


@pytest.mark.parametrize("dash", ["——", "—", "--", "―― "])
def test_dash_variants(dash: str) -> None:
    assert headings(f"{BODY_ZH}\n标题行\n{dash}副标题\n{BODY_ZH}\n") == [(1, "标题行", "副标题")]


def test_dash_bullet_run_is_not_subtitle() -> None:
    text = f"{BODY_ZH}\n主要做法\n——坚持稳中求进\n——坚持改革开放\n{BODY_ZH}\n"
    assert headings(text) == []


def test_long_dash_bullet_is_not_subtitle() -> None:
    text = f"{BODY_ZH}\n主要做法如下：\n——坚持稳中求进。{BODY_ZH}\n{BODY_ZH}\n"
    assert headings(text) == []
    assert parse(text).paragraphs[2].kind is ParagraphKind.BODY


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、总体要求", 1),
        ("十三、加强组织领导", 1),
        ("二十一、其他事项", 1),
        ("（一）坚持稳中求进", 2),
        ("(二)扩大内需", 2),
        ("第一章 总则", 1),
        ("第3章 方法", 1),
        ("第二节 适用范围", 2),
        ("（一）坚持稳中求进。", 2),
    ],
)
def test_chinese_numbered(line: str, level: int) -> None:
    assert headings(f"{BODY_ZH}\n{line}\n{BODY_ZH}\n") == [(level, line, None)]


@pytest.mark.parametrize(
    "line",
    [
        "一、我们要坚持稳中求进，推动高质量发展。",
        "（一）坚持稳中求进。" + BODY_ZH,
        "一、" + "很长的标题" * 10,
        "（一）总体要求：",
    ],
)
def test_chinese_numbered_traps(line: str) -> None:
    assert headings(f"{BODY_ZH}\n{line}\n{BODY_ZH}\n") == []


def test_arabic_under_chinese_numbering_is_level_three() -> None:
    lines = ["一、总体要求", "（一）基本原则", "1. 坚持党的领导", "（2）依法行政"]
    text = "".join(f"{line}\n{BODY_ZH}\n" for line in lines)
    assert [h[:2] for h in headings(text)] == [
        (1, "一、总体要求"),
        (2, "（一）基本原则"),
        (3, "1. 坚持党的领导"),
        (3, "（2）依法行政"),
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("1.  Introduction", 1),
        ("1. Introduction", 1),
        ("2.3 Message Format", 2),
        ("2.3.4 Field Order", 3),
        ("Appendix A.  Examples", 1),
        ("Chapter 4", 1),
        ("CHAPTER IV", 1),
        ("Part II", 1),
        ("PART ONE", 1),
    ],
)
def test_english_numbered(line: str, level: int) -> None:
    text = f"{BODY_EN}\n\n{line}\n\n{BODY_EN}\n"
    assert headings(text) == [(level, line, None)]


def test_numbered_list_items_are_not_headings() -> None:
    text = f"{BODY_EN}\n\n1. Buy milk\n2. Buy eggs\n3. Buy bread\n\n{BODY_EN}\n"
    assert headings(text) == []
    line_mode = f"{BODY_ZH}\n1、购买牛奶\n2、购买鸡蛋\n{BODY_ZH}\n"
    assert headings(line_mode) == []


def test_numbered_sentence_is_not_heading() -> None:
    text = f"{BODY_EN}\n\n2. We then went to the market.\n\n{BODY_EN}\n"
    assert headings(text) == []
    wrapped = f"{BODY_EN}\n\n2. We then went\nto the market and back\n\n{BODY_EN}\n"
    assert headings(wrapped) == []


def test_sentence_ending_in_full_stop_is_not_heading() -> None:
    assert headings(f"{BODY_ZH}\n会议结束。\n{BODY_ZH}\n") == []


def test_all_caps_heading() -> None:
    text = f"{BODY_EN}\n\nTHE ARGUMENT\n\n{BODY_EN}\n"
    assert headings(text) == [(1, "THE ARGUMENT", None)]


def test_three_caps_lines_are_not_a_heading() -> None:
    text = f"{BODY_EN}\nNOTICE TO ALL\nREADERS OF THIS\nBOOK AND OTHERS\n{BODY_EN}\n"
    assert headings(text) == []


def test_fallback_short_line() -> None:
    text = f"{BODY_EN}\n\nA Quiet Morning\n\n{BODY_EN}\n\nThanks\n\n{BODY_EN}\n"
    assert headings(text) == [(1, "A Quiet Morning", None)]


def test_fallback_is_off_when_numbered_headings_exist() -> None:
    text = f"一、总体要求\n{BODY_ZH}\n我们的工作方向\n{BODY_ZH}\n"
    assert [h[1] for h in headings(text)] == ["一、总体要求"]


def test_fallback_skips_dates_and_runs_of_short_lines() -> None:
    assert headings(f"{BODY_EN}\n\n2024-05-01 Morning\n\n{BODY_EN}\n") == []
    assert headings(f"{BODY_EN}\n\nRed apples\nGreen pears\n\n{BODY_EN}\n") == []


def test_metadata_line_is_not_heading() -> None:
    text = f"来源：新华社\n{BODY_ZH}\n"
    doc = parse(text)
    assert doc.paragraphs[0].kind is ParagraphKind.META
    assert all(s.heading is None for s in doc.sections)


def test_markdown_hash_in_fence_is_not_heading() -> None:
    text = "# Title\n\n```\n# comment\n```\n\nText.\n"
    assert [h[1] for h in headings(text)] == ["Title"]


def test_helpers() -> None:
    assert ends_open("多看“后院角落”") and not ends_open("结束了。”")
    assert is_caps("WHY WE READ") and not is_caps("Why We Read") and not is_caps("12 34")
    assert is_page_furniture("Bradner                  Best Current Practice            [Page 1]")
    assert is_page_furniture("RFC 2119                   RFC Key Words                March 1997")
    assert numbering("1.5 million people", False) is None
    assert numbering("2014年7月", False) is None
    assert numbering("10.30 am", False) is None
