"""describe_value: a fact's normalized value as a person reads it (``>12,000 次``).

Apart from the rules (no regexes, nothing compiled): the sidebar formats its rows
in the UI's process, which never needs the extractor itself.
"""

from __future__ import annotations

from reader.model.document import Fact, FactKind

__all__ = ["describe_value"]

_QUALIFIER_SIGNS = {
    "more-than": ">",
    "at-least": "≥",
    "about": "≈",
    "at-most": "≤",
    "less-than": "<",
}


def _number(value: float | int | str | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int) or value == int(value):
        return f"{int(value):,}"
    return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"


def describe_value(fact: Fact) -> str:
    """The human normalized form for the sidebar.

    Args:
        fact: Any fact.

    Returns:
        e.g. ``">12,000 次"``, ``"≥80 学时"``, ``"3–5 年"``, ``"12.5%"``,
        ``"2014-06-13 – 2014-06-14"``, ``"2014-07-22 08:52"``, ``"Friday (2025-07-04)"``,
        the titles of a person, or the name itself.
    """
    if fact.kind is FactKind.QUANTITY:
        number = _number(fact.value)
        if fact.value_end is not None:
            number = f"{number}–{_number(fact.value_end)}"
        sign = _QUALIFIER_SIGNS.get(fact.qualifier or "", "")
        unit = fact.unit or ""
        joiner = "" if unit in ("%", "‰") or not unit else " "
        if unit.startswith(("$", "US$", "€", "£", "¥")):
            return f"{sign}{unit.split()[0]}{number}{(' ' + ' '.join(unit.split()[1:])).rstrip()}"
        return f"{sign}{number}{joiner}{unit}"
    if fact.kind is FactKind.DATE:
        value = str(fact.value)
        if fact.counted and value[:1].isalpha():
            return f"{value} ({fact.counted})"
        return " – ".join(part.replace("T", " ") for part in value.split("/"))
    if fact.kind is FactKind.PERSON:
        return str(fact.value) if fact.value else fact.text
    return str(fact.value) if fact.value is not None else fact.text
