"""The lab's two pictures, drawn with QPainter on any paint device (the screen, a PNG, an SVG):
a box plot of each interval of one segment, and a stacked bar of the median intervals per
segment. Drawn dark on white with large type for a projector; every bar piece carries its
number and minutes (never colour alone), and each picture says itself in words (``summary``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from courseware_app.core.formats import format_number
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.trs import Analysis, SegmentStats, percentile_inc, segment_label
from courseware_app.core.trs.stats import iqr_fences

INK = QColor("#1a1a1a")
PAPER = QColor("#ffffff")
GRID = QColor("#d0d0d0")
BOX = QColor("#9cc3e6")
# Colour-blind-safe fills, each dark enough for white numbers or light enough for black ones.
FILLS = ("#1f5f99", "#f0a640", "#3a8a3a", "#b8433c", "#6b4c9a", "#7f7f7f", "#4db0c4")
LIGHT_FILLS = frozenset({"#f0a640", "#4db0c4"})
ARROW = " → "


def minutes_text(value: float) -> str:
    return format_number(round(value, 1))


class Drawing(Protocol):
    """A picture that can be drawn at any size and said in words."""

    def title(self) -> str: ...

    def summary(self) -> str: ...

    def draw(self, painter: QPainter, width: int, height: int) -> None: ...


@dataclass(frozen=True)
class Box:
    """A distribution as a box plot draws it: quartiles (inclusive method), whiskers to the
    furthest values within the 1.5×IQR fences, and the values beyond them."""

    q1: float
    median: float
    q3: float
    low: float
    high: float
    outliers: tuple[float, ...]

    @classmethod
    def of(cls, ordered: Sequence[float]) -> Box:
        fences = iqr_fences(ordered) or (ordered[0], ordered[-1])
        inside = [v for v in ordered if fences[0] <= v <= fences[1]] or list(ordered)
        beyond = tuple(v for v in ordered if not fences[0] <= v <= fences[1])
        q1, q3 = percentile_inc(ordered, 0.25), percentile_inc(ordered, 0.75)
        median = percentile_inc(ordered, 0.5)
        return cls(q1, median, q3, inside[0], inside[-1], beyond)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts ``span`` into about ``ticks``."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class _Frame:
    """The fonts and areas of one picture at one size: a title line, a label column on the
    left, the plot, and an axis in minutes along the bottom."""

    def __init__(
        self, painter: QPainter, width: int, height: int, labels: Sequence[str], lines: int = 0
    ) -> None:
        self.painter = painter
        px = max(16.0, min(width / 48, height / 22))
        self.font = QFont()
        self.font.setPixelSize(round(px))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.bold.setPixelSize(round(px * 1.2))
        self.metrics = QFontMetricsF(self.font)
        self.line = self.metrics.height()
        margin = px * 0.8
        widest = max((self.metrics.horizontalAdvance(t) for t in labels), default=0.0)
        left = margin + min(widest + px, width * 0.4)
        top = margin + QFontMetricsF(self.bold).height() * 1.4 + lines * self.line
        self.labels = QRectF(margin, top, left - margin - px * 0.5, 0)
        self.plot = QRectF(
            left, top, width - left - margin, height - top - margin - 2.2 * self.line
        )
        self.labels.setHeight(self.plot.height())
        self.width, self.height, self.margin = width, height, margin

    def background(self, title: str) -> None:
        p = self.painter
        p.fillRect(QRectF(0, 0, self.width, self.height), PAPER)
        p.setPen(INK)
        p.setFont(self.bold)
        heading = QRectF(
            self.margin,
            self.margin * 0.5,
            self.width - 2 * self.margin,
            QFontMetricsF(self.bold).height() * 1.3,
        )
        p.drawText(heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        p.setFont(self.font)

    def x(self, value: float, low: float, high: float) -> float:
        return self.plot.left() + (value - low) / (high - low) * self.plot.width()

    def axis(self, low: float, high: float) -> None:
        """Grid lines and numbered ticks from ``low`` to ``high`` minutes, and the unit."""
        p, step = self.painter, nice_step(high - low)
        tick = math.ceil(low / step) * step
        while tick <= high + step * 1e-6:
            x = self.x(tick, low, high)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QLineF(x, self.plot.top(), x, self.plot.bottom()))
            p.setPen(INK)
            box = QRectF(x - 60, self.plot.bottom() + 2, 120, self.line)
            p.drawText(box, Qt.AlignmentFlag.AlignHCenter, minutes_text(tick))
            tick += step
        unit = QRectF(
            self.plot.left(), self.plot.bottom() + self.line, self.plot.width(), self.line * 1.1
        )
        p.drawText(unit, Qt.AlignmentFlag.AlignHCenter, _("minutes"))

    def label(self, row: QRectF, text: str) -> None:
        area = QRectF(self.labels.left(), row.top(), self.labels.width(), row.height())
        shown = self.metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, area.width())
        self.painter.setPen(INK)
        self.painter.drawText(
            area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
        )

    def row(self, index: int, count: int) -> QRectF:
        h = self.plot.height() / max(count, 1)
        return QRectF(self.plot.left(), self.plot.top() + index * h, self.plot.width(), h)


def interval_name(start: str, end: str) -> str:
    return f"{start}{ARROW}{end}"


class BoxPlot:
    """The distribution of each interval of one segment, and of its total, as box plots: each
    row's name, count and median written above its box."""

    def __init__(self, segment: SegmentStats) -> None:
        self.segment = segment
        rows = [(interval_name(i.start, i.end), i.values) for i in segment.intervals]
        if len(segment.intervals) > 1:
            first, last = segment.intervals[0].start, segment.intervals[-1].end
            total = _("Total ({name})").format(name=interval_name(first, last))
            rows.append((total, segment.totals))
        self.rows = [(name, Box.of(values), len(values)) for name, values in rows if values]

    def title(self) -> str:
        return _("Distribution of each interval: {segment}").format(
            segment=segment_label(self.segment.by)
        )

    def summary(self) -> str:
        if not self.rows:
            return _("No consignment in this segment.")
        return "; ".join(self._row_words(name, box) for name, box, _n in self.rows)

    @staticmethod
    def _row_words(name: str, box: Box) -> str:
        count = len(box.outliers)
        outliers = ngettext("{count} outlier", "{count} outliers", count).format(count=count)
        return _(
            "{interval}: median {median} min, middle half {q1} to {q3} min, "
            "whiskers {low} to {high} min, {outliers}"
        ).format(
            interval=name,
            median=minutes_text(box.median),
            q1=minutes_text(box.q1),
            q3=minutes_text(box.q3),
            low=minutes_text(box.low),
            high=minutes_text(box.high),
            outliers=outliers,
        )

    def _scale(self) -> tuple[float, float]:
        """The axis: from zero (or the lowest value) to the highest whisker, and to every
        outlier unless some lie far out (those are written at the edge instead)."""
        boxes = [b for _n, b, _c in self.rows]
        low = min([0.0, *(b.low for b in boxes), *(min(b.outliers, default=0.0) for b in boxes)])
        whiskers = max(b.high for b in boxes)
        furthest = max(max(b.outliers, default=b.high) for b in boxes)
        high = furthest * 1.02 if furthest <= 2 * whiskers else whiskers * 1.15
        return low, max(high, low + 1.0)

    def draw(self, painter: QPainter, width: int, height: int) -> None:
        f = _Frame(painter, width, height, [])
        f.background(self.title())
        if not self.rows:
            painter.drawText(f.plot, Qt.AlignmentFlag.AlignCenter, self.summary())
            return
        low, high = self._scale()
        f.axis(low, high)
        for index, (name, box, count) in enumerate(self.rows):
            row = f.row(index, len(self.rows))
            text = _("{interval} (n={count}): median {minutes} min").format(
                interval=name, count=count, minutes=minutes_text(box.median)
            )
            painter.setPen(INK)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
            self._draw_box(f, row, box, low, high)

    def _draw_box(self, f: _Frame, row: QRectF, box: Box, low: float, high: float) -> None:
        p = f.painter
        half = min(row.height() * 0.18, f.line * 0.8)
        mid = row.top() + f.line * 1.25 + half
        x = [f.x(v, low, high) for v in (box.low, box.q1, box.median, box.q3, box.high)]
        p.setPen(QPen(INK, 2))
        p.drawLine(QLineF(x[0], mid, x[4], mid))
        for end in (x[0], x[4]):
            p.drawLine(QLineF(end, mid - half / 2, end, mid + half / 2))
        body = QRectF(x[1], mid - half, max(x[3] - x[1], 2), 2 * half)
        p.fillRect(body, BOX)
        p.drawRect(body)
        p.setPen(QPen(INK, 4))
        p.drawLine(QLineF(x[2], mid - half, x[2], mid + half))
        p.setPen(QPen(INK, 2))
        radius = max(3.0, f.line / 6)
        for value in (v for v in box.outliers if v <= high):
            centre = f.x(value, low, high)
            p.drawEllipse(QRectF(centre - radius, mid - radius, 2 * radius, 2 * radius))
        far = [v for v in box.outliers if v > high]
        if far:
            text = _("{count} beyond, up to {minutes} ▸").format(
                count=len(far), minutes=minutes_text(max(far))
            )
            area = QRectF(row.left(), mid + half, row.width(), f.line * 1.1)
            p.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, text)


