"""The metadata line readers try a Chinese pattern only on a line holding its literal
words; those cheap tests never turn away a line the pattern itself would take."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.structure import meta_lines

# Han names, the words the patterns look for, separators, digits and Latin.
_PIECES = st.sampled_from(
    [
        *"张李王明华新北京上海",
        *"文图圖撰摄攝报道報導记者記者通讯员通訊員实习生實習生特约月日电電讯訊社网台",
        "总理", "主席", "书记", "部长", "主任", "委员长", "院長", "市长",
        " ", "\u3000", "、", "/", "：", "·", "(", ")", "（", "）",
        "3", "12", "2024", "年", "-", "By", "John", "Smith", ",", "Reporter",
        # Whole pieces of the lines the patterns read, so that examples match.
        "新华社", "3月5日电", "十二月一日訊", "本报记者", " 张三", "文/", " 报道",
        "国务院总理 ", "李克强", "（记者 王五）",
    ]
)  # fmt: skip
_LINES = st.lists(_PIECES, min_size=1, max_size=6).map("".join)


def _stripped(line: str) -> str:
    return line.strip(" \t\u3000\xa0")


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_dateline_guard_keeps_every_match(line: str) -> None:
    found = meta_lines._dateline_re().fullmatch(_stripped(line))
    expected = None if found is None else (found["agency"] or "")
    assert meta_lines.dateline_agency(line) == expected


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_speaker_guard_keeps_every_match(line: str) -> None:
    found = meta_lines._speaker_re().fullmatch(_stripped(line))
    assert meta_lines.speaker_name(line) == (None if found is None else found["name"])


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_byline_guards_keep_every_match(line: str) -> None:
    stripped = _stripped(line)
    if len(stripped) > 80:
        return
    names = meta_lines.byline_names(line)
    for pattern in (meta_lines._credit_zh_re(), meta_lines._reports_zh_re()):
        if pattern.fullmatch(stripped):
            assert names is not None
    if meta_lines._byline_zh_re().fullmatch(stripped):
        assert names is not None


def test_examples_still_read() -> None:
    assert meta_lines.dateline_agency("新华社北京3月5日电") == "新华社"
    assert meta_lines.byline_names("本报记者 王五 2024年3月5日") == "王五"
    assert meta_lines.byline_names("文/王小明") == "王小明"
    assert meta_lines.byline_names("張三 報導") == "張三"
    assert meta_lines.byline_names("记者 张三 李四") == "张三、李四"
    assert meta_lines.speaker_name("国务院总理 李克强") == "李克强"
    assert meta_lines.speaker_name("李克强") is None
