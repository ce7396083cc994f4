"""Titles and the metadata around them on real-document shapes: header blocks,
datelines, bylines, titles over several lines, placeholders, no title at all."""

from __future__ import annotations

import pytest

from reader.model.document import ParagraphKind
from reader.model.structure.meta_lines import (
    byline_names,
    dateline_agency,
    is_header_line,
    is_placeholder,
)
from reader.model.structure.parse import parse

BODY_ZH = (
    "今年以来，全市上下认真落实各项部署，经济运行总体平稳，民生保障持续加强，社会大局和谐稳定。"
)
BODY_EN = (
    "   The body of this memo is indented by three spaces, as memos of this\n"
    "   kind are, and it wraps over more than one line of text.\n"
)

MEMO = (
    "Lantern Working Group                                      P. Ashdown\n"
    "Request for Comments: 8123                               Fennel Labs\n"
    "Category: Informational                                   April 2030\n"
    "\n\n"
    "        Shared Lantern Schedules for Harbour Pilots\n"
    "\n"
    "Status of This Memo\n\n" + BODY_EN + "\n1. Overview\n\n" + BODY_EN
)


def test_header_block_is_metadata_and_the_centred_line_is_the_title() -> None:
    doc = parse(MEMO)
    assert doc.meta.title == "Shared Lantern Schedules for Harbour Pilots"
    heads = [s.title for s in doc.sections]
    assert not any(h.startswith(("Lantern Working", "Request for", "Category")) for h in heads)
    assert [p.kind for p in doc.paragraphs[:3]] == [ParagraphKind.META] * 3


def test_two_centred_lines_after_a_header_block_are_one_title() -> None:
    text = MEMO.replace(
        "        Shared Lantern Schedules for Harbour Pilots\n",
        "        Shared Lantern Schedules\n        for Harbour Pilots\n",
    )
    assert parse(text).meta.title == "Shared Lantern Schedules for Harbour Pilots"


@pytest.mark.parametrize(
    "line",
    [
        "Lantern Working Group                                      P. Ashdown",
        "Request for Comments: 8123",
        "Category: Experimental",
        "Obsoletes: 2001",
        "Intended status: Informational",
    ],
)
def test_header_lines(line: str) -> None:
    assert is_header_line(line)


@pytest.mark.parametrize(
    "line", ["Shared Lantern Schedules", "港鐵宣布加價\u3000乘客團體批評", "讲求务实  彰显信心"]
)
def test_not_header_lines(line: str) -> None:
    assert not is_header_line(line)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("新华社宁波4月2日电", "新华社"),
        ("本报广州5月20日电（记者 张小青）", "本报"),
        ("中新网成都十月一日电", "中新网"),
        ("杭州3月12日电", ""),
    ],
)
def test_datelines(line: str, agency: str) -> None:
    assert dateline_agency(line) == agency


@pytest.mark.parametrize("line", ["新华社记者走进长江源头", "上海3月5日电力负荷创新高", "3月5日"])
def test_not_datelines(line: str) -> None:
    assert dateline_agency(line) is None


def test_dateline_is_never_the_title() -> None:
    text = f"新华社宁波4月2日电\n港口货运量再创新高\n{BODY_ZH}\n"
    doc = parse(text)
    assert doc.meta.title == "港口货运量再创新高"
    assert doc.meta.source == "新华社"
    assert [s.title for s in doc.sections] == ["港口货运量再创新高"]


def test_a_headline_about_reporters_stays_the_title() -> None:
    assert parse(f"新华社记者走进长江源头\n{BODY_ZH}\n").meta.title == "新华社记者走进长江源头"
    assert parse(f"上海3月5日电力负荷创新高\n{BODY_ZH}\n").meta.title == "上海3月5日电力负荷创新高"
    assert parse(f"记者节特别报道\n{BODY_ZH}\n").meta.title == "记者节特别报道"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("东海日报记者 王晓川", "王晓川"),
        ("\u3000\u3000本报记者 王晓川 通讯员 李青", "王晓川、李青"),
        ("明報記者\u30002030-02-03", ""),
        ("文/赵一鸣", "赵一鸣"),
        ("王晓川 报道", "王晓川"),
        ("By Marguerite Fenn", "Marguerite Fenn"),
        ("by Lewis Fairweather", "Lewis Fairweather"),
        ("By Ann Lowe and Tom de Vries", "Ann Lowe and Tom de Vries"),
        ("By Ann Lowe, Science Correspondent", "Ann Lowe"),
        ("Tom de Vries, Staff Reporter", "Tom de Vries"),
    ],
)
def test_bylines(line: str, names: str) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "记者节特别报道",
        "记者调查：老旧小区改造进展如何",
        "By March 1801 the harbour was full",
        "By Order of the Council",
        "by the river",
        "Smith, Reporter",
        "Best Regards, Editor",
    ],
)
def test_not_bylines(line: str) -> None:
    assert byline_names(line) is None


def test_byline_is_metadata_not_a_section() -> None:
    text = (
        "春耕时节农机忙\n来源：东海日报\u30002030-04-01\n\u3000\u3000东海日报记者 王晓川\n"
        f"\u3000\u3000{BODY_ZH}\n\u3000\u3000{BODY_ZH}\n"
    )
    doc = parse(text)
    assert doc.meta.title == "春耕时节农机忙"
    assert doc.meta.author == "王晓川"
    assert [s.title for s in doc.sections] == ["春耕时节农机忙"]
    assert doc.paragraphs[2].kind is ParagraphKind.META


