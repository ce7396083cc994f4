"""The command line: `reader [FILE|DIR|-]` and the scripting subcommands.

Exit status: 0 on success, 2 when a file cannot be opened or the arguments are
wrong (one line on stderr, never a traceback), 130 on Ctrl-C, 1 when the app
stopped on an unhandled error (after Textual's traceback on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.model.memory import end_start_up_pause, pause_for_start_up
from reader.paths import seeds_dir

# The model loads in `main`, once the collector is paused for the app's start-up.
if TYPE_CHECKING:
    from reader.model.document import Document
    from reader.model.structure.outline_scan import Outlined

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_FAILURE = 2

SUBCOMMANDS = ("outline", "facts", "bookmarks", "compare", "text")


class CliError(Exception):
    """An error to report in one line on stderr, with exit status 2."""


def _safe(text: str) -> str:
    """``text`` with control characters shown visibly, for one-line messages.

    File names can hold ESC, newlines or undecodable bytes; they must not drive
    the terminal (the same rule as for names on screen).
    """
    from reader.model.document import visible_name

    return visible_name(text)


def resolve_target(target: str | None) -> tuple[str | None, list[Path]]:
    """Turn the PATH argument into one file (or ``"-"``) or a folder listing.

    Returns:
        ``(file, [])`` for a single document, ``(None, paths)`` for a folder
        with several documents.

    Raises:
        LoadError: a folder with no documents, or a missing path.
    """
    from reader.model.opening import list_documents
    from reader.model.text.loading import LoadError

    if target == "-":
        return "-", []
    folder = seeds_dir() if target is None else Path(target)
    if target is not None and not folder.is_dir():
        return str(folder), []
    documents = list_documents(folder)
    if not documents:
        raise LoadError(str(folder), "no documents in this folder (looked for .txt and .md files)")
    if len(documents) == 1:
        return str(documents[0]), []
    return None, documents


def _load_one(target: str | None, command: str) -> Document:
    """The document a subcommand works on (the bundled sample when omitted).

    Raises:
        CliError: ``target`` is a folder of several documents.
    """
    file, many = resolve_target(target)
    if file is None:
        raise CliError(
            f"{target or seeds_dir()} is a folder of {len(many)} documents: "
            f"{command} needs one file (reader {command} FILE)"
        )
    from reader.model.opening import open_document

    return open_document(file)


def _dump(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    import yaml  # only for --format yaml: the app's start-up does without it

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def outline_data(document: Document | Outlined) -> dict[str, Any]:
    """The outline as plain data: ``{"title", "meta", "sections"}``."""
    meta = document.meta
    return {
        "title": document.title,
        "meta": {
            "title": meta.title,
            "subtitle": meta.subtitle,
            "author": meta.author,
            "editor": meta.editor,
            "source": meta.source,
            "edition": meta.edition,
            "published": meta.published.isoformat(timespec="minutes") if meta.published else None,
            "captured": meta.captured.isoformat() if meta.captured else None,
            "breadcrumb": list(meta.breadcrumb),
            "language": meta.language,
            "encoding": document.encoding,
            "fingerprint": document.fingerprint,
        },
        "sections": [
            {
                "id": s.id,
                "level": s.level,
                "title": s.title,
                "subtitle": s.subtitle,
                "start": s.start,
                "end": s.end,
            }
            for s in document.sections
        ],
    }


def outline_text(document: Document | Outlined) -> str:
    """The outline for people: title, metadata line, indented sections."""
    meta = document.meta
    lines = [_safe(document.title)]
    facts = [
        part
        for part in (
            meta.author,
            meta.source,
            meta.edition,
            meta.published.strftime("%Y-%m-%d %H:%M") if meta.published else None,
        )
        if part
    ]
    if facts:
        lines.append("  " + " · ".join(_safe(p) for p in facts))
    lines.append("")
    for section in document.sections:
        indent = "  " * max(0, section.level - 1)
        lines.append(f"{indent}{_safe(section.title)}  [{section.start}-{section.end}]")
        if section.subtitle:
            lines.append(f"{indent}  —— {_safe(section.subtitle)}")
    return "\n".join(lines)


def cmd_outline(args: argparse.Namespace) -> int:
    from reader.model.opening import open_outline

    file, many = resolve_target(args.path)
    documents = [open_outline(file)] if file is not None else [open_outline(p) for p in many]
    if args.format == "text":
        # A folder: each document's outline under its file name, blank line between.
        texts = [outline_text(d) for d in documents]
        if file is None:
            texts = [f"== {_safe(str(p))}\n{t}" for p, t in zip(many, texts, strict=True)]
        print("\n\n".join(texts))
    elif file is not None:
        print(_dump(outline_data(documents[0]), args.format))
    else:
        listing = [
            {"path": str(p), **outline_data(d)} for p, d in zip(many, documents, strict=True)
        ]
        print(_dump(listing, args.format))
    return EXIT_OK


def cmd_text(args: argparse.Namespace) -> int:
    """Print the displayed text (what the reading pane lays out), or the normalized source.

    The text goes out exactly as it is, plus a final newline when it has none;
    it was cleaned at load time, so it holds no control characters.
    """
    from reader.model.opening import STDIN_NAME, read_stream
    from reader.model.text.loading import load_bytes, load_path

    if args.source:
        file, many = resolve_target(args.path)
        if file is None:
            file = str(many[0])
        if file == "-":
            text = load_bytes(read_stream(sys.stdin.buffer), name=STDIN_NAME).text
        else:
            text = load_path(file).text
    else:
        text = _load_one(args.path, "text").text
    sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
    return EXIT_OK


def fact_kinds() -> tuple[str, ...]:
    """The fact kinds, in the order the text output groups them (the enum's)."""
    from reader.model.document import FactKind

    return tuple(kind.value for kind in FactKind)


def facts_text(records: list[dict[str, Any]]) -> str:
    """Facts for people: grouped by kind, one line a fact."""
    lines: list[str] = []
    for kind in fact_kinds():
        group = [r for r in records if r["kind"] == kind]
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(f"{kind} ({len(group)})")
        for record in group:
            text = _safe(str(record["text"]))
            shown = _safe(str(record.get("display") or ""))
            value = f"  {shown}" if shown and shown != text else ""
            counted = f"  [{_safe(str(record['counted']))}]" if record.get("counted") else ""
            where = ", ".join(str(m["start"]) for m in record["mentions"][:5])
            more = " …" if len(record["mentions"]) > 5 else ""
            lines.append(f"  {text}{value}{counted}  ×{len(record['mentions'])} @{where}{more}")
    return "\n".join(lines)


def cmd_facts(args: argparse.Namespace) -> int:
    from reader.model.facts.describe import describe_value
    from reader.model.facts.extract import extract_table, fact_record

    document = _load_one(args.path, "facts")
    table = extract_table(document)
    # Columns until here: a fact (and its mentions) is built only to be written out.
    kept = (i for i in range(len(table)) if args.kind in (None, table.kind(i).value))
    facts = (table.fact(i) for i in kept)
    if args.format == "text":
        records = [{**fact_record(f), "display": describe_value(f)} for f in facts]
        print(facts_text(records))
    else:
        print(_dump([fact_record(f) for f in facts], args.format))
    return EXIT_OK


def _bookmark_records(document: str | None) -> tuple[list[Any], bool]:
    """The store's records that hold bookmarks, those of ``document`` only when given.

    A store that cannot be read is not an error here: its warnings go to stderr
    and what could be read is printed (exit 0), as the app does.

    Returns:
        The records, and whether the store warned about anything.
    """
    from reader.model.opening import open_document
    from reader.model.text.loading import LoadError
    from reader.store.bookmarks import BookmarkStore
    from reader.store.reanchor import stored_path

    store = BookmarkStore()
    warnings = store.load()
    for warning in warnings:
        print(f"reader: {_safe(warning)}", file=sys.stderr)
    records = [r for r in store.documents() if r.bookmarks]
    if document is None:
        return records, bool(warnings)
    wanted = stored_path(document)
    fingerprint = None
    try:
        fingerprint = open_document(document).fingerprint
    except LoadError:
        pass  # a moved or deleted file is still found by the path it had
    return [r for r in records if wanted in r.paths or r.fingerprint == fingerprint], bool(warnings)


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from reader.store.export import export_data, export_markdown, list_text

    records, warned = _bookmark_records(args.document)
    # After a warning about the store, "no bookmarks" would only repeat it.
    if not records and not warned:
        where = f" for {_safe(args.document)}" if args.document else ""
        note = f"reader: no bookmarks{where} yet (press m in the reader to add one)"
        print(note, file=sys.stderr)
    if args.format == "markdown":
        sys.stdout.write(export_markdown(records))
    elif args.format == "text":
        sys.stdout.write(list_text(records))
    elif records:
        print(_dump(export_data(records), args.format))
    else:
        print("[]")
    return EXIT_OK


def _add_bookmarks(commands: Any) -> None:
    bookmarks = commands.add_parser("bookmarks", help="list or export the saved bookmarks")
    actions = bookmarks.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every bookmark, grouped by document")
    listing.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    export = actions.add_parser("export", help="bookmarks as citations (Markdown) or data")
    export.add_argument("--format", choices=("markdown", "yaml", "json"), default="markdown")
    for action in (listing, export):
        action.add_argument(
            "--document", metavar="PATH", help="only the bookmarks of this document"
        )
        action.set_defaults(func=cmd_bookmarks)


def cmd_open(args: argparse.Namespace) -> int:
    from reader.background import Detached
    from reader.model.opening import open_document

    file, many = resolve_target(args.path)
    # A big file shows its head at once; the app parses the rest in the background.
    document: Document | None = None
    opening: Detached[Document] | None = None
    if file == "-":
        document = open_document(file, head=True)
        _reattach_tty()
    elif file is not None:
        # Read beside Textual's import: the file's bytes (~40 ms at 50 MB, the
        # GIL released) and their digest come in on the other core meanwhile.
        opening = Detached(lambda: open_document(file, head=True), "reader-open")
    from reader.app import ReaderApp  # Textual loads only when the app runs.

    if opening is not None:
        document = opening.wait(lambda: False)  # a file it cannot open raises here

    app = ReaderApp(document=document, folder_documents=many or None)
    app.run()
    if app.return_code:
        # Textual has printed the traceback on stderr; a script must not take this for success.
        print("reader: stopped by an unexpected error (the traceback is above)", file=sys.stderr)
        return EXIT_CRASH
    return EXIT_OK


def _reattach_tty() -> None:
    """After reading a document from a pipe, take keys from the terminal."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise CliError("-: standard input was the document and there is no terminal") from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        help="a text or Markdown file, a folder, or - for stdin (default: the bundled sample)",
    )


def open_parser() -> argparse.ArgumentParser:
    """The parser for `reader [PATH]`."""
    main = argparse.ArgumentParser(
        prog="reader",
        description=(
            "A terminal reader for long articles and reports, Chinese and English.\n"
            "Subcommands: outline, facts, bookmarks, compare, text (reader SUBCOMMAND --help).\n"
            "A file named like a subcommand opens as ./NAME."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main.add_argument("--version", action="version", version=f"reader {__version__}")
    _add_path(main)
    main.set_defaults(func=cmd_open)
    return main


def subcommand_parser() -> argparse.ArgumentParser:
    """The parser for the subcommands (it imports `compare`'s model: not for `reader PATH`)."""
    sub = argparse.ArgumentParser(prog="reader")
    sub.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = sub.add_subparsers(dest="command", required=True)
    outline = commands.add_parser("outline", help="print the sections of a document")
    _add_path(outline)
    outline.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    outline.set_defaults(func=cmd_outline)
    facts = commands.add_parser("facts", help="print the facts of a document")
    _add_path(facts)
    facts.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    facts.add_argument("--kind", choices=fact_kinds(), help="only facts of this kind")
    facts.set_defaults(func=cmd_facts)
    _add_bookmarks(commands)
    from reader.cli_compare import add_compare

    add_compare(commands)
    text = commands.add_parser("text", help="print the text as the reader lays it out")
    _add_path(text)
    text.add_argument(
        "--source", action="store_true", help="print the normalized source instead (no reflow)"
    )
    text.set_defaults(func=cmd_text)
    return sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    opening = not (args_list and args_list[0] in SUBCOMMANDS)
    # No cyclic collection while the document is built: its objects all stay alive
    # (the app's start-up: ~180 collections, ~30 ms before the first frame, that
    # found nothing to free; `reader outline` of 50 MB: ~0.1 s). The app freezes
    # them and collects again once its first frame is drawn
    # (``ReaderApp.first_frame_drawn``); a subcommand prints and is done.
    pause_for_start_up()
    try:
        return _run(subcommand_parser() if not opening else open_parser(), args_list)
    finally:
        end_start_up_pause()


def _run(parser: argparse.ArgumentParser, args_list: list[str]) -> int:
    from reader.model.text.loading import LoadError

    args = parser.parse_args(args_list)
    try:
        status: int = args.func(args)
        sys.stdout.flush()
        return status
    except LoadError as error:
        print(f"reader: {_safe(str(error))}", file=sys.stderr)
        return EXIT_FAILURE
    except CliError as error:
        print(f"reader: {_safe(str(error))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`reader outline | head`).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
