"""Outline rules on real-document shapes: caps heads, chapter + title, memos with
indented bodies, numbered heads ending in ".", 编/章/节 and a table of contents,
（一） sentence heads, news subheads; and the traps that must stay body text."""

from __future__ import annotations

import pytest

from reader.model.structure.contents import contents_units
from reader.model.structure.numbering import Numbering, nested_levels
from reader.model.structure.parse import parse
from reader.model.structure.units import Unit

PROSE = (
    "The mill stood by the river for a hundred years, and the miller kept\n"
    "his accounts in a book that nobody else was allowed to read.\n"
)
INDENTED = (
    "   The body of this memo is indented by three spaces, as memos of this\n"
    "   kind are, and it wraps over more than one line of text.\n"
)
BODY_ZH = (
    "今年以来，全市上下认真落实各项部署，经济运行总体平稳，民生保障持续加强，社会大局和谐稳定。"
)


def outline(text: str) -> list[str]:
    return [s.title for s in parse(text).sections if s.heading is not None]


def levels(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in parse(text).sections if s.heading is not None]


def test_caps_heads_ending_in_a_period_and_two_line_caps_head_with_a_comma() -> None:
    text = (
        "A DISCOURSE ON WATER WHEELS;\n\nwritten for the\n\nMILLERS\n\nof the\n\n"
        "WESTERN DALES\n\nYORK\n\nMDCCCXX\n\n\n"
        f"INTRODUCTION.\n\n{PROSE}\n"
        f"ON THE BUILDING OF WEIRS IN THE WESTERN DALES,\nAND ON THE COST OF TIMBER.\n\n{PROSE}\n"
        f"ON THE TOLL OF THE MILL.\n\n{PROSE}\n"
        "THE PRINTER ACCEPTS NO BLAME FOR ANY LOSS THAT A READER\n"
        "MAY SUFFER BY RELYING ON THE FIGURES IN THIS BOOK IN TRADE\n"
        "OR AT MARKET, IN THIS COUNTY OR IN ANY OTHER.\n\n"
        "F  I  N  I  S.\n"
    )
    assert outline(text) == [
        "INTRODUCTION.",
        "ON THE BUILDING OF WEIRS IN THE WESTERN DALES, AND ON THE COST OF TIMBER.",
        "ON THE TOLL OF THE MILL.",
    ]


def test_closing_caps_line_and_edition_line_are_not_heads() -> None:
    text = f"THE SECOND EDITION 2.0\n\nContents\n\n{PROSE}\nCHAPTER I.\n\n{PROSE}\nTHE END\n"
    assert outline(text) == ["CHAPTER I."]


def test_a_caps_label_before_a_short_quoted_line_is_not_a_head() -> None:
    text = f"{PROSE}\n\nREFRAIN.\n\n\n“Hey! ho! hey!”\n\n\n{PROSE}"
    assert outline(text) == []


def test_salutation_in_caps_is_not_a_head() -> None:
    text = f'{PROSE}\n"MY DEAR SISTER,--\n\n{PROSE}'
    assert outline(text) == []


def test_chapter_line_with_its_title_on_the_next_line_is_one_heading() -> None:
    text = (
        "[Frontispiece]\n\n\nThe Lighthouse Keeper’s Daughter\n\nby Maud Tennant\n\n"
        "Contents\n\n CHAPTER I.     The Lamp Room\n CHAPTER II.    Who Rang the Bell?\n\n\n"
        f"CHAPTER I.\nThe Lamp Room\n\n\n{PROSE}\nCHAPTER II.\nWho Rang the Bell?\n\n\n{PROSE}"
        "\n\nTHE END\n"
    )
    doc = parse(text)
    assert doc.meta.title == "The Lighthouse Keeper’s Daughter"
    assert outline(text) == ["CHAPTER I. The Lamp Room", "CHAPTER II. Who Rang the Bell?"]


def test_chapter_number_alone_takes_the_caps_title_below_as_its_subtitle() -> None:
    text = (
        f"THE HARBOUR\n\n\n\nCHAPTER I\n\n\nOF THE LIGHTS AND THE WAYS BY WHICH THEY ARE\n"
        f"KEPT\n\n\n{PROSE}\nCHAPTER II\n\n\nOF PILOTS\n\n\n{PROSE}"
    )
    sections = [(s.title, s.subtitle) for s in parse(text).sections if s.heading]
    assert sections == [
        ("CHAPTER I", "OF THE LIGHTS AND THE WAYS BY WHICH THEY ARE KEPT"),
        ("CHAPTER II", "OF PILOTS"),
    ]
    zh = f"第一章\n\n总则\n\n{BODY_ZH}\n\n第二章\n\n管理\n\n{BODY_ZH}\n"
    assert [(s.title, s.subtitle) for s in parse(zh).sections if s.heading] == [
        ("第一章", "总则"),
        ("第二章", "管理"),
    ]


