"""Reflow of hard-wrapped plain text: each rule, each "never reflow" case, the source map."""

from __future__ import annotations

import textwrap

from reader.model.structure.parse import parse, parse_head
from reader.model.structure.reflow import reflow, wrap_width
from reader.model.structure.source_map import SourceMap
from reader.model.text.cleaning import normalize
from reader.store.reanchor import new_bookmark, reanchor_bookmark
from tests.reflow_texts import (
    GUTENBERG,
    GUTENBERG_PHRASE,
    NOVEL,
    NOVEL_PHRASE,
    PRIDE_FLOWING,
    RFC,
    RFC_PHRASE,
)
from tests.ui.helpers import SEED

PROSE = (
    "The river ran slowly past the mill and under the old stone bridge, where the "
    "children of the village used to sit on summer evenings and throw sticks into the "
    "water to see whose would come out first on the other side of the arches."
)


def wrapped(text: str, width: int = 60) -> str:
    return textwrap.fill(text, width)


def shown(text: str) -> str:
    return reflow(normalize(text))[0]


# -- the three layouts of the issue ------------------------------------------


def test_gutenberg_paragraphs_flow_latin_lines_join_with_one_space() -> None:
    text = shown(GUTENBERG)
    assert PRIDE_FLOWING in text.split("\n")
    assert GUTENBERG_PHRASE in text
    # Headings, metadata lines and verse keep their lines.
    assert "\nCHAPTER I.\n\n" in text and "\nCHAPTER II.\n\n" in text
    assert text.startswith("The Project Gutenberg eBook of A Short Novel\n\nTitle: A Short Novel\n")
    assert "    Twinkle, twinkle, little bat!\n    How I wonder what you're at!\n" in text


def test_chinese_novel_lines_join_with_nothing_and_each_indent_starts_a_paragraph() -> None:
    text = shown(NOVEL)
    lines = text.split("\n")
    assert lines[0] == "第一章　风起"
    assert lines[1].startswith("　　滚滚长江") and lines[1].endswith("合久必分。")
    assert lines[2].startswith("　　周末七国") and lines[2].endswith("灵二帝。")
    assert lines[3] == "第二章　云涌"
    assert NOVEL_PHRASE in lines[1]
    # A line-initial 。 (the wrap put it there) joins the line before it.
    assert "共相辅佐。时有宦官" in lines[4]
    doc = parse(normalize(NOVEL))
    assert [s.title for s in doc.sections if s.heading] == ["第一章　风起", "第二章　云涌"]


def test_rfc_furniture_goes_and_a_paragraph_runs_across_the_page_break() -> None:
    text = shown(RFC)
    assert "[Page" not in text and "RFC 9999" not in text and "\x0c" not in text
    assert RFC_PHRASE in text
    # Two spaces after a full stop are the source's own: kept as they are.
    assert "interoperability problems on the Internet.  This document" in text
    # The page break between two paragraphs leaves one blank line, not the furniture.
    assert "at the stated time.\n\n3. Security Considerations\n" in text


def test_rfc_lists_and_abnf_are_never_reflowed() -> None:
    text = shown(RFC)
    assert (
        "   o  All dates and times are assumed to be in the current era,\n"
        "      somewhere between 0000AD and 9999AD.\n"
    ) in text
    assert (
        "      date-fullyear   = 4DIGIT\n"
        "      date-month      = 2DIGIT  ; 01-12\n"
        "      date-mday       = 2DIGIT  ; 01-28, 01-29, 01-30, 01-31 based on\n"
        "                                ; month/year\n"
    ) in text
    # The title block at the top (metadata, columns) is untouched.
    assert text.startswith(RFC[: RFC.index("1. Introduction")])


def test_rfc_headings_are_still_headings() -> None:
    doc = parse(normalize(RFC))
    titles = [s.title for s in doc.sections if s.heading]
    assert titles == ["1. Introduction", "2. Definitions", "3. Security Considerations"]
    for section in doc.sections[1:]:
        assert section.heading is not None
        assert doc.text[slice(*section.heading)] == section.title


# -- single rules ------------------------------------------------------------


def test_a_line_final_hyphen_is_kept_and_joined_without_a_space() -> None:
    source = (
        wrapped(PROSE, 70)
        + "\n\n"
        + (
            "The committee met on Tuesday and again on Thursday, and every one of\n"
            "its members agreed, after a long and a tiring debate, that it was well-\n"
            "known and well-tried one, and that it should be put to the vote at the\n"
            "next meeting without any further delay or discussion of its merits.\n"
        )
    )
    assert "that it was well-known and well-tried one" in shown(source)


