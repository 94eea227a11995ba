"""The print preview: a document's first parts laid out on pages, or why there is none."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from courseware_app.core.documents import Document
from courseware_app.core.i18n import _, ngettext
from courseware_app.printing import print_to
from courseware_app.ui.print_choices import named

PREVIEW_PARTS = 3  # a cover, a table of contents and a module: enough to see how it looks
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def first_parts(document: Document) -> Document:
    """``document`` cut to its first parts (the preview of a whole course stays quick)."""
    count = PREVIEW_PARTS
    if len(document.parts) <= count:
        return document
    return dataclasses.replace(
        document, parts=document.parts[:count], part_titles=document.part_titles[:count]
    )


def set_paper(printer: QPrinter, paper: str) -> None:
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))


class DocumentPreview(QWidget):
    """Pages as they will print (``show_document``), or a message in their place."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: Document | None = None
        self.parts = 0  # of the whole document
        self.printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.pages = QPrintPreviewWidget(self.printer, self)
        self.pages.setObjectName("printPreview")
        self.pages.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.pages.paintRequested.connect(self._paint)
        self.message = named(QLabel(self), "printPreviewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.pages)
        self.stack.addWidget(self.message)
        self.note = named(QLabel(self), "printPreviewNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)

    def show_document(self, document: Document, paper: str) -> None:
        self.document = first_parts(document)
        self.parts = len(document.parts)
        set_paper(self.printer, paper)
        self.stack.setCurrentWidget(self.pages)
        self.pages.updatePreview()
        self.retranslate_ui()

    def show_message(self, text: str) -> None:
        self.document = None
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.note.clear()

    def _paint(self, printer: QPrinter) -> None:
        if self.document is not None:
            print_to(self.document, printer)

    def retranslate_ui(self) -> None:
        self.pages.setAccessibleName(_("Print preview"))
        shown = self.document.parts if self.document else ()
        if self.document is None or len(shown) == self.parts:
            self.note.clear()
            return
        self.note.setText(
            ngettext(
                "The preview shows the first part of {count}; the document holds them all.",
                "The preview shows the first {shown} parts of {count}; the document holds "
                "them all.",
                len(shown),
            ).format(shown=len(shown), count=self.parts)
        )
