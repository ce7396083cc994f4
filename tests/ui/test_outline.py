"""Pilot tests of the outline: labels, nesting, following the text, jumping."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.model.document import Section
from reader.screens.main import MainScreen
from reader.widgets.outline import OutlinePane, section_label, subtitle_label
from tests.ui.helpers import build_document, long_document, make_app


def test_labels_are_plain_text_and_the_subtitle_is_dimmed() -> None:
    section = Section(1, "1-x", 1, "[bold]Plan[/bold]", "[red]sub", 0, 10, (0, 5), 0, 1)
    label = section_label(section)
    assert label.plain == "[bold]Plan[/bold]" and not label.spans
    sub = subtitle_label("[red]sub")
    assert sub.plain == "——[red]sub"
    assert str(sub.style) == "dim" and not sub.spans


async def test_markup_in_a_section_title_shows_literally() -> None:
    document = build_document(
        "Markup [b]test[/b]",
        [("[bold red]Budget[/]", "[i]not italic[/i]", ["Body."]), ("Plain", None, ["x"])],
    )
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        tree = screen.outline.section_tree
        budget = tree.root.children[1]
        assert str(budget.label) == "[bold red]Budget[/]"
        assert [str(node.label) for node in budget.children] == ["——[i]not italic[/i]"]
        # And on screen, in the tree's first lines.
        shown = "\n".join(
            "".join(segment.text for segment in tree.render_line(y)) for y in range(4)
        )
        assert "[bold red]Budget[/]" in shown
        assert "——[i]not italic" in shown


async def test_sections_nest_by_parent() -> None:
    document = build_document(
        "Nested",
        [("Part A", None, ["a"]), ("A.1", None, ["b"]), ("A.2", None, ["c"]), ("Part B", None, [])],
        levels=[1, 2, 2, 1],
    )
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        root = screen.outline.section_tree.root
        top = [str(node.label) for node in root.children]
        assert top == ["Nested", "Part A", "Part B"]
        part_a = root.children[1]
        assert [str(node.label) for node in part_a.children] == ["A.1", "A.2"]
        assert part_a.is_expanded


async def test_enter_in_the_outline_jumps_to_the_section() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        target = document.sections[2]
        # Lead, Part 1, its subtitle line, Part 2.
        await pilot.press("o", "down", "down", "down")
        cursor = screen.outline.section_tree.cursor_node
        assert cursor is not None and cursor.data == target.id
        await pilot.press("enter")
        await pilot.pause()
        assert document.section_at(screen.reading.current_offset) == target
        assert screen.outline.current == target.id
        assert "section 3/5" in str(screen.sub_title)
        # Focus stays in the outline for further browsing.
        assert app.focused is screen.outline.section_tree


async def test_click_in_the_outline_jumps_to_the_section() -> None:
    document = long_document(sections=4)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        tree = screen.outline.section_tree
        node = tree.root.children[3]
        await pilot.click(tree, offset=(6, node.line))
        await pilot.pause()
        target = document.sections[3]
        assert document.section_at(screen.reading.current_offset) == target


async def test_cursor_follows_current_without_taking_focus_or_posting() -> None:
    document = long_document(sections=4)
    selected: list[str] = []

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield OutlinePane(document.sections)

        def on_outline_pane_section_selected(self, event: OutlinePane.SectionSelected) -> None:
            selected.append(event.section_id)

    app = Harness()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        outline = app.query_one(OutlinePane)
        app.set_focus(None)
        outline.current = document.sections[3].id
        await pilot.pause()
        cursor = outline.section_tree.cursor_node
        assert cursor is not None and cursor.data == document.sections[3].id
        assert app.focused is None
        assert selected == []
        # Enter on the tree does post the selection.
        outline.section_tree.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert selected == [document.sections[3].id]


async def test_new_sections_rebuild_the_tree() -> None:
    first = long_document(sections=2)
    second = long_document(sections=5)

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield OutlinePane(first.sections)

    app = Harness()
    async with app.run_test(size=(40, 20)) as pilot:
        outline = app.query_one(OutlinePane)
        assert len(outline.section_tree.root.children) == 3
        outline.sections = second.sections
        await pilot.pause()
        assert len(outline.section_tree.root.children) == 6


async def test_the_subtitle_line_jumps_to_its_section() -> None:
    document = long_document(sections=3)
    app = make_app(document=document)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        tree = screen.outline.section_tree
        subtitle = tree.root.children[2].children[0]
        await pilot.click(tree, offset=(6, subtitle.line))
        await pilot.pause()
        assert screen.outline.current == document.sections[2].id
        assert document.section_at(screen.reading.current_offset) == document.sections[2]
        # The cursor then rests on the section's title line.
        cursor = tree.cursor_node
        assert cursor is tree.root.children[2]
