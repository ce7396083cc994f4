"""Property tests of ``normalize``: never raises, leaves no controls, idempotent."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.text.loading import normalize

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""What may never be left in normalized text (TAB and LF are allowed)."""

HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b",
        "\x1b[",
        "\x1b]",
        "\x1bP",
        "\x1b\\",
        "\x07",
        "\x9b",
        "\x9c",
        "\x9d",
        "\r",
        "\r\n",
        "\n",
        "\t",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u2028",
        "\x0b",
        "\x0c",
        "\x85",
        "2J",
        "52;c;",
        "中文",
        "\u00a0",
        "\u3000",
        "a",
        ";",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(HOSTILE_PIECES | st.text(max_size=3)).map("".join))


def _ordinary(char: str) -> bool:
    return char in "\n\t" or FORBIDDEN.fullmatch(char) is None


def _lf(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for brk in ("\u2028", "\u2029", "\x0b", "\x0c", "\x85"):
        text = text.replace(brk, "\n")
    return text


def _is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(char in chars for char in small)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_leaves_no_controls_and_is_idempotent(text: str) -> None:
    result = normalize(text)
    assert FORBIDDEN.search(result) is None
    assert normalize(result) == result


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_only_removes(text: str) -> None:
    result = normalize(text)
    # Surrogates become U+FFFD; everything else is a subsequence of the LF text.
    source = re.sub("[\ud800-\udfff]", "\ufffd", _lf(text))
    assert _is_subsequence(result, source)


@settings(max_examples=300, deadline=None)
@given(st.text().filter(lambda t: re.search("[\x1b\x90\x98\x9b\x9d\x9e\x9f]", t) is None))
def test_without_escape_introducers_every_ordinary_character_stays_in_order(text: str) -> None:
    expected = "".join(char for char in _lf(text) if _ordinary(char))
    assert normalize(text) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_printable_text_is_returned_as_is(text: str) -> None:
    text = "".join(char for char in text if _ordinary(char))
    assert normalize(text) is text


@settings(max_examples=500)
@given(st.characters())
def test_a_name_shows_raw_only_what_document_text_keeps(char: str) -> None:
    # One control-character policy: what a name shows as it is, the text keeps.
    from reader.model.text.cleaning import visible_name

    if visible_name(char) == char:
        assert normalize(char) == char
    else:
        assert visible_name(char).startswith("\\")


def test_every_character_the_text_loses_is_escaped_in_a_name() -> None:
    from reader.model.text.cleaning import visible_name

    for code in [*range(0x00, 0xA0), 0x200B, 0x2028, 0x2029, *range(0x202A, 0x202F), 0xFEFF]:
        char = chr(code)
        if normalize(f"a{char}b") != f"a{char}b":
            assert visible_name(char) != char, hex(code)
    assert visible_name("a\u2028b\x1b") == "a\\u2028b\\x1b"


def test_line_and_page_breaks_break_lines_and_are_never_deleted() -> None:
    # VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: the words around stay apart.
    for brk in ("\x0b", "\x0c", "\x85", "\u2028", "\u2029"):
        assert normalize(f"end of page{brk}next page") == "end of page\nnext page"
    assert normalize("[Page 1]\n\x0cRFC 3339") == "[Page 1]\n\nRFC 3339"
