"""Score the fact extractor against the hand-made gold file of the sample.

Mention level: a mention is ``(category, offset, surface)``; precision and recall
per category, each at 1.000 (the task asked for 0.95 for quantities, dates,
works and terms and 0.9 for the others; issue 13 keeps the seed at 1.000 while
the rules grow for real documents). Normalized values of the
matched quantities and dates must equal the gold's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.model.document import Fact, FactKind
from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "seed-facts.gold.yaml"
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"

CATEGORIES: dict[str, FactKind] = {
    "quantities": FactKind.QUANTITY,
    "dates": FactKind.DATE,
    "people": FactKind.PERSON,
    "organizations": FactKind.ORGANIZATION,
    "places": FactKind.PLACE,
    "works": FactKind.WORK,
    "quoted_terms": FactKind.TERM,
}
THRESHOLDS: dict[FactKind, float] = dict.fromkeys(CATEGORIES.values(), 1.0)
"""Every kind at precision and recall 1.000 (the acceptance of issue 13)."""

Key = tuple[int, str]


def _gold_mentions(items: list[dict[str, Any]]) -> set[Key]:
    keys: set[Key] = set()
    for item in items:
        listed = item.get("mentions") or item.get("occurrences")
        for mention in listed or [item]:
            keys.add((int(mention["offset"]), str(mention["surface"])))
    return keys


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def facts() -> tuple[Fact, ...]:
    return extract_facts(parse(SEED.read_text(encoding="utf-8")))


def _predicted(facts: tuple[Fact, ...], kind: FactKind, text: str) -> set[Key]:
    return {(m.start, text[m.start : m.end]) for f in facts if f.kind is kind for m in f.mentions}


def _score_table(gold: dict[str, Any], facts: tuple[Fact, ...], text: str) -> list[str]:
    rows = []
    for category, kind in CATEGORIES.items():
        want = _gold_mentions(gold[category])
        got = _predicted(facts, kind, text)
        hit = len(want & got)
        precision = hit / len(got) if got else 1.0
        recall = hit / len(want) if want else 1.0
        ok = precision >= THRESHOLDS[kind] and recall >= THRESHOLDS[kind]
        rows.append(
            f"{'ok ' if ok else 'LOW'} {category:14} P={precision:.3f} R={recall:.3f} "
            f"gold={len(want)} got={len(got)} missed={sorted(want - got)} "
            f"extra={sorted(got - want)}"
        )
    return rows


def test_mention_precision_and_recall(gold: dict[str, Any], facts: tuple[Fact, ...]) -> None:
    text = SEED.read_text(encoding="utf-8")
    rows = _score_table(gold, facts, text)
    assert all(row.startswith("ok") for row in rows), "\n" + "\n".join(rows)


def test_quantity_values_match_gold(gold: dict[str, Any], facts: tuple[Fact, ...]) -> None:
    by_offset = {f.mentions[0].start: f for f in facts if f.kind is FactKind.QUANTITY}
    wrong = []
    for item in gold["quantities"]:
        fact = by_offset.get(int(item["offset"]))
        if fact is None:
            continue  # counted by the recall test
        expected = (item["value"], item["unit"], item["qualifier"])
        actual = (fact.value, fact.unit, fact.qualifier)
        if expected != actual:
            wrong.append(f"{item['surface']}: want {expected} got {actual}")
    assert not wrong, "\n".join(wrong)


def test_date_values_match_gold(gold: dict[str, Any], facts: tuple[Fact, ...]) -> None:
    by_offset = {f.mentions[0].start: f for f in facts if f.kind is FactKind.DATE}
    wrong = []
    for item in gold["dates"]:
        fact = by_offset.get(int(item["offset"]))
        if fact is None:
            continue
        if item["kind"] == "weekday":
            expected = gold["metadata"]["captured"]["weekday"]["name"]
            if fact.counted != item["refers_to"]:
                wrong.append(f"{item['surface']}: refers to {fact.counted}")
        else:
            expected = str(item["iso"])
        if fact.value != expected:
            wrong.append(f"{item['surface']}: want {expected} got {fact.value}")
    assert not wrong, "\n".join(wrong)


def test_person_titles_as_given(gold: dict[str, Any], facts: tuple[Fact, ...]) -> None:
    people = {f.text: f for f in facts if f.kind is FactKind.PERSON}
    for item in gold["people"]:
        titles = item["titles_as_given"]
        if titles and item["name"] in people:
            assert people[item["name"]].value == "、".join(titles)


def test_integral_values_are_ints(facts: tuple[Fact, ...]) -> None:
    for fact in facts:
        if isinstance(fact.value, float):
            assert fact.value != int(fact.value), fact
