"""The outline from heading candidates alone equals the full parse's, on every text it takes;
the parse that finds its headings so (one line a paragraph) equals the line-by-line parse."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.structure.line_scan import EndLines, hard_wrapped, scan
from reader.model.structure.outline_scan import outline
from reader.model.structure.parse import _split_parse, parse
from reader.model.structure.plain_lines import hard_wrapped_lines
from reader.model.structure.reflow import reflow
from reader.model.text.loading import load_bytes, load_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPORTS = Path(__file__).resolve().parents[1] / "data" / "compare"

# Whole lines of the kinds the heading rules tell apart, and their neighbours.
LINES = [
    "",
    "   ",
    "\u3000\u3000",
    "今天是2025年07月04日 星期五",
    "首页 > 省市要闻 > 正文",
    "来源: 《苏州日报》2014年7月22日01版       发布时间:2014-07-22 08:52",
    "1. 第1篇 以优良作风谱写中国梦",
    "2、推进改革",
    "一、总体要求",
    "二、主要任务",
    "（一）坚持稳中求进，着力完善宏观调控。",
    "(二)深化改革",
    "第一章 总则",
    "第二章",
    "第一节 一般规定",
    "第一编 总则",
    "  市委常委带头作示范,督导组层层严格把关",
    "  ——强化质量意识确保活动扎实推进",
    "——提升服务能力",
    "-- a dash line",
    "  这是新时期的苏州“双面绣”:在姑苏大地这块人民群众勤劳智慧、党员干部创先争优的底料上,"
    "党的群众路线教育实践活动正深入开展,紧贴发展脉络。",
    "  6月13日至14日,市委常委班子利用一天半时间召开了专题民主生活会。",
    "短句",
    "附　　则",
    "总 则",
    "目录",
    "Contents",
    "CHAPTER I",
    "CHAPTER II.",
    "OF HEREDITARY MONARCHIES",
    "THE END",
    "INTRODUCTION",
    "1.1 Scope",
    "2.3.4 The Title",
    "Appendix A. Notes",
    "The quick brown fox jumps over the lazy dog, and then it runs far away into the woods.",
    "Body text here.",
    "RFC 2119   Key Words   March 1997",
    "Bradner   BCP   [Page 1]",
    "责任编辑：张三",
    "x" * 250,
    "  " + "长" * 230,
]

line_texts = st.lists(st.sampled_from(LINES), min_size=1, max_size=60).map("\n".join)
endings = st.sampled_from(["", "\n", "\n\n"])


def same_outline(text: str, path: str = "doc.txt") -> bool:
    """Whether the fast outline (when it answers) is the full parse's; True when it answered.

    The full parse is checked against the line-by-line parse of every text too.
    """
    full = parse(text, path=path)
    displayed, source_map = reflow(text)
    assert full == _split_parse(displayed, path, None, source_map)
    fast = outline(text, path)
    if fast is None:
        return False
    assert fast.sections == full.sections
    assert fast.meta == full.meta
    assert fast.title == full.title
    return True


@settings(max_examples=400, deadline=None)
@given(line_texts, endings)
def test_the_fast_outline_is_the_full_parses(text: str, end: str) -> None:
    same_outline(text + end)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一、（）—-1. \n\u3000A字目录C")), max_size=200))
def test_the_fast_outline_is_the_full_parses_on_any_text(text: str) -> None:
    same_outline(text)


def test_a_news_text_takes_the_fast_path_with_the_same_outline() -> None:
    # One line a paragraph of any length, no blank line: the shape of news and reports.
    text = "\n".join(
        [
            "今天是2025年07月04日 星期五",
            "以优良作风谱写中国梦",
            *(
                line
                for n in range(1, 40)
                for line in (
                    f"{n}. 第{n}篇 以优良作风谱写中国梦",
                    "  这是新时期的苏州“双面绣”:在姑苏大地这块人民群众勤劳智慧上," * (n % 4 + 1),
                    "  市委常委带头作示范,督导组层层严格把关",
                    "  ——强化质量意识确保活动扎实推进",
                    "  市委把习近平总书记系列重要讲话和中央精神作为根本遵循。" * (n % 3 + 1),
                    "CHAPTER ONE" if n % 7 == 0 else "  正文：全市研究制定发挥一把手作用的意见。",
                    "  省、市、县三级督导组坚持把督导工作与推动教育实践活动深入开展结合起来。",
                )
            ),
        ]
    )
    assert same_outline(text)
    fast = outline(text, "doc.txt")
    assert fast is not None
    assert sum(s.subtitle is not None for s in fast.sections) == 39


def test_the_sample_takes_the_fast_path() -> None:
    for path in SEEDS.glob("*.txt"):
        text = load_path(path).text
        same_outline(text, str(path))
    sample = SEEDS / "000_e3e3ef0b6fd35ab0.txt"
    assert same_outline(load_path(sample).text, str(sample))


def test_texts_the_fast_path_leaves_to_the_full_parse() -> None:
    # a table of contents, a hard-wrapped text, Markdown, and no heading by the rules a–e
    contents = "目录\n一、总则\n二、附则\n一、总则\n  正文很长很长很长很长很长很长很长很长。\n"
    assert outline(contents, "doc.txt") is None
    wrapped = "\n\n".join(["A paragraph wrapped\nover two lines of text\nand three."] * 5)
    assert outline(wrapped, "doc.txt") is None
    assert outline("# Title\n\nText.\n", "doc.md") is None
    assert outline("Just one line of prose.\nAnd another line of prose.\n", "doc.txt") is None


def test_the_reports_outlines_are_the_full_parses() -> None:
    # Reports of one line per paragraph, as the government work reports are (the
    # real-document corpus, outside the project, is checked by `make corpus`).
    taken = 0
    for path in sorted(REPORTS.glob("*.txt")):
        loaded = load_bytes(path.read_bytes(), name=str(path))
        taken += same_outline(loaded.text, str(path))
    assert taken == 2  # both take the fast path


@settings(max_examples=300, deadline=None)
@given(line_texts, endings)
def test_blank_lines_and_hard_wrapping_as_the_full_parse_counts_them(text: str, end: str) -> None:
    text += end
    lines = text.split("\n")
    blank = [not line or line.isspace() for line in lines]
    blanks, candidates = scan(text)
    assert blanks == [k for k, b in enumerate(blank) if b]
    assert not {k for k, _, _ in candidates} & set(blanks)
    assert hard_wrapped(text, len(lines), blanks) == hard_wrapped_lines(lines, blank)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", "a", "bc", " ", "行"]), max_size=200).map("\n".join))
def test_end_lines_are_the_lines_of_split(text: str) -> None:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    view = EndLines(text)
    assert len(view) == len(lines)
    assert list(view) == lines
    assert list(view.starts) == starts
    assert list(reversed(view)) == lines[::-1]
    assert view[:5] == lines[:5]


def test_a_text_of_headings_alone_goes_to_the_line_by_line_parse() -> None:
    # Every other line tried: the units around them are most of the text.
    text = "一、标题\n正文一句，说得很长很长很长很长很长很长很长很长很长很长。\n" * 6_000
    assert outline(text, "doc.txt") is None
    displayed, source_map = reflow(text)
    assert parse(text, path="doc.txt") == _split_parse(displayed, "doc.txt", None, source_map)
    assert outline(text[: len(text) // 2], "doc.txt") is not None  # 6,000 lines: not big
