"""Text in the quiz: content's rich text, whose images come from the content tree only, and
plain text that is shown as written."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QTextBrowser, QWidget

from courseware_app.core.i18n import _
from courseware_app.core.render import markdown_to_html
from courseware_app.ui.images import ContentDocument, content_image


def rich(text: str, module_id: str = "") -> str:
    """Question, feedback and explanation text may use Markdown (sanitised); its images become
    ``asset:MODULE/FILE`` links, which only ``RichLabel`` (and the reader) can load."""
    html, _links, _images = markdown_to_html(text, module_id=module_id)
    return html.strip()


def literal(text: str) -> str:
    """Text for a widget that reads '&' as a shortcut mark (a button, a label with a buddy)."""
    return text.replace("&", "&&")


def set_look(widget: QWidget, colour: str | None = None, bold: bool = False) -> None:
    """Text colour and weight through the palette and font, never a style sheet: a style sheet
    would fix the font size, so the text would no longer follow the quiz's zoom."""
    palette = widget.palette()
    default = QApplication.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(colour) if colour else default.color(role))
    widget.setPalette(palette)
    font = QFont()  # only the weight is set: size and family still come from the parent
    font.setBold(bold)
    widget.setFont(font)


def wrapped_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Plain text, shown as written (never as HTML), wrapped and selectable."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RichLabel(QTextBrowser):
    """Rich text that looks like a label and grows to its text's height. A QLabel is not used
    for content: it reads any ``<img src="/path">`` from disk; this loads through the reader's
    loader, which reads only inside the content tree (none at all without a content root)."""

    def __init__(self, content_root: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content_root = content_root
        self._html = ""
        self.setDocument(ContentDocument(self.loadResource, self))  # reads nothing else
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.setPalette(palette)
        self.document().setDocumentMargin(0)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def text(self) -> str:
        """The HTML last set, as QLabel.text() gives it."""
        return self._html

    def setText(self, html: str) -> None:  # noqa: N802 - QLabel's name
        self._html = html
        self.document().setDefaultFont(self.font())  # the zoom, even when set while hidden
        self.setHtml(html)
        plain = " ".join(self.toPlainText().split())  # what a screen reader says for it
        self.setAccessibleName(plain[:120])
        self.setAccessibleDescription(plain if len(plain) > 120 else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.document().setDefaultFont(self.font())

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        return content_image(self.content_root, kind, url, self.devicePixelRatioF())

    def _fit(self, size: QSizeF) -> None:
        self.setFixedHeight(math.ceil(size.height()))


def mark_right(text: str) -> str:
    """``text`` marked as a right answer, not by colour alone: a check mark (short, for an
    option that cannot wrap); ``right_answer_words`` says it in words."""
    return f"{text}  ✔"


def right_answer_words(text: str) -> str:
    return _("{option} (correct answer)").format(option=text)
