"""Comparing two editions: pairing, phrase edits, changed figures, new and dropped terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.compare.changes import fact_summary, name_changes
from reader.model.compare.comparison import Comparison, compare
from reader.model.compare.diff import diff_paragraph_texts, snap_to_words
from reader.model.compare.pairing import PairKind, title_key
from reader.model.document import Document, Fact, FactKind, Mention
from reader.model.opening import open_document
from reader.model.structure.parse import parse

DATA = Path(__file__).parent.parent / "data" / "compare"


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return compare(
        open_document(str(DATA / "report_2023.txt")), open_document(str(DATA / "report_2024.txt"))
    )


def _rows(comparison: Comparison) -> list[tuple[str | None, str | None, str]]:
    old, new = comparison.old, comparison.new
    return [
        (
            None if r.pair.old is None else old.sections[r.pair.old].title,
            None if r.pair.new is None else new.sections[r.pair.new].title,
            r.kind.value,
        )
        for r in comparison.rows
    ]


def test_numbering_and_figures_do_not_matter_in_titles() -> None:
    assert title_key("一、2021年工作回顾") == title_key("二、2023年工作回顾")
    assert title_key("（三）科技") == title_key("3. 科技") == "科技"
    assert title_key("Chapter IV. The Sea") == "the sea"


def test_moved_renumbered_and_split_sections_are_paired(pair: Comparison) -> None:
    rows = _rows(pair)
    # Moved from fourth to second and renumbered: still paired, nearly unchanged.
    assert ("四、生态环境保护", "二、生态环境保护", "changed") in rows
    assert ("二、今年工作总体要求", "三、今年工作总体要求", "changed") in rows
    # 科技与教育 split into 科技创新 and 教育: one is paired, the other new and related.
    assert ("三、科技与教育", "五、教育", "changed") in rows
    split = next(r for r in pair.rows if r.pair.old is None)
    assert pair.new.sections[split.pair.new or 0].title == "四、科技创新"
    assert split.pair.related is not None
    assert pair.old.sections[split.pair.related].title == "三、科技与教育"
    # The rows follow NEW's order.
    news = [r.pair.new for r in pair.rows if r.pair.new is not None]
    assert news == sorted(news)


def test_an_unchanged_section_is_unchanged(pair: Comparison) -> None:
    lead = pair.rows[0]
    assert lead.kind is PairKind.UNCHANGED
    assert lead.changes == ()


def test_changed_targets_pair_by_what_they_count(pair: Comparison) -> None:
    found = {(q.counted, q.old_text, q.new_text) for q in pair.quantities}
    assert ("国内生产总值", "6%左右", "5%左右") in found
    assert ("就业", "1100万人以上", "1200万人以上") in found
    # Unchanged targets are not listed.
    assert not any("1.3万亿斤" in q.new_text for q in pair.quantities)
    assert not any(q.new_text == "3%左右" for q in pair.quantities)


def test_new_and_dropped_slogans(pair: Comparison) -> None:
    assert "人工智能+" in {n.text for n in pair.added}
    assert "跨周期调节" in {n.text for n in pair.dropped}
    # Said in both: neither new nor dropped.
    assert "放管服" not in {n.text for n in pair.added + pair.dropped}
    assert "双减" not in {n.text for n in pair.added + pair.dropped}


def test_edits_read_as_whole_phrases_and_point_into_both_texts(pair: Comparison) -> None:
    replaced = {(c.deleted, c.inserted) for c in pair.changes}
    assert ("总体平稳", "回升向好") in replaced
    assert ("1100万人以上", "1244万人") in replaced  # a whole figure, not "100" -> "244"
    for change in pair.changes:
        assert pair.old.text[change.old_start : change.old_end] == change.deleted
        assert pair.new.text[change.new_start : change.new_end] == change.inserted


def test_snap_grows_edits_to_whole_numbers() -> None:
    assert snap_to_words([(0, "增长1"), (-1, "1"), (1, "2"), (0, "00万人")]) == [
        (0, "增长"),
        (-1, "1100"),
        (1, "1200"),
        (0, "万人"),
    ]


def test_identical_documents_have_no_changes() -> None:
    document = open_document(str(DATA / "report_2024.txt"))
    same = compare(document, document)
    assert all(r.kind is PairKind.UNCHANGED for r in same.rows)
    assert same.changes == () and same.quantities == () and same.added == ()


def _doc(text: str) -> Document:
    return parse(text)


_WORDS = st.lists(
    st.sampled_from(
        ["增长", "5%", "就业", "稳中求进", "the", "plan", "1200", "，", "。", "𠀀", "😀"]
    )
)


@settings(max_examples=60, deadline=None)
@given(_WORDS, _WORDS)
def test_paragraph_diff_rebuilds_both_texts(a: list[str], b: list[str]) -> None:
    old, new = "".join(a), "".join(b)
    changes = diff_paragraph_texts(old, new, 0, 0)
    for change in changes:
        assert old[change.old_start : change.old_end] == change.deleted
        assert new[change.new_start : change.new_end] == change.inserted
    # Applying the edits to OLD gives NEW.
    rebuilt, at = [], 0
    for change in changes:
        rebuilt.append(old[at : change.old_start] + change.inserted)
        at = change.old_end
    rebuilt.append(old[at:])
    assert "".join(rebuilt) == new


@settings(max_examples=30, deadline=None)
@given(
    st.text("一二三四、。\n甲乙丙ab ", max_size=300),
    st.text("一二三四、。\n甲乙丙ab ", max_size=300),
)
def test_compare_never_raises_and_spans_stay_inside(a: str, b: str) -> None:
    comparison = compare(_doc(a), _doc(b), facts=lambda d: ())
    for change in comparison.changes:
        assert 0 <= change.old_start <= change.old_end <= len(a)
        assert 0 <= change.new_start <= change.new_end <= len(b)
    assert sum(1 for r in comparison.rows if r.pair.new is not None) == len(comparison.new.sections)


def test_the_merged_text_maps_back_to_new(pair: Comparison) -> None:
    from reader.model.compare.merged import merged_view

    view = merged_view(pair)
    document = view.document
    assert document.source_map is view.to_new
    assert len(document.text) == view.to_new.display_length
    for start, end in view.inserted:
        new_start, new_end = view.to_new.to_source(start), view.to_new.to_source(end)
        assert pair.new.text[new_start:new_end] == document.text[start:end]
    for start, end in view.deleted:
        assert document.text[start:end] in pair.old.text
    # NEW's sections keep their ids and titles.
    assert [s.id for s in document.sections] == [s.id for s in pair.new.sections]
    for section in document.sections:
        assert section.heading is not None or section.index == 0
        if section.heading is not None:
            assert document.text[section.heading[0] : section.heading[1]] == section.title


def test_the_parts_for_worker_processes_give_the_whole_comparison(pair: Comparison) -> None:
    import pickle

    from reader.model.compare.comparison import combine, parsed_with_facts, structure_of

    old_path, new_path = str(DATA / "report_2023.txt"), str(DATA / "report_2024.txt")
    # What the worker processes send back goes through pickle.
    found = pickle.loads(pickle.dumps(structure_of(old_path, new_path)))
    old, old_facts = pickle.loads(pickle.dumps(parsed_with_facts(old_path)))
    new, new_facts = pickle.loads(pickle.dumps(parsed_with_facts(new_path)))
    assert old == pair.old and new == pair.new
    # Each row's edits are the very objects of the edits' list, as before pickling.
    edits = {id(c) for c in found.changes}
    assert all(id(c) in edits for row in found.rows for c in row.changes)
    whole = combine(old, new, found, old_facts, new_facts)
    assert whole.rows == pair.rows and whole.changes == pair.changes
    assert whole.quantities == pair.quantities
    assert whole.added == pair.added and whole.dropped == pair.dropped
    # Parts computed on other texts are refused, not combined.
    with pytest.raises(ValueError):
        combine(pair.new, pair.old, found, old_facts, new_facts)


def _named(text: str, kind: FactKind, name: str) -> list[Fact]:
    at = text.index(name)
    return [Fact(kind, name, mentions=(Mention(at, at + len(name), "s"),))]


def test_a_name_is_new_only_if_the_old_text_never_says_it() -> None:
    old_text = "加强数字政府建设。杭州举办亚运会。The annual plan."
    new_text = "加强数字政府建设。杭州亚运会成功举办。Ann spoke."
    old = fact_summary(_doc(old_text), [])  # the extractor found nothing last year
    new = fact_summary(
        _doc(new_text),
        _named(new_text, FactKind.ORGANIZATION, "数字政府")
        + _named(new_text, FactKind.ORGANIZATION, "杭州亚运会")
        + _named(new_text, FactKind.PERSON, "Ann"),
    )
    added, dropped = name_changes(old, old_text, new, new_text)
    # 数字政府 was said last year too (only not extracted): not new. "Ann" is
    # not said inside "annual": a Latin name is looked for as a whole word.
    assert [n.text for n in added] == ["Ann", "杭州亚运会"]
    assert dropped == []
    # Dropped works the same way round (people first, then organisations).
    added, dropped = name_changes(new, new_text, old, old_text)
    assert added == [] and [n.text for n in dropped] == ["Ann", "杭州亚运会"]


def test_a_name_cut_inside_a_word_is_not_listed() -> None:
    # 提高区 is a piece of 提高区域: 区域 is a word this text says again and again.
    new_text = "提高区域协调发展水平。优化区域布局，促进区域合作，扩大区域开放。重庆市举办博览会。"
    new = fact_summary(
        _doc(new_text),
        _named(new_text, FactKind.PLACE, "提高区") + _named(new_text, FactKind.PLACE, "重庆"),
    )
    added, _ = name_changes(fact_summary(_doc("去年。"), []), "去年。", new, new_text)
    # 重庆 is followed by 市 too, but 庆市 is said once: a whole name.
    assert [n.text for n in added] == ["重庆"]


_LINES = st.lists(
    st.sampled_from(
        ["一、总体要求", "二、主要任务", "增长5%左右。", "稳中求进。", "就业1200万人。", ""]
    ),
    max_size=14,
).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(_LINES, _LINES)
def test_the_merged_text_keeps_new_s_paragraphs_and_sections_in_place(a: str, b: str) -> None:
    from bisect import bisect_right

    from reader.model.compare.merged import merged_view

    comparison = compare(_doc(a), _doc(b), facts=lambda d: ())
    new = comparison.new
    view = merged_view(comparison)
    document, to_new = view.document, view.to_new
    dropped = sum(1 for c in comparison.changes if c.whole_paragraph and c.deleted)
    assert len(document.paragraphs) == len(new.paragraphs) + dropped
    # NEW's paragraphs, in order, map back to where they are in NEW.
    starts = [p.start for p in document.paragraphs]
    assert starts == sorted(starts)
    back = [(to_new.to_source(p.start), to_new.to_source(p.end)) for p in document.paragraphs]
    spans = [p.span for p in new.paragraphs]
    assert all(span in back for span in spans)
    # Each section holds its own paragraphs, and each paragraph knows its section.
    section_starts = [s.start for s in document.sections]
    for section in document.sections:
        assert section.start <= section.end
        held = document.paragraphs[section.first_paragraph : section.last_paragraph]
        assert all(section.start <= p.start < max(section.end, p.start + 1) for p in held)
    for paragraph in document.paragraphs:
        assert paragraph.section == max(0, bisect_right(section_starts, paragraph.start) - 1)


def test_a_section_with_the_same_title_and_text_is_paired_as_same_and_not_diffed() -> None:
    old = _doc("报告\n\n一、总体要求\n\n稳中求进。\n\n二、主要任务\n\n增长5%左右。")
    new = _doc("报告\n\n一、总体要求\n\n稳中求进。\n\n二、主要任务\n\n增长6%左右。")
    comparison = compare(old, new, facts=lambda d: ())
    by_title = {
        new.sections[r.pair.new].title: r for r in comparison.rows if r.pair.new is not None
    }
    assert by_title["一、总体要求"].pair.same and by_title["一、总体要求"].changes == ()
    assert by_title["一、总体要求"].kind is PairKind.UNCHANGED
    changed = by_title["二、主要任务"]
    assert not changed.pair.same and changed.kind is PairKind.CHANGED
    assert [(c.deleted, c.inserted) for c in changed.changes] == [("5%", "6%")]


def test_the_next_and_previous_change_from_a_place(pair: Comparison) -> None:
    from reader.model.compare.merged import merged_view

    view = merged_view(pair)
    stops = view.stops
    assert len(stops) >= 2
    first, second = stops[0], stops[1]
    assert view.stop_from(0, after=True) == 0 and view.stop_from(0, after=False) == -1
    # Inside the first change: it is the next one; the previous is none.
    assert view.stop_from(first[0], after=True) == 0
    assert view.stop_from(first[1], after=True) == 1
    assert view.stop_from(second[0] + 1, after=False) == 1
    assert view.stop_from(len(view.document.text), after=True) == len(stops)
