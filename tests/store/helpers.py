"""Documents built by hand, so store tests do not depend on the parser."""

from __future__ import annotations

from datetime import datetime

from reader.model.document import Document, Meta, Paragraph, ParagraphKind, Section

BODY = (
    "市委常委带头作示范,督导组层层严格把关\n"
    "——强化质量意识确保活动扎实推进\n"
    "市委把习近平总书记系列重要讲话和中央、省委精神作为开展教育实践活动的根本遵循,"
    "第一时间传达学习,第一时间贯彻落实。\n"
)


def make_document(text: str = BODY, path: str | None = "/docs/article.txt") -> Document:
    """A document with one section per line, titled by the line."""
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        end = pos + len(line)
        paragraphs.append(Paragraph(index, pos, end, ParagraphKind.BODY, index))
        sections.append(
            Section(
                index,
                f"s{index}",
                1,
                line[:20] or "Lead",
                None,
                pos,
                end + 1,
                None,
                index,
                index + 1,
            )
        )
        pos = end + 1
    meta = Meta(
        title="以优良作风谱写中国梦“苏州篇章”",
        source="苏州日报",
        published=datetime(2014, 7, 22, 8, 52),
    )
    return Document(text, meta, tuple(sections), tuple(paragraphs), path)
