"""Chinese organisations, places and people beyond the anchored rules."""

from __future__ import annotations

from reader.model.document import FactKind
from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse


def _texts(text: str, kind: FactKind) -> set[str]:
    return {f.text for f in extract_facts(parse(text)) if f.kind is kind}


def test_sessions_and_meetings_belong_to_the_organisation() -> None:
    text = (
        "我代表第十九届中央委员会向大会作报告。中国共产党第二十次全国代表大会是一次大会。\n"
        "2031年3月5日在第十五届全国人民代表大会第三次会议上。\n"
    )
    assert {
        "第十九届中央委员会",
        "中国共产党第二十次全国代表大会",
        "第十五届全国人民代表大会第三次会议",
    } <= _texts(text, FactKind.ORGANIZATION)


def test_distinctive_suffixes_after_a_boundary_in_both_scripts() -> None:
    text = (
        "申訴專員公署發現問題。\n\n# 衞生防護中心呼籲市民。\n\n"
        "欧洲清洁能源银行表示支持。可以向人民法院申请，由村民委员会协助。\n"
    )
    assert {"申訴專員公署", "衞生防護中心", "欧洲清洁能源银行", "人民法院", "村民委员会"} <= (
        _texts(text, FactKind.ORGANIZATION)
    )


def test_no_organisation_from_function_words_or_a_suffix_starting_a_word() -> None:
    text = "坚持以人民为中心的发展思想，建设数据中心城区，走入村、社区服务中心，推进乡村振兴。\n"
    orgs = _texts(text, FactKind.ORGANIZATION)
    assert not any("中心" in org for org in orgs)


def test_regions_of_province_abbreviations_airports_and_the_country() -> None:
    text = "推进京津冀协同发展和苏浙沪一体化。郑州新郑国际机场客流大增。中华人民共和国领域内。\n"
    places = _texts(text, FactKind.PLACE)
    assert {"京津冀", "苏浙沪", "郑州新郑国际机场", "中华人民共和国"} <= places


def test_province_abbreviations_inside_words_are_no_region() -> None:
    places = _texts("辽宁新增就业十万人，青藏高原风光好。\n", FactKind.PLACE)
    assert "辽宁新" not in places and "青藏" not in places


def test_a_lone_name_line_under_the_title_is_the_author() -> None:
    text = "坚持绿色发展道路\n\n（2031年3月10日）\n\n习明远\n\n同志们：\n\n现在我讲三点意见。\n"
    assert "习明远" in _texts(text, FactKind.PERSON)


def test_a_short_heading_line_is_no_author() -> None:
    text = "年度报告\n\n前言\n\n目录\n\n正文从这里开始，内容很长。\n"
    assert _texts(text, FactKind.PERSON) == set()


def test_regions_named_by_abbreviations_and_a_kind_of_region() -> None:
    text = "推进成渝地区双城经济圈建设，建设粤港澳大湾区，稳步推进城市群、都市圈建设。\n"
    places = _texts(text, FactKind.PLACE)
    assert {"成渝地区双城经济圈", "粤港澳大湾区"} <= places
    assert not any(p.endswith(("城市群", "都市圈")) for p in places)
