"""The room's answers as a bar chart: one bar per option, its count and share written above it,
the right option(s) marked with a check sign (not by colour alone). Every number is widget text
and the chart's accessible description, so screen readers and tests read what the room sees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import Words, current_language, translator

CHECK = "✔"


@dataclass(frozen=True)
class Bar:
    """One option's bar: its name as the room knows it ("A", or "Correct"), how many chose it,
    and whether it is a right answer."""

    label: str
    count: int
    right: bool


def share(count: int, total: int) -> str:
    return format_percentage(count / total if total else 0.0)


def bar_words(bar: Bar, total: int, words: Words | None = None) -> str:
    """ "A: 3 answers (25%)", and "(correct answer)" after it for a right option; in the
    language of ``words`` (the room's; default: the interface's)."""
    words = words or translator(current_language())
    text = words.ngettext(
        "{option}: {count} answer ({share})", "{option}: {count} answers ({share})", bar.count
    ).format(option=bar.label, count=format_number(bar.count), share=share(bar.count, total))
    return words.gettext("{option} (correct answer)").format(option=text) if bar.right else text


def chart_summary(bars: Sequence[Bar], total: int, words: Words | None = None) -> str:
    """The whole chart in words, one option after the other."""
    return "; ".join(bar_words(b, total, words) for b in bars)


class _BarShape(QWidget):
    """The painted bar; its height is set by the chart, its colours come from the palette
    (Highlight for a right option, Mid for the others) and a right one is outlined as well."""

    def __init__(self, right: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.right = right
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        role = self.palette().ColorRole.Highlight if self.right else self.palette().ColorRole.Mid
        colour = self.palette().color(role)
        width = self.width()
        rect = QRect(round(width * 0.15), 0, round(width * 0.7), self.height())
        painter.fillRect(rect, colour)
        if self.right and rect.height() > 2:
            pen = QPen(self.palette().color(self.palette().ColorRole.WindowText))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.end()


class _Column:
    """One bar with its numbers above it and its name below it."""

    def __init__(self, bar: Bar, total: int, parent: QWidget, words: Words) -> None:
        self.bar = bar
        self.value = QLabel(f"{format_number(bar.count)} · {share(bar.count, total)}", parent)
        name = f"{bar.label} {CHECK}" if bar.right else bar.label
        self.name = QLabel(name, parent)
        self.shape = _BarShape(bar.right, parent)
        for label in (self.value, self.name):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setAccessibleName(bar_words(bar, total, words))
        font = self.name.font()
        font.setBold(bar.right)
        self.name.setFont(font)

    def layout(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addStretch(1)
        column.addWidget(self.value)
        column.addWidget(self.shape)
        column.addWidget(self.name)
        return column


class DistributionChart(QWidget):
    """Bars for the room's answers; ``set_bars`` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("distributionChart")
        self.columns: list[_Column] = []
        self.total = 0
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.words = translator(current_language())
        self.setAccessibleName(self.words.gettext("The room's answers"))

    def set_words(self, words: Words) -> None:
        """Say the chart in the language of ``words`` (the room's)."""
        self.words = words
        self.setAccessibleName(words.gettext("The room's answers"))

    def set_bars(self, bars: Sequence[Bar], total: int) -> None:
        """Show ``bars``; ``total`` is what the shares are taken of (people, or teams)."""
        self.clear()
        self.total = total
        for bar in bars:
            column = _Column(bar, total, self, self.words)
            self.columns.append(column)
            self.row.addLayout(column.layout(), 1)
        self.setAccessibleDescription(chart_summary(bars, total, self.words))
        self._fit_bars()

    def clear(self) -> None:
        for column in self.columns:
            for widget in (column.value, column.shape, column.name):
                widget.setParent(None)
                widget.deleteLater()
        while self.row.count():
            self.row.takeAt(0)
        self.columns = []
        self.setAccessibleDescription("")

    def summary(self) -> str:
        return self.accessibleDescription()

    def label_texts(self) -> list[str]:
        """What the chart's labels say, bar after bar (its numbers, and the names below)."""
        return [text for c in self.columns for text in (c.value.text(), c.name.text())]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_bars()

    def _fit_bars(self) -> None:
        """Bar heights in proportion to the counts, the tallest filling the space left."""
        if not self.columns:
            return
        text = max(c.value.sizeHint().height() + c.name.sizeHint().height() for c in self.columns)
        room = max(8, self.height() - text - 16)
        tallest = max(c.bar.count for c in self.columns) or 1
        for column in self.columns:
            column.shape.setFixedHeight(max(2, round(room * column.bar.count / tallest)))


def bar_colours(dark: bool) -> tuple[QColor, QColor]:
    """(right, other) bar colours with a projector's contrast against the background."""
    if dark:
        return QColor("#7fd79a"), QColor("#8c9bb0")
    return QColor("#11692f"), QColor("#6b7a90")
