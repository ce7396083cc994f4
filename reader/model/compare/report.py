"""A comparison as data (JSON) and as a report a person can paste (Markdown).

Document text is data: in Markdown every piece of it is escaped so that it
can never become a heading, a link or HTML, and code spans never break out.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from reader.model.compare.comparison import Comparison, SectionRow
from reader.model.compare.diff import Change
from reader.model.compare.pairing import PairKind
from reader.model.document import Document

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+|~!])")
_SPACE = re.compile(r"\s+")

EXCERPT = 120
"""Characters of an edit shown in the Markdown report (the JSON has them all)."""


def _md(text: str) -> str:
    """Inline Markdown for document text: one line, every special character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _short(text: str, limit: int = EXCERPT) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _title(document: Document, index: int | None) -> str | None:
    return None if index is None else document.sections[index].title


def _paragraph_lines(document: Document, index: int | None) -> list[str]:
    if index is None:
        return []
    section = document.sections[index]
    return [
        document.text[p.start : p.end].strip()
        for p in document.paragraphs[section.first_paragraph : section.last_paragraph]
        if document.text[p.start : p.end].strip()
    ]


def unified_diff(comparison: Comparison, row: SectionRow) -> str:
    """A unified diff of a row's paragraphs (a paragraph a line), as ``diff -u`` prints it."""
    old_name = _title(comparison.old, row.pair.old) or "(none)"
    new_name = _title(comparison.new, row.pair.new) or "(none)"
    lines = difflib.unified_diff(
        _paragraph_lines(comparison.old, row.pair.old),
        _paragraph_lines(comparison.new, row.pair.new),
        fromfile=f"old: {old_name}",
        tofile=f"new: {new_name}",
        lineterm="",
    )
    return "\n".join(lines)


def _change_data(change: Change) -> dict[str, Any]:
    return {
        "deleted": change.deleted,
        "inserted": change.inserted,
        "old": [change.old_start, change.old_end],
        "new": [change.new_start, change.new_end],
        "whole_paragraph": change.whole_paragraph,
    }


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data (what ``reader compare --format json`` prints)."""
    old, new = comparison.old, comparison.new
    sections = []
    for row in comparison.rows:
        pair = row.pair
        entry: dict[str, Any] = {
            "status": row.kind.value,
            "old": None if pair.old is None else old.sections[pair.old].id,
            "new": None if pair.new is None else new.sections[pair.new].id,
            "old_title": _title(old, pair.old),
            "new_title": _title(new, pair.new),
            "similarity": round(pair.score, 3),
            "changed": round(row.share, 3),
            "retitled": row.retitled,
        }
        if pair.related is not None:
            other = new if pair.new is None else old
            entry["split_from" if pair.old is None else "merged_into"] = other.sections[
                pair.related
            ].id
        if row.kind is not PairKind.UNCHANGED:
            entry["changes"] = [_change_data(c) for c in row.changes]
            entry["diff"] = unified_diff(comparison, row)
        sections.append(entry)
    return {
        "old": {"title": old.title, "path": old.path, "fingerprint": old.fingerprint},
        "new": {"title": new.title, "path": new.path, "fingerprint": new.fingerprint},
        "sections": sections,
        "quantities": [
            {
                "counted": q.counted,
                "unit": q.unit,
                "old": q.old_text,
                "new": q.new_text,
                "old_span": list(q.old_span),
                "new_span": list(q.new_span),
            }
            for q in comparison.quantities
        ],
        "new_terms": [_name_data(n) for n in comparison.added],
        "dropped_terms": [_name_data(n) for n in comparison.dropped],
    }


def _name_data(change: Any) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "text": change.text,
        "mentions": change.mentions,
        "span": list(change.span),
    }


def _status(row: SectionRow) -> str:
    if row.kind is PairKind.CHANGED:
        return f"changed ({round(row.share * 100)} %)"
    if row.kind is PairKind.NEW and row.pair.related is not None:
        return "new (split off)"
    if row.kind is PairKind.DROPPED and row.pair.related is not None:
        return "dropped (merged)"
    return str(row.kind.value)


def comparison_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown report: section map, figures, terms, edits, diffs."""
    old, new = comparison.old, comparison.new
    out = [
        f"# {_md(new.title)} compared with {_md(old.title)}",
        "",
        f"{comparison.changed_sections} of {len(comparison.rows)} sections changed, "
        f"{len(comparison.changes)} edits.",
        "",
        "## Sections",
        "",
        "| New | Old | Status |",
        "|---|---|---|",
    ]
    for row in comparison.rows:
        new_title = _title(new, row.pair.new)
        old_title = _title(old, row.pair.old)
        out.append(
            f"| {_md(new_title) if new_title else '—'} | {_md(old_title) if old_title else '—'} "
            f"| {_status(row)} |"
        )
    if comparison.quantities:
        out += ["", "## Figures that changed", "", "| What | Old | New |", "|---|---|---|"]
        for q in comparison.quantities:
            out.append(
                f"| {_md(q.counted)} ({_md(q.unit)}) | {_md(q.old_text)} | {_md(q.new_text)} |"
            )
    for heading, names in (
        ("New terms and names", comparison.added),
        ("Dropped terms and names", comparison.dropped),
    ):
        if names:
            out += ["", f"## {heading}", ""]
            out += [f"- {_md(n.text)} ({n.kind.value}, ×{n.mentions})" for n in names]
    for row in comparison.rows:
        if row.kind is not PairKind.CHANGED:
            continue
        title = _title(new, row.pair.new) or ""
        out += ["", f"## {_md(title)} — {round(row.share * 100)} % changed", ""]
        for change in row.changes:
            if change.deleted and change.inserted:
                deleted, inserted = _md(_short(change.deleted)), _md(_short(change.inserted))
                out.append(f"- replaced “{deleted}” with “{inserted}”")
            elif change.inserted:
                out.append(f"- added “{_md(_short(change.inserted))}”")
            else:
                out.append(f"- removed “{_md(_short(change.deleted))}”")
        diff = unified_diff(comparison, row)
        if diff:
            longest = max((len(run) for run in re.findall("~+", diff)), default=0)
            fence = "~" * max(3, longest + 1)
            out += ["", f"{fence}diff", diff, fence]
    return "\n".join(out) + "\n"
