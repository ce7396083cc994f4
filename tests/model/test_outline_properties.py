"""Property tests of the title and outline rules: metadata shapes never become
the title or a section, a table of contents never doubles the outline, and the
new line shapes never make parse raise."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.model.structure.parse import parse
from tests.model.test_parse_properties import check

HAN = st.text(
    alphabet=st.sampled_from(list("港口海河山城春秋风雨光明新华东南西北")), min_size=2, max_size=4
)
CN_NUM = st.sampled_from(list("一二三四五六七八九十"))
BODY = "今年以来，全市上下认真落实各项部署，经济运行总体平稳，民生保障持续加强，社会大局和谐稳定。"

SHAPES = [
    "Network Working Group                              A. Writer",
    "Request for Comments: 9000",
    "Category: Informational",
    "        A Centred Title",
    "新华社北京3月5日电",
    "本报记者 王晓川",
    "文/张青",
    "By Ann Lowe",
    "[Illustration]",
    "（2030年1月2日）",
    "——在会议上的讲话",
    "目　　录",
    "Contents",
    "附　　则",
    "第一编　总则",
    "第一分编　通则",
    "第一章",
    "CHAPTER I.",
    "PREFACE.",
    "THE END",
    "   indented body line",
    "2.1.1 Title ending.",
    "（一）坚持稳中求进，着力完善宏观调控。",
    "交通繁忙，展现消费活力——",
    "\n",
    "\n\n",
    BODY,
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SHAPES), max_size=30).map("\n".join))
@example(
    # Found by this test: a spaced 附　　则 at column 0 is both a flush-left and a
    # spaced heading; it was two sections, the first empty.
    "        A Centred Title\n附\u3000\u3000则\n\n\n        A Centred Title\n"
    "Network Working Group                              A. Writer"
)
def test_parse_holds_on_the_new_line_shapes(text: str) -> None:
    check(parse(text))


@settings(max_examples=100, deadline=None)
@given(
    agency=st.sampled_from(["新华社", "本报", "中新网", ""]), place=HAN, month=CN_NUM, headline=HAN
)
def test_a_dateline_is_never_the_title_or_a_section(
    agency: str, place: str, month: str, headline: str
) -> None:
    dateline = f"{agency}{place}{month}月{month}日电"
    doc = parse(f"{dateline}\n{headline}变化显著\n{BODY}\n{BODY}\n")
    assert doc.meta.title == f"{headline}变化显著"
    assert all(not s.title.startswith(dateline) for s in doc.sections)


@settings(max_examples=100, deadline=None)
@given(st.lists(HAN, min_size=1, max_size=8, unique=True))
def test_contents_entries_never_double_the_outline(names: list[str]) -> None:
    numerals = "一二三四五六七八"
    heads = [f"第{numerals[k]}章　{name}" for k, name in enumerate(names)]
    contents = "目　　录\n" + "".join(f"　　　　{h}\n" for h in heads)
    body = "".join(f"\n{h}\n\n　　　　第{numerals[k]}条　{BODY}\n" for k, h in enumerate(heads))
    doc = parse("某某条例\n\n" + contents + body)
    assert [s.title for s in doc.sections if s.heading is not None] == heads
