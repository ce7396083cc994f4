"""ReadingPane in a tiny app: what it draws, how it scrolls, what it posts."""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult

from reader.model.document import Document, Meta, Paragraph, ParagraphKind, Section
from reader.model.layout.wrap import CLOSING
from reader.model.structure.parse import parse
from reader.widgets.reading import ReadingPane
from reader.widgets.reading_draw import MARK

FORBIDDEN_STARTS = set("，。、；：？！”）》,")


class PaneApp(App[None]):
    """An app holding only a ReadingPane; it records the pane's messages."""

    def __init__(self, document: Document, measure: int = 80) -> None:
        super().__init__()
        self.document = document
        self.measure = measure
        self.sections: list[str] = []
        self.positions: list[tuple[int, float]] = []

    def compose(self) -> ComposeResult:
        yield ReadingPane(self.document, measure=self.measure)

    def on_reading_pane_section_visible(self, event: ReadingPane.SectionVisible) -> None:
        self.sections.append(event.section_id)

    def on_reading_pane_position_changed(self, event: ReadingPane.PositionChanged) -> None:
        self.positions.append((event.offset, event.fraction))


def make_document(parts: list[tuple[ParagraphKind, str]]) -> Document:
    """A document of one paragraph per line; a section starts at each heading."""
    text = "\n".join(t for _, t in parts)
    paragraphs: list[Paragraph] = []
    heads: list[tuple[int, int, str]] = []  # paragraph index, offset, title
    pos = 0
    for kind, line in parts:
        if kind is ParagraphKind.HEADING:
            heads.append((len(paragraphs), pos, line.strip()))
        paragraphs.append(Paragraph(len(paragraphs), pos, pos + len(line), kind, len(heads)))
        pos += len(line) + 1
    bounds = [(0, 0, "Lead")] + heads
    sections = []
    for i, (first, start, title) in enumerate(bounds):
        nxt = bounds[i + 1] if i + 1 < len(bounds) else (len(paragraphs), len(text), "")
        heading = None if i == 0 else (start, start + len(parts[first][1]))
        sections.append(
            Section(i, f"s{i}", min(i, 1), title, None, start, nxt[1], heading, first, nxt[0])
        )
    return Document(text, Meta(), tuple(sections), tuple(paragraphs))


def long_document(sections: int = 4, body: int = 12) -> Document:
    """Numbered sections of numbered body paragraphs, each a few lines long."""
    parts: list[tuple[ParagraphKind, str]] = [(ParagraphKind.BODY, "导语。" * 30)]
    for s in range(1, sections + 1):
        parts.append((ParagraphKind.HEADING, f"第{s}节 标题"))
        parts.append((ParagraphKind.SUBTITLE, f"——副标题{s}"))
        for b in range(body):
            sentences = "".join(f"苏州市委常委第{k}次带头作示范。" for k in range(12))
            parts.append((ParagraphKind.BODY, f"  第{s}节第{b}段。{sentences}"))
    return make_document(parts)


def screen_lines(pane: ReadingPane) -> list[str]:
    """The text of every row in view."""
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def all_lines(pane: ReadingPane) -> list[str]:
    """Every row of the document, paging through it with direct action calls."""
    pane.action_top()
    lines = screen_lines(pane)
    height = pane.scrollable_content_region.height
    while pane.scroll_y < pane.max_scroll_y:
        before = pane.scroll_y
        pane.action_page_down()
        step = int(pane.scroll_y - before)
        lines.extend(screen_lines(pane)[height - step :])
    return lines


async def test_the_sample_text_is_on_screen(seed_text: str) -> None:
    app = PaneApp(parse(seed_text))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        shown = "".join(screen_lines(pane))
        assert "今天是2025年07月04日" in shown
        assert "这是新时期的苏州“双面绣”" in shown
        assert app.positions and app.positions[-1] == (0, 0.0)


