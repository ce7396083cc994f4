"""The document model: frozen dataclasses over one displayed text.

Position unit: every span in this package is a half-open ``(start, end)`` pair of
*character offsets* (``str`` indices) into ``Document.text``. Nothing keeps its
own copy of positions; the reading pane maps offsets to wrapped lines and back.

``Document.text`` is the *displayed* text: the normalized source as the reader
lays it out (hard-wrapped lines joined and page furniture dropped by
:mod:`reader.model.structure.reflow`; Markdown rendered). Search, facts,
bookmarks, citations and the CLI's JSON all use its offsets.
``Document.source_map`` leads from a displayed offset back to the normalized
source; it is the identity for a text shown as it is (most news, the sample).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import Enum
from functools import cached_property
from typing import cast

from reader.model.columns import columns_of, rows_of
from reader.model.structure.source_map import SourceMap

# Names on screen follow the one control-character policy, in cleaning.py.
from reader.model.text.cleaning import visible_name as visible_name
from reader.model.text.fingerprint import Digest, text_digest
from reader.model.text.loading import Pending

Span = tuple[int, int]
"""A half-open range of character offsets into ``Document.text``."""


class ParagraphKind(str, Enum):
    """What a paragraph is, for styling and for the outline."""

    META = "meta"
    """A metadata line: capture date, breadcrumb, title, source line."""
    HEADING = "heading"
    """The heading line of a section."""
    SUBTITLE = "subtitle"
    """A subtitle line under a heading (the "——" line of news summaries)."""
    BODY = "body"
    """Running text."""
    CODE = "code"
    """A fenced or indented code block (Markdown); shown as is, never reflowed."""
    TABLE = "table"
    """A Markdown table laid out in aligned columns; never reflowed."""
    QUOTE = "quote"
    """A paragraph inside a Markdown block quote (drawn with a bar)."""
    LIST_ITEM = "list-item"
    """A Markdown list item (its bullet or number is in the text; hanging indent)."""


class InlineStyle(str, Enum):
    """How a run of displayed text is styled (rendered Markdown)."""

    EMPHASIS = "emphasis"
    STRONG = "strong"
    CODE = "code"
    """Inline code (the backticks are not in the text)."""
    STRIKE = "strike"
    LINK = "link"
    """A link's text."""
    LINK_URL = "link-url"
    """A link's address, shown dim after its text."""
    IMAGE = "image"
    """The ``[image: alt]`` stand-in of an image."""
    RULE = "rule"
    """Table borders and thematic breaks."""


@dataclass(frozen=True, slots=True)
class StyleRun:
    """A styled run of the displayed text."""

    start: int
    end: int
    style: InlineStyle


@dataclass(frozen=True, slots=True)
class BlockShape:
    """How a block is set on the page beside its text (rendered Markdown).

    Every line is drawn ``indent`` cells in (``quote`` bars fill the first
    ``2 * quote`` of them); the lines after a paragraph's first one ``hang``
    cells further (under a list item's text, past its bullet). For CODE and
    TABLE a line after a newline starts at ``indent + hang`` and a line cut
    because it was too long starts at ``indent`` with a continuation marker.
    """

    indent: int = 0
    hang: int = 0
    quote: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: a run of text between blank lines or line breaks."""

    index: int
    """Position in ``Document.paragraphs``."""
    start: int
    """Offset of the first character (leading indentation included)."""
    end: int
    """Offset just past the last character (the newline is not included)."""
    kind: ParagraphKind
    """What the paragraph is."""
    section: int
    """Index into ``Document.sections`` of the section that holds it."""

    @property
    def span(self) -> Span:
        """The paragraph's ``(start, end)``."""
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Section:
    """A section: its heading and everything up to the next section.

    The text before the first heading is a section too (the lead), with level 0
    and the document title (or "Lead") as its title.
    """

    index: int
    """Position in ``Document.sections``."""
    id: str
    """Stable id: a slug of the title plus an ordinal, e.g. ``"lead"``, ``"1-shi-wei"``."""
    level: int
    """0 for the lead, 1 for top-level headings, 2 for their children, and so on."""
    title: str
    """The heading text, trimmed (numbering kept as written)."""
    subtitle: str | None
    """The subtitle line, with leading dashes stripped, if any."""
    start: int
    """Offset where the section begins (its heading line, or 0 for the lead)."""
    end: int
    """Offset where the next section begins (or ``len(text)``)."""
    heading: Span | None
    """Span of the heading text inside ``text``; ``None`` for the lead."""
    first_paragraph: int
    """Index of the section's first paragraph."""
    last_paragraph: int
    """Index just past the section's last paragraph (half-open)."""
    parent: int | None = None
    """Index of the enclosing section, or ``None`` at top level."""

    @property
    def span(self) -> Span:
        """The section's ``(start, end)``."""
        return (self.start, self.end)

    def __reduce__(self) -> tuple[type[Section], tuple[object, ...]]:
        # Rebuilt from its fields in one call: twice as fast both ways as the
        # dataclass's slot state (25,900 sections of a 5 MB text: 0.18 -> 0.10 s
        # to unpickle, in the UI's process, after a worker parsed the document).
        return (Section, tuple(getattr(self, name) for name in _SECTION_FIELDS))


