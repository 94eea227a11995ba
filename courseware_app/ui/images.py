"""The one loader of images for rich text (the reader and the quiz): files inside the content
tree only, drawn within the pixel limits that ``core.images`` decides."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtGui import QTextDocument

from courseware_app.core.images import (
    PixelSize,
    svg_refusal,
    svg_render_size,
    within_limits,
)
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject, QUrl
    from PySide6.QtGui import QImage

# The reader is built before the window's first paint: the Qt classes needed only for images
# are imported when the first image loads (each Qt class costs up to a millisecond to create).

log = logging.getLogger(__name__)
MAX_IMAGE_WIDTH = 760  # logical pixels: an SVG wider than the page is drawn at this width
IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value
REFUSED_FORMATS = {b"svg", b"svgz"}  # drawn by svg_image, at a size decided here, or not at all


def asset_path(content_root: Path, url: QUrl) -> Path | None:
    """``asset:MODULE/FILE`` -> the file inside the content tree, or None if outside it."""
    if url.scheme() != "asset":
        return None
    rel = unquote(url.path())
    root = (content_root / "modules").resolve()
    path = (root / rel).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def content_image(
    content_root: Path | None, kind: int, url: QUrl | str, ratio: float
) -> QImage | None:
    """The image a rich-text view shows for ``url``: an ``asset:`` file inside the content tree,
    drawn within the limits; None for anything else (and for every resource but images)."""
    from PySide6.QtCore import QUrl

    if int(getattr(kind, "value", kind)) != IMAGE_RESOURCE or content_root is None:
        return None
    path = asset_path(content_root, QUrl(url) if isinstance(url, str) else url)
    return load_image(path, ratio) if path is not None else None


class ContentDocument(QTextDocument):
    """A document that reads nothing itself: its resources come from ``load`` (its view's
    ``loadResource``), and what that declines stays empty. QTextDocument's own loader would
    read a declined ``<img src="/abs/path">`` from disk, which sanitised HTML may still hold."""

    def __init__(self, load: Callable[[int, QUrl | str], object], parent: QObject) -> None:
        super().__init__(parent)
        self._load = load

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        value = self._load(kind, url)
        if value is not None:
            return value
        from PySide6.QtGui import QImage

        return QImage() if int(getattr(kind, "value", kind)) == IMAGE_RESOURCE else ""


def load_image(path: Path, ratio: float) -> QImage | None:
    """The image in a file, drawn within the limits; None when it cannot or may not be."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            log.warning("image not drawn, larger than %d bytes: %s", MAX_IMAGE_BYTES, path)
            return None
        data = path.read_bytes()
    except OSError as error:
        log.warning("image not read: %s", error)
        return None
    if path.suffix.lower() == ".svg":
        return svg_image(data, ratio)
    return raster_image(data)


def svg_image(data: bytes, ratio: float) -> QImage | None:
    """An SVG drawn at most MAX_IMAGE_WIDTH wide and within the limits, however large it says
    it is; None when it is not valid or refers to anything outside itself."""
    refusal = svg_refusal(data)
    if refusal is not None:
        log.warning("SVG image not drawn: %s", refusal)
        return None
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first diagram, not at start-up

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    declared = renderer.defaultSize()
    size = svg_render_size(
        declared.width(), declared.height(), max_width=MAX_IMAGE_WIDTH, ratio=ratio
    )
    if size is None:
        return None
    # A white image made from white bytes: QImage.fill's overloads would build Qt's `Qt`
    # namespace (~25 ms) when a diagram shows on the first page painted at start-up.
    white = b"\xff" * (size.pixels * 4)
    fmt = QImage.Format.Format_ARGB32_Premultiplied
    image = QImage(white, size.width, size.height, fmt).copy()  # copy: owns its pixels
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size.width, size.height))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def raster_image(data: bytes) -> QImage | None:
    """A PNG, JPEG, GIF... within the limits, or None (an oversize image is not decoded)."""
    from PySide6.QtCore import QBuffer, QByteArray
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAllocationLimit(-(-MAX_IMAGE_PIXELS * 4 // 2**20))  # in MB, rounded up
    declared = reader.size()
    if bytes(reader.format().data()).lower() in REFUSED_FORMATS or (
        declared.isValid() and not within_limits(PixelSize(declared.width(), declared.height()))
    ):
        log.warning("image not drawn: %s x %s pixels", declared.width(), declared.height())
        return None
    image = reader.read()
    if image.isNull() or not within_limits(PixelSize(image.width(), image.height())):
        return None
    return image
