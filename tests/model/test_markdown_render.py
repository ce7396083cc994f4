"""Markdown rendered to displayed text: every construct, by both renderers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model.document import BlockShape, Document, InlineStyle, ParagraphKind
from reader.model.layout.cells import cell_len
from reader.model.structure import markdown
from reader.model.structure.markdown_emit import RULE
from reader.model.structure.parse import parse, parse_head


@pytest.fixture(params=["markdown-it", "lean"])
def renderer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with markdown-it-py and again with the lean scanner of big texts."""
    if request.param == "lean":
        monkeypatch.setattr(markdown, "MARKDOWN_IT_LIMIT", 0)
    yield request.param


def render(source: str) -> Document:
    return parse(source, path="doc.md")


def styled(doc: Document, style: InlineStyle) -> list[str]:
    return [doc.text[r.start : r.end] for r in doc.styles if r.style is style]


def kinds(doc: Document) -> list[tuple[ParagraphKind, str]]:
    return [(p.kind, doc.text[p.start : p.end]) for p in doc.paragraphs]


def test_headings_lose_their_hashes(renderer: str) -> None:
    doc = render("# Title #\n\nBody.\n\n## Part *two*\n\nMore.\n")
    assert doc.text == "Title\n\nBody.\n\nPart two\n\nMore."
    assert [(s.level, s.title) for s in doc.sections] == [(1, "Title"), (2, "Part two")]
    for section in doc.sections:
        assert section.heading is not None
        assert doc.slice(section.heading) == section.title
    assert styled(doc, InlineStyle.EMPHASIS) == ["two"]


def test_setext_headings(renderer: str) -> None:
    doc = render("Big\n===\n\nSmall\n-----\n\nText.\n")
    assert doc.text == "Big\n\nSmall\n\nText."
    assert [(s.level, s.title) for s in doc.sections] == [(1, "Big"), (2, "Small")]


def test_emphasis_strong_code_and_strike_are_styles(renderer: str) -> None:
    doc = render("A *soft* and **loud** word, `code()` and ~~gone~~.\n")
    assert doc.text == "A soft and loud word, code() and gone."
    assert styled(doc, InlineStyle.EMPHASIS) == ["soft"]
    assert styled(doc, InlineStyle.STRONG) == ["loud"]
    assert styled(doc, InlineStyle.CODE) == ["code()"]
    assert styled(doc, InlineStyle.STRIKE) == ["gone"]


def test_links_show_their_text_then_the_address(renderer: str) -> None:
    doc = render(
        "See [the site](https://example.com/x), <https://a.b/c>, "
        "[docs](docs/usage.md) and [top](#top).\n"
    )
    assert doc.text == "See the site https://example.com/x, https://a.b/c, docs and top."
    assert styled(doc, InlineStyle.LINK) == ["the site", "https://a.b/c", "docs", "top"]
    assert styled(doc, InlineStyle.LINK_URL) == ["https://example.com/x"]


def test_an_address_never_runs_into_the_text_after_it(renderer: str) -> None:
    doc = render("以[优良作风](https://example.com/z)谱写新篇，[见](https://a.b/c)。\n")
    assert doc.text == "以优良作风 https://example.com/z 谱写新篇，见 https://a.b/c。"


def test_images_and_badges(renderer: str) -> None:
    doc = render("![A chart](c.png) [![Build](https://ci/b.svg)](https://ci/run) ![](x.png)\n")
    assert doc.text == "[image: A chart] [image: Build] [image]"
    assert styled(doc, InlineStyle.IMAGE) == ["[image: A chart]", "[image: Build]", "[image]"]


def test_lists_have_bullets_numbers_and_hanging_indents(renderer: str) -> None:
    doc = render("- one\n- two\n  - deep\n\n3. third\n4. fourth\n")
    items = [(k, t) for k, t in kinds(doc) if k is ParagraphKind.LIST_ITEM]
    assert [t for _, t in items] == ["• one", "• two", "◦ deep", "3. third", "4. fourth"]
    shapes = [doc.shapes[p.start] for p in doc.paragraphs]
    assert shapes[0] == BlockShape(0, 2, 0)
    assert shapes[2] == BlockShape(2, 2, 0)
    assert shapes[3] == BlockShape(0, 3, 0)
    # Items of one list follow on the next line; another list after a blank one.
    assert "• one\n• two" in doc.text
    assert "◦ deep\n\n3. third\n4. fourth" in doc.text


