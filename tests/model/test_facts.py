"""Fact extraction on texts written for the tests (not the sample)."""

from __future__ import annotations

import json
from datetime import datetime

from reader.model.document import Document, Fact, FactKind, Meta
from reader.model.facts.describe import describe_value
from reader.model.facts.extract import extract_facts, fact_record
from reader.model.structure.parse import parse


def _facts(text: str, kind: FactKind) -> list[Fact]:
    return [f for f in extract_facts(parse(text)) if f.kind is kind]


def _by_text(text: str, kind: FactKind) -> dict[str, Fact]:
    return {f.text: f for f in _facts(text, kind)}


GOV_REPORT = (
    "一、过去一年的工作\n"
    "（一）经济运行稳中向好。国内生产总值增长5.2%，城镇新增就业1244万人，"
    "粮食产量约6.95亿吨，不少于300家企业参与试点，新建改造农村公路近20万公里。\n"
    "——2019年至2021年，累计减税降费超过8.6万亿元，3至5年内完成改造。\n"
    "国务院办公厅印发通知，省委书记李希在南京调研，他到玄武区、鼓楼区等地考察。\n"
)


def test_government_report_quantities() -> None:
    q = _by_text(GOV_REPORT, FactKind.QUANTITY)
    assert (q["5.2%"].value, q["5.2%"].unit) == (5.2, "%")
    assert (q["1244万人"].value, q["1244万人"].unit) == (12440000, "人")
    assert (q["6.95亿吨"].value, q["6.95亿吨"].qualifier) == (695000000, "about")
    assert (q["300家"].value, q["300家"].qualifier) == (300, "at-least")
    assert q["20万公里"].qualifier == "about"
    assert (q["8.6万亿元"].value, q["8.6万亿元"].qualifier) == (8.6e12, "more-than")
    assert (q["3至5年"].value, q["3至5年"].value_end, q["3至5年"].qualifier) == (3, 5, "range")
    # Heading numbers are not quantities.
    assert not any(t.startswith(("一", "（")) for t in q)


def test_government_report_dates_names() -> None:
    facts = extract_facts(parse(GOV_REPORT))
    dates = {f.text: f.value for f in facts if f.kind is FactKind.DATE}
    assert dates == {"2019年至2021年": "2019/2021"}
    people = {f.text: f.value for f in facts if f.kind is FactKind.PERSON}
    assert people == {"李希": "省委书记"}
    orgs = {f.text for f in facts if f.kind is FactKind.ORGANIZATION}
    assert "国务院办公厅" in orgs and "省委" not in orgs
    places = {f.text for f in facts if f.kind is FactKind.PLACE}
    assert {"南京", "玄武区", "鼓楼区"} <= places


def test_percent_words_money_and_about_markers() -> None:
    text = "百分之五的居民参加，投入资金1,200万元，完成项目30个左右，约有3.2亿元。"
    q = _by_text(text, FactKind.QUANTITY)
    assert (q["百分之五"].value, q["百分之五"].unit) == (5, "%")
    assert (q["1,200万元"].value, q["1,200万元"].unit) == (12000000, "元")
    assert (q["30个左右"].value, q["30个左右"].qualifier) == (30, "about")
    assert q["3.2亿元"].qualifier == "about"


def test_not_quantities() -> None:
    text = (
        "第二批活动第一时间开展，“四风”和“三严三实”，一把手来一场洗礼，"
        "进一步逐一落实每一项，拨打12345热线。"
    )
    assert _facts(text, FactKind.QUANTITY) == []


def test_level_period_and_durations_are_quantities() -> None:
    text = "市、县两级干部分两期培训，用一天半时间，提早半小时上班。"
    q = _by_text(text, FactKind.QUANTITY)
    assert {k: v.value for k, v in q.items()} == {
        "两级": 2,
        "两期": 2,
        "一天半": 1.5,
        "半小时": 0.5,
    }


def test_year_inference_from_published_and_fallback() -> None:
    text = "来源：某报 2013年12月30日\n12月5日召开会议，6月13日至14日再开。"
    facts = _by_text(text, FactKind.DATE)
    # No published date: the date on the source line gives the year.
    assert facts["6月13日至14日"].value == "2013-06-13/2013-06-14"
    doc = parse(text)
    dated = Document(doc.text, Meta(published=datetime(2014, 1, 10)), doc.sections, doc.paragraphs)
    values = {f.text: f.value for f in extract_facts(dated) if f.kind is FactKind.DATE}
    # 12月5日 in a January text is last December.
    assert values["12月5日"] == "2013-12-05"
    assert values["6月13日至14日"] == "2014-06-13/2014-06-14"