_SECTION_FIELDS = tuple(one.name for one in fields(Section))


@dataclass(frozen=True)
class Meta:
    """What the document says about itself. Every field is optional."""

    title: str | None = None
    """The document title (main title, subtitle split off when there is a ——)."""
    subtitle: str | None = None
    """The title's subtitle (after "——" in the title line), if any."""
    source: str | None = None
    """The publication, e.g. 苏州日报 (brackets stripped)."""
    edition: str | None = None
    """The edition or page, e.g. 01版."""
    published: datetime | None = None
    """Publication time; a date alone is stored at midnight."""
    captured: date | None = None
    """The date the page was captured (the 今天是… line of saved web pages)."""
    breadcrumb: tuple[str, ...] = ()
    """Navigation trail of a saved web page, e.g. (首页, 省市要闻, 正文)."""
    author: str | None = None
    """Who wrote or delivered it: a byline's names (several joined by 、), an author
    line, or Markdown front matter's ``author``."""
    editor: str | None = None
    """The editor named in a ``责任编辑：``/``Editor:`` line, at the top or the foot."""
    language: str = "und"
    """``"zh"``, ``"en"`` or ``"und"`` (undetermined)."""
    spans: dict[str, Span] = field(default_factory=dict)
    """Where each field came from: field name -> span in ``Document.text``."""


_NO_MAP = SourceMap.identity(0)
"""Stands for "no map given": ``Document`` puts the identity of its text in its place."""


