"""The projector's look: high-contrast colours (a light and a dark variant) and type that scales
with the screen's height (body text 28 px at 1024x768, never less)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from courseware_app.core.themes import HIGH_CONTRAST, LIGHT, Theme, page_css

REFERENCE_HEIGHT = 768  # a 1024x768 projector
BODY_PX = 28  # body text at the reference height: the smallest the room reads
TITLE_SHARE = 1.8  # a slide's title, against the body
POINT_SHARE = 1.35  # a slide's bullet points: few words, read from the back of the room
CARD_SHARE = 2.2  # a title card's heading
SECOND_SHARE = 0.72  # the second language, beneath the first
LIGHT_NAME, DARK_NAME = "light", "dark"
LOOK_NAMES = (LIGHT_NAME, DARK_NAME)


class Look(NamedTuple):
    """The colours of one variant (``#rrggbb``) and the page theme its tables and callouts use."""

    name: str
    bg: str
    fg: str
    title: str  # titles and the bullets' marks
    second: str  # the second language's text
    theme: Theme


LOOKS = {
    LIGHT_NAME: Look(LIGHT_NAME, "#ffffff", "#000000", "#0b3a82", "#3a3a3a", LIGHT),
    DARK_NAME: Look(DARK_NAME, "#000000", "#ffffff", "#ffff00", "#d2d2d2", HIGH_CONTRAST),
}


def look_named(name: str) -> Look:
    """The variant called ``name``; the dark one (black, the projector's default) otherwise."""
    return LOOKS.get(name, LOOKS[DARK_NAME])


def body_px(height: int, minimum: int = BODY_PX) -> int:
    """Body text for a screen ``height`` pixels high: 28 px at 768, in proportion to it, never
    below ``minimum`` (the projector's 28; a small preview's less)."""
    return max(minimum, round(BODY_PX * height / REFERENCE_HEIGHT))


def scaled(px: int, share: float) -> int:
    return max(1, round(px * share))


def pixel_font(px: int, bold: bool = False) -> QFont:
    """A font ``px`` pixels high (pixels, not points: the projector's size is in pixels)."""
    font = QFont()
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font


def paint(widget: QWidget, look: Look, fg: str | None = None) -> None:
    """``widget``'s background and text in ``look`` (its own text colour ``fg`` if given)."""
    palette = widget.palette()
    text = QColor(fg or look.fg)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor(look.bg))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, text)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def document_css(look: Look, fg: str | None = None) -> str:
    """The stylesheet of projected rich text: the page theme's tables and callouts, on the
    look's own background."""
    return page_css(look.theme) + f"body {{ color: {fg or look.fg}; background: {look.bg}; }}\n"
