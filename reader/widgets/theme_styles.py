"""Component styles with theme colours resolved, for panes that draw their own lines.

Textual's ``get_component_rich_style(..., partial=True)`` hands a translucent
colour (``$block-cursor-blurred-background`` is ``$primary`` at 30%,
``$warning 35%``) to Rich as if opaque: the outline's current row came out
near-black on full dark blue in light themes. Here a translucent colour is
blended over the background it is drawn on (the component's own, or the
widget's), as Textual does for its own widgets.

Automatic colours (``$text``, ``$text-muted``: ``auto 87%`` / ``auto 60%``)
reach component styles already turned into white, so component classes use
``$foreground`` / ``$foreground-muted`` instead (``styles/reader.tcss``).
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.widget import Widget

__all__ = ["component_style"]


def component_style(widget: Widget, name: str) -> Style:
    """The partial style of component class ``name`` of ``widget``, colours resolved.

    Only the attributes the stylesheet sets are in the result (as with
    ``partial=True``), so it can be added over a line's base style.

    Args:
        widget: The widget that declares the component class.
        name: The component class, e.g. ``"outline-pane--subtitle"``.
    """
    styles = widget.get_component_styles(name)
    _, under = widget.background_colors
    background = under
    bgcolor = None
    if styles.has_rule("background") and styles.background.a > 0:
        background = under + styles.background
        bgcolor = background.rich_color
    color = None
    if styles.has_rule("color"):
        value = styles.color
        if value.auto:
            resolved: Color = background + background.get_contrast_text(value.a)
        else:
            resolved = background + value
        color = resolved.rich_color
    return Style(color=color, bgcolor=bgcolor) + styles.text_style
