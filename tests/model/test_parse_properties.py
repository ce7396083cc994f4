"""Property tests: parse never raises and its output is always consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import Document
from reader.model.structure.parse import parse

FRAGMENTS = [
    "一、",
    "二十一、",
    "（一）",
    "(二)",
    "——",
    "—",
    "--",
    "# ",
    "## ",
    "```",
    "    ",
    "1.",
    "1.1 ",
    "2. ",
    "Appendix A.",
    "CHAPTER IV",
    "来源：",
    "《苏州日报》",
    "发布时间:2014-07-22 08:52",
    "今天是2025年07月04日",
    " > ",
    "===",
    "---",
    "。",
    "，",
    "\n",
    "\n\n",
    "\u3000\u3000",
    "标题",
    "正文内容",
    "TITLE",
    "Body text here",
    "[Page 1]",
    "RFC 2119   ",
]

fragment_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
mixed_texts = st.text(
    alphabet=st.sampled_from(list("一二（）()、—-#`.1 \n\u3000Aa字。，:>")), max_size=200
)
any_texts = st.one_of(fragment_texts, mixed_texts, st.text(max_size=300))


def check(doc: Document) -> None:
    """Every invariant the rest of the app relies on."""
    text = doc.text
    sections = doc.sections
    assert sections, "there is always at least one section"
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for before, after in zip(sections, sections[1:], strict=False):
        assert before.end == after.start
        assert before.start <= before.end
        assert before.last_paragraph == after.first_paragraph
    assert sections[0].first_paragraph == 0
    assert sections[-1].last_paragraph == len(doc.paragraphs)
    assert len({s.id for s in sections}) == len(sections)
    for index, section in enumerate(sections):
        assert section.index == index
        if section.parent is not None:
            assert section.parent < index
            assert sections[section.parent].level < section.level
        if section.heading is not None:
            a, b = section.heading
            assert section.start <= a <= b <= section.end
            assert "\n" not in section.title
    previous_end = -1
    for index, paragraph in enumerate(doc.paragraphs):
        assert paragraph.index == index
        assert 0 <= paragraph.start < paragraph.end <= len(text)
        assert paragraph.start > previous_end
        previous_end = paragraph.end
        section = sections[paragraph.section]
        assert section.start <= paragraph.start and paragraph.end <= section.end
        assert section.first_paragraph <= index < section.last_paragraph
        assert text[paragraph.start : paragraph.end].strip()
    for a, b in doc.meta.spans.values():
        assert 0 <= a <= b <= len(text)


@settings(max_examples=200, deadline=None)
@given(any_texts)
def test_parse_plain_never_raises_and_is_consistent(text: str) -> None:
    check(parse(text))


@settings(max_examples=100, deadline=None)
@given(fragment_texts)
def test_parse_markdown_never_raises_and_is_consistent(text: str) -> None:
    check(parse(text, path="doc.md"))


@settings(max_examples=50, deadline=None)
@given(fragment_texts)
def test_parse_is_deterministic(text: str) -> None:
    first, second = parse(text), parse(text)
    assert [s.id for s in first.sections] == [s.id for s in second.sections]
    assert first.paragraphs == second.paragraphs


def test_seed_is_consistent(seed_text: str) -> None:
    check(parse(seed_text))
