"""The lab's files: the tables as CSV, the pictures as PNG and SVG, the report as a PDF
document (tables, both pictures and the cleaning log). Every file is written atomically."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from courseware_app.core import atomic
from courseware_app.core.documents import Document
from courseware_app.core.i18n import _
from courseware_app.core.trs import Analysis, report_csv_bytes, report_document
from courseware_app.ui.trs_lab.charts import Drawing

PICTURE = QSize(1600, 900)  # pixels of an exported picture: sharp on a projector or a page


def _painted(device: QImage | QSvgGenerator, drawing: Drawing, size: QSize) -> None:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    drawing.draw(painter, size.width(), size.height())
    painter.end()


def png_bytes(drawing: Drawing, size: QSize = PICTURE) -> bytes:
    image = QImage(size, QImage.Format.Format_RGB32)
    _painted(image, drawing, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide wants str
    buffer.close()
    return bytes(data.data())


def svg_bytes(drawing: Drawing, size: QSize = PICTURE) -> bytes:
    """The picture as SVG: lines, boxes and real text (searchable, sharp at any size)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(drawing.title())
    generator.setDescription(drawing.summary())
    _painted(generator, drawing, size)
    buffer.close()
    return bytes(data.data())


def save_picture(drawing: Drawing, path: Path) -> None:
    """``drawing`` as SVG when ``path`` ends in .svg, else as PNG; OSError when it cannot."""
    svg = path.suffix.lower() == ".svg"
    atomic.write_bytes(path, svg_bytes(drawing) if svg else png_bytes(drawing))


def save_csv(analysis: Analysis, path: Path) -> None:
    atomic.write_bytes(path, report_csv_bytes(analysis))


def pdf_document(analysis: Analysis, lang: str, pictures: list[tuple[Drawing, Path]]) -> Document:
    """The printed report: core's tables and cleaning log, then the pictures (each written
    as SVG to its path first, which the PDF draws at print resolution)."""
    document = report_document(analysis, lang)
    parts, assets = [], []
    for n, (drawing, path) in enumerate(pictures):
        atomic.write_bytes(path, svg_bytes(drawing, QSize(1200, 700)))
        source = f"trs-chart:{n}"
        assets.append((source, path))
        title = html.escape(drawing.title())
        parts.append(f'<h2>{title}</h2><p><img src="{source}" alt="{title}"></p>')
    heading = _("Pictures")
    charts = f"<h1>{html.escape(heading)}</h1>" + "".join(parts)
    return replace(document, parts=(*document.parts, charts), assets=tuple(assets))