def test_a_list_item_that_opens_with_code_or_a_list() -> None:
    doc = render("- ```\n  code\n  ```\n- - inner\n")
    texts = [
        (k.value, t, doc.shapes.get(p.start))
        for (k, t), p in zip(kinds(doc), doc.paragraphs, strict=True)
    ]
    assert texts == [
        ("list-item", "•", BlockShape(0, 2, 0)),
        ("code", "code", BlockShape(2, 2, 0)),
        ("list-item", "•", BlockShape(0, 2, 0)),
        ("list-item", "◦ inner", BlockShape(2, 2, 0)),
    ]


def test_block_quotes_have_a_bar_and_no_marker(renderer: str) -> None:
    doc = render("> Quoted **words**\n> go on.\n\nAfter.\n")
    assert kinds(doc) == [
        (ParagraphKind.QUOTE, "Quoted words go on."),
        (ParagraphKind.BODY, "After."),
    ]
    assert doc.shapes[doc.paragraphs[0].start] == BlockShape(2, 0, 1)


def test_code_blocks_are_kept_as_they_are(renderer: str) -> None:
    doc = render("Text.\n\n```python\n# not a heading\n    x = **y**\n```\n\nEnd.\n")
    assert kinds(doc) == [
        (ParagraphKind.BODY, "Text."),
        (ParagraphKind.CODE, "# not a heading\n    x = **y**"),
        (ParagraphKind.BODY, "End."),
    ]
    assert all(s.heading is None for s in doc.sections)
    # Copied from the source: the map leads back to the very characters.
    start = doc.text.index("x = **y**")
    assert doc.source_text[doc.source_map.to_source(start) :].startswith("x = **y**")


def test_indented_code(renderer: str) -> None:
    doc = render("Text.\n\n    indented\n      more\n")
    assert kinds(doc)[1] == (ParagraphKind.CODE, "indented\n  more")


def test_tables_are_laid_out_by_cell_width(renderer: str) -> None:
    doc = render(
        "| Name | 数量 |\n|:-----|-----:|\n| 苹果 | 3 |\n| [pear](https://p.example) | **12** |\n"
    )
    (table,) = [t for k, t in kinds(doc) if k is ParagraphKind.TABLE]
    rows = table.split("\n")
    # A link in a cell shows its text only: an address would widen the column.
    assert rows == ["Name │ 数量", "─────┼─────", "苹果 │    3", "pear │   12"]
    # Every row is as wide as the others, in terminal cells.
    assert len({cell_len(row) for row in rows}) == 1
    assert "Name" in styled(doc, InlineStyle.STRONG) and "12" in styled(doc, InlineStyle.STRONG)


def test_html_blocks_are_dropped_and_inline_tags_removed(renderer: str) -> None:
    doc = render(
        '<div align="center">\n  <img src="logo.png" alt="logo">\n</div>\n\n'
        "Press <kbd>Ctrl</kbd> and <b>go</b>.<br>Then <BR/>stop.\n"
    )
    assert doc.text == "Press Ctrl and go.\nThen \nstop."


def test_front_matter_is_metadata_not_text(renderer: str) -> None:
    doc = render(
        "---\ntitle: Front title\ndate: 2025-03-06\nauthor: [Ann Lee, Bo Chen]\n"
        "source: The Paper\n---\n\n# Heading\n\nBody.\n"
    )
    assert doc.text == "Heading\n\nBody."
    assert doc.meta.title == "Front title"
    assert doc.meta.published == datetime(2025, 3, 6)
    assert doc.meta.author == "Ann Lee, Bo Chen"
    assert doc.meta.source == "The Paper"


def test_front_matter_that_is_not_yaml_is_still_hidden() -> None:
    doc = render("---\n: : [unclosed\n---\n\nBody.\n")
    assert doc.text == "Body."
    assert doc.meta.title is None


