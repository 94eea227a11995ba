"""The documents' pictures as page resources: SVG drawn at print resolution, never blurry,
at most as wide as the column (less inside a box)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

PRINT_DPI = 300  # pixels per inch of a drawn picture on paper
IMG_SRC_RE = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
INSET_SHARE = 0.85  # a picture inside a callout's box leaves room for its padding


def _svg(path: Path) -> QSvgRenderer | None:
    renderer = QSvgRenderer(str(path))
    return renderer if renderer.isValid() else None


def picture(path: Path, width: float, layout_dpi: float) -> QImage | None:
    """``path`` drawn for a column ``width`` layout units wide: its natural size or narrower,
    at PRINT_DPI (its device pixel ratio makes the layout see it at that size)."""
    ratio = PRINT_DPI / layout_dpi
    renderer = _svg(path) if path.suffix.lower() == ".svg" else None
    source = QImage() if renderer is not None else QImage(str(path))
    if renderer is None and source.isNull():
        return None
    size = renderer.defaultSize() if renderer is not None else source.size()
    natural_w, natural_h = float(size.width()), float(size.height())
    if natural_w <= 0 or natural_h <= 0:
        return None
    scale = min(1.0, width / natural_w)
    pixels = QSize(
        max(1, round(natural_w * scale * ratio)), max(1, round(natural_h * scale * ratio))
    )
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    target = QRectF(0, 0, pixels.width(), pixels.height())
    if renderer is not None:
        renderer.render(painter, target)
    else:
        painter.drawImage(target, source)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def add_pictures(
    doc: QTextDocument, html: str, files: dict[str, Path], width: float, layout_dpi: float
) -> None:
    """Give ``doc`` every picture ``html`` shows (before its HTML is set)."""
    import html as html_module

    for raw in set(IMG_SRC_RE.findall(html)):
        src = html_module.unescape(raw)
        path = files.get(src.split("#", 1)[0])
        if path is None or not path.is_file():
            continue
        inset = src.endswith("#inset")
        image = picture(path, width * (INSET_SHARE if inset else 1.0), layout_dpi)
        if image is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), image)
