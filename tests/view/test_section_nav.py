"""Where `]` and `[` go, as offsets (pure)."""

from __future__ import annotations

from reader.view.section_nav import heading_offset, next_heading, previous_heading
from tests.ui.helpers import long_document


def test_next_heading_goes_to_the_following_section_and_stops_at_the_last() -> None:
    document = long_document(sections=3)
    lead, first, second, third = document.sections
    assert heading_offset(lead) == lead.start  # the lead has no heading
    assert first.heading is not None and heading_offset(first) == first.heading[0]
    assert next_heading(document, 0) == heading_offset(first)
    assert next_heading(document, second.start + 5) == heading_offset(third)
    assert next_heading(document, third.start + 5) is None


def test_previous_heading_goes_back_to_this_heading_then_to_the_one_before() -> None:
    document = long_document(sections=3)
    lead, first, second, _ = document.sections
    inside = second.start + 40
    # The section's own heading is above the view: go back to it.
    assert previous_heading(document, inside, lambda offset: True) == heading_offset(second)
    # Its heading is in view already: go to the section before.
    assert previous_heading(document, inside, lambda offset: False) == heading_offset(first)
    assert previous_heading(document, 0, lambda offset: False) is None