async def test_bracket_moves_the_next_heading_to_the_top_and_posts_the_section() -> None:
    document = long_document()
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert app.sections == ["s0"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == "第1节 标题"
        assert pane.current_offset == document.sections[1].start
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == "第2节 标题"
        assert app.sections == ["s0", "s1", "s2"]
        # Scrolling inside a section posts nothing new; [ goes back to its heading.
        pane.action_line_down()
        await pilot.pause()
        assert app.sections == ["s0", "s1", "s2"]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == "第2节 标题"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == "第1节 标题"
        assert app.sections[-1] == "s1"


async def test_scroll_to_section_puts_the_heading_at_the_top() -> None:
    document = long_document()
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.scroll_to_section("s3")
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == "第3节 标题"
        assert pane.current_paragraph == document.paragraphs[document.sections[3].first_paragraph]


async def test_end_shows_the_last_line_and_home_the_first() -> None:
    document = long_document(sections=6)
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        await pilot.press("G")
        await pilot.pause()
        lines = [line.strip() for line in screen_lines(pane)]
        assert lines[-1] and document.text.endswith(lines[-1])
        assert app.positions[-1][1] == 1.0
        assert app.sections[-1] == "s6"
        await pilot.press("g")
        await pilot.pause()
        assert pane.scroll_y == 0 and pane.current_offset == 0


async def test_space_pages_down_and_b_pages_back() -> None:
    app = PaneApp(long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        first_page = screen_lines(pane)
        await pilot.press("space")
        await pilot.pause()
        assert pane.scroll_y == 30
        assert pane.current_offset > 0
        assert screen_lines(pane) != first_page
        await pilot.press("j", "j", "k")
        assert pane.scroll_y == 31
        await pilot.press("b")
        assert pane.scroll_y == 1


async def test_a_narrow_pane_rewraps_without_closing_punctuation_at_line_starts(
    seed_text: str,
) -> None:
    document = parse(seed_text)
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        wide = all_lines(pane)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert pane.text_width == 56  # 60 - 2 scrollbar - 2 margin
        narrow = all_lines(pane)
        assert len(narrow) > len(wide)
        texts = [line.strip() for line in narrow if line.strip()]
        assert not [t for t in texts if t[0] in FORBIDDEN_STARTS or t[0] in CLOSING]
        # Every character of the text is drawn once (spaces aside).
        drawn = "".join(texts).replace(" ", "").replace("\xa0", "")
        expected = "".join(document.text.split()).replace("\xa0", "")
        assert drawn == expected


async def test_a_resize_keeps_the_same_passage_at_the_top() -> None:
    document = long_document()
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        target = document.paragraphs[20]
        middle = target.start + 40
        pane.scroll_to_offset(middle)
        await pilot.pause()
        top_before = screen_lines(pane)[0]
        assert pane.current_paragraph == target
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert pane.current_paragraph == target
        assert pane.current_offset == middle
        top = screen_lines(pane)[0].strip()
        assert top and top in document.text[target.start : target.end]
        assert top != top_before.strip()  # it did re-wrap
        # The line on top holds the offset that was at the reading line.
        start = document.text.index(top, target.start)
        assert start <= middle < start + len(top)


async def test_markup_in_the_text_is_shown_literally() -> None:
    document = make_document(
        [
            (ParagraphKind.BODY, "before [bold red]x[/] after"),
            (ParagraphKind.BODY, "[@click=app.quit]y[/] and \x1b? no: tab\there"),
        ]
    )
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        lines = screen_lines(pane)
        assert "before [bold red]x[/] after" in lines[0]
        assert "[@click=app.quit]y[/] and" in lines[2]
        assert "tab    here" in lines[2]  # a tab is drawn as four spaces
        for segment in pane.render_line(0):
            assert segment.style is None or not segment.style.bold


def styled_runs(pane: ReadingPane, y: int, style: Style) -> list[str]:
    """Texts of the segments of row ``y`` whose background is ``style``'s."""
    return [
        s.text
        for s in pane.render_line(y)
        if s.style is not None and s.style.bgcolor == style.bgcolor
    ]


async def test_highlights_cover_exactly_the_matched_characters() -> None:
    document = make_document(
        [(ParagraphKind.BODY, "The city of Suzhou 苏州 is on the Grand Canal; 苏州 again.")]
    )
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        text = document.text
        spans = [(text.index("Suzhou"), text.index("Suzhou") + 6)]
        first = text.index("苏州")
        second = text.index("苏州", first + 1)
        spans += [(first, first + 2), (second, second + 2)]
        pane.set_highlights("search", spans, current=1)
        normal = pane.get_component_rich_style("reading-pane--search")
        now = pane.get_component_rich_style("reading-pane--search-current")
        assert normal.bgcolor != now.bgcolor
        assert styled_runs(pane, 0, normal) == ["Suzhou", "苏州"]
        assert styled_runs(pane, 0, now) == ["苏州"]
        # The current one is the second span given: the first 苏州.
        texts = [s.text for s in pane.render_line(0)]
        assert texts.index("苏州") < texts.index(" again.") and texts.count("苏州") == 2
        pane.set_highlights("search", [])
        assert styled_runs(pane, 0, normal) == []


async def test_a_highlight_across_a_wrap_shows_on_both_lines() -> None:
    document = make_document([(ParagraphKind.BODY, "苏州" * 60)])
    app = PaneApp(document, measure=40)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        # 40 cells hold 20 wide characters: the span 15..25 crosses the first wrap.
        pane.set_highlights("facts", [(15, 25)], current=0)
        style = pane.get_component_rich_style("reading-pane--fact-current")
        assert styled_runs(pane, 0, style) == [document.text[15:20]]
        assert styled_runs(pane, 1, style) == [document.text[20:25]]
        assert styled_runs(pane, 2, style) == []


async def test_marks_show_in_the_margin_of_every_line_of_a_span() -> None:
    document = make_document(
        [(ParagraphKind.BODY, "苏州" * 60), (ParagraphKind.BODY, "next paragraph")]
    )
    app = PaneApp(document, measure=40)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert MARK not in "".join(screen_lines(pane))
        pane.set_marks([(30, 55)])  # lines 1 and 2 of the first paragraph (20 chars each)
        marked = [i for i, line in enumerate(screen_lines(pane)) if MARK in line]
        assert marked == [1, 2]
        line = screen_lines(pane)[1]
        assert line.index(MARK) + 2 == line.index("苏")  # in the margin, left of the text
        pane.set_marks([])
        assert MARK not in "".join(screen_lines(pane))


async def test_the_current_passage_is_marked_and_follows_the_reading_line() -> None:
    document = long_document()
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        current = pane.get_component_rich_style("reading-pane--current")
        assert pane.current_paragraph == document.paragraphs[0]
        assert styled_runs(pane, 0, current) and not styled_runs(pane, 4, current)
        pane.scroll_to_offset(document.paragraphs[5].start)
        await pilot.pause()
        assert pane.current_paragraph == document.paragraphs[5]
        assert styled_runs(pane, 0, current)
        assert app.positions[-1][0] == document.paragraphs[5].start
        assert 0 < app.positions[-1][1] < 1


async def test_measure_caps_the_column_and_centres_it() -> None:
    app = PaneApp(long_document(), measure=30)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        lines = [line for line in screen_lines(pane) if line.strip()]
        left = min(len(line) - len(line.lstrip()) for line in lines)
        assert left == (98 - 30 - 2) // 2 + 2
        assert max(len(line.rstrip()) for line in lines) <= left + 30
        pane.measure = 60
        await pilot.pause()
        assert pane.text_width == 60


async def test_a_big_document_is_refined_in_the_background_without_moving_the_reader() -> None:
    document = long_document(sections=40, body=25)
    app = PaneApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        target = document.paragraphs[600]
        pane.scroll_to_offset(target.start)
        for _ in range(200):
            await pilot.pause()
            if pane._index is not None and pane._index.complete:
                break
        assert pane._index is not None and pane._index.complete
        await pilot.pause()
        assert pane.current_offset == target.start
        top = screen_lines(pane)[0].strip()
        assert top and document.text[target.start : target.end].strip().startswith(top)


async def test_load_document_replaces_the_text_and_clears_highlights() -> None:
    app = PaneApp(long_document())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.set_highlights("search", [(0, 2)])
        other = make_document(
            [(ParagraphKind.BODY, "x" * 50)] + [(ParagraphKind.BODY, "second")] * 40
        )
        pane.load_document(other, offset=51)
        await pilot.pause()
        assert pane.document is other
        assert screen_lines(pane)[0].strip() == "second"
        assert pane.current_offset == 51
        normal = pane.get_component_rich_style("reading-pane--search")
        assert styled_runs(pane, 0, normal) == []
