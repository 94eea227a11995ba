"""What to print or export: kind, modules, language, profile, paper, start time; as a request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Course
from courseware_app.core.documents import KINDS, DocumentRequest
from courseware_app.core.i18n import _
from courseware_app.core.languages import native_name

KIND_NAMES: dict[str, Callable[[], str]] = {
    "handout": lambda: _("Handout"),
    "trainer-guide": lambda: _("Trainer guide"),
    "quiz": lambda: _("Paper quiz"),
    "answer-key": lambda: _("Answer key"),
    "session-plan": lambda: _("Session plan"),
    "certificate": lambda: _("Certificate"),
}
# the options a kind reads besides modules, language and paper
KIND_OPTIONS: dict[str, frozenset[str]] = {
    "certificate": frozenset({"profile"}),
    "session-plan": frozenset({"start", "breaks"}),
}
PAPERS = (("a4", "A4"), ("letter", "Letter"))
SCOPES = ("current", "chosen", "all")


W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """``widget`` with its objectName set (tests and accessibility tools find it by name)."""
    widget.setObjectName(name)
    return widget


def kind_name(kind: str) -> str:
    """The kind's name in the interface language (its id when it has none)."""
    name = KIND_NAMES.get(kind)
    return name() if name else kind


@dataclass(frozen=True)
class ChoiceDefaults:
    """Where the choices start: the module being read, the content language, the profile."""

    module: str
    lang: str
    profiles: Sequence[str] = ()
    profile: str | None = None


class DocumentChoices(QWidget):
    """The form of the print and export dialogs; ``request()`` is what it says."""

    changed = Signal()

    def __init__(self, course: Course, defaults: ChoiceDefaults, parent: QWidget | None = None):
        super().__init__(parent)
        self.course, self.defaults = course, defaults
        self._build()
        self._fill(defaults)
        self._connect()
        self._update_enabled()
        self.retranslate_ui()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.kind_box = named(QComboBox(), "printKind")
        self.lang_box = named(QComboBox(), "printLanguage")
        self.profile_box = named(QComboBox(), "printProfile")
        self.paper_box = named(QComboBox(), "printPaper")
        self.start_edit = named(QTimeEdit(), "printStart")
        self.start_edit.setDisplayFormat("HH:mm")
        self.breaks_box = named(QCheckBox(), "printBreaks")
        self.scope_group = QButtonGroup(self)
        self.scope_buttons = {s: named(QRadioButton(), f"printScope_{s}") for s in SCOPES}
        self.module_list = named(QListWidget(), "printModules")
        self.module_list.setMinimumWidth(300)
        self.labels = [QLabel() for _row in range(7)]
        form = QFormLayout(self)
        rows = (self.kind_box, self._modules_column(), self.lang_box, self.profile_box)
        for label, field in zip(
            self.labels, (*rows, self.paper_box, self.start_edit, self.breaks_box), strict=True
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        self.labels[1].setBuddy(self.scope_buttons["current"])

    def _modules_column(self) -> QWidget:
        """The three scopes, one above the other, then the list of modules to tick."""
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, scope in enumerate(SCOPES):
            self.scope_group.addButton(self.scope_buttons[scope], index)
            layout.addWidget(self.scope_buttons[scope])
        layout.addWidget(self.module_list)
        return column

    def _fill(self, d: ChoiceDefaults) -> None:
        for kind in KINDS:
            self.kind_box.addItem("", kind)
        for lang in self.course.languages:
            self.lang_box.addItem(native_name(lang), lang)
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(d.lang)))
        for name in d.profiles:
            self.profile_box.addItem(name, name)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(d.profile)))
        for paper, name in PAPERS:
            self.paper_box.addItem(name, paper)
        self.start_edit.setTime(QTime(9, 0))
        self.breaks_box.setChecked(True)
        self.scope_buttons["current"].setChecked(True)
        for module in self.course.ordered_modules():
            item = QListWidgetItem(self.module_list)
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            current = module.id == d.module
            item.setCheckState(Qt.CheckState.Checked if current else Qt.CheckState.Unchecked)
        self._name_modules()

    def _connect(self) -> None:
        for box in (self.kind_box, self.lang_box, self.profile_box, self.paper_box):
            box.currentIndexChanged.connect(self._changed)
        self.lang_box.currentIndexChanged.connect(self._name_modules)
        self.start_edit.timeChanged.connect(self._changed)
        self.breaks_box.toggled.connect(self._changed)
        self.scope_group.idToggled.connect(self._scope_toggled)
        self.module_list.itemChanged.connect(self._changed)

    def _scope_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._changed()

    def _changed(self) -> None:
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        options = KIND_OPTIONS.get(self.kind, frozenset())
        self.profile_box.setEnabled("profile" in options)
        self.start_edit.setEnabled("start" in options)
        self.breaks_box.setEnabled("breaks" in options)
        self.module_list.setEnabled(self.scope == "chosen")

    def _name_modules(self) -> None:
        """The modules' titles in the chosen language."""
        self.module_list.blockSignals(True)
        for row in range(self.module_list.count()):
            item = self.module_list.item(row)
            module = self.course.modules[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(module.title(self.lang))
            item.setToolTip(module.title(self.lang))
        self.module_list.blockSignals(False)

    # ------------------------------------------------------------ the choices

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    @property
    def lang(self) -> str:
        return str(self.lang_box.currentData())

    @property
    def scope(self) -> str:
        return SCOPES[max(0, self.scope_group.checkedId())]

    def modules(self) -> tuple[str, ...]:
        """The modules chosen, in course order; none for the whole course."""
        if self.scope == "current":
            return (self.defaults.module,)
        if self.scope == "all":
            return ()
        items = (self.module_list.item(row) for row in range(self.module_list.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    @property
    def complete(self) -> bool:
        """False while "Chosen modules" is on and none is ticked."""
        return self.scope != "chosen" or bool(self.modules())

    def request(self) -> DocumentRequest:
        options = KIND_OPTIONS.get(self.kind, frozenset())
        profile = self.profile_box.currentData() if "profile" in options else None
        return DocumentRequest(
            kind=self.kind,
            modules=self.modules(),
            lang=self.lang,
            profile=str(profile) if profile else None,
            paper=str(self.paper_box.currentData()),
            start=self.start_edit.time().toString("HH:mm"),
            breaks=self.breaks_box.isChecked(),
        )

    # ------------------------------------------------------------ texts

    def retranslate_ui(self) -> None:
        for row, kind in enumerate(KINDS):
            self.kind_box.setItemText(row, kind_name(kind))
        texts = (
            _("&Document:"),
            _("Modules:"),
            _("&Language:"),
            _("P&rofile:"),
            _("P&aper:"),
            _("&Start time:"),
            "",
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.breaks_box.setText(_("&Breaks between sections"))
        self.scope_buttons["current"].setText(_("The &module being read"))
        self.scope_buttons["chosen"].setText(_("&Chosen modules:"))
        self.scope_buttons["all"].setText(_("The &whole course"))
        self.profile_box.setToolTip(_("Whose certificate"))
        self.start_edit.setToolTip(_("When the session plan's day begins"))
        self.module_list.setAccessibleName(_("Modules to include"))
