"""Safe YAML reading and fast block-style writing of the store file.

Reading: UTF-8 only (a BOM is accepted), one document, safe tags only (the C
loader when libyaml is there), duplicate keys refused, then a node budget
(:func:`reader.store.schema.check_size`) before anything walks the data.

Writing: the whole file is the concatenation of YAML fragments, one per record
head and one per bookmark, each dumped once and cached by object identity, so a
save with 10,000 bookmarks in the store dumps only what changed.
"""

from __future__ import annotations

from typing import Any

import yaml

from reader.store.records import Bookmark, DocumentRecord
from reader.store.schema import (
    VERSION,
    SchemaError,
    bookmark_dict,
    check_size,
    record_head,
)

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MAX_BYTES = 256 * 1024 * 1024
"""Files larger than this are refused before parsing (50,000 bookmarks take ~25 MB)."""


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that refuses duplicate mapping keys.

    PyYAML lets the last duplicate win silently; in a bookmark file that would drop
    a document's bookmarks written under the same key, so the file is refused and
    moved aside for the user to fix instead.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        merges = any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value)
        count = len(node.value)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if not merges and len(mapping) != count:
            raise SchemaError("a mapping has duplicate keys")
        return mapping


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Safe dumper that never writes anchors/aliases: the file stays plain data."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


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
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a safe loader)
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
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def _indent(text: str, spaces: str) -> str:
    # Prefixing every line keeps block scalars and folded scalars intact: their
    # content is relative to the enclosing indentation.
    return "".join(spaces + line for line in text.splitlines(keepends=True))


class Serializer:
    """Writes the store file from records, re-dumping only new or changed objects."""

    def __init__(self) -> None:
        self._bookmarks: dict[int, tuple[Bookmark, str]] = {}
        self._heads: dict[int, tuple[DocumentRecord, str]] = {}

    def dump(self, records: dict[str, DocumentRecord], extra: dict[str, Any]) -> str:
        """The whole file's text."""
        parts = [dump_plain({"version": VERSION})]
        if extra:
            parts.append(dump_plain(extra))
        if not records:
            parts.append("documents: {}\n")
            self._bookmarks.clear()
            self._heads.clear()
            return "".join(parts)
        parts.append("documents:\n")
        bookmarks: dict[int, tuple[Bookmark, str]] = {}
        heads: dict[int, tuple[DocumentRecord, str]] = {}
        for record in records.values():
            parts.append(self._head(record, heads))
            if not record.bookmarks:
                parts.append("    bookmarks: []\n")
                continue
            parts.append("    bookmarks:\n")
            for bookmark in record.bookmarks:
                parts.append(self._bookmark(bookmark, bookmarks))
        # Keep only what this file holds: the cache never outgrows the store.
        self._bookmarks, self._heads = bookmarks, heads
        return "".join(parts)

    def _head(self, record: DocumentRecord, fresh: dict[int, tuple[DocumentRecord, str]]) -> str:
        cached = self._heads.get(id(record))
        if cached is None or cached[0] is not record:
            cached = (record, _indent(dump_plain({record.fingerprint: record_head(record)}), "  "))
        fresh[id(record)] = cached
        return cached[1]

    def _bookmark(self, bookmark: Bookmark, fresh: dict[int, tuple[Bookmark, str]]) -> str:
        cached = self._bookmarks.get(id(bookmark))
        if cached is None or cached[0] is not bookmark:
            cached = (bookmark, _indent(dump_plain([bookmark_dict(bookmark)]), "    "))
        fresh[id(bookmark)] = cached
        return cached[1]
