"""The "What changed" list of a comparison goes in a batch a frame, and the last list wins."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.model.compare.comparison import Comparison, compare
from reader.model.structure.parse import parse
from reader.widgets.changes_list import BATCH, LISTED, ChangesList


def _many_new_terms(count: int) -> Comparison:
    old = parse("报告\n\n一、总体要求\n\n稳中求进。")
    terms = "".join(f"“新提法{k:04d}”。" for k in range(count))
    return compare(old, parse(f"报告\n\n一、总体要求\n\n稳中求进。{terms}"))


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield ChangesList(id="changes")


def _rows(changes: ChangesList) -> list[str]:
    return [str(changes.get_option_at_index(k).prompt) for k in range(changes.option_count)]


async def test_rows_go_in_a_batch_a_frame_up_to_the_cap_and_a_note_stops_them() -> None:
    comparison = _many_new_terms(LISTED + 20)
    assert len(comparison.added) >= LISTED + 20
    async with _Host().run_test(size=(80, 24)) as pilot:
        changes = pilot.app.query_one(ChangesList)
        changes.show_changes(comparison)
        # The first screenful at once, the rest after frames.
        assert changes.option_count == BATCH and not changes.filled
        assert _rows(changes)[0] == f"New terms ({len(comparison.added)})"
        for _ in range(50):
            if changes.filled:
                break
            await pilot.pause(0.02)
        rows = _rows(changes)
        assert changes.filled and len(rows) == 1 + LISTED + 1
        assert rows[-1].startswith(f"… {len(comparison.added) - LISTED} more")
        assert sum(1 for row in rows if "新提法" in row) == LISTED
        # A note shown while a list is going in stops it.
        changes.show_changes(comparison)
        changes.show_note("Figures and terms not compared.")
        for _ in range(5):
            await pilot.pause(0.02)
        assert _rows(changes) == ["Figures and terms not compared."] and changes.filled


async def test_a_short_list_is_in_at_once() -> None:
    comparison = _many_new_terms(3)
    async with _Host().run_test(size=(80, 24)) as pilot:
        changes = pilot.app.query_one(ChangesList)
        changes.show_changes(comparison)
        assert changes.filled and len(_rows(changes)) == 1 + len(comparison.added)


def test_a_row_leads_to_where_new_says_it_or_to_a_note() -> None:
    from pathlib import Path

    from reader.model.opening import open_document
    from reader.widgets.changes_list import chosen_change

    data = Path(__file__).parent.parent / "data" / "compare"
    comparison = compare(
        open_document(str(data / "report_2023.txt")), open_document(str(data / "report_2024.txt"))
    )
    assert comparison.quantities and comparison.added and comparison.dropped
    figure = comparison.quantities[0]
    assert chosen_change(comparison, "q0") == (figure.new_span, figure.old_span, None)
    assert chosen_change(comparison, "a0") == (comparison.added[0].span, None, None)
    span, old_span, note = chosen_change(comparison, "d0")
    assert span is None and old_span is None and note is not None
    assert comparison.dropped[0].text[:10] in note and "no longer said" in note
