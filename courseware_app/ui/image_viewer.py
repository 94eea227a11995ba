"""A diagram or picture on its own, full screen: fitted to the screen, the wheel and keys zoom,
dragging pans, Esc closes. An SVG is drawn from its vectors at every zoom, so it stays sharp.
And the page's side of it: which image is where, its text, and images as links to open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QWidget

from courseware_app.core.i18n import _
from courseware_app.ui.images import raster_image, read_image, svg_renderer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import (
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
        QResizeEvent,
        QTextDocument,
        QTextFragment,
        QWheelEvent,
    )
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QTextEdit

STEP = 1.25  # one wheel notch or key press
MIN_SCALE, MAX_SCALE = 0.05, 40.0  # logical pixels per pixel of the picture
PAN_STEP = 60  # pixels an arrow key moves the picture


class ImageViewer(QWidget):
    """Shows one picture: an SVG renderer or a raster image."""

    def __init__(self, picture: QSvgRenderer | QImage, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.picture = picture
        self.setObjectName("imageViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setWindowTitle(title or _("Image"))
        self.setAccessibleName(title or _("Image"))
        self.setAccessibleDescription(
            _("Wheel or plus and minus keys zoom, dragging or arrow keys move, 0 fits, Esc closes.")
        )
        self.scale = 1.0
        self.origin = QPointF(0, 0)  # where the picture's top left corner is drawn
        self.fitted = True  # refitted when the window's size changes
        self._drag: QPointF | None = None

    @classmethod
    def for_file(cls, path: Path, title: str = "") -> ImageViewer | None:
        """A viewer for an image file of the content, or None when it may not be drawn."""
        data = read_image(path)
        if data is None:
            return None
        picture = svg_renderer(data) if path.suffix.lower() == ".svg" else raster_image(data)
        return cls(picture, title) if picture is not None else None

    def picture_size(self) -> QSizeF:
        if isinstance(self.picture, QImage):
            return QSizeF(self.picture.size())
        return QSizeF(self.picture.defaultSize())

    def shown_rect(self) -> QRectF:
        """Where the picture is drawn, in the viewer's coordinates."""
        return QRectF(self.origin, self.picture_size() * self.scale)

    # ------------------------------------------------------------ zoom and pan

    def fit(self) -> None:
        """The whole picture, as large as the window allows, centred."""
        size = self.picture_size()
        if size.isEmpty() or self.width() <= 0 or self.height() <= 0:
            return
        self.scale = min(self.width() / size.width(), self.height() / size.height())
        self.origin = QPointF(
            (self.width() - size.width() * self.scale) / 2,
            (self.height() - size.height() * self.scale) / 2,
        )
        self.fitted = True
        self.update()

    def zoom_by(self, factor: float, around: QPointF | None = None) -> None:
        """Zoom by ``factor``, keeping the point ``around`` (default: the centre) in place."""
        point = around if around is not None else QPointF(self.width() / 2, self.height() / 2)
        scale = max(MIN_SCALE, min(MAX_SCALE, self.scale * factor))
        self.origin = point - (point - self.origin) * (scale / self.scale)
        self.scale = scale
        self.fitted = False
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        self.origin += QPointF(dx, dy)
        self.fitted = False
        self.update()

    # ------------------------------------------------------------ Qt events

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if isinstance(self.picture, QImage):
            painter.drawImage(self.shown_rect(), self.picture)
        else:
            self.picture.render(painter, self.shown_rect())
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        notches = event.angleDelta().y() / 120
        if notches:
            self.zoom_by(STEP**notches, event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, k = Qt.Key(event.key()), Qt.Key
        moves = {k.Key_Left: (PAN_STEP, 0), k.Key_Right: (-PAN_STEP, 0)}
        moves |= {k.Key_Up: (0, PAN_STEP), k.Key_Down: (0, -PAN_STEP)}
        if key == k.Key_Escape:
            self.close()
        elif key in (k.Key_Plus, k.Key_Equal):
            self.zoom_by(STEP)
        elif key == k.Key_Minus:
            self.zoom_by(1 / STEP)
        elif key == k.Key_0:
            self.fit()
        elif key in moves:
            self.pan_by(*moves[key])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._drag is not None:
            delta = event.position() - self._drag
            self._drag = event.position()
            self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)


# ------------------------------------------------------------ images in a page


def image_fragments(doc: QTextDocument) -> Iterator[QTextFragment]:
    """The fragments of ``doc`` that are images, in order."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                yield fragment
            it += 1
        block = block.next()


def link_images(doc: QTextDocument, scheme: str, tip: str) -> None:
    """Make every image of ``doc`` that is not a link its own link, ``scheme`` + its name."""
    spans = [(f.position(), f.length(), f.charFormat()) for f in image_fragments(doc)]
    cursor = QTextCursor(doc)
    for position, length, fmt in spans:
        if fmt.isAnchor():
            continue
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(scheme + fmt.toImageFormat().name())
        link.setToolTip(tip)
        cursor.mergeCharFormat(link)


def alt_text(doc: QTextDocument, name: str) -> str:
    """The text given for the image ``name`` in ``doc`` (its ``alt``), or ""."""
    for fragment in image_fragments(doc):
        fmt = fragment.charFormat()
        if fmt.toImageFormat().name() == name:
            return str(fmt.property(QTextFormat.Property.ImageAltText) or "")
    return ""


def image_at(view: QTextEdit, pos: QPoint) -> str:
    """The name of the image under ``pos`` in ``view``'s viewport, or ""."""
    doc = view.document()
    point = QPointF(pos) + QPointF(view.horizontalScrollBar().value(), 0)
    point += QPointF(0, view.verticalScrollBar().value())
    at = doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
    if at < 0:
        return ""
    cursor = QTextCursor(doc)
    cursor.setPosition(min(at + 1, doc.characterCount() - 1))  # the format of the char at `at`
    fmt = cursor.charFormat()
    return str(fmt.property(QTextFormat.Property.ImageName)) if fmt.isImageFormat() else ""
