"""What the lab shows of an analysis: a chosen segment's intervals and total (the bottleneck
said in words), both pictures, and the report's tables (every segment, pre-arrival, outliers,
the cleaning log with line numbers and reasons)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import _
from courseware_app.core.trs import Analysis, SegmentStats, Summary, segment_label
from courseware_app.core.trs.document import minutes
from courseware_app.core.trs.report import Cell, tables
from courseware_app.ui.trs_lab.charts import BoxPlot, ChartView, Drawing, MedianBars


def cell_text(value: Cell) -> str:
    """A table cell as the lab shows it: numbers in the interface language's form."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return format_number(value)
    return value


def fill_table(
    table: QTableWidget, headings: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> None:
    table.clear()
    table.setColumnCount(len(headings))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headings))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(cell_text(value)))
    table.resizeColumnsToContents()


def _figures(s: Summary) -> list[Cell]:
    return [s.count, minutes(s.mean), minutes(s.median), minutes(s.p90), minutes(s.maximum)]


def segment_rows(s: SegmentStats) -> list[list[Cell]]:
    """Each interval, then the total: figures, share of the total, the bottleneck marked."""
    rows: list[list[Cell]] = []
    for i in s.intervals:
        share = format_percentage(i.share) if i.share is not None else None
        mark = _("bottleneck") if i is s.bottleneck else ""
        rows.append([i.start, i.end, *_figures(i.summary), share, mark])
    if len(s.intervals) > 1:
        first, last = s.intervals[0].start, s.intervals[-1].end
        rows.append([first, last, *_figures(s.total), format_percentage(1.0), _("total")])
    return rows


def bottleneck_words(s: SegmentStats) -> str:
    if s.bottleneck is None or s.bottleneck.share is None:
        return _("No bottleneck: no consignment in this segment has every milestone.")
    return _(
        "Bottleneck: {start} → {end}, {share} of the total time of the {count} consignments "
        "with every milestone (median {median} min)."
    ).format(
        start=s.bottleneck.start,
        end=s.bottleneck.end,
        share=format_percentage(s.bottleneck.share),
        count=s.count,
        median=format_number(minutes(s.bottleneck.summary.median) or 0.0),
    )


class ResultsView(QWidget):
    """The segment chooser and the tabs; ``pictureSaveRequested(drawing, suffix)`` asks the
    window for a file to save a picture in."""

    pictureSaveRequested = Signal(object, str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.segment_label = QLabel(self)
        self.segment_box = QComboBox(self)
        self.segment_box.setObjectName("trsSegment")
        self.segment_label.setBuddy(self.segment_box)
        self.segment_box.currentIndexChanged.connect(self._show_segment)
        self.tabs = QTabWidget(self)
        self.bottleneck = QLabel(self)
        self.bottleneck.setWordWrap(True)
        self.segment_table = QTableWidget(self)
        self.segment_table.setObjectName("trsSegmentTable")
        self.box_chart, self.bar_chart = ChartView(self), ChartView(self)
        self.save_buttons: list[tuple[QPushButton, ChartView, str]] = []
        self.report_tables: list[QTableWidget] = []
        self.tabs.addTab(self._segment_page(), "")
        self.tabs.addTab(self._pictures_page(), "")
        top = QHBoxLayout()
        top.addWidget(self.segment_label)
        top.addWidget(self.segment_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def _segment_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.bottleneck)
        layout.addWidget(self.segment_table, 1)
        return page

    def _pictures_page(self) -> QWidget:
        page = QSplitter(self)
        page.setOrientation(page.orientation().Vertical)
        for chart in (self.box_chart, self.bar_chart):
            holder = QWidget(page)
            layout = QVBoxLayout(holder)
            layout.addWidget(chart, 1)
            row = QHBoxLayout()
            row.addStretch(1)
            for suffix in (".png", ".svg"):
                button = QPushButton(holder)
                button.clicked.connect(lambda _c=False, v=chart, s=suffix: self._save(v, s))
                self.save_buttons.append((button, chart, suffix))
                row.addWidget(button)
            layout.addLayout(row)
            page.addWidget(holder)
        return page

    def _save(self, chart: ChartView, suffix: str) -> None:
        if chart.drawing is not None:
            self.pictureSaveRequested.emit(chart.drawing, suffix)

    def drawings(self) -> list[Drawing]:
        return [c.drawing for c in (self.box_chart, self.bar_chart) if c.drawing is not None]

    def show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        chosen = max(self.segment_box.currentIndex(), 0)
        self.segment_box.blockSignals(True)
        self.segment_box.clear()
        for s in analysis.segments:
            self.segment_box.addItem(f"{segment_label(s.by)} (n={s.count})")
        self.segment_box.setCurrentIndex(min(chosen, len(analysis.segments) - 1))
        self.segment_box.blockSignals(False)
        self.bar_chart.show_drawing(MedianBars(analysis))
        self._show_tables(analysis)
        self._show_segment()

    def _show_tables(self, analysis: Analysis) -> None:
        found = tables(analysis)
        while len(self.report_tables) > len(found):
            self.tabs.removeTab(self.tabs.count() - 1)
            self.report_tables.pop().deleteLater()
        while len(self.report_tables) < len(found):
            table = QTableWidget(self)
            self.report_tables.append(table)
            self.tabs.addTab(table, "")
        for n, (title, headings, rows) in enumerate(found):
            self.tabs.setTabText(2 + n, title)
            self.report_tables[n].setObjectName(f"trsTable{n}")
            self.report_tables[n].setAccessibleName(title)
            fill_table(self.report_tables[n], headings, rows)

    def segment(self) -> SegmentStats | None:
        index = self.segment_box.currentIndex()
        if self.analysis is None or not 0 <= index < len(self.analysis.segments):
            return None
        return self.analysis.segments[index]

    def _show_segment(self) -> None:
        s = self.segment()
        if s is None:
            return
        self.bottleneck.setText(bottleneck_words(s))
        headings = [
            _("From"), _("To"), _("Count"), _("Mean (min)"), _("Median (min)"),
            _("90th percentile (min)"), _("Maximum (min)"), _("Share of total"), _("Note"),
        ]  # fmt: skip
        fill_table(self.segment_table, headings, segment_rows(s))
        self.box_chart.show_drawing(BoxPlot(s))

    def retranslate_ui(self) -> None:
        self.segment_label.setText(_("&Segment:"))
        self.tabs.setTabText(0, _("Chosen segment"))
        self.tabs.setTabText(1, _("Pictures"))
        for button, _chart, suffix in self.save_buttons:
            text = _("Save as PNG…") if suffix == ".png" else _("Save as SVG…")
            button.setText(text)
        if self.analysis is not None:
            self.show_analysis(self.analysis)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
