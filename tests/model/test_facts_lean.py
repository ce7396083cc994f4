"""The extractor's lean temporaries give what the plain tuple-and-list forms gave.

Names are resolved as ints and quantities streamed (reader.model.facts.extract
and .quantity) to keep the worker process's peak memory down; each is checked
here against the straightforward form it replaced, on generated input.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import FactKind
from reader.model.facts.extract import _ranked, _resolve
from reader.model.facts.quantity import (
    Quantity,
    _zh_found,
    find_zh_quantities,
    iter_zh_quantities,
)

_KINDS = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)
_SPANS = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 12), st.sampled_from(_KINDS)), max_size=60
)


def _resolve_as_tuples(
    candidates: list[tuple[int, int, FactKind]],
) -> list[tuple[int, int, FactKind]]:
    # Longer first, then earlier, then person < organisation < place; drop overlaps.
    order = {kind: i for i, kind in enumerate(_KINDS)}
    ranked = sorted({(s - e, s, order[k], e, k) for s, e, k in candidates})
    kept: list[tuple[int, int, FactKind]] = []
    for _, start, _, end, kind in ranked:
        if end <= start or any(s < end and start < e for s, e, _ in kept):
            continue
        kept.append((start, end, kind))
    return kept


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_names_resolved_as_ints_are_the_names_resolved_as_tuples(
    spans: list[tuple[int, int, FactKind]],
) -> None:
    candidates = [(start, start + size, kind) for start, size, kind in spans]
    keys = {_ranked(start, end, kind) for start, end, kind in candidates}
    assert list(_resolve(keys)) == _resolve_as_tuples(candidates)
    assert not keys, "the candidates are handed over"


def test_a_long_span_at_a_far_offset_survives_the_int_form() -> None:
    far = 3_000_000_000  # past 2**31: a 50 MB text is far from it, the form is not
    keys = {_ranked(far, far + 70_000, FactKind.PLACE), _ranked(far + 5, far + 9, FactKind.PERSON)}
    assert list(_resolve(keys)) == [(far, far + 70_000, FactKind.PLACE)]


_ZH = st.lists(
    st.sampled_from(
        ["3年", "5年", "十万元", "二十万元", "20%", "30％", "1.5", "个", "项", "人", "多", "约"]
        + ["至", "到", "-", "～", "。", " ", "，", "3", "五", "半"]
    ),
    max_size=20,
).map("".join)


def _merged_as_list(text: str, found: list[Quantity]) -> list[Quantity]:
    merged: list[Quantity] = []
    for q in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.unit == q.unit
            and prev.value_end is None
            and text[prev.end : q.start] in ("至", "到", "-", "～", "~", "—", "－")
        ):
            merged[-1] = Quantity(
                prev.start, q.end, prev.value, q.unit, "range", q.counted, q.value
            )
        else:
            merged.append(q)
    return merged


@settings(max_examples=300, deadline=None)
@given(_ZH)
def test_streamed_ranges_are_the_ranges_merged_in_a_list(text: str) -> None:
    found = list(_zh_found(text))
    assert list(iter_zh_quantities(text)) == _merged_as_list(text, found)
    assert find_zh_quantities(text) == _merged_as_list(text, found)


def test_a_range_of_two_quantities_is_one_quantity() -> None:
    text = "3年至5年"
    assert [(q.start, q.end, q.value, q.value_end) for q in iter_zh_quantities(text)] == [
        (0, 5, 3, 5)
    ]
