"""parse(): the sample, paragraphs, sections, documents of each kind."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reader.model.document import Document, ParagraphKind
from reader.model.structure.parse import parse, parse_head


def heading_titles(doc: Document) -> list[tuple[int, str]]:
    """(level, title) of every section with a heading."""
    return [(s.level, s.title) for s in doc.sections if s.heading is not None]


def kinds(doc: Document) -> list[ParagraphKind]:
    """Paragraph kinds in order."""
    return [p.kind for p in doc.paragraphs]


def test_sample_metadata(seed_text: str) -> None:
    meta = parse(seed_text).meta
    assert meta.captured == date(2025, 7, 4)
    assert meta.breadcrumb == ("首页", "省市要闻", "正文")
    assert meta.title == "以优良作风谱写中国梦“苏州篇章”"
    assert meta.subtitle == "全市开展党的群众路线教育实践活动综述"
    assert meta.source == "苏州日报"
    assert meta.edition == "01版"
    assert meta.published == datetime(2014, 7, 22, 8, 52)
    assert meta.language == "zh"
    for name, (a, b) in meta.spans.items():
        value = getattr(meta, name)
        if isinstance(value, str):
            assert seed_text[a:b] == value
    assert seed_text[slice(*meta.spans["published"])] == "2014-07-22 08:52"
    assert seed_text[slice(*meta.spans["captured"])] == "2025年07月04日"


def test_sample_sections(seed_text: str) -> None:
    doc = parse(seed_text)
    assert [s.title for s in doc.sections] == [
        "以优良作风谱写中国梦“苏州篇章”",
        "市委常委带头作示范,督导组层层严格把关",
        "多走“街巷集市”,多看“后院角落”",
        "“四治四兴”除“四风”,即知即改见行动",
    ]
    assert [s.subtitle for s in doc.sections] == [
        None,
        "强化质量意识确保活动扎实推进",
        "提升服务能力为民办实事、解难事",
        "边查边改推动党风政风进一步好转",
    ]
    lead = doc.sections[0]
    assert (lead.id, lead.level, lead.heading) == ("lead", 0, None)
    for section in doc.sections[1:]:
        assert section.level == 1 and section.parent is None
        assert section.heading is not None
        assert seed_text[slice(*section.heading)] == section.title
        # The section starts at the heading's line, indentation included.
        assert seed_text[section.start : section.heading[0]] == "  "
    assert doc.sections[1].id == "市委常委带头作示范-督导组层层严格把关"
    assert [s.id for s in parse(seed_text).sections] == [s.id for s in doc.sections]


def test_section_by_id_finds_every_section_and_nothing_else(seed_text: str) -> None:
    doc = parse(seed_text)
    assert len(doc.sections) > 1
    for section in doc.sections:
        assert doc.section_by_id(section.id) is section
    assert doc.section_by_id("no-such-section") is None
    assert doc.section_by_id("") is None


def test_sample_paragraphs(seed_text: str) -> None:
    doc = parse(seed_text)
    lines = seed_text.split("\n")
    assert len(doc.paragraphs) == sum(1 for line in lines if line.strip())
    assert kinds(doc)[:4] == [ParagraphKind.META] * 4
    assert kinds(doc).count(ParagraphKind.HEADING) == 3
    assert kinds(doc).count(ParagraphKind.SUBTITLE) == 3
    body = doc.paragraphs[4]
    assert body.kind is ParagraphKind.BODY
    assert seed_text[body.start : body.start + 2] == "  "
    assert seed_text[body.end] == "\n"
    assert seed_text[body.start : body.end] == lines[4]


def test_empty_text_is_one_empty_lead() -> None:
    doc = parse("")
    assert len(doc.sections) == 1 and doc.paragraphs == ()
    assert (doc.sections[0].id, doc.sections[0].start, doc.sections[0].end) == ("lead", 0, 0)
    assert parse("\n \n").sections[0].end == 3


def test_no_headings_is_one_section() -> None:
    text = "这是一段正文，没有标题。\n第二段正文也没有标题。\n"
    doc = parse(text)
    assert len(doc.sections) == 1
    assert doc.sections[0].span == (0, len(text))
    assert doc.sections[0].title == "导语"


def test_english_lead_title_and_essay_title_only() -> None:
    text = (
        "The Pleasures of Slow Reading\n\n"
        "Reading slowly is an art that most of us have forgotten in a hurried age.\n"
        "It rewards patience, and it asks for nothing but time and attention.\n\n"
        "We should practise it more often than we do, and teach it to our children.\n"
        "The rest of this essay explains how, with examples from daily life.\n"
    )
    doc = parse(text)
    meta = doc.meta
    assert meta.title == "The Pleasures of Slow Reading"
    assert meta.language == "en"
    assert (meta.source, meta.published, meta.captured, meta.breadcrumb) == (None, None, None, ())
    assert doc.sections[0].title == "The Pleasures of Slow Reading"
    # Hard-wrapped: each block is one paragraph.
    assert kinds(doc) == [ParagraphKind.META, ParagraphKind.BODY, ParagraphKind.BODY]
    assert doc.paragraphs[1].end == text.index("time and attention.") + len("time and attention.")


def test_government_report() -> None:
    text = (
        "政府工作报告\n"
        "一、2024年工作回顾\n"
        "过去一年，我们坚持稳中求进，经济运行总体平稳，发展质量稳步提升。\n"
        "（一）经济运行稳中有进\n"
        "国内生产总值增长5%左右，城镇新增就业1200万人以上。\n"
        "——坚持稳中求进。我们统筹稳增长和防风险，保持政策连续性稳定性。\n"
        "——坚持改革开放。我们推进重点领域改革，稳步扩大制度型开放。\n"
        "（二）深化改革开放。各项改革举措落地见效，营商环境持续优化，市场活力进一步增强，"
        "外贸外资保持稳定。\n"
        "1. 加快建设现代化产业体系\n"
        "推动产业链供应链优化升级。\n"
        "二、2025年工作总体要求\n"
        "今年是“十四五”规划收官之年。\n"
    )
    doc = parse(text)
    assert heading_titles(doc) == [
        (1, "一、2024年工作回顾"),
        (2, "（一）经济运行稳中有进"),
        (3, "1. 加快建设现代化产业体系"),
        (1, "二、2025年工作总体要求"),
    ]
    by_title = {s.title: s for s in doc.sections}
    assert by_title["（一）经济运行稳中有进"].parent == by_title["一、2024年工作回顾"].index
    assert by_title["1. 加快建设现代化产业体系"].parent == by_title["（一）经济运行稳中有进"].index
    assert by_title["二、2025年工作总体要求"].parent is None
    assert doc.meta.title == "政府工作报告"
    dash = [p for p in doc.paragraphs if text[p.start : p.end].startswith("——")]
    assert len(dash) == 2 and all(p.kind is ParagraphKind.BODY for p in dash)
    long_lead = next(p for p in doc.paragraphs if text[p.start : p.end].startswith("（二）"))
    assert long_lead.kind is ParagraphKind.BODY


def test_traditional_chinese_news() -> None:
    text = (
        "立法會通過新條例　市民關注交通安排\n"
        "來源：《明報》　　發布時間：2024年3月5日 10:30\n"
        "　　立法會昨日三讀通過新條例，運輸署表示會「盡快落實」有關安排。\n"
        "　　有市民認為：「新安排方便上班。」但亦有人擔心收費上升。\n"
        "交通安排\n"
        "——運輸署公布細節\n"
        "　　運輸署指出，新措施將於下月實施，屆時會加派人手疏導交通。\n"
    )
    doc = parse(text)
    assert doc.meta.source == "明報"
    assert doc.meta.published == datetime(2024, 3, 5, 10, 30)
    assert doc.meta.title == "立法會通過新條例　市民關注交通安排"
    assert doc.meta.language == "zh"
    assert heading_titles(doc) == [(1, "交通安排")]
    assert doc.sections[1].subtitle == "運輸署公布細節"
    quoted = [p for p in doc.paragraphs if "「" in text[p.start : p.end]]
    assert len(quoted) == 2 and all(p.kind is ParagraphKind.BODY for p in quoted)


def test_rfc_like_text() -> None:
    intro = (
        "   In many standards track documents several words are used to signify\n"
        "   the requirements in the specification.  These words are often\n"
        "   capitalized.\n"
    )
    text = (
        "Network Working Group                                         S. Bradner\n"
        "Request for Comments: 2119                                 Harvard University\n"
        "\n"
        "        Key words for use in RFCs to Indicate Requirement Levels\n"
        "\n"
        "1.  Introduction\n"
        "\n"
        f"{intro}"
        "\n"
        "   The words are listed below, and each of them is defined in turn.\n"
        "   Authors who follow these guidelines should incorporate this phrase.\n"
        "\n"
        "Bradner                  Best Current Practice                  [Page 1]\n"
        "\n"
        "RFC 2119                   RFC Key Words                      March 1997\n"
        "\n"
        "2.  MUST\n"
        "\n"
        "   This word means that the definition is an absolute requirement of\n"
        "   the specification.\n"
        "\n"
        "2.1.  Scope of the requirement\n"
        "\n"
        "   The requirement applies to every implementation of the protocol\n"
        "   without exception.\n"
        "\n"
        "Appendix A.  Acknowledgments\n"
        "\n"
        "   The definitions were compiled from many sources over the years\n"
        "   and the author thanks everyone who took part in the discussion.\n"
    )
    doc = parse(text)
    assert heading_titles(doc) == [
        (1, "1.  Introduction"),
        (1, "2.  MUST"),
        (2, "2.1.  Scope of the requirement"),
        (1, "Appendix A.  Acknowledgments"),
    ]
    shown = doc.text
    for section in doc.sections[1:]:
        assert section.heading is not None
        assert shown[slice(*section.heading)] == section.title
    # The page footer and the running header are page furniture: not shown (issue 12).
    assert "[Page 1]" not in shown and "March 1997" not in shown
    # The hard-wrapped paragraph reads as one line; the heading stays on its own.
    flowing = " ".join(line.strip() for line in intro.splitlines())
    intro_para = next(p for p in doc.paragraphs if shown[p.start : p.end].strip() == flowing)
    assert intro_para.kind is ParagraphKind.BODY


def test_english_essay_caps_headings() -> None:
    body = (
        "Every reader knows the feeling of a book that will not let go, and\n"
        "every writer hopes to make one; this essay is about both of them.\n"
    )
    text = (
        "On Books\n\n"
        f"{body}\n"
        "WHY WE READ\n\n"
        f"{body}\n"
        "THE LONG AND WINDING ROAD TO A\n"
        "BETTER LIBRARY\n\n"
        f"{body}\n"
        "Thanks\n\n"
        f"{body}"
    )
    doc = parse(text)
    assert heading_titles(doc) == [
        (1, "WHY WE READ"),
        (1, "THE LONG AND WINDING ROAD TO A BETTER LIBRARY"),
    ]
    wrapped = doc.sections[2]
    assert wrapped.heading is not None
    a, b = wrapped.heading
    assert text[a:b] == "THE LONG AND WINDING ROAD TO A\nBETTER LIBRARY"
    heading_paras = [p for p in doc.paragraphs if p.kind is ParagraphKind.HEADING]
    assert [text[p.start : p.end] for p in heading_paras][1] == text[a:b]


def test_caps_wrap_in_line_mode() -> None:
    line = "This line is a full paragraph of body text that goes on and on for a while."
    text = f"{line}\n\nTHE EARLY YEARS OF A\nVERY OLD CITY\n\n{line}\n\nA B C\n\n{line}\n"
    doc = parse(text)
    assert heading_titles(doc)[0] == (1, "THE EARLY YEARS OF A VERY OLD CITY")


def test_markdown_readme() -> None:
    text = (
        "# Reader\n"
        "\n"
        "A terminal reader.\n"
        "\n"
        "Install\n"
        "=======\n"
        "\n"
        "```sh\n"
        "# comment, not a heading\n"
        "pip install reader\n"
        "```\n"
        "\n"
        "## Usage ##\n"
        "\n"
        "- one item\n"
        "- two items\n"
        "\n"
        "Details\n"
        "-------\n"
        "\n"
        "    indented code\n"
    )
    doc = parse(text, path="README.md")
    assert heading_titles(doc) == [(1, "Reader"), (1, "Install"), (2, "Usage"), (2, "Details")]
    assert doc.sections[0].start == 0 and doc.sections[0].id == "reader"
    for section in doc.sections:
        assert section.heading is not None
        assert doc.text[slice(*section.heading)] == section.title
    shown = doc.text
    code = [shown[p.start : p.end] for p in doc.paragraphs if p.kind is ParagraphKind.CODE]
    assert code == ["# comment, not a heading\npip install reader", "indented code"]
    items = [shown[p.start : p.end] for p in doc.paragraphs if p.kind is ParagraphKind.LIST_ITEM]
    assert items == ["• one item", "• two items"]
    assert doc.meta.title == "Reader"
    assert doc.source == text
    # Sniffed without a path too: an ATX heading outside a fence.
    assert heading_titles(parse(text)) == heading_titles(doc)


def test_one_stray_hash_line_does_not_make_markdown() -> None:
    text = "第一段正文内容。\n第二段正文内容。\n# 不是标题\n第三段正文内容。\n"
    doc = parse(text)
    assert len(doc.paragraphs) == 4
    assert all(s.heading is None for s in doc.sections)


def test_markdown_front_matter_is_meta() -> None:
    text = "---\ntitle: x\n---\n\n# Title\n\nBody text.\n"
    doc = parse(text, path="a.md")
    assert doc.text == "Title\n\nBody text."
    assert doc.meta.title == "x"
    assert heading_titles(doc) == [(1, "Title")]


def test_markdown_sniff_ignores_fenced_hash() -> None:
    text = "Some notes\n\n```\n# not markdown heading\n```\n\nMore text here.\n"
    doc = parse(text)
    assert all(p.kind is not ParagraphKind.CODE for p in doc.paragraphs)
    assert all(s.heading is None for s in doc.sections)


@pytest.mark.slow
def test_large_markdown_takes_line_scanner() -> None:
    chunk = "## Part\n\nSome text here.\n\n```\n# code\n```\n\n"
    text = "# Big\n\n" + chunk * 60_000
    doc = parse(text, path="big.md")
    assert len(doc.sections) == 60_001
    assert sum(p.kind is ParagraphKind.CODE for p in doc.paragraphs) == 60_000
    assert "#" not in doc.text.replace("# code", "")
    assert doc.text.startswith("Big\n\nPart\n\nSome text here.\n\n# code\n\nPart")


def test_hostile_shapes_do_not_crash() -> None:
    long_heading = "一、" + "标" * 10_000
    doc = parse(long_heading + "\n正文。\n")
    assert all(s.heading is None for s in doc.sections)
    single = "字" * 500_000
    doc = parse(single)
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].span == (0, len(single))
    tiny = parse("一、标题\n正文一句。\n" * 2_000)
    assert len(tiny.sections) == 2_000
    assert len({s.id for s in tiny.sections}) == 2_000


def test_section_ids_survive_a_section_added_before_them() -> None:
    before = parse("Lead text.\n\nINTRODUCTION\n\nText.\n\nMETHODS\n\nText.\n")
    after = parse("Lead text.\n\nINTRODUCTION\n\nText.\n\nBACKGROUND\n\nNew.\n\nMETHODS\n\nText.\n")
    assert [s.id for s in before.sections] == ["lead", "introduction", "methods"]
    assert [s.id for s in after.sections] == ["lead", "introduction", "background", "methods"]


def test_repeated_titles_get_ordinals() -> None:
    doc = parse(
        "导语。\n\nINTRODUCTION\n\nText.\n\nINTRODUCTION\n\nMore.\n\nINTRODUCTION\n\nEnd.\n"
    )
    ids = [s.id for s in doc.sections[1:]]
    assert ids == ["introduction", "introduction-2", "introduction-3"]


def test_parse_head_keeps_the_whole_text_and_the_full_parse_s_start(seed_text: str) -> None:
    text = seed_text + "\n" + "\n".join(f"{n}. 第{n}节\n  正文{n}。" for n in range(1, 400))
    full = parse(text)
    head = parse_head(text, chars=4000)
    assert not head.complete and full.complete
    assert head.text == text and head.fingerprint == full.fingerprint
    assert head.sections[0].start == 0 and head.sections[-1].end == len(text)
    for before, after in zip(head.sections, head.sections[1:], strict=False):
        assert before.end == after.start
    # What the head shows is what the full parse shows there.
    assert head.paragraphs[-1].end <= 4000 + 20
    assert head.paragraphs == full.paragraphs[: len(head.paragraphs)]
    assert [s.title for s in head.sections] == [
        s.title for s in full.sections[: len(head.sections)]
    ]
    assert head.meta == full.meta


def test_parse_head_of_a_short_text_is_the_full_parse(seed_text: str) -> None:
    assert parse_head(seed_text) == parse(seed_text)
    assert parse_head(seed_text).complete


def test_a_head_of_wide_characters_is_as_many_screens_as_one_of_narrow_ones() -> None:
    chinese = "".join(f"第{n}段正文，一行一段的中文报道。\n" for n in range(2000))
    english = "".join(f"Paragraph {n} of plain English.\n" for n in range(2000))
    wide, narrow = parse_head(chinese, chars=4000), parse_head(english, chars=4000)
    # Two cells a Chinese character: half as many of them fill the same screens.
    assert 1800 <= wide.paragraphs[-1].end <= 2300
    assert 3800 <= narrow.paragraphs[-1].end <= 4300
