"""choose_hints: whole hints only, within the width, most important first, help kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.view.key_hints import RANK, Hint, choose_hints, hint_cells

HELP = Hint("?", "Help", "show_help")

words = st.text(alphabet="abcdefgh 中文", min_size=1, max_size=12)
actions = st.sampled_from([*RANK, "other_a", "other_b", "other_c"])
hints = st.lists(st.builds(Hint, st.sampled_from(["a", "⏎", "esc", "]"]), words, actions))


@given(hints, st.integers(min_value=0, max_value=200))
def test_chosen_hints_fit_whole_and_keep_help_last(given_hints: list[Hint], width: int) -> None:
    every = [*given_hints, HELP]
    chosen = choose_hints(every, width)
    assert chosen[-1] == HELP
    rest = chosen[:-1]
    assert sum(hint_cells(hint) for hint in chosen) <= max(width, hint_cells(HELP))
    # Most important first.
    ranks = [RANK.index(h.action) if h.action in RANK else len(RANK) for h in rest]
    assert ranks == sorted(ranks)
    # Nothing left out that would have fitted in the room left over.
    room = width - sum(hint_cells(hint) for hint in chosen)
    left = [h for h in given_hints if h not in rest]
    assert all(hint_cells(h) > room for h in left)


def test_a_screens_own_keys_come_before_quit() -> None:
    own = [
        Hint("⏎", "Go to bookmark", "pick"),
        Hint("e", "Edit note", "edit_note"),
        Hint("d", "Delete", "delete_bookmark"),
    ]
    quit_ = Hint("q", "Quit", "quit")
    room = sum(hint_cells(h) for h in own[:2]) + hint_cells(HELP)
    assert choose_hints([*own, HELP, quit_], room) == [*own[:2], HELP]


def test_nothing_but_help_in_a_tiny_bar() -> None:
    assert choose_hints([Hint("space", "Page down", "page_down"), HELP], 5) == [HELP]
