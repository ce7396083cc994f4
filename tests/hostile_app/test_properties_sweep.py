"""The whole model chain on arbitrary text: nothing raises, every span is inside.

normalize -> parse (plain and Markdown) -> extract_facts -> wrap every paragraph
-> literal search -> anchor and resolve. Each module has its own properties;
this sweep checks that they hold together, on text built from arbitrary
Unicode (controls included, surrogates excluded) and pieces that make
structure: headings, subtitles, dates, numbers, escapes, odd newlines.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model.document import Document
from reader.model.facts.extract import extract_facts
from reader.model.find.anchors import make_anchor, resolve
from reader.model.find.search import Query, SearchError, compile_query, find_all
from reader.model.layout.wrap import wrap_paragraph
from reader.model.structure.parse import parse
from reader.model.text.loading import LoadError, load_bytes, normalize

ROOT = Path(__file__).resolve().parents[2]

PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "一、总体要求\n",
        "（二）重点任务\n",
        "第三章 附则\n",
        "——副标题\n",
        "# Heading\n",
        "## Sub\n",
        "1. Introduction\n",
        "Chapter 2\n",
        "来源: 《苏州日报》2014年7月22日01版 发布时间:2014-07-22 08:52\n",
        "2025年07月04日",
        "7月22日",
        "超过1.2万人",
        "约300亿元",
        "45%",
        "习近平",
        "苏州市委",
        "《人民日报》",
        "“双面绣”",
        "\x1b[2J",
        "\x1b]52;c;SGVsbG8=\x07",
        "\x9b6n",
        "\u202e",
        "\u200b",
        "\ufeff",
        "\t",
        "\u3000",
        "[bold red]x[/]",
        "e\u0301",
        "😀",
        "，。",
        " ",
    ]
)
ANY = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),
    max_size=30,
)
TEXTS = st.lists(st.one_of(PIECES, ANY), max_size=30).map("".join)


def assert_span(span: tuple[int, int], document: Document, what: str) -> None:
    """``span`` is a proper half-open span inside the document text."""
    start, end = span
    assert 0 <= start <= end <= len(document.text), (what, span, len(document.text))


def check_chain(raw: str, *, markdown: bool, width: int, query: str) -> None:
    """Run the whole chain on ``raw`` and check every span it produces."""
    source = normalize(raw)
    assert normalize(source) == source
    document = parse(source, path="doc.md" if markdown else "doc.txt")
    # Every span below is an offset into the displayed text.
    text = document.text
    if document.source is not None:  # rendered Markdown keeps its source
        assert document.source == source
    elif document.source_map.is_identity:  # shown as it is
        assert text == source
    else:
        # Reflowed: the same visible characters in the same order.
        assert "".join(text.split()) == "".join(source.split())
    assert document.source_map.display_length == len(text)
    for section in document.sections:
        assert_span((section.start, section.end), document, "section")
        if section.heading is not None:
            assert_span(section.heading, document, "heading")
    for field, span in document.meta.spans.items():
        assert_span(span, document, f"meta {field}")
    for paragraph in document.paragraphs:
        assert_span(paragraph.span, document, "paragraph")
        starts = wrap_paragraph(text, paragraph.start, paragraph.end, width)
        assert starts[0] == paragraph.start
        assert list(starts) == sorted(starts)
        bounds = [*starts, paragraph.end]
        lines = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        assert "".join(lines) == text[paragraph.start : paragraph.end]
        # A newline inside a paragraph only ever ends a line.
        assert all("\n" not in line.rstrip("\n") for line in lines)
    for fact in extract_facts(document):
        for mention in fact.mentions:
            assert_span(mention.span, document, f"fact {fact.kind}")
    try:
        pattern = compile_query(Query(query))
    except SearchError:
        assert not query
    else:
        starts_a, ends_a = find_all(text, pattern)
        for a, b in zip(starts_a, ends_a, strict=True):
            assert_span((a, b), document, "match")
            assert a < b
            # A literal query matches character for character (perhaps in another case).
            assert b - a == len(query)
            if any(c.isupper() for c in query):
                assert text[a:b] == query
    for paragraph in document.paragraphs[:5]:
        anchor = make_anchor(text, paragraph.start, paragraph.end)
        found = resolve(text, anchor)
        assert_span((found.start, found.end), document, "anchor")
        assert found.found and text[found.start : found.end] == anchor.exact
        edited = text[: paragraph.start] + "新增" + text[paragraph.start :]
        moved = resolve(edited, anchor)
        assert 0 <= moved.start <= moved.end <= len(edited)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans(), st.integers(1, 90), st.text(max_size=4))
def test_the_model_chain_never_raises_and_keeps_spans_inside(
    raw: str, markdown: bool, width: int, query: str
) -> None:
    check_chain(raw, markdown=markdown, width=width, query=query)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600), st.integers(1, 60))
def test_arbitrary_bytes_load_or_are_refused_then_the_chain_holds(data: bytes, width: int) -> None:
    try:
        loaded = load_bytes(data, name="x.txt")
    except LoadError as error:
        assert "\n" not in str(error)
        return
    check_chain(loaded.text, markdown=False, width=width, query=loaded.text[:3])


def test_ascii_is_measured_right_in_a_fresh_process() -> None:
    # The class table used to start empty, so an all-ASCII first text came back
    # unclassified and wrapping it mis-measured or raised KeyError.
    code = (
        "from reader.model.layout.cells import width_classes\n"
        "from reader.model.layout.wrap import wrap_paragraph\n"
        "print(width_classes('ab. 0\\t'))\n"
        "t = '144. H144 body 1440. ' * 4\n"
        "print(wrap_paragraph(t, 0, len(t), 20))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    classes, starts = result.stdout.splitlines()
    assert classes == "111114"
    assert starts == "[0, 21, 42, 63]"
