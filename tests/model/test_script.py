"""The lead's label follows the script and language: 导语 / 導語 / Lead."""

from __future__ import annotations

from reader.model.structure.parse import parse
from reader.model.text.script import chinese_script, lead_label

SIMPLIFIED = "这是一个关于国家发展的报告。\n\n一、经济\n\n我们来说说经济的进展。\n"
TRADITIONAL = "這是一個關於國家發展的報告。\n\n一、經濟\n\n我們來說說經濟的進展。\n"


def test_script_of_simplified_and_traditional_text() -> None:
    assert chinese_script(SIMPLIFIED) == "hans"
    assert chinese_script(TRADITIONAL) == "hant"
    assert chinese_script("A plain English sentence.") is None


def test_lead_label_follows_language_and_script() -> None:
    assert lead_label("zh", SIMPLIFIED) == "导语"
    assert lead_label("zh", TRADITIONAL) == "導語"
    assert lead_label("en", "Some text") == "Lead"


def test_an_untitled_traditional_text_calls_its_lead_導語() -> None:
    # No title line: the first line ends in a full stop, so it is body text.
    document = parse(TRADITIONAL)
    assert document.meta.title is None
    assert document.sections[0].title == "導語"
