"""The one loader of images for rich text (the reader and the quiz): files inside the content
tree only, drawn within the pixel limits that ``core.images`` decides."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtGui import QTextDocument

from courseware_app.core.images import (
    Fit,
    PixelSize,
    display_scale,
    svg_refusal,
    svg_render_size,
    within_limits,
)
from courseware_app.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject, QUrl
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

# The reader is built before the window's first paint: the Qt classes needed only for images
# are imported when the first image loads (each Qt class costs up to a millisecond to create).

log = logging.getLogger(__name__)
IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value
REFUSED_FORMATS = {b"svg", b"svgz"}  # drawn by svg_image, at a size decided here, or not at all
__all__ = ["Fit", "ContentDocument", "asset_path", "content_image", "load_image", "svg_renderer"]


def asset_path(content_root: Path, url: QUrl) -> Path | None:
    """``asset:MODULE/FILE`` -> the file inside the content tree, or None if outside it."""
    if url.scheme() != "asset":
        return None
    from courseware_app.core.mdext.images import asset_file  # the one rule, as validate's

    return asset_file(content_root / "modules", unquote(url.path()))


def content_image(
    content_root: Path | None, kind: int, url: QUrl | str, fit: Fit | float
) -> QImage | None:
    """The image a rich-text view shows for ``url``: an ``asset:`` file inside the content tree,
    drawn within the limits at ``fit`` (a pixel ratio alone: at its own size, up to the default
    width); None for anything else (and for every resource but images)."""
    from PySide6.QtCore import QUrl

    if int(getattr(kind, "value", kind)) != IMAGE_RESOURCE or content_root is None:
        return None
    path = asset_path(content_root, QUrl(url) if isinstance(url, str) else url)
    if path is None:
        return None
    return load_image(path, fit if isinstance(fit, Fit) else Fit(ratio=fit))


class ContentDocument(QTextDocument):
    """A document that reads nothing itself: its resources come from ``load`` (its view's
    ``loadResource``), and what that declines stays empty. QTextDocument's own loader would
    read a declined ``<img src="/abs/path">`` from disk, which sanitised HTML may still hold.

    What ``load`` gives is kept until ``forget_images``: the layout asks for an image several
    times on every paint, and a diagram is drawn from its SVG each time it is loaded."""

    def __init__(self, load: Callable[[int, QUrl | str], object], parent: QObject) -> None:
        super().__init__(parent)
        self._load = load
        self._images: dict[str, object] = {}

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        is_image = int(getattr(kind, "value", kind)) == IMAGE_RESOURCE
        key = url if isinstance(url, str) else url.toString()
        if is_image and key in self._images:
            return self._images[key]
        value = self._load(kind, url)
        if value is None:
            from PySide6.QtGui import QImage

            value = QImage() if is_image else ""
        if is_image:
            self._images[key] = value
        return value

    def image_names(self) -> list[str]:
        """The images loaded since they were last forgotten."""
        return list(self._images)

    def forget_images(self, keep: Callable[[str, object], bool] | None = None) -> None:
        """Load images again when next shown: all, or those ``keep(name, image)`` declines."""
        self._images = {k: v for k, v in self._images.items() if keep and keep(k, v)}


def read_image(path: Path) -> bytes | None:
    """An image file's bytes, or None when it is larger than the limit or cannot be read."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            log.warning("image not drawn, larger than %d bytes: %s", MAX_IMAGE_BYTES, path)
            return None
        return path.read_bytes()
    except OSError as error:
        log.warning("image not read: %s", error)
        return None


def load_image(path: Path, fit: Fit) -> QImage | None:
    """The image in a file, drawn within the limits at ``fit``; None when it cannot or may not
    be."""
    data = read_image(path)
    if data is None:
        return None
    if path.suffix.lower() == ".svg":
        return svg_image(data, fit)
    image = raster_image(data)
    if image is not None:  # scaled with the text: its logical size is its size times the scale
        image.setDevicePixelRatio(1 / display_scale(image.width(), fit))
    return image


def svg_renderer(data: bytes) -> QSvgRenderer | None:
    """A renderer for an SVG that may be drawn (``core.images.svg_refusal``), or None."""
    refusal = svg_refusal(data)
    if refusal is not None:
        log.warning("SVG image not drawn: %s", refusal)
        return None
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first diagram, not at start-up

    renderer = QSvgRenderer(QByteArray(data))
    return renderer if renderer.isValid() else None


def svg_image(data: bytes, fit: Fit) -> QImage | None:
    """An SVG rasterised at the size it is shown (``fit``) and within the limits, however large
    it says it is; None when it is not valid or refers to anything outside itself."""
    renderer = svg_renderer(data)
    if renderer is None:
        return None
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    declared = renderer.defaultSize()
    size = svg_render_size(
        declared.width(), declared.height(), max_width=fit.max_width, ratio=fit.ratio, zoom=fit.zoom
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
    image.setDevicePixelRatio(fit.ratio)
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