def test_chapter_line_followed_by_a_sentence_is_not_joined() -> None:
    text = f"{PROSE}\nCHAPTER I.\nIt was a dark night; the lamp was out.\n\n{PROSE}"
    assert outline(text) == []


MEMO = (
    "Lantern Working Group                                      P. Ashdown\n"
    "Request for Comments: 8123                               Fennel Labs\n"
    "Category: Informational                                   April 2030\n\n\n"
    "        Shared Lantern Schedules for Harbour Pilots\n\n"
    f"Status of This Memo\n\n{INDENTED}\nAbstract\n\n{INDENTED}\n"
    f"1. Overview\n\n{INDENTED}\n2. Schedules\n\n2.1 Fields\n\n{INDENTED}\n"
    f'2.1.1.1 The "lamp-hours" field.\n\n{INDENTED}\n'
    '      lamp-hours  = 1*2DIGIT "h"\n      colour      = "red" | "green" | ";"\n\n'
    f"Acknowledgements\n\n{INDENTED}\n"
    "Author's Address\n\n   Petra Ashdown\n   Fennel Labs\n   Whitby, YO21 1AA\n"
)


def test_column_zero_heads_in_an_indented_memo() -> None:
    assert levels(MEMO) == [
        (1, "Status of This Memo"),
        (1, "Abstract"),
        (1, "1. Overview"),
        (1, "2. Schedules"),
        (2, "2.1 Fields"),
        (4, '2.1.1.1 The "lamp-hours" field.'),
        (1, "Acknowledgements"),
        (1, "Author's Address"),
    ]


def test_column_zero_rule_does_not_fire_in_a_flush_left_text() -> None:
    verse = "    Twinkle, twinkle, little bat!\n    How I wonder what you’re at!\n"
    text = f"1. Start\n\n{PROSE}\nAnd then she sang\n\n{verse}\n{PROSE}\n{PROSE}"
    assert outline(text) == ["1. Start"]
    assert outline(text.replace(PROSE, INDENTED)) == ["1. Start", "And then she sang"]


@pytest.mark.parametrize(
    "lines",
    [
        ["1. Open the queue.", "2. Send the message."],
        ["3.5 million messages were sent."],
    ],
)
def test_numbered_sentences_are_not_heads(lines: list[str]) -> None:
    text = "\n".join(lines) + f"\n\n{PROSE}"
    assert outline(f"{PROSE}\n{text}") == []


def test_wrapped_numbered_paragraph_is_not_a_head() -> None:
    text = f"{PROSE}\n2. We then hold the message until the time has come,\nand send it.\n\n{PROSE}"
    assert outline(text) == []


CODE = (
    "中华人民共和国森林保护条例\n\n目　　录\n"
    "　　　　第一编　总则\n　　　　第一章　一般规定\n　　　　第二章　管理\n"
    "　　　　　　　第一节　机构\n　　　　第二编　分则\n　　　　第一分编　通则\n"
    "　　　　第三章　保护\n　　　附　　则\n\n"
    "第一编　总则\n\n第一章　一般规定\n\n　　　　第一条　为了保护森林，制定本条例。\n"
    "　　　　第二条　本条例适用于全国。\n\n第二章　管理\n\n第一节　机构\n\n"
    "　　　　第三条　国家设立森林管理机构。\n　　　　第四条　机构依法履行职责。\n\n"
    "第二编　分则\n\n第一分编　通则\n\n第三章　保护\n\n"
    "　　　　第五条　任何人不得砍伐保护林木。\n　　　　第六条　违者依法处理。\n\n"
    "　　　　附　　则\n\n　　　　第七条　本条例自公布之日起施行。\n"
    "　　　　第八条　本条例由国务院解释。\n"
)