def test_lines_join_with_a_space_or_nothing_between_cjk(renderer: str) -> None:
    doc = render("第一行\n第二行 and\nEnglish line\n")
    assert doc.text == "第一行第二行 and English line"


def test_a_heading_of_nothing_but_a_line_break_is_no_heading(renderer: str) -> None:
    doc = render("# <br>\n\nText.\n")
    assert all(s.heading is None for s in doc.sections)
    assert [p.kind for p in doc.paragraphs] == [ParagraphKind.BODY]


def test_hard_breaks_are_newlines() -> None:
    doc = render("one  \ntwo\\\nthree\n")
    assert doc.text == "one\ntwo\nthree"


def test_thematic_break_is_a_short_rule() -> None:
    doc = render("Above.\n\n---\n\nBelow.\n")
    assert doc.text == f"Above.\n\n{RULE}\n\nBelow."
    assert styled(doc, InlineStyle.RULE) == [RULE]


def test_head_parse_renders_the_head_and_keeps_the_rest() -> None:
    source = "# Big\n\n" + "".join(f"## Part {k}\n\nSome **text** {k}.\n\n" for k in range(3000))
    head = parse_head(source, path="big.md", chars=1000)
    full = parse(source, path="big.md")
    assert not head.complete and full.complete
    assert head.source_text is source and full.source_text is source
    cut = head.paragraphs[-1].end
    assert head.text[:cut] == full.text[:cut]
    assert "**" not in head.text[:cut]
    assert head.sections[-1].end == len(head.text)


def test_head_parse_of_markdown_without_blank_lines_stays_consistent() -> None:
    source = "# Big\n" + "".join(f"- item **{k}**\n" for k in range(5000))
    head = parse_head(source, path="big.md", chars=1000)
    cut = head.paragraphs[-1].end
    assert "**" not in head.text[:cut]
    for paragraph in head.paragraphs:
        assert head.text[paragraph.start : paragraph.end].startswith(("Big", "• item"))
    # A text under four heads long is parsed whole: the head would save little.
    assert parse_head(source[:3000], path="big.md", chars=1000).complete


def test_source_map_leads_back_to_the_source() -> None:
    source = "# Title\n\nSome *styled* text with `code` and [a link](https://x.y/z).\n"
    doc = render(source)
    for word in ("Title", "styled", "code", "a link"):
        at = doc.text.index(word)
        assert source[doc.source_map.to_source(at) :].startswith(word)


PIECES = st.sampled_from(
    [
        "# ", "## ", "\n", "\n\n", "**", "*", "_", "`", "```\n", "~~~", "> ", "- ", "1. ",
        "[", "](", ")", "![", "<b>", "</b>", "<div>\n", "|", "|---|", "---\n", "  \n",
        "中文", "text", " ", "&amp;", "\t", "    ",
    ]
)  # fmt: skip
SOURCES = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOURCES, st.booleans())
def test_rendering_never_raises_and_keeps_its_invariants(source: str, lean: bool) -> None:
    source = source.replace("\r", "")
    limit = markdown.MARKDOWN_IT_LIMIT
    markdown.MARKDOWN_IT_LIMIT = 0 if lean else limit
    try:
        doc = render(source)
    finally:
        markdown.MARKDOWN_IT_LIMIT = limit
    n = len(doc.text)
    source_map = doc.source_map
    assert source_map.display_length == n and source_map.source_length == len(source)
    # The map is monotonic.
    assert list(source_map.display) == sorted(source_map.display)
    assert list(source_map.source) == sorted(source_map.source)
    previous = 0
    for offset in range(0, n + 1, max(1, n // 50)):
        mapped = source_map.to_source(offset)
        assert previous <= mapped <= len(source)
        previous = mapped
    last = 0
    for paragraph in doc.paragraphs:
        assert last <= paragraph.start <= paragraph.end <= n
        last = paragraph.end
    for run in doc.styles:
        assert 0 <= run.start < run.end <= n
    for start in doc.shapes:
        assert any(p.start == start for p in doc.paragraphs)
