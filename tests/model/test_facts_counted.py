"""What a quantity counts: sentences written for these tests (not the sample's)."""

from __future__ import annotations

import pytest

from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse


def _counted(text: str) -> dict[str, str | None]:
    return {f.text: f.counted for f in extract_facts(parse(text)) if f.kind.value == "quantity"}


@pytest.mark.parametrize(
    ("text", "surface", "counted"),
    [
        # Number + measure word + noun: the noun after it, up to a verb.
        ("全县新开工86个水利项目，", "86个", "水利项目"),
        ("购置450辆新能源出租车投入使用。", "450辆", "新能源出租车"),
        ("明确8项重点任务", "8项", "重点任务"),
        ("严格落实十项规定，", "十项", "规定"),
        ("约有1.5万家企业参与改制。", "1.5万家", "企业"),
        ("百分之六十的居民", "百分之六十", "居民"),
        ("抽查2,300件食品和药品", "2,300件", "食品"),
        # Noun + number + measure word at the clause end: the object before it.
        ("各地举办招聘会1200余场，", "1200余场", "招聘会"),
        ("共征集群众建议4.6万余条。", "4.6万余条", "群众建议"),
        ("累计开展义诊9000余次；", "9000余次", "义诊"),
        ("建成村级服务站318个，", "318个", "村级服务站"),
        ("城乡居民收入实际增长5.8%。", "5.8%", "城乡居民收入"),
        ("新建公租房不少于3万套，", "3万套", "公租房"),
        # Durations count nothing.
        ("用两天半时间走访", "两天半", None),
        ("三年内完成改造", "三年", None),
    ],
)
def test_counted(text: str, surface: str, counted: str | None) -> None:
    found = _counted(text)
    if surface not in found:
        pytest.fail(f"{surface} not found in {found}")
    assert found[surface] == counted


def test_counted_stops_at_the_quantity_before() -> None:
    text = "省、市两级示范基地120个，"
    assert _counted(text)["120个"] == "示范基地"


def test_counted_never_crosses_punctuation_and_stays_short() -> None:
    text = "他说：“好。”86个。全省各地区各部门各单位基层党组织书记培训班学员共计1200人次，"
    found = _counted(text)
    assert found["86个"] is None
    phrase = found["1200人次"]
    assert phrase is not None and len(phrase) <= 10 and "，" not in phrase
