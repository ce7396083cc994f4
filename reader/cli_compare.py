"""`reader compare OLD NEW`: the comparison screen, or the comparison as text, JSON or Markdown."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.model.compare.comparison import Comparison, compare
from reader.model.compare.pairing import PairKind
from reader.model.compare.report import comparison_data, comparison_markdown
from reader.model.opening import open_document


def comparison_text(comparison: Comparison) -> str:
    """The section map and what changed, for people reading a terminal."""
    old, new = comparison.old, comparison.new
    lines = [f"{new.title}  ←  {old.title}", ""]
    for row in comparison.rows:
        pair = row.pair
        title = new.sections[pair.new].title if pair.new is not None else ""
        if pair.new is None and pair.old is not None:
            title = old.sections[pair.old].title
        mark = {
            PairKind.UNCHANGED: "=",
            PairKind.CHANGED: "~",
            PairKind.NEW: "+",
            PairKind.DROPPED: "-",
        }[row.kind]
        note = f"  {round(row.share * 100)}%" if row.kind is PairKind.CHANGED else ""
        if pair.related is not None and pair.old is None:
            note = f"  (split from {old.sections[pair.related].title})"
        elif pair.related is not None:
            note = f"  (merged into {new.sections[pair.related].title})"
        lines.append(f"{mark} {title}{note}")
    if comparison.quantities:
        lines += ["", "Figures that changed:"]
        lines += [
            f"  {q.counted} ({q.unit}): {q.old_text} → {q.new_text}" for q in comparison.quantities
        ]
    for heading, names in (("New:", comparison.added), ("Dropped:", comparison.dropped)):
        if names:
            lines += ["", heading, "  " + "、".join(n.text for n in names)]
    return "\n".join(lines) + "\n"


def cmd_compare(args: argparse.Namespace) -> int:
    """Open the comparison screen, or print the comparison in ``args.format``."""
    if args.format is None:
        # The first pages of each are enough to refuse a file that cannot be
        # opened before the terminal is taken over, and to show NEW at once;
        # the screen parses both in full while it compares.
        old = open_document(args.old, head=True)
        new = open_document(args.new, head=True)
        from reader.app import ReaderApp  # Textual loads only when the app runs.

        ReaderApp(document=new, compare_with=old).run()
        return 0
    old = open_document(args.old)
    new = open_document(args.new)
    comparison = compare(old, new)
    if args.format == "json":
        print(json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        sys.stdout.write(comparison_markdown(comparison))
    else:
        sys.stdout.write(comparison_text(comparison))
    return 0


def add_compare(commands: Any) -> None:
    """Register ``compare`` with the subcommand parser."""
    parser = commands.add_parser(
        "compare", help="compare two editions: changed sections, figures, new and dropped terms"
    )
    parser.add_argument("old", help="last edition (a text or Markdown file)")
    parser.add_argument("new", help="this edition")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        help="print the comparison instead of opening the comparison screen",
    )
    parser.set_defaults(func=cmd_compare)
