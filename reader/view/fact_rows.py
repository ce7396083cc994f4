"""What the facts sidebar lists: facts indexed by kind and section, and their row texts.

Pure Python and Rich only (no Textual), so the index can be built in a worker
thread and handed to the sidebar ready to show: filtering by section is then a
dictionary look-up, not a pass over 100,000 facts on the UI thread.

Positions are character offsets into ``Document.text`` (see the model).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.text import Text

from reader.model.document import Document, Fact, FactKind, Mention

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

FactGroups = list[tuple[FactKind, Sequence[Fact]]]
"""Non-empty groups in ``FactKind`` order: ``(kind, facts in text order)``."""


@dataclass(frozen=True)
class FactIndex:
    """A document's facts, grouped by kind for the whole text and for each section."""

    facts: tuple[Fact, ...]
    """Every fact, in kind order, then text order."""
    by_kind: dict[FactKind, list[Fact]]
    """The facts of each kind (kinds with none are left out)."""
    by_section: dict[str, dict[FactKind, list[Fact]]]
    """Per section id, the facts with at least one mention in that section, each
    with only the mentions of that section (so its ``×N`` counts those, and Enter
    walks those)."""

    @classmethod
    def build(cls, document: Document) -> FactIndex:
        """Extract ``document``'s facts and index them (slow: run it in a worker).

        Args:
            document: The parsed document.
        """
        # Imported here, in the worker thread: the extractor's word lists cost
        # ~70 ms to import, which the first frame should not pay.
        from reader.model.facts.extract import extract_facts

        return cls.of(extract_facts(document))

    @classmethod
    def of(cls, facts: Sequence[Fact]) -> FactIndex:
        """Index facts that were already extracted.

        Args:
            facts: Facts in kind order, then text order (as ``extract_facts`` returns them).
        """
        by_kind: dict[FactKind, list[Fact]] = {}
        by_section: dict[str, dict[FactKind, list[Fact]]] = {}
        for fact in facts:
            by_kind.setdefault(fact.kind, []).append(fact)
            for section, local in _per_section(fact):
                by_section.setdefault(section, {}).setdefault(fact.kind, []).append(local)
        return cls(tuple(facts), by_kind, by_section)

    def groups(self, section: str | None = None) -> FactGroups:
        """The non-empty groups of the whole document, or of one section.

        Args:
            section: A section id, or ``None`` for the whole document.
        """
        table = self.by_kind if section is None else self.by_section.get(section, {})
        return [(kind, table[kind]) for kind in FactKind if table.get(kind)]


def _per_section(fact: Fact) -> list[tuple[str, Fact]]:
    """``fact`` once per section it is said in, with that section's mentions only."""
    mentions = fact.mentions
    if not mentions or all(m.section == mentions[0].section for m in mentions):
        # Most facts are said in one section: no copy.
        return [(mentions[0].section, fact)] if mentions else []
    parts: dict[str, list[Mention]] = {}
    for mention in mentions:
        parts.setdefault(mention.section, []).append(mention)
    return [(section, replace(fact, mentions=tuple(ms))) for section, ms in parts.items()]


def _flat(text: str) -> str:
    # A row is one line per field; a surface that spans lines would break the layout.
    return text.replace("\n", " ")


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
        row.append(_flat(value), style="bold")
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
    from reader.model.facts.extract import describe_value  # loaded by the worker already

    return describe_value(fact)
