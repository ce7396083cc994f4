"""Re-anchoring: each rule, the honesty of the method label, speed on 10 MB."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.model.find.anchors import Anchor, make_anchor, resolve

# A rich alphabet (CJK, Latin, punctuation) so that chance repeats of a passage are
# rare, as in real prose; the generators still check uniqueness where it matters.
ALPHABET = st.characters(
    codec="utf-8",
    categories=("Lo", "Ll", "Lu", "Nd", "Po", "Zs"),
    exclude_characters="\x00",
)
TEXT = st.text(ALPHABET, max_size=300)
PASSAGE = st.text(ALPHABET, min_size=1, max_size=60)

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


def _edit(draw: st.DrawFn, text: str) -> str:
    """Insert or delete a random run somewhere in ``text``."""
    if text and draw(st.booleans()):
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i + 1, min(len(text), i + 40)))
        return text[:i] + text[j:]
    i = draw(st.integers(0, len(text)))
    return text[:i] + draw(st.text(ALPHABET, min_size=1, max_size=40)) + text[i:]


@st.composite
def outside_edit(draw: st.DrawFn) -> tuple[str, Anchor, str, int]:
    before, passage, after = draw(TEXT), draw(PASSAGE), draw(TEXT)
    old = before + passage + after
    anchor = make_anchor(old, len(before), len(before) + len(passage))
    new_before = _edit(draw, before) if draw(st.booleans()) else before
    new_after = _edit(draw, after) if draw(st.booleans()) else after
    new = new_before + passage + new_after
    # The expectation is exact only when the passage is the sole occurrence.
    assume(new.find(passage) == len(new_before) and new.rfind(passage) == len(new_before))
    return new, anchor, passage, len(new_before)


@st.composite
def inside_edit(draw: st.DrawFn) -> tuple[str, Anchor, int, int]:
    before, passage, after = draw(TEXT), draw(PASSAGE), draw(TEXT)
    old = before + passage + after
    anchor = make_anchor(old, len(before), len(before) + len(passage))
    edited = _edit(draw, passage)
    new = before + edited + after
    # An edit that leaves the old passage intact somewhere is not an inside edit.
    assume(edited != passage and passage not in new)
    return new, anchor, len(before), len(before) + len(edited)


@SETTINGS
@given(outside_edit())
def test_edits_outside_the_passage_find_it_exactly(case: tuple[str, Anchor, str, int]) -> None:
    new, anchor, passage, start = case
    got = resolve(new, anchor)
    assert (got.start, got.end) == (start, start + len(passage))
    assert got.method == ("exact" if start == anchor.start else "moved")


@SETTINGS
@given(inside_edit())
@example(  # the prefix recurs inside the edit, which made the passage too long to take whole
    (
        "000000001000000000000000000000000000000000001",
        Anchor(8, 10, "11", prefix="00000000", suffix=""),
        8,
        45,
    )
)
def test_edits_inside_the_passage_are_never_exact_or_moved(
    case: tuple[str, Anchor, int, int],
) -> None:
    new, anchor, start, end = case
    got = resolve(new, anchor)
    assert got.method in ("context", "fuzzy", "detached")
    if got.method == "context":
        # Prefix and suffix are untouched: the span starts where the prefix ends and
        # is followed by the suffix (either may recur inside a repetitive edit).
        assert new.startswith(anchor.prefix, got.start - len(anchor.prefix))
        if not anchor.prefix or anchor.prefix not in new[start - len(anchor.prefix) + 1 : end]:
            assert got.start == start
        assert new.startswith(anchor.suffix, got.end)
        if anchor.suffix not in new[start:end]:
            assert got.end == end
    elif got.method == "fuzzy":
        assert got.start < max(end, start + 1) and got.end > start
    else:
        assert got.start == got.end == min(anchor.start, len(new))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.integers(-5, 250), st.integers(-5, 250))
def test_never_raises_and_span_is_inside_the_text(old: str, new: str, a: int, b: int) -> None:
    anchor = make_anchor(old, a, b)
    assert 0 <= anchor.start <= anchor.end <= len(old)
    got = resolve(new, anchor)
    assert 0 <= got.start <= got.end <= len(new)
    if got.method in ("exact", "moved"):
        assert new[got.start : got.end] == anchor.exact


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=100), st.integers(0, 100))
def test_arbitrary_anchor_fields_never_raise(text: str, start: int) -> None:
    anchor = Anchor(start, start + 3, text[:7], text[-5:], text[3:9])
    got = resolve(text, anchor)
    assert 0 <= got.start <= got.end <= len(text)


def test_make_anchor_keeps_context_and_clamps() -> None:
    text = "0123456789abcdefghij"
    anchor = make_anchor(text, 10, 13, context=4)
    assert anchor == Anchor(10, 13, "abc", "6789", "defg")
    assert make_anchor(text, 15, 5) == Anchor(
        15, 15, "", "0123456789abcdefghij"[-5 - 32 :][:15], "fghij"
    )
    assert make_anchor(text, -3, 99).exact == text


SAMPLE = (
    "苏州市开展党的群众路线教育实践活动以来，市委常委带头作示范，督导组层层严格把关。"
    "各级党组织紧紧围绕总要求，以为民务实清廉为主题，推动教育实践活动健康有序开展。"
)


def _passage(text: str, quote: str) -> Anchor:
    start = text.index(quote)
    return make_anchor(text, start, start + len(quote))


def test_exact_at_the_old_offset() -> None:
    anchor = _passage(SAMPLE, "市委常委带头作示范")
    assert resolve(SAMPLE, anchor) == type(resolve(SAMPLE, anchor))(
        anchor.start, anchor.end, "exact"
    )


def test_moved_when_text_is_inserted_before() -> None:
    anchor = _passage(SAMPLE, "市委常委带头作示范")
    new = "新增一段导语。" + SAMPLE
    got = resolve(new, anchor)
    assert (got.start, got.end, got.method) == (anchor.start + 7, anchor.end + 7, "moved")


def test_moved_prefers_the_occurrence_whose_context_matches() -> None:
    # The quote also appears, with other context, nearer the old offset.
    anchor = _passage(SAMPLE, "教育实践活动")
    decoy = "另有教育实践活动之说。"
    new = decoy + "插入" * 10 + SAMPLE
    got = resolve(new, anchor)
    expected = len(decoy) + 20 + anchor.start
    assert (got.start, got.method) == (expected, "moved")


def test_exact_quote_without_context_support_is_not_trusted() -> None:
    # "活动" occurs twice in the new text and neither occurrence keeps the old context:
    # reporting either as exact/moved would be a guess.
    anchor = _passage(SAMPLE, "活动")
    got = resolve("完全不同的活动内容，另一个活动。", anchor)
    assert got.method == "detached"


def test_context_when_the_passage_changed_inside() -> None:
    anchor = _passage(SAMPLE, "市委常委带头作示范")
    new = SAMPLE.replace("市委常委带头作示范", "市委常委率先作出示范")
    got = resolve(new, anchor)
    assert got.method == "context"
    assert new[got.start : got.end] == "市委常委率先作出示范"


def test_fuzzy_when_passage_and_context_changed() -> None:
    quote = "以为民务实清廉为主题，推动教育实践活动健康有序开展"
    anchor = _passage(SAMPLE, quote)
    changed = "以为民务实清廉为主题，推进教育实践活动健康有序开展"
    new = SAMPLE.replace("各级党组织紧紧围绕总要求，", "各级党组织围绕要求，").replace(
        quote, changed
    )
    new = new.replace("。", "！")  # the suffix changes too
    got = resolve(new, anchor)
    assert got.method == "fuzzy"
    assert new[got.start : got.end] == changed


def test_detached_when_the_passage_is_gone() -> None:
    anchor = _passage(SAMPLE, "督导组层层严格把关")
    new = "全文已替换为一段完全无关的文字，讲述天气与交通。" * 3
    got = resolve(new, anchor)
    assert (got.start, got.end, got.method) == (anchor.start, anchor.start, "detached")
    assert resolve("", anchor) == type(got)(0, 0, "detached")


def test_passage_at_text_edges() -> None:
    text = "开头一句话。" + "中间" * 20 + "结尾一句话。"
    head = make_anchor(text, 0, 6)
    tail = make_anchor(text, len(text) - 6, len(text))
    assert resolve(text, head).method == "exact"
    assert resolve("前言" + text, tail).method == "moved"
    assert resolve(text.replace("开头一句话", "开头的一句话"), head).method == "context"


def test_fast_on_ten_megabytes() -> None:
    unit = SAMPLE + "\n"
    text = unit * (10_000_000 // len(unit))
    middle = len(text) // 2
    target = "独一无二的段落，用来测试重新定位。"
    text = text[:middle] + target + text[middle:]
    anchor = make_anchor(text, middle, middle + len(target))
    shifted = "插入" + text
    gone = text.replace(target, "")
    changed = text.replace(target, "独一无二的段落，用于测试重新定位。")
    fuzzy = text.replace(target, "独一无二的段落，用于测试重新定位！")
    fuzzy = fuzzy[: middle - 40] + "改" * 40 + fuzzy[middle:]  # the prefix changes too
    cases = {
        "exact": text,
        "moved": shifted,
        "context": changed,
        "fuzzy": fuzzy,
        "detached": gone,
    }
    for method, new in cases.items():
        began = time.perf_counter()
        got = resolve(new, anchor)
        elapsed = time.perf_counter() - began
        assert got.method == method
        assert elapsed < 0.5, (method, elapsed)
