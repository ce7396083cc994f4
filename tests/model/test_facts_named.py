"""Named things found by their frame: benchmarks and events with a year, credited link
titles, years written with an apostrophe, figures alone in a table cell, and places
named by a disaster. Short texts written for the tests, with counter-examples."""

from __future__ import annotations

from reader.model.document import Fact, FactKind
from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse


def _facts(text: str, kind: FactKind) -> dict[str, Fact]:
    return {f.text: f for f in extract_facts(parse(text)) if f.kind is kind}


def test_a_year_with_an_apostrophe_after_a_cue_is_a_date_of_unspecified_century() -> None:
    dates = _facts(
        "The walls held against the fleet in the year '62, and again since ’71 the port "
        "has paid its dues. The class of '95 met there.\n",
        FactKind.DATE,
    )
    assert dates["the year '62"].value == "XX62"
    assert dates["’71"].value == "XX71"
    assert dates["'95"].value == "XX95"


def test_an_apostrophe_number_without_a_cue_or_before_a_plural_is_not_a_year() -> None:
    dates = _facts(
        "He marked '62 on the crate. She wrote 'in '48' on the lid. "
        "A rock band of the '70s played for in '30 minutes. Room '12 is shut.\n",
        FactKind.DATE,
    )
    assert not [d for d in dates if "'" in d or "’" in d]


def test_a_decimal_alone_in_a_table_cell_is_a_figure() -> None:
    text = (
        "# Scores\n\n"
        "| Model | Mean | Recall | Release | Rank |\n"
        "|---|---|---|---|---|\n"
        "| tiny-2b | **0.7314** | 0.66 | 1.4.2 | 3 |\n"
        "| base-7b | 0.9051 | 12.5% | v2.0 | 1 |\n"
    )
    figures = _facts(text, FactKind.QUANTITY)
    assert figures["0.7314"].value == 0.7314
    assert {"0.66", "0.9051", "12.5%"} <= set(figures)
    # A version (two dots, or a letter before it) and a whole-number rank are not figures.
    assert not {"1.4.2", "1.4", "4.2", "2.0", "3", "1"} & set(figures)


def test_a_decimal_in_prose_is_still_not_a_figure_on_its_own() -> None:
    text = "Version 0.8225 of the tool shipped; see section 4.2 for more.\n"
    figures = _facts(text, FactKind.QUANTITY)
    assert not figures


def test_capitals_and_a_year_are_a_benchmark_work_or_an_event_organisation() -> None:
    text = (
        "该系统在CLPTC-2021的中文拼写纠错比赛中获得第二名。\n\n"
        "评测集：WCSC-2019(test.tsv)、ToneBench-2023。\n\n"
        "Our parser was presented at ACLW-2017 and scored well on TrecQA-2008.\n"
    )
    orgs = _facts(text, FactKind.ORGANIZATION)
    works = _facts(text, FactKind.WORK)
    assert {"CLPTC-2021", "ACLW-2017"} <= set(orgs)
    assert {"WCSC-2019", "ToneBench-2023", "TrecQA-2008"} <= set(works)
    assert not {"WCSC-2019", "TrecQA-2008"} & set(orgs)


def test_standards_register_numbers_and_short_codes_are_not_benchmarks() -> None:
    text = (
        "See RFC-2119 and ISO-2022-JP; the bug is CVE-2021-44228. The EC-2015 rule and "
        "the Acme-2014 catalogue, the FY-2020 budget.\n"
    )
    named = set(_facts(text, FactKind.WORK)) | set(_facts(text, FactKind.ORGANIZATION))
    assert (
        not {
            "RFC-2119",
            "ISO-2022",
            "CVE-2021",
            "EC-2015",
            "Acme-2014",
            "FY-2020",
        }
        & named
    )


def test_a_credited_link_title_is_a_work() -> None:
    text = (
        "# Tools\n\n"
        "### qux Colour Studio\n\n"
        "[qux Colour Studio](https://example.org/studio/) created by Ada Lovelace lets you "
        "try themes.\n\n"
        "[the docs](https://example.org/docs) written by Ada Lovelace.\n\n"
        "See [this page](https://example.org/x) made by Bob Stone.\n"
    )
    works = _facts(text, FactKind.WORK)
    assert "qux Colour Studio" in works
    assert not {"the docs", "this page", "See this page"} & set(works)
    assert "Ada Lovelace" in _facts(text, FactKind.PERSON)


def test_a_disaster_named_after_its_place_gives_the_place() -> None:
    places = _facts(
        "做好青海玛多地震抢险救援，四川泸定6.8级地震灾后重建有序推进。\n", FactKind.PLACE
    )
    assert {"青海玛多", "四川泸定"} <= set(places)


def test_a_disaster_after_a_province_and_a_direction_verb_or_size_gives_no_new_place() -> None:
    places = _facts(
        "云南发生地震后，四川大地震的经验，甘肃南部地震，江苏今年洪灾，上海地震局发布消息。\n",
        FactKind.PLACE,
    )
    assert set(places) <= {"云南", "四川", "甘肃", "江苏", "上海"}


def test_the_two_ends_of_a_rail_service_are_places() -> None:
    places = _facts(
        "本周日荃灣綫荃灣至美孚站列車服務提早結束，屆時安排巴士往返沙田站及大圍站。\n",
        FactKind.PLACE,
    )
    assert {"荃灣", "美孚", "沙田", "大圍"} <= set(places)


def test_a_kind_of_station_or_a_numeral_at_either_end_gives_no_place() -> None:
    places = _facts(
        "旅客可往返火車站及汽車站，專線一直至終點站，路線一直至美孚站。\n", FactKind.PLACE
    )
    assert not {"火車", "汽車", "一直", "終點", "美孚"} & set(places)


def test_a_bank_short_name_after_a_verb_of_founding_or_joining_is_an_organisation() -> None:
    orgs = _facts("各方发起创办亚开行，随后加入金砖行。\n", FactKind.ORGANIZATION)
    assert {"亚开行", "金砖行"} <= set(orgs)


def test_a_verb_ending_in_xing_or_a_generic_bank_is_not_a_bank() -> None:
    orgs = _facts(
        "他们决定创办银行，双方应当同时履行，依法发行，后来加入同行，坚持砥砺前行。\n",
        FactKind.ORGANIZATION,
    )
    assert not {"银行", "同时履行", "同行", "砥砺前行"} & set(orgs)
