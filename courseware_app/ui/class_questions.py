"""How the class did per question, for trainers: a module's questions most-missed first, and one
question with its answer and explanation in large type for the projector."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Course, Question
from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.questions import QuestionType, kind_for
from courseware_app.core.results.per_question import (
    QuestionShare,
    modules_of,
    most_missed,
    plain_text,
    question_in,
    questions_of,
    shortened,
)
from courseware_app.core.results.tally import QuestionTally
from courseware_app.ui.questions.rich_text import RichLabel, rich, wrapped_label
from courseware_app.ui.themes import current

SMALLEST_PX = 28  # body text on a projector at 1024x768 (issue 13)
LINES_PER_SCREEN = 24  # body text grows with the window: a 1080-pixel screen gives 45 px


def in_course_order(course: Course, module_ids: Iterable[str]) -> list[str]:
    """``module_ids`` in the course's order; modules the course does not have last, by id."""
    order = {m.id: i for i, m in enumerate(course.ordered_modules())}
    return sorted(set(module_ids), key=lambda m: (order.get(m, len(order)), m))


def module_title(course: Course, module_id: str, lang: str) -> str:
    """The module's title in ``lang`` (or its best translation); its id when not in the course."""
    module = course.modules.get(module_id)
    return module.title(lang) if module else module_id


@dataclass(frozen=True)
class ShownQuestion:
    """One row of the per-question table: what the projection shows for it."""

    module_id: str
    module_title: str
    rank: int  # 1 = the most missed
    total: int
    share: QuestionShare
    question: Question | None  # None when the loaded course does not have it


def answer_label(q: Question) -> str:
    if q.type == QuestionType.SHORT and len(q.accepted) > 1:
        return _("Accepted answers:")
    return _("Correct answer:")


def class_result(share: QuestionShare) -> str:
    return ngettext(
        "{correct} of {count} answer correct ({share})",
        "{correct} of {count} answers correct ({share})",
        share.answered,
    ).format(
        correct=format_number(share.correct),
        count=format_number(share.answered),
        share=format_percentage(share.share),
    )


