"""A picture scaled to fill its widget (an SVG drawn from its vectors at that size), on a white
card so a diagram drawn for paper reads on the dark projector too. Its words are its accessible
name and description, since the pixels say nothing to a screen reader."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from courseware_app.core.mdext.images import asset_file
from courseware_app.ui.images import raster_image, read_image, svg_renderer

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtSvg import QSvgRenderer

CARD_MARGIN = 12  # white around the picture, in pixels


def module_picture(folder: Path, name: str) -> QSvgRenderer | QImage | None:
    """``name`` in the module ``folder``, only if it is a file inside the modules folder."""
    path = asset_file(folder.parent, f"{folder.name}/{name}") if name else None
    data = read_image(path) if path is not None else None
    if path is None or data is None:
        return None
    if path.suffix.lower() == ".svg":
        return svg_renderer(data)
    return raster_image(data)


class Picture(QWidget):
    """Draws one picture as large as fits, centred, its proportions kept."""

    def __init__(
        self, picture: QSvgRenderer | QImage | None, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.picture = picture
        self.setAccessibleName(title)
        policy = QSizePolicy.Policy.Expanding
        self.setSizePolicy(policy, policy)
        self.setMinimumSize(40, 40)

    def natural_size(self) -> QSizeF:
        if isinstance(self.picture, QImage):
            return QSizeF(self.picture.size())
        if self.picture is not None:
            return QSizeF(self.picture.defaultSize())
        return QSizeF()

    def target(self) -> QRectF:
        """Where the picture is drawn: the largest rectangle of its shape inside the widget."""
        size = self.natural_size()
        room = QRectF(self.rect()).adjusted(CARD_MARGIN, CARD_MARGIN, -CARD_MARGIN, -CARD_MARGIN)
        if size.isEmpty() or room.isEmpty():
            return QRectF()
        scale = min(room.width() / size.width(), room.height() / size.height())
        rect = QRectF(0, 0, size.width() * scale, size.height() * scale)
        rect.moveCenter(room.center())
        return rect

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        target = self.target()
        if target.isEmpty() or self.picture is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        card = target.adjusted(-CARD_MARGIN, -CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        painter.fillRect(card, QColor(Qt.GlobalColor.white))
        if isinstance(self.picture, QImage):
            painter.drawImage(target, self.picture)
        else:
            self.picture.render(painter, target)
        painter.end()