class MedianBars:
    """Per segment, one bar made of the median of each interval, the pieces numbered in
    process order (a legend names them) and the minutes written after the bar."""

    def __init__(self, analysis: Analysis) -> None:
        milestones = analysis.milestones
        self.names = [interval_name(a, b) for a, b in zip(milestones, milestones[1:], strict=False)]
        self.rows = [
            (f"{segment_label(s.by)} (n={s.count})", [i.summary.median for i in s.intervals])
            for s in analysis.segments
        ]

    def title(self) -> str:
        return _("Median of each interval, per segment")

    def legend(self) -> str:
        return "   ".join(f"{n} = {name}" for n, name in enumerate(self.names, 1))

    @staticmethod
    def figures(medians: Sequence[float | None]) -> str:
        return " + ".join("–" if m is None else minutes_text(m) for m in medians)

    def summary(self) -> str:
        parts = [
            _("{segment}: {medians} min").format(segment=label, medians=self.figures(medians))
            for label, medians in self.rows
        ]
        return "; ".join([self.legend(), *parts])

    def draw(self, painter: QPainter, width: int, height: int) -> None:
        f = _Frame(painter, width, height, [label for label, _m in self.rows], lines=1)
        f.background(self.title())
        legend = QRectF(f.margin, f.plot.top() - f.line * 1.2, width - 2 * f.margin, f.line)
        painter.drawText(legend, Qt.AlignmentFlag.AlignLeft, self.legend())
        longest = max((sum(max(m or 0.0, 0.0) for m in ms) for _l, ms in self.rows), default=0.0)
        high = max(longest, 1.0) * 1.3  # room for the figures after the longest bar
        f.axis(0.0, high)
        for index, (label, medians) in enumerate(self.rows):
            row = f.row(index, len(self.rows))
            f.label(row, label)
            self._draw_bar(f, row, medians, high)

    def _draw_bar(self, f: _Frame, row: QRectF, medians: list[float | None], high: float) -> None:
        p = f.painter
        top, h = row.top() + row.height() * 0.2, row.height() * 0.6
        start = 0.0
        for n, value in enumerate(medians, 1):
            width = max(value or 0.0, 0.0)
            x0, x1 = f.x(start, 0.0, high), f.x(start + width, 0.0, high)
            piece = QRectF(x0, top, x1 - x0, h)
            fill = FILLS[(n - 1) % len(FILLS)]
            p.fillRect(piece, QColor(fill))
            p.setPen(QPen(PAPER, 2))
            p.drawRect(piece)
            p.setPen(INK if fill in LIGHT_FILLS else PAPER)
            if f.metrics.horizontalAdvance(str(n)) + 6 <= piece.width():
                p.drawText(piece, Qt.AlignmentFlag.AlignCenter, str(n))
            start += width
        end = f.x(start, 0.0, high) + f.line * 0.4
        p.setPen(INK)
        after = QRectF(end, top, row.right() - end, h)
        p.drawText(
            after, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.figures(medians)
        )


class ChartView(QWidget):
    """A picture on screen; its title is its accessible name, its words its description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing: Drawing | None = None
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_drawing(self, drawing: Drawing | None) -> None:
        self.drawing = drawing
        self.setAccessibleName(drawing.title() if drawing else "")
        self.setAccessibleDescription(drawing.summary() if drawing else "")
        self.setToolTip(self.accessibleDescription())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.drawing is None:
            painter.fillRect(self.rect(), PAPER)
        else:
            self.drawing.draw(painter, self.width(), self.height())
        painter.end()