class QuestionProjection(QDialog):
    """One question with its correct answer and explanation, in large high-contrast type; F11
    (or the button) shows it full screen, Left and Right go through the list."""

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionProjection")
        self.course = course
        self.shown: list[ShownQuestion] = []
        self.index = 0
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        layout.addWidget(self._page(), 1)
        layout.addLayout(self._buttons())
        self._colour()
        self.retranslate_ui()

    def _page(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(area)
        column = self.column = QVBoxLayout(page)
        self.heading = wrapped_label("", page)
        self.text = RichLabel(self.course.root, page)
        self.answer = wrapped_label("", page)
        self.explanation = RichLabel(self.course.root, page)
        self.class_line = wrapped_label("", page)
        for widget in (self.heading, self.text, self.answer, self.explanation, self.class_line):
            column.addWidget(widget)
        column.addStretch(1)
        area.setWidget(page)
        return area

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.full_button = QPushButton(self)
        self.full_button.setCheckable(True)
        self.close_button = QPushButton(self)
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.full_button.toggled.connect(self.set_full_screen)
        self.close_button.clicked.connect(self.close)
        for button in (self.previous_button, self.next_button, self.full_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys stay the dialog's
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    def _colour(self) -> None:
        """Black on white, or white on black when the interface is dark: a projector's contrast."""
        dark = current().dark
        fg, bg = QColor("white" if dark else "black"), QColor("black" if dark else "white")
        palette = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, bg)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, fg)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Question for the class"))
        self.previous_button.setText(_("&Previous"))
        self.next_button.setText(_("&Next"))
        self.full_button.setText(_("&Full screen"))
        self.close_button.setText(_("&Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ content

    def show_list(self, shown: list[ShownQuestion], index: int) -> None:
        self.shown = shown
        self.go(index)

    def go(self, index: int) -> None:
        if self.shown:
            self.index = max(0, min(index, len(self.shown) - 1))
        self._fill()

    def current_question(self) -> ShownQuestion | None:
        return self.shown[self.index] if self.shown else None

    def _fill(self) -> None:
        entry = self.current_question()
        self.previous_button.setEnabled(entry is not None and self.index > 0)
        self.next_button.setEnabled(entry is not None and self.index < len(self.shown) - 1)
        if entry is None:
            return
        heading = _("{module} · most missed: {rank} of {total}").format(
            module=entry.module_title,
            rank=format_number(entry.rank),
            total=format_number(entry.total),
        )
        self.heading.setText(heading)
        self.class_line.setText(_("The class: {result}").format(result=class_result(entry.share)))
        q = entry.question
        if q is None:
            missing = _("Question {id} is not in the course as loaded here.")
            question_id = html.escape(entry.share.question)  # from a file: shown as written
            self.text.setText(f"<p>{missing.format(id=question_id)}</p>")
        else:
            self.text.setText(rich(q.text, entry.module_id))
        self.answer.setText(f"✔ {answer_label(q)} {kind_for(q.type).answer_text(q)}" if q else "")
        self.answer.setVisible(q is not None)
        explanation = q.explanation if q else ""
        if explanation:
            label = _("Explanation:")
            self.explanation.setText(f"<p><b>{label}</b> {rich(explanation, entry.module_id)}</p>")
        self.explanation.setVisible(bool(explanation))

    # ------------------------------------------------------------ showing it large

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        if self.full_button.isChecked() != on:
            self.full_button.setChecked(on)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scale_text()

    def body_pixels(self) -> int:
        return max(SMALLEST_PX, round(self.height() / LINES_PER_SCREEN))

    def scale_text(self) -> None:
        """Type that grows with the window (full screen: with the projector's screen)."""
        px = self.body_pixels()
        self.column.setSpacing(round(px * 0.6))
        for widget, scale, bold in (
            (self.heading, 0.8, False),
            (self.text, 1.2, True),
            (self.answer, 1.0, True),
            (self.explanation, 1.0, False),
            (self.class_line, 0.9, False),
        ):
            font = QFont(widget.font())
            font.setPixelSize(round(px * scale))
            font.setBold(bold)
            widget.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_F11:
            self.set_full_screen(not self.isFullScreen())
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.set_full_screen(False)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.go(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go(self.index - 1)
        else:
            super().keyPressEvent(event)


class ClassQuestionsPanel(QWidget):
    """Pick a module, see its questions most-missed first; a row opens the projection."""

    COLUMNS = 5  # question, answered, correct, share, bar

    def __init__(
        self, course: Course, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        """``language`` gives the content language the questions are shown in."""
        super().__init__(parent)
        self.setObjectName("classQuestions")
        self.course, self.language = course, language
        self.tallies: list[QuestionTally] = []
        self.rows: list[ShownQuestion] = []
        self.projection: QuestionProjection | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        picker = QHBoxLayout()
        self.module_label = QLabel(self)
        self.module_box = QComboBox(self)
        self.module_label.setBuddy(self.module_box)
        self.module_box.currentIndexChanged.connect(self.fill_table)
        picker.addWidget(self.module_label)
        picker.addWidget(self.module_box, 1)
        layout.addLayout(picker)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.hint = wrapped_label("", self)
        layout.addWidget(self.hint)
        self.retranslate_ui()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, self.COLUMNS, self)
        table.setObjectName("questionShares")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.cellClicked.connect(lambda row, _col: self.open_row(row))
        table.cellActivated.connect(lambda row, _col: self.open_row(row))
        return table

    def retranslate_ui(self) -> None:
        self.module_label.setText(_("&Module:"))
        self.table.setAccessibleName(_("Share of correct answers per question"))
        self.table.setHorizontalHeaderLabels(
            [_("Question"), _("Answers"), _("Correct answers"), _("Share"), ""]
        )
        self.set_tallies(self.tallies)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_tallies(self, tallies: list[QuestionTally]) -> None:
        """Show these counts (attempts and classroom sessions combined); keeps the module."""
        self.tallies = tallies
        chosen = self.module_box.currentData()
        lang = self.language()
        self.module_box.blockSignals(True)
        self.module_box.clear()
        for module in in_course_order(self.course, modules_of(tallies)):
            self.module_box.addItem(module_title(self.course, module, lang), module)
            self.module_box.setItemData(
                self.module_box.count() - 1, module, Qt.ItemDataRole.ToolTipRole
            )
        self.module_box.setCurrentIndex(max(0, self.module_box.findData(chosen)))
        self.module_box.blockSignals(False)
        self.module_box.setEnabled(bool(tallies))
        self.hint.setText(
            ""
            if tallies
            else _(
                "No answers per question yet. CSV exports do not carry them: add JSON "
                "exports or classroom sessions."
            )
        )
        self.hint.setVisible(not tallies)
        self.fill_table()

    def current_module(self) -> str | None:
        module = self.module_box.currentData()
        return module if isinstance(module, str) else None

    def fill_table(self) -> None:
        self.rows = self._shown(self.current_module())
        self.table.setRowCount(len(self.rows))
        lang = self.language()
        for row, entry in enumerate(self.rows):
            self._fill_row(row, entry, lang)

    def _shown(self, module: str | None) -> list[ShownQuestion]:
        if module is None:
            return []
        tr = m.best(self.language()) if (m := self.course.modules.get(module)) else None
        order = [q.id for q in questions_of(tr)]
        shares = most_missed(self.tallies, module, order)
        title = module_title(self.course, module, self.language())
        return [
            ShownQuestion(module, title, i, len(shares), s, question_in(tr, s.question))
            for i, s in enumerate(shares, start=1)
        ]

    def _fill_row(self, row: int, entry: ShownQuestion, lang: str) -> None:
        s, q = entry.share, entry.question
        full = plain_text(q.text, entry.module_id) if q else s.question
        texts = [shortened(full), format_number(s.answered), format_number(s.correct)]
        texts.append(format_percentage(s.share))
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(f"{full}\n({s.question})" if col == 0 else class_result(s))
            self.table.setItem(row, col, item)
        bar = QProgressBar(self.table)
        bar.setRange(0, 1000)
        bar.setValue(round(s.share * 1000))
        bar.setTextVisible(False)
        bar.setAccessibleName(texts[3])
        self.table.setCellWidget(row, 4, bar)

    def open_row(self, row: int) -> QuestionProjection | None:
        """Show the row's question (and the others, one key away) in the projection."""
        if not 0 <= row < len(self.rows):
            return None
        if self.projection is None:
            self.projection = QuestionProjection(self.course, self.window())
        self.projection.show_list(self.rows, row)
        self.projection.show()
        self.projection.activateWindow()
        return self.projection