@dataclass(frozen=True)
class Document:
    """A parsed document: the one normalized text and everything found in it."""

    text: str
    """The whole displayed text (LF newlines, no control characters): the
    normalized source reflowed or rendered; every span is an offset into it."""
    meta: Meta
    """Metadata found at the top of the text."""
    sections: tuple[Section, ...]
    """Sections in text order; they cover the text without gaps or overlap."""
    paragraphs: Sequence[Paragraph]
    """Paragraphs in text order: a tuple, or columns (``model.paragraphs.Paragraphs``)."""
    path: str | None = None
    """Where the text was read from (``None`` for stdin or a string)."""
    encoding: str | None = None
    """The encoding the bytes were decoded with, if read from bytes."""
    complete: bool = True
    """False for a head-only parse (see ``parse.parse_head``): the paragraphs and
    headings stop early and the last section runs on to the end of the text. The
    app shows such a document at once and swaps in the full parse when ready."""
    source_map: SourceMap = _NO_MAP
    """Displayed offsets to offsets in the normalized source (the identity when
    the text is shown as it is; see :mod:`reader.model.structure.source_map`)."""
    source: str | None = None
    """The normalized source, kept for rendered Markdown (whose head-only parse
    renders only the head: the full parse must start from the source); ``None``
    otherwise (``source_map`` leads back from ``text``)."""
    styles: tuple[StyleRun, ...] = ()
    """Inline style runs of the displayed text, sorted by start (rendered Markdown)."""
    shapes: Mapping[int, BlockShape] = field(default_factory=dict)
    """Indentation of the paragraphs that have one, keyed by paragraph start."""
    raw: Pending | None = field(default=None, compare=False, repr=False)
    """The file's bytes, for a head decoded alone (``opening.open_document``):
    its text is only the head's, and the full parse takes and decodes them."""
    digest: Digest | None = field(default=None, compare=False, repr=False)
    """``fingerprint`` when already known or being hashed from the file's bytes
    (which are then ``text`` in UTF-8: see :mod:`reader.model.text.fingerprint`)."""

    def __post_init__(self) -> None:
        if self.source_map is _NO_MAP:
            object.__setattr__(self, "source_map", SourceMap.identity(len(self.text)))

    def __reduce__(self) -> tuple[Callable[..., Document], tuple[object, ...]]:
        # Its fields (not what cached properties added), the sections as columns.
        values = [getattr(self, name) for name in _DOCUMENT_FIELDS]
        values[_SECTIONS_AT] = columns_of(self.sections, _SECTION_FIELDS)
        return (_document_from, (values,))

    @property
    def source_text(self) -> str:
        """What a full parse starts from: the Markdown source, else ``text``."""
        return self.text if self.source is None else self.source

    @property
    def final_text(self) -> bool:
        """Whether offsets into ``text`` are those of the full parse (they can be stored).

        False for a head-only parse that reflowed or rendered only its head
        (the rest is source until the full parse), or that was decoded alone
        from bytes that were not clean UTF-8 so far: bookmarks and positions wait
        for the full document, and its offsets are carried over by
        :meth:`carry_offset`.
        """
        if self.complete or self.source is not None:
            return self.complete
        # Decoded alone: final when shown as it is from clean UTF-8, whose
        # digest of the whole file's bytes is then the full text's fingerprint.
        return self.raw is None or self.digest is not None

    def carry_offset(self, offset: int, full: Document) -> int:
        """Where ``offset`` of this document's text is in ``full``'s, the same source parsed whole.

        The same offset inside the part both texts share (the whole text, or a
        head reflowed or rendered as the full parse does it); past it, through
        the source: this text's map back to the source, then ``full``'s forward.
        """
        if full.text is self.text:
            return offset
        shared = self.paragraphs[-1].end if self.paragraphs else 0
        if offset <= shared and self.text[:shared] == full.text[:shared]:
            return offset
        return full.source_map.to_display(self.source_map.to_source(offset))

    @cached_property
    def fingerprint(self) -> str:
        """sha256 hex digest of the displayed text (UTF-8)."""
        if self.digest is not None:
            return self.digest.hexdigest()
        return text_digest(self.text)

    def with_fingerprint_of(self, other: Document) -> Document:
        """This document, knowing its fingerprint from ``other`` when both hold the same text.

        The full parse of a head-only document shares its ``text`` (the same
        object): its fingerprint need not be hashed again.
        """
        if other.text is not self.text or self.digest is not None:
            return self
        return replace(self, digest=other.digest or Digest.known(other.fingerprint))

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        # Built on first use (one pass), then every look-up is a dict probe: the
        # screen asks on each section change while scrolling.
        by_id: dict[str, Section] = {}
        for section in self.sections:
            by_id.setdefault(section.id, section)
        return by_id

    @cached_property
    def _paragraph_starts(self) -> Sequence[int]:
        # Columns keep their start offsets; a tuple's are read once.
        starts: Sequence[int] | None = getattr(self.paragraphs, "starts", None)
        return starts if starts is not None else [p.start for p in self.paragraphs]

    @property
    def title(self) -> str:
        """A title to show: the metadata title, else the file name.

        A text with no title line is named by its file, suffix and all (what
        the file is stays in sight), not by its first sentence or heading (a
        heading names a part, not the whole); only a text with no file name
        (stdin, a string) falls back to its first heading.
        """
        return document_title(self.meta, self.path, self.sections)

    def section_at(self, offset: int) -> Section | None:
        """The section that holds ``offset`` (the last one for offsets past the end)."""
        if not self.sections:
            return None
        index = max(0, bisect_right(self._section_starts, offset) - 1)
        return self.sections[index]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph at or before ``offset``, or ``None`` when there is none."""
        if not self.paragraphs:
            return None
        index = max(0, bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index]

    def section_by_id(self, section_id: str) -> Section | None:
        """The section with id ``section_id``, if any (a dict look-up)."""
        return self._sections_by_id.get(section_id)

    def slice(self, span: Span) -> str:
        """The text of ``span``."""
        return self.text[span[0] : span[1]]


def document_title(meta: Meta, path: str | None, sections: Sequence[Section]) -> str:
    """:attr:`Document.title` of a document with this metadata, path and sections."""
    if meta.title:
        return meta.title
    if path:
        return visible_name(path.rsplit("/", 1)[-1])
    for section in sections:
        if section.heading is not None:
            return section.title
    return "Untitled"


class FactKind(str, Enum):
    """The closed set of fact kinds; the sidebar groups by these, in this order."""

    QUANTITY = "quantity"
    DATE = "date"
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    WORK = "work"
    TERM = "term"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a fact is said."""

    start: int
    end: int
    section: str
    """Id of the section that holds the mention."""

    @property
    def span(self) -> Span:
        """The mention's ``(start, end)``."""
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure, date, person, organisation, place, work or term of the text.

    One fact per thing said, with all its mentions: people, organisations,
    places, works and terms per surface; quantities and dates per surface and
    what they count (``counted``), since "5.2%" of growth and of unemployment
    are two facts.
    """

    kind: FactKind
    text: str
    """The surface as written, e.g. 1.2万余次."""
    value: float | int | str | None = None
    """Normalized value: a number for quantities (12000), ISO text for dates
    ("2014-06-13", "2014-06-13/2014-06-14", "2014-07-22T08:52"), the titles as
    given for people ("省委副书记、市委书记"), the canonical name otherwise."""
    unit: str | None = None
    """Unit or measure word (次, 个, %, 元, km)."""
    qualifier: str | None = None
    """exact, more-than, at-least, about, at-most, less-than or range."""
    counted: str | None = None
    """What is counted, or a short context label."""
    mentions: Sequence[Mention] = ()
    """Every place the fact is said, in text order (a tuple, or a view over the
    columns of a :class:`~reader.model.facts.table.FactTable`)."""
    value_end: float | int | None = None
    """Upper bound of a numeric range (3至5年 -> value 3, value_end 5)."""


_DOCUMENT_FIELDS = tuple(one.name for one in fields(Document))
_SECTIONS_AT = _DOCUMENT_FIELDS.index("sections")


def _document_from(values: list[object]) -> Document:
    """A :class:`Document` from what its ``__reduce__`` sent."""
    values[_SECTIONS_AT] = rows_of(Section, cast(list[list[object]], values[_SECTIONS_AT]))
    return Document(*values)  # type: ignore[arg-type]