def test_capture_line_is_not_the_publication_year() -> None:
    text = "今天是2025年07月04日 星期五\n发布时间:2014-07-22 08:52\n5月19日报道。"
    dates = _by_text(text, FactKind.DATE)
    assert dates["5月19日"].value == "2014-05-19"
    assert dates["2014-07-22 08:52"].value == "2014-07-22T08:52"
    assert dates["星期五"].value == "Friday" and dates["星期五"].counted == "2025-07-04"


def test_no_year_anywhere_leaves_it_out() -> None:
    assert _by_text("6月13日开会。", FactKind.DATE)["6月13日"].value == "--06-13"


def test_traditional_chinese_news() -> None:
    text = "國務院總理李強表示，「新質生產力」是關鍵。台北市長蔣萬安說，『城市韌性』很重要。"
    facts = extract_facts(parse(text))
    people = {f.text: f.value for f in facts if f.kind is FactKind.PERSON}
    assert people == {"李強": "國務院總理", "蔣萬安": "市長"}
    terms = {f.text for f in facts if f.kind is FactKind.TERM}
    assert terms == {"新質生產力", "城市韌性"}


def test_person_after_name_and_surname_rules() -> None:
    text = "学习雷锋同志，弘扬孔繁森精神。会上，王建国表示要落实。"
    assert set(_by_text(text, FactKind.PERSON)) == {"雷锋", "孔繁森", "王建国"}


def test_terms_group_mentions_and_works() -> None:
    text = "“双减”政策。落实“双减”。《人民日报》报道，《关于加强管理的意见》印发。"
    terms = _by_text(text, FactKind.TERM)
    assert len(terms["双减"].mentions) == 2
    assert set(_by_text(text, FactKind.WORK)) == {"人民日报", "关于加强管理的意见"}
    assert "人民日报" in _by_text(text, FactKind.ORGANIZATION)


ENGLISH = (
    "On July 4, 1776, the Continental Congress met. President Joe Biden said the "
    "Department of Commerce would spend $4.5 million, about 12.5% of the budget, "
    'by 1 April 1998. The so-called "soft power" of Harvard University grew 30 percent '
    "and 1,200 yuan was paid on 2024-03-01."
)


def test_english_paragraph() -> None:
    facts = extract_facts(parse(ENGLISH))
    dates = {f.text: f.value for f in facts if f.kind is FactKind.DATE}
    assert dates == {
        "July 4, 1776": "1776-07-04",
        "1 April 1998": "1998-04-01",
        "2024-03-01": "2024-03-01",
    }
    q = {f.text: f for f in facts if f.kind is FactKind.QUANTITY}
    assert q["$4.5 million"].value == 4500000 and q["$4.5 million"].unit == "$"
    assert q["12.5%"].qualifier == "about"
    assert q["30 percent"].value == 30 and q["30 percent"].unit == "%"
    assert q["1,200 yuan"].value == 1200
    people = {f.text: f.value for f in facts if f.kind is FactKind.PERSON}
    assert people == {"Joe Biden": "President"}
    orgs = {f.text for f in facts if f.kind is FactKind.ORGANIZATION}
    assert {"Department of Commerce", "Harvard University", "Continental Congress"} <= orgs
    assert {f.text for f in facts if f.kind is FactKind.TERM} == {"soft power"}


def test_describe_value() -> None:
    text = "累计开展调研1.2万余次，学习不少于80个学时，3至5年，占12.5%。6月13日至14日。"
    doc = parse("发布时间:2014-07-22 08:52\n" + text)
    shown = {f.text: describe_value(f) for f in extract_facts(doc)}
    assert shown["1.2万余次"] == ">12,000 次"
    assert shown["80个学时"] == "≥80 学时"
    assert shown["3至5年"] == "3–5 年"
    assert shown["12.5%"] == "12.5%"
    assert shown["6月13日至14日"] == "2014-06-13 – 2014-06-14"
    assert shown["2014-07-22 08:52"] == "2014-07-22 08:52"


def test_fact_record_is_json_ready() -> None:
    doc = parse("共建立联系点215个，用时3至5年。")
    records = [fact_record(f) for f in extract_facts(doc)]
    again = json.loads(json.dumps(records, ensure_ascii=False))
    first = again[0]
    assert set(first) >= {"kind", "text", "value", "unit", "qualifier", "counted", "mentions"}
    assert first["value"] == 215 and isinstance(first["value"], int)
    assert first["mentions"][0]["section"] == doc.sections[0].id
    assert again[1]["value_end"] == 5
    assert "value_end" not in first


def test_a_measure_word_after_a_numeral_is_not_a_surname() -> None:
    text = "全面贯彻中央八项规定精神，弘扬焦裕禄精神，学习雷锋同志。"
    people = {f.text for f in extract_facts(parse(text)) if f.kind is FactKind.PERSON}
    assert people == {"焦裕禄", "雷锋"}