def test_a_short_line_that_ends_a_sentence_ends_the_paragraph() -> None:
    source = (
        wrapped(PROSE, 70)
        + "\n\n"
        + (
            "The committee met on Tuesday and again on Thursday, and every one of\n"
            "its members agreed that the plan was sound.\n"
            "The vote was taken at the next meeting and the plan was carried by a\n"
            "large majority, to the surprise of nobody who had been at the meetings.\n"
        )
    )
    lines = shown(source).split("\n")
    assert lines[2].endswith("the plan was sound.")
    assert lines[3].startswith("The vote was taken") and lines[3].endswith("at the meetings.")


def test_an_indented_first_line_starts_a_paragraph() -> None:
    paragraphs = [PROSE, PROSE.replace("river", "brook"), PROSE.replace("river", "canal")]
    source = "".join(textwrap.fill(p, 72, initial_indent="  ") + "\n" for p in paragraphs)
    assert "\n\n" not in source
    lines = shown(source).split("\n")
    assert lines[:3] == ["  " + p for p in paragraphs]


def test_a_table_is_never_reflowed() -> None:
    table = (
        "Name            Born        Died        Known for the works listed here\n"
        "Jane Austen     1775        1817        Pride and Prejudice, Emma, and so\n"
        "Charles Dickens 1812        1870        Bleak House, Little Dorrit and so\n"
        "+-------------------------------------------------------------------+\n"
    )
    source = wrapped(PROSE, 72) + "\n\n" + table + "\n" + wrapped(PROSE, 72) + "\n"
    assert table in shown(source)


def test_a_list_is_never_reflowed() -> None:
    items = (
        "- The first item of the list is long enough to reach the wrap width\n"
        "- the second item starts with a marker, so it is an item of its own\n"
        "- and the third one too, however full the line before it may be now\n"
    )
    source = wrapped(PROSE, 70) + "\n\n" + items + "\n" + wrapped(PROSE, 70) + "\n"
    assert items in shown(source)


def test_an_address_block_is_never_reflowed() -> None:
    address = "Mr. John Smith\n221B Baker Street\nLondon NW1 6XE\nEngland\n"
    source = wrapped(PROSE) + "\n\n" + address + "\n" + wrapped(PROSE) + "\n"
    assert address in shown(source)


def test_verse_lines_that_end_in_punctuation_are_never_reflowed() -> None:
    verse = (
        "Tyger Tyger, burning bright,\n"
        "In the forests of the night;\n"
        "What immortal hand or eye,\n"
        "Could frame thy fearful symmetry?\n"
    )
    source = wrapped(PROSE) + "\n\n" + verse + "\n" + wrapped(PROSE) + "\n"
    assert verse in shown(source)


def test_a_numbered_chinese_heading_is_never_joined_to_the_paragraph_before() -> None:
    # The paragraph's last line is full: only the heading rule keeps them apart.
    source = (
        "　　桓帝禁锢善类，崇信宦官。及桓帝崩，灵帝即位，大将军窦武、太傅陈蕃共相辅佐\n"
        "时有宦官曹节等弄权，窦武、陈蕃谋诛之，机事不密，反为所害，中涓自此愈横的\n"
        "一、总体要求\n"
        "　　周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。汉朝自高祖斩\n"
        "白蛇而起义，一统天下，后来光武中兴，传至献帝，遂分为三国。推其致乱之由，殆\n"
        "始于桓、灵二帝。\n"
    )
    lines = shown(NOVEL + source).split("\n")[5:]
    assert lines[1] == "一、总体要求"
    assert lines[0].endswith("中涓自此愈横的")


# -- what is not hard-wrapped is left alone ------------------------------------


def test_the_sample_is_not_hard_wrapped_and_comes_back_as_the_same_string() -> None:
    text = normalize(SEED.read_text(encoding="utf-8"))
    displayed, source_map = reflow(text)
    assert displayed is text
    assert source_map.is_identity
    assert parse(text).source_map.is_identity


def test_one_line_paragraphs_are_not_hard_wrapped() -> None:
    lines = [PROSE * (k % 3 + 1) for k in range(12)]
    assert wrap_width("\n".join(lines).split("\n")) is None


# -- the source map and the document ------------------------------------------


def test_the_source_map_leads_back_to_the_source() -> None:
    source = normalize(RFC)
    doc = parse(source)
    assert not doc.source_map.is_identity
    at = doc.text.index(RFC_PHRASE)
    back = doc.source_map.to_source(at)
    # The phrase runs across the page break: its first part is on one source line.
    assert source[back : back + 14] == "written out in"
    full = doc.source_map.to_source(at + len("written out in "))
    assert source[full : full + 4] == "full"
    assert source[back:full].count("\n") > 3  # the furniture lay between
    # A copied character maps to itself; the joining space maps to the line end.
    for offset in range(0, len(doc.text), 7):
        char = doc.text[offset]
        if char != " ":
            assert source[doc.source_map.to_source(offset)] == char


def test_reparsing_the_displayed_text_gives_the_same_document() -> None:
    doc = parse(normalize(GUTENBERG))
    again = parse(doc.text, displayed=doc.source_map)
    assert again == doc


