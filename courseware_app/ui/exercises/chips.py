"""The board's pieces: a card (dragged by the mouse, moved by keys), and the boxes it lies in
(a cell of the grid, or the tray), which take a dropped card."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, Qt
from PySide6.QtGui import QDrag, QPainter, QPen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QDragEnterEvent,
        QDragLeaveEvent,
        QDropEvent,
        QFocusEvent,
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
        QResizeEvent,
    )

MIME = "application/x-courseware-risk-card"
Cell = tuple[int, int]


class Host(Protocol):
    """What a card and a box ask of their board."""

    editable: bool

    def card_key(self, card: str, event: QKeyEvent) -> bool: ...

    def card_focused(self, card: str) -> None: ...

    def dropped(self, card: str, cell: Cell | None) -> None: ...


def card_mime(card: str) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, card.encode("utf-8"))
    return data


def mime_card(data: QMimeData | None) -> str:
    """The card a drag carries ("" when it carries none of ours)."""
    if data is None or not data.hasFormat(MIME):
        return ""
    return bytes(data.data(MIME).data()).decode("utf-8")


class CardChip(QFrame):
    """One card: its number and text (one line, elided, on the grid; whole in the tray)."""

    def __init__(self, host: Host, card: str, number: int, text: str) -> None:
        super().__init__()
        self.host, self.card, self.number, self.full = host, card, number, text
        self.compact = False
        self.held = False
        self.mark = ""  # after Submit: the verdict's mark, before the number
        self._press: QPoint | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(text)
        self.setAccessibleName(f"{number}. {text}")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.label)
        self._fit_margins()
        self.show_text()

    def _fit_margins(self) -> None:
        margin = max(3, self.fontMetrics().height() // 5)
        self.box.setContentsMargins(margin + 2, margin, margin + 2, margin)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_margins()
            self.show_text()

    def heading(self) -> str:
        return f"{self.mark} {self.number}".strip()

    def set_compact(self, compact: bool) -> None:
        """One elided line on the grid (its cell's width decides, never the text's)."""
        self.compact = compact
        self.label.setWordWrap(not compact)
        wide = QSizePolicy.Policy.Ignored if compact else QSizePolicy.Policy.Preferred
        self.label.setSizePolicy(wide, QSizePolicy.Policy.Preferred)
        self.label.setMinimumHeight(0)
        self.show_text()

    def show_text(self) -> None:
        """Its number always, its text elided on the grid (to the cell's width)."""
        heading = f"{self.heading()}. "
        text = self.full
        if self.compact:
            metrics = self.label.fontMetrics()
            width = self.label.width() - metrics.horizontalAdvance(heading)
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
            if text == "…":  # no word fits: the number alone
                heading, text = self.heading(), ""
        self.label.setText(heading + text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.compact:
            self.show_text()
        else:  # as tall as its wrapped text: the tray scrolls rather than squeeze it
            self.label.setMinimumHeight(self.label.heightForWidth(self.label.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        pen = QPen(self.palette().windowText().color(), 3 if focused or self.held else 1)
        pen.setStyle(Qt.PenStyle.DashLine if self.held else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(self.palette().base())
        inset = pen.widthF() / 2
        radius = self.fontMetrics().height() / 4
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), radius, radius
        )

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.host.card_focused(self.card)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.host.card_key(self.card, event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        start = self._press
        if start is None or not self.host.editable:
            return
        if (
            event.position().toPoint() - start
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(card_mime(self.card))
        drag.setPixmap(self.grab())
        drag.setHotSpot(start)
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = None
        super().mouseReleaseEvent(event)


class DropBox(QFrame):
    """A cell of the grid (``cell`` its likelihood and consequence) or the tray (``cell``
    None): the cards lying in it, one above the other; a card dropped on it lies here."""

    def __init__(self, host: Host, cell: Cell | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.cell = host, cell
        self.hovered = False
        self.setAcceptDrops(True)
        if cell is not None:  # the grid's columns are as wide as each other
            ignored = QSizePolicy.Policy.Ignored
            self.setSizePolicy(ignored, QSizePolicy.Policy.Preferred)
        self.box = QVBoxLayout(self)
        gap = max(2, self.fontMetrics().height() // 6)
        self.box.setContentsMargins(gap, gap, gap, gap)
        self.box.setSpacing(gap)
        self.box.addStretch(1)

    def chips(self) -> list[CardChip]:
        return [w for i in range(self.box.count()) if isinstance(w := self._widget(i), CardChip)]

    def _widget(self, index: int) -> QWidget | None:
        item = self.box.itemAt(index)
        return item.widget() if item is not None else None

    def hold(self, chips: list[CardChip]) -> None:
        """Lay out ``chips`` here, in this order (the stretch stays last)."""
        for chip in self.chips():
            if chip not in chips:
                self.box.removeWidget(chip)
        for index, chip in enumerate(chips):
            if self.box.indexOf(chip) != index:
                self.box.insertWidget(index, chip)
            chip.set_compact(self.cell is not None)
            chip.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        colour = self.palette().windowText().color()
        painter.setPen(QPen(colour, 3 if self.hovered else 1))
        if self.cell is not None or self.hovered:
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.host.editable and mime_card(event.mimeData()):
            event.acceptProposedAction()
            self._hover(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt override
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self._hover(False)
        card = mime_card(event.mimeData())
        if not card or not self.host.editable:
            return
        event.acceptProposedAction()
        self.host.dropped(card, self.cell)

    def _hover(self, on: bool) -> None:
        self.hovered = on
        self.update()
