"""Safe YAML reading and fast block-style writing of the store file.

Reading: UTF-8 only (a BOM is accepted), one document, safe tags only (the C
loader when libyaml is there), duplicate keys refused, then a node budget
(:func:`reader.store.schema.check_size`) before anything walks the data.

Writing: the whole file is the concatenation of YAML fragments, one per record
head and one per bookmark, each dumped once and cached by object identity, so a
save with 10,000 bookmarks in the store dumps only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from reader.store.records import Bookmark, DocumentRecord
from reader.store.schema import (
    VERSION,
    SchemaError,
    bookmark_dict,
    check_size,
    record_head,
)

if TYPE_CHECKING:
    import yaml

# yaml (~25 ms of import) loads when the store is first read or written, not at
# start-up: the loader and dumper classes are built on first use.

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused unread (50,000 bookmarks take ~25 MB)."""


@cache
def strict_loader() -> type[Any]:
    """The safe loader that refuses duplicate mapping keys (built once, on first use).

    A subclass of PyYAML's safe loader (the C one when libyaml is there). PyYAML
    lets the last duplicate win silently; in a bookmark file that would drop a
    document's bookmarks written under the same key, so the file is refused and
    moved aside for the user to fix instead.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            merges = any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value)
            count = len(node.value)
            mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
            if not merges and len(mapping) != count:
                raise SchemaError("a mapping has duplicate keys")
            return mapping

    return StrictLoader


@cache
def _dumper() -> type[Any]:
    """Safe dumper that never writes anchors/aliases: the file stays plain data."""
    import yaml

    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return Dumper


def _safe_parse(text: str) -> object:
    """One YAML document through the strict *safe* loader (CSafeLoader when built).

    What ``yaml.safe_load`` does, with our loader: a subclass of the safe loader
    that also refuses duplicate keys; it constructs plain data only, never a
    Python object from a tag.
    """
    loader = strict_loader()(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_bytes(raw: bytes) -> object:
    """Decode and safely parse the file's bytes.

    Raises:
        SchemaError: not UTF-8, too big, not YAML, unsafe tags, several documents,
            duplicate keys, or too many nodes once aliases are expanded.
    """
    if len(raw) > MAX_BYTES:
        raise SchemaError(f"the file is larger than {MAX_BYTES // 2**20} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SchemaError(f"not UTF-8 text (byte {error.start})") from None
    import yaml

    try:
        data = _safe_parse(text)
    except yaml.YAMLError as error:
        raise SchemaError(_one_line(error)) from None
    except RecursionError:
        raise SchemaError("nested too deeply") from None
    check_size(data, budget=len(text) + 1000)
    return data


def _one_line(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f" at line {mark.line + 1}" if mark is not None else ""
    return f"{problem}{where}".strip()


def dump_plain(data: Any) -> str:
    """Block-style, human-readable YAML of plain data."""
    import yaml

    return yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def _indent(text: str, spaces: str) -> str:
    # Prefixing every line keeps block scalars and folded scalars intact: their
    # content is relative to the enclosing indentation.
    return "".join(spaces + line for line in text.splitlines(keepends=True))


def head_bytes(record: DocumentRecord) -> bytes:
    """A record's fragment: its key, its fields and the ``bookmarks:`` line."""
    head = _indent(dump_plain({record.fingerprint: record_head(record)}), "  ")
    return (head + ("    bookmarks:\n" if record.bookmarks else "    bookmarks: []\n")).encode()


def bookmark_bytes(bookmark: Bookmark) -> bytes:
    """A bookmark's fragment: one item of its record's ``bookmarks`` list."""
    return _indent(dump_plain([bookmark_dict(bookmark)]), "    ").encode()


Layout = tuple[int, dict[str, tuple[int, list[int]]]]
"""Preamble length; per fingerprint, head length and bookmark fragment lengths."""


@dataclass(frozen=True)
class Body:
    """The bookmarks of one record as written: the joined fragments and each one."""

    bookmarks: tuple[Bookmark, ...]
    """The tuple these fragments were made from (compared by identity)."""
    data: bytes
    """The fragments joined."""
    fragments: tuple[bytes, ...]
    """One fragment per bookmark, in order."""