def test_an_old_bookmark_re_anchors_by_its_quote() -> None:
    # Made before reflow, when the text shown was the source with its furniture.
    source = normalize(RFC)
    before = parse(source, displayed=SourceMap.identity(len(source)))
    assert before.text == source
    start = source.index("Since the local time zone")
    old = new_bookmark(before, start, start + len("Since the local time zone"), "", set())
    after = parse(source)
    moved = reanchor_bookmark(old, after)
    assert not moved.detached
    assert moved.start == after.text.index("Since the local time zone") < old.start
    assert after.text[moved.start : moved.end] == "Since the local time zone"


def test_an_old_bookmark_across_a_line_break_re_anchors_to_the_joined_phrase() -> None:
    source = normalize(GUTENBERG)
    before = parse(source, displayed=SourceMap.identity(len(source)))
    quoted = "man in possession\nof a good fortune"
    start = source.index(quoted)
    old = new_bookmark(before, start, start + len(quoted), "", set())
    moved = reanchor_bookmark(old, parse(source))
    assert not moved.detached
    assert parse(source).text[moved.start : moved.end] == "man in possession of a good fortune"


def test_a_head_parse_reflows_its_head_as_the_full_parse_does_and_leaves_the_rest() -> None:
    source = normalize("\n\n".join([GUTENBERG] * 20))
    head = parse_head(source, chars=2000)
    assert not head.complete and not head.final_text and head.source is source
    full = parse(source)
    # What the head shows is what the full parse shows there...
    shared = head.paragraphs[-1].end
    assert 2000 <= shared < len(head.text) // 2
    assert head.text[:shared] == full.text[:shared]
    assert head.paragraphs == full.paragraphs[: len(head.paragraphs)]
    # ...and the rest is the source as it is, until the full parse reflows it.
    stop = head.source_map.to_source(shared)
    assert head.text[shared:].lstrip("\n") == source[stop:].lstrip("\n")
    assert head.sections[-1].end == len(head.text)
    # The app's background parse starts again from the source.
    assert parse(head.source_text) == full
    # Every character of the head's text is carried to the same character of the full text.
    for offset in range(0, len(head.text), 7):
        carried = head.carry_offset(offset, full)
        if not head.text[offset].isspace():
            assert full.text[carried] == head.text[offset]
            assert full.source_map.to_source(carried) == head.source_map.to_source(offset)
        if offset <= shared:
            assert carried == offset


def test_a_head_of_a_text_shown_as_it_is_is_final(seed_text: str) -> None:
    text = seed_text + "\n" + "\n".join(f"{n}. 第{n}节\n  正文{n}。" for n in range(1, 400))
    head = parse_head(text, chars=4000)
    assert not head.complete and head.final_text and head.source is None
    full = parse(head.text, displayed=head.source_map)
    assert head.carry_offset(len(text) - 3, full) == len(text) - 3


def test_chinese_cut_by_characters_joins_lines_that_hold_a_few_ascii_characters() -> None:
    # Every line is 24 characters; the ASCII ones make some narrower in cells.
    body = (
        "市委把总书记系列重要讲话和中央精神作为开展活动的根本遵循,"
        "第一时间传达学习,第一时间贯彻落实,充分发挥市委常委带头作用。"
    )
    text = "　　" + body * 3
    source = "".join(text[i : i + 24] + "\n" for i in range(0, len(text), 24))
    assert shown("第一章　开篇\n" + source * 2) == "第一章　开篇\n" + ("　　" + body * 3 + "\n") * 2


def test_a_book_wrapped_a_few_columns_early_still_flows() -> None:
    # Hand-wrapped: the fourth line stops at 64 columns though "to" would fit.
    source = (
        "CHAPTER III\n"
        "\n"
        "Now I say that such dominions thus acquired, either by the arms of\n"
        "others or by their own, are either accustomed to live under a prince\n"
        "or to live in freedom; and they are acquired either by the example\n"
        "of the Duke of Ferrara, who could not have withstood, I believe,\n"
        "to the assaults of the Venetians in the year eighty-four, and\n"
        "those of Pope Julius in the year ten, unless he had been long\n"
        "established in his dominions and held by the love of his people.\n"
    )
    lines = shown(source).split("\n")
    assert "who could not have withstood, I believe, to the assaults" in lines[2]
    assert lines[2].startswith("Now I say") and lines[2].endswith("the love of his people.")


def test_a_heading_right_under_a_full_line_stays_a_line_of_its_own() -> None:
    line = "来源: 《苏州日报》2014年7月22日01版 发布时间:2014-07-22 08:52"
    text = f"{line}\n{line}\n一、总体要求\n\n{line}\n一、总体要求\n"
    displayed, _ = reflow(text)
    assert displayed.count("\n一、总体要求\n") == 2
