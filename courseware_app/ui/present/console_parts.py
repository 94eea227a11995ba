"""The console's smaller parts: the time panel (clock, session, section against its plan), the
agenda that is also the jump list, and the language and look choices."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from courseware_app.core.i18n import _
from courseware_app.core.languages import native_name
from courseware_app.core.present.timing import TimeState, clock_text
from courseware_app.ui.present.controller import PresenterController
from courseware_app.ui.present.look import pixel_font
from courseware_app.ui.questions.rich_text import set_look

STEP_ROLE = 256  # Qt.ItemDataRole.UserRole: the step index a row jumps to
STATE_COLOURS = {TimeState.AMBER: "#b36b00", TimeState.RED: "#c00000"}


def state_words(state: TimeState) -> str:
    """The section's time state in words (the colour is never the only sign)."""
    return {
        TimeState.OK: _("on time"),
        TimeState.AMBER: _("nearly over time"),
        TimeState.RED: _("over time"),
        TimeState.UNPLANNED: _("no time planned"),
    }[state]


def minutes_text(minutes: int | None) -> str:
    return _("{minutes} min").format(minutes=minutes) if minutes else "–"


class TimePanel(QWidget):
    """The time of day, the session's time, and the section's time against its plan."""

    def __init__(self, controller: PresenterController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = QLabel(self)
        self.clock.setFont(pixel_font(28, bold=True))
        self.session = QLabel(self)
        self.section = QLabel(self)
        self.section.setFont(pixel_font(18, bold=True))
        self.state = TimeState.UNPLANNED
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.clock)
        self.session_caption = QLabel(self)
        self.section_caption = QLabel(self)
        form.addRow(self.session_caption, self.session)
        form.addRow(self.section_caption, self.section)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.session_caption.setText(_("Session:"))
        self.section_caption.setText(_("This section:"))
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        self.clock.setText(QTime.currentTime().toString("HH:mm"))
        self.session.setText(clock_text(c.elapsed()))
        spent, planned, self.state = c.section_time()
        text = _("{spent} of {planned} — {state}") if planned else _("{spent} — {state}")
        words = state_words(self.state)
        self.section.setText(
            text.format(spent=clock_text(spent), planned=minutes_text(planned), state=words)
        )
        set_look(self.section, STATE_COLOURS.get(self.state), bold=True)
        self.section.setFont(pixel_font(18, bold=True))


class Agenda(QTreeWidget):
    """The module's sections with their planned and actual times; under each, its steps by
    number. A click on a section or a step goes there."""

    jumpRequested = Signal(int)  # noqa: N815 - a step index

    def __init__(self, controller: PresenterController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setColumnCount(3)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([_("Section or step"), _("Planned"), _("Actual")])
        self.fill()

    def fill(self) -> None:
        """Rows for the presentation in its current language."""
        self.clear()
        c = self.controller
        items: dict[str, QTreeWidgetItem] = {}
        for s in c.presentation.sections:
            item = QTreeWidgetItem(self, [s.title, minutes_text(s.minutes), ""])
            item.setData(0, STEP_ROLE, c.presentation.first_step(s.id))
            items[s.id] = item
        for i, step in enumerate(c.presentation.steps):
            parent = items.get(c.section_of(step))
            if parent is not None:
                row = QTreeWidgetItem(parent, [f"{i + 1}. {step.title}", "", ""])
                row.setData(0, STEP_ROLE, i)
        self.refresh()

    def refresh(self) -> None:
        """Actual times, and the current step marked (bold, and selected)."""
        c = self.controller
        here = c.section_of(c.step)
        for i, section in enumerate(c.presentation.sections):
            item = self.topLevelItem(i)
            if item is None:
                continue
            spent = c.actual(section.id)
            item.setText(2, clock_text(spent) if spent else "")
            font = item.font(0)
            font.setBold(section.id == here)
            item.setFont(0, font)
            self._mark_step(item)

    def _mark_step(self, section: QTreeWidgetItem) -> None:
        for j in range(section.childCount()):
            row = section.child(j)
            if row is not None and row.data(0, STEP_ROLE) == self.controller.index:
                self.setCurrentItem(row)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, STEP_ROLE)
        if isinstance(index, int):
            self.jumpRequested.emit(index)


class LanguageBar(QWidget):
    """The room's language, a second one beneath it (or none), the notes' language, and the
    projector's dark or light look."""

    darkChanged = Signal(bool)  # noqa: N815

    def __init__(self, controller: PresenterController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.audience = QComboBox(self)
        self.second = QComboBox(self)
        self.console = QComboBox(self)
        self.dark = QCheckBox(self)
        self.dark.setChecked(True)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.captions = [QLabel(self) for _i in range(3)]
        for caption, box in zip(
            self.captions, (self.audience, self.second, self.console), strict=True
        ):
            caption.setBuddy(box)
            self.form.addRow(caption, box)
        self.form.addRow(self.dark)
        self.audience.activated.connect(self._audience)
        self.second.activated.connect(self._second)
        self.console.activated.connect(self._console)
        self.dark.toggled.connect(self.darkChanged)
        controller.languageChanged.connect(self.fill)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for caption, text in zip(
            self.captions,
            (_("&Room's language:"), _("&Second language:"), _("&Notes language:")),
            strict=True,
        ):
            caption.setText(text)
        self.dark.setText(_("&Dark projector screen"))
        self.fill()

    def fill(self) -> None:
        c = self.controller
        self._fill(self.audience, c.languages, c.audience_lang)
        others = [lang for lang in c.languages if lang != c.audience_lang]
        self._fill(self.second, others, c.second_lang, _("None"))
        self._fill(self.console, c.languages, c.console_lang)

    @staticmethod
    def _fill(box: QComboBox, langs: list[str], current: str | None, none: str = "") -> None:
        box.blockSignals(True)
        box.clear()
        if none:
            box.addItem(none, "")
        for lang in langs:
            box.addItem(native_name(lang), lang)
        box.setCurrentIndex(max(0, box.findData(current or "")))
        box.blockSignals(False)

    def _audience(self, index: int) -> None:
        self.controller.set_audience_language(self.audience.itemData(index))

    def _second(self, index: int) -> None:
        self.controller.set_second_language(self.second.itemData(index) or None)

    def _console(self, index: int) -> None:
        self.controller.set_console_language(self.console.itemData(index))
