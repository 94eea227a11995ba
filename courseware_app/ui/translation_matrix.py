"""The translation matrix: every module in every language, with the facts of
``courseware i18n-status --format json`` (core.i18n_status), sortable, coloured, exported as CSV."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core import atomic
from courseware_app.core.course import Status
from courseware_app.core.formats import format_number
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.i18n_status import (
    COUNT_KEYS,
    CSV_COLUMNS,
    ModuleRow,
    matrix_csv_bytes,
    module_matrix,
)
from courseware_app.core.languages import native_name
from courseware_app.ui import themes
from courseware_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from courseware_app.core.course import Course
    from courseware_app.core.i18n_status import LanguageCell
    from courseware_app.core.themes import Pair, Theme

log = logging.getLogger(__name__)

# The columns: the JSON cell's keys ("module" and "language" are the row's own), as the CSV has
# them but for the source's version (the English row says it).
COLUMNS = tuple(key for key in CSV_COLUMNS if key != "source_version")
FACT = Qt.ItemDataRole.UserRole  # a cell's value as the JSON gives it (None when it has none)


def column_titles() -> dict[str, str]:
    return {
        "module": _("Module"),
        "language": _("Language"),
        "status": _("State"),
        "version": _("Version"),
        "translated_from": _("Translated from"),
        "words": _("Trainee words"),
        "trainer_notes": _("Trainer notes"),
        "slides": _("Slides"),
        "questions": _("Questions"),
        "errors": _("Errors"),
        "warnings": _("Warnings"),
    }


def state_text(status: str) -> str:
    """The state in words (the colour is never alone)."""
    return {
        Status.OK: _("current"),
        Status.OUTDATED: _("outdated"),
        Status.MISSING: _("missing"),
        Status.ERROR: _("cannot be read"),
    }.get(Status(status), status)


def state_colours(status: str, theme: Theme) -> Pair:
    from courseware_app.core.themes import Pair

    if status == Status.OK:
        return Pair(theme.pass_row, theme.page.fg)
    if status == Status.OUTDATED:
        return theme.banners["warning"]
    return theme.banners["error"]


class _CountItem(QTableWidgetItem):
    """A count's cell: sorted by its number ("—", none, before every number)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(FACT), other.data(FACT)
        return (-1 if mine is None else int(mine)) < (-1 if theirs is None else int(theirs))


class MatrixTable(QTableWidget):
    """A row per module and language; sorting by a count sorts by number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("translationMatrixTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # course order
        self.setSortingEnabled(True)
        self.rows: list[ModuleRow] = []

    def retranslate_ui(self) -> None:
        titles = column_titles()
        self.setHorizontalHeaderLabels([titles[c] for c in COLUMNS])
        self.fill(self.rows)

    def fill(self, rows: list[ModuleRow]) -> None:
        self.rows = rows
        self.setSortingEnabled(False)
        cells = [(row, lang, cell) for row in rows for lang, cell in row["languages"].items()]
        self.setRowCount(len(cells))
        theme = themes.current()
        for r, (row, lang, cell) in enumerate(cells):
            for c, key in enumerate(COLUMNS):
                self.setItem(r, c, self._item(row, lang, cell, key, theme))
        self.setSortingEnabled(True)
        self.resizeColumnsToContents()

    def _item(
        self, row: ModuleRow, lang: str, cell: LanguageCell, key: str, theme: Theme
    ) -> QTableWidgetItem:
        facts: dict[str, object] = {"module": row["module"], "language": lang, **cell}
        value = facts[key]
        item = _CountItem() if key in COUNT_KEYS else QTableWidgetItem()
        item.setData(FACT, value)
        if key in COUNT_KEYS:
            item.setText(format_number(value) if isinstance(value, int) else "—")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif key == "status":
            item.setText(state_text(cell["status"]))
        elif key == "language":
            item.setText(native_name(lang))
        else:
            item.setText("" if value is None else str(value))
        colours = self._colours(cell, key, theme)
        if colours is not None:
            item.setBackground(QBrush(QColor(colours.bg)))
            item.setForeground(QBrush(QColor(colours.fg)))
        return item

    @staticmethod
    def _colours(cell: LanguageCell, key: str, theme: Theme) -> Pair | None:
        if key == "status":
            return state_colours(cell["status"], theme)
        if key == "errors" and cell["errors"]:
            return theme.banners["error"]
        if key == "warnings" and cell["warnings"]:
            return theme.banners["warning"]
        return None

    def place_at(self, row: int) -> tuple[str, str] | None:
        """(module, language) of a row as it is sorted now."""
        module, lang = self.item(row, 0), self.item(row, 1)
        if module is None or lang is None:
            return None
        return str(module.data(FACT)), str(lang.data(FACT))


class TranslationMatrix(QWidget):
    """The matrix's own window; ``openRequested(module, lang)`` asks for side by side."""

    openRequested = Signal(str, str)  # noqa: N815 - Qt signal naming
    filled = Signal()  # the facts arrived

    def __init__(self, course: Callable[[], Course], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("translationMatrix")
        self.course = course
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._counted)
        self.table = MatrixTable(self)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.status = QLabel(self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.ask_export)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self._layout()
        self.resize(980, 560)
        self.retranslate_ui()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.refresh_button, self.open_button, self.export_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Translation matrix"))
        self.open_button.setText(_("&Side by side"))
        self.open_button.setToolTip(_("Open the chosen module with this language beside it"))
        self.export_button.setText(_("&Export CSV…"))
        self.refresh_button.setText(_("&Check again"))
        self.table.retranslate_ui()
        self._say_counts()

    def refresh(self) -> None:
        """Count and check the course again, off the interface's thread."""
        self.status.setText(_("Counting words and checking the course…"))
        self.refresh_button.setEnabled(False)
        self.tasks.clear()
        self.tasks.submit("matrix", partial(module_matrix, self.course()))

    def _counted(self, _key: object, rows: list[ModuleRow]) -> None:
        self.refresh_button.setEnabled(True)
        self.table.fill(rows)
        self._say_counts()
        self.filled.emit()

    def _say_counts(self) -> None:
        cells = [c for row in self.table.rows for c in row["languages"].values()]
        if not cells:
            return
        behind = sum(1 for c in cells if c["status"] != Status.OK)
        errors, warnings = sum(c["errors"] for c in cells), sum(c["warnings"] for c in cells)
        parts = (
            ngettext("{count} module", "{count} modules", len(self.table.rows)),
            ngettext("{count} translation not current", "{count} translations not current", behind),
            ngettext("{count} error", "{count} errors", errors),
            ngettext("{count} warning", "{count} warnings", warnings),
        )
        counts = (len(self.table.rows), behind, errors, warnings)
        self.status.setText(
            " · ".join(p.format(count=format_number(n)) for p, n in zip(parts, counts, strict=True))
        )

    def _open(self, row: int) -> None:
        place = self.table.place_at(row) if row >= 0 else None
        if place is not None:
            self.openRequested.emit(*place)

    # ------------------------------------------------------------ export

    def ask_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the translation matrix"),
            "translation-matrix.csv",
            _("CSV for spreadsheets (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            self.export_csv(path if path.suffix.lower() == ".csv" else path.with_suffix(".csv"))
        except OSError as error:
            log.warning("matrix not exported: %s", error)
            QMessageBox.warning(self, self.windowTitle(), _("Could not write the file."))

    def export_csv(self, path: Path) -> None:
        """The matrix as shown (CSV_COLUMNS of core.i18n_status), written atomically."""
        atomic.write_bytes(path, matrix_csv_bytes(self.table.rows))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.tasks.clear()
        super().closeEvent(event)