@dataclass(frozen=True)
class Dump:
    """A whole file's bytes and how they were put together (for the sidecar cache)."""

    parts: tuple[bytes, ...]
    """The file's bytes in pieces (not joined: a writer writes them one by one)."""
    preamble: int
    """Bytes before the first record (version, unknown top-level keys, ``documents:``)."""
    heads: dict[str, int]
    """Byte length of each record's head fragment, by fingerprint."""
    bodies: dict[str, Body]
    """Each record's bookmark fragments, by fingerprint."""

    @property
    def data(self) -> bytes:
        """The whole file's bytes."""
        return b"".join(self.parts)


class Serializer:
    """Writes the store file from records, re-dumping only new or changed objects.

    Fragments are cached per record (by fingerprint) and checked by object
    identity: records and bookmarks are frozen, so the same object always dumps
    to the same bytes. A save that changes one bookmark of 10,000 dumps one
    bookmark and one head, and joins the rest.
    """

    def __init__(self) -> None:
        self._heads: dict[str, tuple[DocumentRecord, bytes]] = {}
        self._bodies: dict[str, Body] = {}

    def dump(self, records: dict[str, DocumentRecord], extra: dict[str, Any]) -> Dump:
        """The whole file's bytes, with the fragments they were joined from."""
        preamble = dump_plain({"version": VERSION}) + (dump_plain(extra) if extra else "")
        preamble += "documents:\n" if records else "documents: {}\n"
        parts = [preamble.encode()]
        heads: dict[str, tuple[DocumentRecord, bytes]] = {}
        bodies: dict[str, Body] = {}
        for fingerprint, record in records.items():
            cached = self._heads.get(fingerprint)
            if cached is None or cached[0] is not record:
                cached = (record, head_bytes(record))
            heads[fingerprint] = cached
            body = self._body(fingerprint, record.bookmarks)
            bodies[fingerprint] = body
            parts += (cached[1], body.data)
        # Keep only what this file holds: the cache never outgrows the store.
        self._heads, self._bodies = heads, bodies
        head_sizes = {fingerprint: len(head) for fingerprint, (_, head) in heads.items()}
        return Dump(tuple(parts), len(parts[0]), head_sizes, bodies)

    def _body(self, fingerprint: str, bookmarks: tuple[Bookmark, ...]) -> Body:
        old = self._bodies.get(fingerprint)
        if old is not None and old.bookmarks is bookmarks:
            return old
        # The old tuple is alive while this runs, so an id() found here is the same object.
        known = (
            dict(zip(map(id, old.bookmarks), old.fragments, strict=True)) if old is not None else {}
        )
        fragments = tuple(known.get(id(b)) or bookmark_bytes(b) for b in bookmarks)
        return Body(bookmarks, b"".join(fragments), fragments)

    def prefill(self, raw: bytes, records: dict[str, DocumentRecord], layout: Layout) -> None:
        """Take the fragments of a file this serializer's format wrote, from its bytes.

        Args:
            raw: The file's bytes.
            records: The records parsed from it (the sidecar cache's).
            layout: Preamble length, then per record its head length and its
                bookmark fragment lengths, as :class:`Dump` gave them.

        Raises:
            ValueError: the layout does not cover ``raw`` exactly.
        """
        preamble, sizes = layout
        pos = preamble
        heads: dict[str, tuple[DocumentRecord, bytes]] = {}
        bodies: dict[str, Body] = {}
        for fingerprint, record in records.items():
            head, lengths = sizes[fingerprint]
            heads[fingerprint] = (record, raw[pos : pos + head])
            pos += head
            fragments = []
            for length in lengths:
                fragments.append(raw[pos : pos + length])
                pos += length
            if len(fragments) != len(record.bookmarks):
                raise ValueError("layout does not match the records")
            body = tuple(fragments)
            bodies[fingerprint] = Body(record.bookmarks, b"".join(body), body)
        if pos != len(raw):
            raise ValueError("layout does not cover the file")
        self._heads, self._bodies = heads, bodies
