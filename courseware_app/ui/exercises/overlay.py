"""The model answer drawn over the board after Submit: in each card's model cell an outlined
marker with the card's number, and an arrow to it from where the card was placed."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from courseware_app.core.exercises import CardResult
    from courseware_app.ui.exercises.board import MatrixBoard

MARKER_SHARE = 1.5  # a marker's side, against the text's height
HEAD_ANGLE = math.radians(28)


def edge_towards(box: QRectF, target: QPointF) -> QPointF:
    """The middle of ``box``'s side that faces ``target`` (an arrow starts there, off the
    card's text)."""
    dx, dy = target.x() - box.center().x(), target.y() - box.center().y()
    if abs(dx) * box.height() > abs(dy) * box.width():
        return QPointF(box.right() if dx > 0 else box.left(), box.center().y())
    return QPointF(box.center().x(), box.bottom() if dy > 0 else box.top())


class RevealOverlay(QWidget):
    """Drawn over ``board`` (and never in the way of the mouse)."""

    def __init__(self, board: MatrixBoard) -> None:
        super().__init__(board)
        self.board = board
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def markers(self) -> dict[str, QRectF]:
        """Each card's marker in its model cell, in this widget's coordinates: along the
        cell's bottom, from the right, a row further up when the row is full."""
        result = self.board.result
        side = self.fontMetrics().height() * MARKER_SHARE
        found: dict[str, QRectF] = {}
        for cell, box in self.board.cells.items():
            cards = [r.card for r in (result.cards if result else ()) if r.model == cell]
            rect = QRectF(QPointF(box.mapTo(self.board, QPoint(0, 0))), QSizeF(box.size()))
            per_row = max(1, int((rect.width() - 4) // (side + 3)))
            for i, card in enumerate(cards):
                right = rect.right() - 3 - (i % per_row) * (side + 3)
                bottom = rect.bottom() - 3 - (i // per_row) * (side + 3)
                found[card] = QRectF(right - side, bottom - side, side, side)
        return found

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        result = self.board.result
        if result is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        width = max(2.0, self.fontMetrics().height() / 8)
        markers = self.markers()
        for card in result.cards:
            self._arrow(painter, card, markers[card.card], ink, width)
        for card in result.cards:
            self._marker(painter, markers[card.card], card, ink, width)

    def _marker(
        self, painter: QPainter, rect: QRectF, card: CardResult, ink: QColor, width: float
    ) -> None:
        pen = QPen(ink, width, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(self.palette().window())
        painter.drawRect(rect)
        number = self.board.placements.number(card.card)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(number))

    def _arrow(
        self, painter: QPainter, card: CardResult, marker: QRectF, ink: QColor, width: float
    ) -> None:
        """From the card as placed to its marker (none when it lies on its model cell)."""
        chip = self.board.chips[card.card]
        if card.placed is None or card.distance == 0 or not chip.isVisible():
            return
        box = QRectF(QPointF(chip.mapTo(self.board, QPoint(0, 0))), QSizeF(chip.size()))
        line = QLineF(edge_towards(box, marker.center()), marker.center())
        line.setLength(max(0.0, line.length() - marker.width() / 2))
        halo = QColor(self.palette().window().color())
        for colour, w in ((halo, width * 2.5), (ink, width)):
            painter.setPen(QPen(colour, w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(colour)
            painter.drawLine(line)
            painter.drawPath(self._head(line, width * 4))

    @staticmethod
    def _head(line: QLineF, size: float) -> QPainterPath:
        tip = line.p2()
        angle = math.atan2(line.dy(), line.dx())
        path = QPainterPath(tip)
        for side in (-1, 1):
            a = angle + math.pi + side * HEAD_ANGLE
            path.lineTo(tip + QPointF(math.cos(a) * size, math.sin(a) * size))
        path.closeSubpath()
        return path
