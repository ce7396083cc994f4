"""OutlineRows answers for every section, without an error, before its first layout and after any.

A hidden outline is never laid out, yet the screen tells it the section being
read on every page turn (issue 11, item 1: ``first_row`` raised IndexError).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.model.document import Section
from reader.view.outline_rows import OutlineRows


def sections_of(shape: list[tuple[int, bool]]) -> tuple[Section, ...]:
    """Sections from ``(level, has subtitle)`` pairs; a deeper level nests under the last."""
    built: list[Section] = []
    last_at: dict[int, int] = {}
    for index, (level, subtitled) in enumerate(shape):
        parent = max((i for lvl, i in last_at.items() if lvl < level), default=None)
        last_at = {lvl: i for lvl, i in last_at.items() if lvl < level}
        last_at[level] = index
        built.append(
            Section(
                index,
                f"s{index}",
                level,
                f"Section {index} 标题" * (index % 3 + 1),
                "副标题" if subtitled else None,
                index * 10,
                index * 10 + 10,
                None,
                index,
                index + 1,
                parent,
            )
        )
    return tuple(built)


def check_every_section(rows: OutlineRows) -> None:
    for section in range(rows.count):
        place = rows.position(section)
        first = rows.first_row(section)
        if not rows.width:
            # Before the first layout there are no rows: no error, and nothing drawn.
            assert first in (None, 0) and rows.row(section) is None and rows.total_rows == 0
            continue
        assert (place is None) == (first is None)
        if first is not None:
            assert 0 <= first < rows.total_rows
            found = rows.row(first)
            assert found is not None and found.section == section
            assert first + rows.rows_of(section) <= rows.total_rows
        assert 0 <= rows.shown_at_or_before(section) < rows.count
        assert 0 <= rows.section_at_row(section) < rows.count
        assert 0 <= rows.at_position(section) < rows.count


def test_the_sample_shape_before_and_after_layout() -> None:
    rows = OutlineRows(sections_of([(0, False), (1, True), (1, True), (1, True)]))
    assert rows.width == 0
    check_every_section(rows)
    rows.layout(80)
    assert rows.first_row(3) == 5  # one title row each, plus the subtitles above it
    assert rows.total_rows == 7
    check_every_section(rows)


def test_no_sections() -> None:
    rows = OutlineRows(())
    assert rows.total_rows == 0 and rows.first_row(0) is None and rows.row(0) is None
    rows.layout(20)
    assert rows.total_rows == 0 and rows.at_position(3) == 0


shapes = st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=40)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("layout"), st.integers(0, 120)),
        st.tuples(st.just("collapse"), st.integers(0, 39)),
        st.tuples(st.just("expand"), st.integers(0, 39)),
        st.tuples(st.just("reveal"), st.integers(0, 39)),
    ),
    max_size=12,
)


@given(shapes, steps)
def test_every_section_answers_before_and_after_any_layout(
    shape: list[tuple[int, bool]], ops: list[tuple[str, int]]
) -> None:
    rows = OutlineRows(sections_of(shape))
    check_every_section(rows)
    for op, value in ops:
        if op == "layout":
            rows.layout(value)
        elif value < rows.count:
            if op == "reveal":
                rows.reveal(value)
            else:
                rows.set_collapsed(value, op == "collapse")
        check_every_section(rows)
