"""What the facts sidebar shows of a fact: group headings, labels and row texts.

Pure Python and Rich only (no Textual). The facts themselves, indexed by kind
and section, are a :class:`~reader.view.fact_index.FactIndex`.
"""

from __future__ import annotations

import re

from rich.text import Text

from reader.model.document import Fact, FactKind
from reader.model.facts.describe import describe_value

KIND_LABELS: dict[FactKind, str] = {
    FactKind.QUANTITY: "Figures",
    FactKind.DATE: "Dates",
    FactKind.PERSON: "People",
    FactKind.ORGANIZATION: "Organisations",
    FactKind.PLACE: "Places",
    FactKind.WORK: "Works",
    FactKind.TERM: "Terms",
}
"""Group headings of the sidebar, one per kind, in ``FactKind`` order."""


def _flat(text: str) -> str:
    # A row is one line per field; a surface that spans lines would break the layout.
    return text.replace("\n", " ")


_LONG_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3}){3,})(?:\.(\d+))?(?![\d,])")
_SCALES = ((4, "trillion"), (3, "billion"))


def compact_figures(value: str) -> str:
    """Figures of a billion or more in words, exactly: ``126,000,000,000,000`` → ``126 trillion``.

    A sidebar row is narrow: ``126,000,000,0…`` cut at its edge would misread.
    A figure whose digits do not all fit in a short mantissa stays as it is.

    Args:
        value: A normalized value, e.g. ``">126,000,000,000,000 元"``.
    """

    def words(match: re.Match[str]) -> str:
        head, groups, fraction = match.group(1), match.group(2), match.group(3) or ""
        digits = head + groups.replace(",", "")
        for count, name in _SCALES:
            if len(groups) // 4 < count:
                continue
            cut = len(digits) - 3 * count
            mantissa = (digits[:cut] + "." + (digits[cut:] + fraction)).rstrip("0").rstrip(".")
            words = f"{mantissa} {name}"
            if len(mantissa.replace(".", "")) <= 6 and len(words) < len(match.group(0)):
                return words
        return match.group(0)

    return _LONG_FIGURE.sub(words, value)


def _same(value: str, surface: str) -> bool:
    # "10 项" and "3,000" say nothing that "10项" and "3000" did not.
    return value.replace(" ", "").replace(",", "") == surface.replace(" ", "").replace(",", "")


def fact_label(fact: Fact) -> str:
    """The fact in one line: its surface, then its normalized value when that differs.

    Args:
        fact: Any fact.
    """
    value = _describe(fact)
    if fact.kind is FactKind.PERSON or _same(value, fact.text):
        return _flat(fact.text)
    return _flat(f"{fact.text} {value}")


def fact_row(fact: Fact) -> Text:
    """A sidebar row: surface, ``×N`` mentions, normalized value; what is counted (dim) below.

    A person's titles take the second line (they are long). Every piece is
    document text, appended as plain text: nothing here is read as markup.

    Args:
        fact: Any fact.
    """
    row = Text(_flat(fact.text))
    if len(fact.mentions) > 1:
        row.append(f" ×{len(fact.mentions)}", style="dim")
    value = _describe(fact)
    if fact.kind is not FactKind.PERSON and not _same(value, fact.text):
        row.append("  ")
        row.append(_flat(compact_figures(value)), style="bold")
    detail = value if fact.kind is FactKind.PERSON and value != fact.text else fact.counted
    if detail:
        row.append("\n  ")
        row.append(_flat(detail), style="dim")
    return row


def heading_row(kind: FactKind, count: int) -> Text:
    """A group heading, e.g. ``Figures (28)``.

    Args:
        kind: The group's kind.
        count: How many facts the group has in the current scope.
    """
    return Text(f"{KIND_LABELS[kind]} ({count:,})", style="bold")


def more_row(hidden: int) -> Text:
    """The row that shows more of a long group: ``… 1,200 more``.

    Args:
        hidden: How many facts of the group are not listed yet.
    """
    return Text(f"  … {hidden:,} more", style="italic")


def _describe(fact: Fact) -> str:
    """The fact's normalized value for a row (see ``facts.describe_value``)."""
    return describe_value(fact)