def test_legal_code_parts_nest_and_the_contents_is_no_second_outline() -> None:
    assert levels(CODE) == [
        (1, "第一编\u3000总则"),
        (2, "第一章\u3000一般规定"),
        (2, "第二章\u3000管理"),
        (3, "第一节\u3000机构"),
        (1, "第二编\u3000分则"),
        (2, "第一分编\u3000通则"),
        (3, "第三章\u3000保护"),
        (1, "附\u3000\u3000则"),
    ]
    assert not any(s.title.startswith("第一条") for s in parse(CODE).sections)


def test_contents_entries_run_until_the_first_entry_returns() -> None:
    texts = ["Contents", "1. Start", "2. Middle ........ 4", "Body text.", "1. Start", "x"]
    units = [Unit(t, 1, "", k) for k, t in enumerate(texts)]
    assert contents_units(units) == {1, 2}


def test_nested_levels_follow_what_encloses_each_part() -> None:
    styles = ["zhang", "jie", "bian", "zhang", "fenbian", "zhang", "jie", None]
    numbers = [Numbering(s, 1, 0) if s else None for s in styles]
    assert nested_levels(numbers) == [1, 2, 1, 2, 2, 3, 4, None]


def test_sentence_heads_with_commas_when_alone_and_followed_by_body() -> None:
    text = (
        "各位代表：\n一、过去一年工作回顾\n"
        f"{BODY_ZH}\n（一）坚持稳中求进，着力完善宏观调控，经济运行保持平稳。\n{BODY_ZH * 2}\n"
        f"（二）坚持改革开放，着力激发市场活力，发展动力不断增强。\n{BODY_ZH * 2}\n"
    )
    assert levels(text) == [
        (1, "一、过去一年工作回顾"),
        (2, "（一）坚持稳中求进，着力完善宏观调控，经济运行保持平稳。"),
        (2, "（二）坚持改革开放，着力激发市场活力，发展动力不断增强。"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "（一）坚持稳中求进，着力完善宏观调控。今年要继续做好各项工作，确保经济平稳运行。",
        "一、我们要坚持稳中求进，推动高质量发展。",
        "（一）祖父母、外祖父母；",
    ],
)
def test_sentence_head_traps(line: str) -> None:
    assert outline(f"{BODY_ZH}\n{line}\n{BODY_ZH * 2}\n") == []


def test_sentence_heads_in_a_list_are_list_items() -> None:
    items = "（一）坚持稳中求进，完善调控。\n（二）坚持改革开放，激发活力。\n"
    text = f"{BODY_ZH}\n{items}{BODY_ZH * 2}\n"
    assert outline(text) == []


NEWS = (
    "渡輪公司宣布加價5%\u3000乘客團體批評時機不當\n明報記者\u30002030-02-03\n\n"
    "渡輪公司今日宣布，下月起票價平均上調5%，涉及全線十二條航線，估計每年為公司帶來約兩億元額外收入，"
    "消息公布後多個乘客團體隨即表示反對。\n\n"
    "消息公布後，公司股價微跌。\n\n"
    "渡輪公司：燃油成本上升須調整票價\u3000將推更多優惠\n\n"
    "渡輪公司發言人表示，過去一年燃油及人手成本上升超過一成，公司須按機制調整票價，"
    "但同時會推出更多乘船優惠，以減輕乘客負擔。\n\n"
    "運輸及物流局局長：會密切監察渡輪服務質素及財務狀況\u3000議員：應凍結票價\n\n"
    "運輸及物流局回應稱，政府會密切監察渡輪公司的服務質素及財務狀況，確保加價機制公平透明，"
    "有立法會議員則認為，渡輪公司去年仍錄得盈利，應凍結票價一年，與市民共渡時艱。\n\n---\n\n本台新聞由讀者資助。\n\n捐助專頁：example.org/donate\n"
)


def test_news_subheads_up_to_the_heading_width() -> None:
    doc = parse(NEWS)
    assert doc.meta.title == "渡輪公司宣布加價5%\u3000乘客團體批評時機不當"
    assert outline(NEWS) == [
        "渡輪公司：燃油成本上升須調整票價\u3000將推更多優惠",
        "運輸及物流局局長：會密切監察渡輪服務質素及財務狀況\u3000議員：應凍結票價",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Halifax, March 3, 1801",
        "交通繁忙，展现消费活力——",
        "记者 王晓川 张青",
        "新华社宁波4月2日电",
    ],
)
def test_fallback_traps(line: str) -> None:
    long_zh = BODY_ZH * 2
    text = f"{BODY_ZH}\n\n{line}\n\n{long_zh}\n\n{BODY_ZH}\n"
    assert outline(text) == []
