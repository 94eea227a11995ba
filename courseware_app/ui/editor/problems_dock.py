"""The problems panel: every diagnostic of the course, filterable by severity, module and
language; a click opens its place, a double click its file in the editor's own editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Severity
from courseware_app.core.editor.problems import ANY, Problem, ProblemFilter
from courseware_app.core.i18n import _
from courseware_app.core.languages import native_name

COLUMNS = 6  # severity, module, language, line, code, message
INDEX = Qt.ItemDataRole.UserRole


class ProblemsDock(QDockWidget):
    """``opened(problem)`` on a click, ``edited(problem)`` on a double click."""

    opened = Signal(object)  # Problem
    edited = Signal(object)  # Problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDock")
        body = QWidget(self)
        self.severity, self.module, self.lang = (QComboBox(body) for _i in range(3))
        filters = QHBoxLayout()
        for name, box in (
            ("Severity", self.severity),
            ("Module", self.module),
            ("Lang", self.lang),
        ):
            box.setObjectName(f"problems{name}")
            box.currentIndexChanged.connect(self._fill)
            filters.addWidget(box)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("problemsList")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(False)
        self.tree.itemClicked.connect(lambda item: self._emit(self.opened, item))
        self.tree.itemDoubleClicked.connect(lambda item: self._emit(self.edited, item))
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.problems: list[Problem] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Problems"))
        self.tree.setAccessibleName(_("Problems in the course"))
        self.tree.setHeaderLabels(
            [_("Severity"), _("Module"), _("Language"), _("Line"), _("Code"), _("Message")]
        )
        self.severity.setAccessibleName(_("Show problems of severity"))
        self.module.setAccessibleName(_("Show problems of module"))
        self.lang.setAccessibleName(_("Show problems of language"))
        self._fill_filters()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ contents

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        self._fill_filters()

    def current_filter(self) -> ProblemFilter:
        return ProblemFilter(
            self.severity.currentData() or ANY,
            self.module.currentData() or ANY,
            self.lang.currentData() or ANY,
        )

    def shown(self) -> list[Problem]:
        """The problems listed, in order."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [self.problems[item.data(0, INDEX)] for item in items if item is not None]

    def _fill_filters(self) -> None:
        severities = [(_("Errors"), Severity.ERROR.value), (_("Warnings"), Severity.WARNING.value)]
        modules = sorted({p.module for p in self.problems if p.module})
        langs = sorted({p.lang for p in self.problems if p.lang})
        _choices(self.severity, _("All severities"), severities)
        _choices(self.module, _("All modules"), [(m, m) for m in modules])
        _choices(self.lang, _("All languages"), [(native_name(lg), lg) for lg in langs])
        self._fill()

    def _fill(self, *_args: object) -> None:
        wanted = self.current_filter()
        self.tree.clear()
        icons = _severity_icons(self.style())
        for index, problem in enumerate(self.problems):
            if wanted.accepts(problem):
                self.tree.addTopLevelItem(_row(problem, index, icons))
        for column in range(COLUMNS - 1):
            self.tree.resizeColumnToContents(column)

    def _emit(self, signal: SignalInstance, item: QTreeWidgetItem) -> None:
        index = item.data(0, INDEX)
        if isinstance(index, int):
            signal.emit(self.problems[index])


def _choices(box: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
    """``box`` offers everything, then ``choices`` (text, value); its choice is kept."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, ANY)
    for text, value in choices:
        box.addItem(text, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


def _severity_icons(style: QStyle) -> dict[Severity, QIcon]:
    pixmaps = QStyle.StandardPixmap
    return {
        Severity.ERROR: style.standardIcon(pixmaps.SP_MessageBoxCritical),
        Severity.WARNING: style.standardIcon(pixmaps.SP_MessageBoxWarning),
    }


def _row(problem: Problem, index: int, icons: dict[Severity, QIcon]) -> QTreeWidgetItem:
    d = problem.diagnostic
    severity = _("Error") if d.severity == Severity.ERROR else _("Warning")
    module = problem.module or problem.path.name
    item = QTreeWidgetItem([severity, module, problem.lang, str(d.line), d.code, d.message])
    item.setIcon(0, icons[d.severity])
    item.setData(0, INDEX, index)
    for column in range(COLUMNS):  # the whole problem, whatever the panel's width shows
        item.setToolTip(column, d.format())
    return item
