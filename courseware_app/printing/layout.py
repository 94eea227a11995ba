"""A Document laid out on pages: each part a QTextDocument paginated to the text area, drawn
page by page with a running header and "page N of M" in the margins."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from courseware_app.core.documents import Document
from courseware_app.core.documents.style import BODY_FONT
from courseware_app.printing.fonts import load_fonts
from courseware_app.printing.images import add_pictures

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 22, 20, 20)  # left, top, right, bottom: room for header and footer
MM_PER_INCH = 25.4
HEADER_PT = 8
EMPTY_ANCHOR_RE = re.compile(r'<a name="[^"]*">\s*</a>|(?<=<h[1-6]) id="[^"]*"')
"""A heading's link targets: Qt gives their name to the next letter, which then is a text run of
its own, and PDF readers extract the heading's first letter on a line by itself."""


def page_layout(paper: str) -> QPageLayout:
    """The paper's page with our margins (in millimetres)."""
    size = QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4))
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def layout_dpi() -> float:
    """The units a QTextDocument without a paint device lays out in (Qt's default DPI)."""
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchX())) if screen is not None else 96.0


def no_ligatures(font: QFont) -> QFont:
    """Text must extract as written: "fi" stays two letters, not one ligature glyph."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass(frozen=True)
class PageRef:
    part: int
    index: int  # the page within its part


class Pages:
    """The parts of ``document`` laid out for ``layout``; ``paint(painter, n, scale)`` draws
    page ``n`` (0-based) with a painter whose unit is the layout's."""

    def __init__(self, document: Document, layout: QPageLayout):
        load_fonts()
        self.document = document
        self.dpi = layout_dpi()
        full = layout.fullRect(QPageLayout.Unit.Millimeter)
        text = layout.paintRect(QPageLayout.Unit.Millimeter)
        unit = self.dpi / MM_PER_INCH
        self.page = QSizeF(full.width() * unit, full.height() * unit)
        self.text = QRectF(
            text.x() * unit, text.y() * unit, text.width() * unit, text.height() * unit
        )
        self.parts = [self._part(html) for html in document.parts]
        self.refs = [
            PageRef(p, i) for p, doc in enumerate(self.parts) for i in range(doc.pageCount())
        ]

    def _part(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(no_ligatures(QFont(BODY_FONT, 10)))
        doc.setDefaultStyleSheet(self.document.style)
        files = dict(self.document.assets)
        add_pictures(doc, html, files, self.text.width(), self.dpi)
        doc.setHtml(EMPTY_ANCHOR_RE.sub("", html))
        doc.setPageSize(QSizeF(self.text.width(), self.text.height()))
        return doc

    def __len__(self) -> int:
        return len(self.refs)

    def paint(self, painter: QPainter, number: int) -> None:
        ref = self.refs[number]
        doc = self.parts[ref.part]
        painter.save()
        painter.translate(self.text.x(), self.text.y() - ref.index * self.text.height())
        clip = QRectF(0, ref.index * self.text.height(), self.text.width(), self.text.height())
        doc.drawContents(painter, clip)
        painter.restore()
        self._margins(painter, number, ref)

    def _margins(self, painter: QPainter, number: int, ref: PageRef) -> None:
        """The running header over a rule, and "page N of M" centred below the text."""
        font = no_ligatures(QFont(BODY_FONT))
        font.setPixelSize(round(HEADER_PT * self.dpi / 72))  # layout units, whatever the device
        metrics = QFontMetricsF(font)
        painter.save()
        painter.setFont(font)
        painter.setPen(QPen(QColor("#555555"), 0.5))
        gap = self.text.y() * 0.25
        rule_y = self.text.y() - gap
        left, width = self.text.x(), self.text.width()
        header = metrics.elidedText(self.document.header(ref.part), _elide(), width)
        painter.drawText(QPointF(left, rule_y - metrics.descent() - 1), header)
        painter.drawLine(QPointF(left, rule_y), QPointF(left + width, rule_y))
        label = self.document.page_label.format(page=number + 1, pages=len(self.refs))
        footer_y = self.text.bottom() + gap + metrics.ascent()
        painter.drawText(
            QPointF(left + (width - metrics.horizontalAdvance(label)) / 2, footer_y), label
        )
        painter.restore()


def _elide():  # the Qt namespace only once printing runs
    from PySide6.QtCore import Qt

    return Qt.TextElideMode.ElideRight


def paint_pages(
    pages: Pages,
    painter: QPainter,
    scale: float,
    new_page: Callable[[], bool],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Draw every page, ``new_page`` between them; the pages drawn (stops when cancelled)."""
    total = len(pages)
    for n in range(total):
        if cancelled is not None and cancelled():
            return n
        if n and not new_page():
            raise OSError("the printer refused a new page")
        painter.save()
        painter.scale(scale, scale)
        pages.paint(painter, n)
        painter.restore()
        if progress is not None:
            progress(n + 1, total)
    return total
