"""Printing and PDF export (Qt): lays out a core.documents.Document on pages and draws it into a
PDF file, a printer or images. Imported only when the user asks to print (never at start-up)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage, QPageLayout, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from courseware_app.core.documents import Document
from courseware_app.printing.layout import Pages, page_layout, paint_pages

Progress = Callable[[int, int], None]  # (pages drawn, pages in all)
Cancelled = Callable[[], bool]

__all__ = ["PrintCancelled", "Pages", "page_layout", "print_to", "render_pages", "write_pdf"]


class PrintCancelled(Exception):
    """The user cancelled: nothing was written."""


def write_pdf(
    document: Document,
    path: Path,
    paper: str = "a4",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write ``document`` to ``path`` as a PDF on ``paper`` ("a4" or "letter"); the pages
    written. Atomic: a temporary file beside ``path`` renamed over it at the end, removed on
    an error or when ``cancelled()`` turns true (PrintCancelled). OSError when ``path``
    cannot be written (it names ``path``)."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        count = _write(document, temp, paper, progress, cancelled)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return count


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(
    document: Document,
    temp: str,
    paper: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    layout = page_layout(paper)
    pages = Pages(document, layout)
    writer = QPdfWriter(temp)
    writer.setTitle(document.title)
    writer.setCreator("courseware")
    writer.setPageLayout(_full_page(layout))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{temp}: cannot start the PDF")
    try:
        scale = writer.logicalDpiX() / pages.dpi
        count = paint_pages(pages, painter, scale, writer.newPage, progress, cancelled)
    finally:
        painter.end()
    if count < len(pages):
        raise PrintCancelled()
    return count


def _full_page(layout: QPageLayout) -> QPageLayout:
    """The paper without margins: the painter's origin is the paper's corner (Pages draws
    the margins itself)."""
    from PySide6.QtCore import QMarginsF

    full = QPageLayout(layout)
    full.setMinimumMargins(QMarginsF(0, 0, 0, 0))
    full.setMargins(QMarginsF(0, 0, 0, 0))
    return full


def print_to(
    document: Document,
    printer: QPrinter,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print ``document`` on ``printer`` (its paper size, our margins); the pages printed.
    A print preview's ``paintRequested`` can call it with its printer."""
    size = printer.pageLayout().pageSize()
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, page_layout("a4").margins())
    pages = Pages(document, layout)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.outputFileName() or printer.printerName())
    try:
        scale = printer.logicalDpiX() / pages.dpi
        return paint_pages(pages, painter, scale, printer.newPage, progress, cancelled)
    finally:
        painter.end()


def render_pages(
    document: Document, paper: str = "a4", dpi: int = 110, numbers: list[int] | None = None
) -> list[QImage]:
    """Pages of ``document`` as images (0-based ``numbers``, default all): the same layout as
    the PDF, for screenshots and previews."""
    pages = Pages(document, page_layout(paper))
    scale = dpi / pages.dpi
    images = []
    for n in numbers if numbers is not None else range(len(pages)):
        image = QImage(
            round(pages.page.width() * scale),
            round(pages.page.height() * scale),
            QImage.Format.Format_RGB32,
        )
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        pages.paint(painter, n)
        painter.end()
        images.append(image)
    return images