def test_byline_with_a_date_gives_the_date() -> None:
    doc = parse(f"渡輪服務明起調整\n明報記者\u30002030-02-03\n\n{BODY_ZH}\n")
    assert doc.meta.published is not None and doc.meta.published.date().isoformat() == "2030-02-03"


def test_title_over_lines_with_subtitle_date_and_speaker() -> None:
    text = (
        "\xa0\n新华社宁波4月2日电\n"
        "深化港口协作\n打造海上枢纽\n——在全市港口工作会议上的讲话\n（2030年4月1日）\n赵一鸣\n"
        f"同志们：\n{BODY_ZH}\n一、过去一年的工作\n{BODY_ZH}\n二、今年的任务\n{BODY_ZH}\n"
    )
    doc = parse(text)
    assert doc.meta.title == "深化港口协作 打造海上枢纽"
    assert doc.meta.subtitle == "在全市港口工作会议上的讲话"
    assert doc.meta.author == "赵一鸣"
    assert doc.meta.published is not None and doc.meta.published.year == 2030
    titles = [s.title for s in doc.sections]
    assert titles == ["深化港口协作 打造海上枢纽", "一、过去一年的工作", "二、今年的任务"]


def test_title_parts_may_stand_between_blank_lines() -> None:
    text = (
        "\n高举团结旗帜\n\n\n\n携手共创未来\n\n\n——在年会上的报告\n\n（2030年1月2日）\n\n" + BODY_ZH
    )
    assert parse(text).meta.title == "高举团结旗帜 携手共创未来"


def test_short_lines_without_a_dash_or_date_line_are_not_joined() -> None:
    text = f"春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n{BODY_ZH}\n"
    assert parse(text).meta.title == "春眠不觉晓"


def test_placeholder_is_skipped_and_the_next_line_is_the_title() -> None:
    text = "[Frontispiece]\n\n\n\nThe Lighthouse Keeper’s Daughter\n\nby Maud Tennant\n\n" + BODY_EN
    doc = parse(text)
    assert doc.meta.title == "The Lighthouse Keeper’s Daughter"
    assert doc.meta.author == "Maud Tennant"
    assert is_placeholder("[Illustration]")
    assert not is_placeholder("[1] Smith, J.")


def test_old_title_page_first_line_may_end_in_a_semicolon() -> None:
    text = "A DISCOURSE ON WATER WHEELS;\n\nwritten for the\n\nMILLERS\n\n" + BODY_EN
    assert parse(text).meta.title == "A DISCOURSE ON WATER WHEELS;"
    # Only the line that opens the text may: lower down, ";" ends a clause.
    assert parse("[Frontispiece]\n\nA DISCOURSE ON WATER WHEELS;\n\n" + BODY_EN).meta.title is None


def test_no_title_line_gives_the_file_name() -> None:
    text = f"各位代表：\n{BODY_ZH}\n一、过去一年工作回顾\n{BODY_ZH}\n"
    doc = parse(text, path="/tmp/report_2030.txt")
    assert doc.meta.title is None
    assert doc.title == "report_2030.txt"
    assert parse(text).title == "一、过去一年工作回顾"


def test_english_byline_gives_the_author() -> None:
    doc = parse("Harbour fees to rise\n\nBy Ann Lowe, Staff Reporter\n\n" + BODY_EN)
    assert doc.meta.title == "Harbour fees to rise"
    assert doc.meta.author == "Ann Lowe"


def test_author_and_editor_lines_at_the_top_and_the_foot() -> None:
    top = parse(f"春耕时节农机忙\n作者：王晓川\n{BODY_ZH}\n{BODY_ZH}\n责任编辑：陈青\n")
    assert top.meta.author == "王晓川"
    assert top.meta.editor == "陈青"
    assert top.paragraphs[-1].kind is ParagraphKind.META
    indented = parse(f"春耕时节农机忙\n{BODY_ZH}\n\u3000\u3000（责任编辑：陈青）\n")
    assert indented.meta.editor == "陈青"
    assert [s.title for s in top.sections] == ["春耕时节农机忙"]
    # Only the foot of the text: an editor named mid-text is body.
    mid = parse(f"春耕时节农机忙\n{BODY_ZH}\n责任编辑：陈青\n" + f"{BODY_ZH}\n" * 5)
    assert mid.meta.editor is None


def test_edition_and_speaker_lines_under_the_title_are_metadata() -> None:
    text = "The Harbour Book\n\nby Maud Tennant\n\nTHE LANTERN EDITION 2.1\n\n" + BODY_EN
    doc = parse(text)
    assert doc.meta.edition == "THE LANTERN EDITION 2.1"
    assert doc.meta.author == "Maud Tennant"
    speech = f"工作报告\n\n——在全市大会上\n\n市人民政府市长 赵一鸣\n\n各位代表：\n\n{BODY_ZH}\n"
    doc = parse(speech)
    assert (doc.meta.title, doc.meta.subtitle, doc.meta.author) == (
        "工作报告",
        "在全市大会上",
        "赵一鸣",
    )
    assert [s.title for s in doc.sections] == ["工作报告"]


@pytest.mark.parametrize(
    "line", ["Edition notes follow below, as before.", "市长 说", "国务院总理"]
)
def test_not_edition_or_speaker_lines(line: str) -> None:
    doc = parse(f"工作报告\n\n{line}\n\n{BODY_ZH}\n")
    assert doc.meta.edition is None and doc.meta.author is None
