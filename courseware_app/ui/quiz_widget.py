"""The quiz player: native widgets per question type, feedback, score, retry and review."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Question, Quiz
from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.render import markdown_to_html
from courseware_app.core.scoring import (
    Attempt,
    Result,
    grade,
    now_utc,
    presentation_order,
    shuffled_items,
)

OK_COLOUR, BAD_COLOUR, KEY_COLOUR = "#1e7a3a", "#a11d1d", "#7a5a00"


def rich(text: str) -> str:
    """Question and option text may use inline Markdown."""
    html, _links, _images = markdown_to_html(text)
    return html.strip()


def wrapped_label(text: str, parent=None, *, markdown=True) -> QLabel:
    label = QLabel(rich(text) if markdown else text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if markdown else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class QuestionCard(QFrame):
    """One question: its input widgets, and after submission its feedback."""

    def __init__(
        self,
        number: int,
        total: int,
        question: Question,
        shuffle: bool,
        rng: random.Random,
        parent=None,
    ):
        super().__init__(parent)
        self.q = question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"question_{question.id}")
        self.layout_ = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setText(
            _("Question {number} of {total}").format(number=number, total=total)
            + " · "
            + ngettext("{count} point", "{count} points", int(question.points)).format(
                count=format_number(question.points)
            )
        )
        self.heading.setStyleSheet("color: #5a5a5e;")
        self.layout_.addWidget(self.heading)
        self.text = wrapped_label(question.text, self)
        self.text.setStyleSheet("font-weight: bold;")
        self.layout_.addWidget(self.text)
        self.inputs: list[QWidget] = []
        self.order = presentation_order(len(question.options), shuffle, rng)
        getattr(self, f"_build_{question.type}")(rng)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setVisible(False)
        self.feedback.setObjectName("feedback")
        self.layout_.addWidget(self.feedback)

    # ------------------------------------------------------------ inputs per type

    def _choice_buttons(self, exclusive: bool) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(exclusive)
        self.buttons: dict[int, QRadioButton | QCheckBox] = {}
        for shown, original in enumerate(self.order):
            option = self.q.options[original]
            button = (QRadioButton if exclusive else QCheckBox)(self)
            button.setText(f"&{shown + 1}  {option.text}")
            button.setAccessibleName(option.text)
            self.group.addButton(button, original)
            self.layout_.addWidget(button)
            self.buttons[original] = button
            self.inputs.append(button)

    def _build_single(self, _rng) -> None:
        self._choice_buttons(exclusive=True)

    def _build_multiple(self, _rng) -> None:
        hint = QLabel(_("Select all that apply."), self)
        hint.setStyleSheet("color: #5a5a5e;")
        self.layout_.addWidget(hint)
        self._choice_buttons(exclusive=False)

    def _build_truefalse(self, _rng) -> None:
        self.group = QButtonGroup(self)
        self.true_button = QRadioButton(_("&True"), self)
        self.false_button = QRadioButton(_("&False"), self)
        for button in (self.true_button, self.false_button):
            self.group.addButton(button)
            self.layout_.addWidget(button)
            self.inputs.append(button)

    def _line_edit(self, placeholder: str) -> None:
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(_("Your answer"))
        self.layout_.addWidget(self.edit)
        self.inputs.append(self.edit)

    def _build_short(self, _rng) -> None:
        self._line_edit(_("Type your answer"))

    def _build_numeric(self, _rng) -> None:
        self._line_edit(_("A number, for example 12.5 or 12,5"))

    def _build_order(self, rng) -> None:
        hint = QLabel(
            _(
                "Put the items in the right order: drag them, or select one and use Move up / Move down (Ctrl+Up / Ctrl+Down)."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5a5a5e;")
        self.layout_.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setAccessibleName(_("Items to order"))
        for index in shuffled_items(len(self.q.items), rng):
            item = QListWidgetItem(self.q.items[index])
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(self.q.items) + 8)
        row = QHBoxLayout()
        self.up_button = QPushButton(_("Move &up"), self)
        self.down_button = QPushButton(_("Move &down"), self)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        for key, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            QShortcut(QKeySequence(key), self.list, activated=lambda s=step: self.move_item(s))
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addStretch(1)
        self.layout_.addWidget(self.list)
        self.layout_.addLayout(row)
        self.inputs += [self.list, self.up_button, self.down_button]

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _build_match(self, rng) -> None:
        form = QFormLayout()
        self.combos: list[QComboBox] = []
        rights = list(range(len(self.q.pairs)))
        rng.shuffle(rights)
        for left_index, (left, _right) in enumerate(self.q.pairs):
            combo = QComboBox(self)
            combo.addItem(_("— choose —"), None)
            for r in rights:
                combo.addItem(self.q.pairs[r][1], r)
            combo.setAccessibleName(left)
            label = wrapped_label(left, self, markdown=False)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos.append(combo)
            self.inputs.append(combo)
            combo.setProperty("left_index", left_index)
        self.layout_.addLayout(form)

    # ------------------------------------------------------------ responses

    def response(self):
        kind = self.q.type
        if kind == "single":
            chosen = self.group.checkedId()
            return chosen if chosen >= 0 else None
        if kind == "multiple":
            chosen = {i for i, b in self.buttons.items() if b.isChecked()}
            return chosen or None
        if kind == "truefalse":
            if self.true_button.isChecked():
                return True
            return False if self.false_button.isChecked() else None
        if kind in ("short", "numeric"):
            return self.edit.text().strip() or None
        if kind == "order":
            return [
                self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
            ]
        picked = {
            i: c.currentData() for i, c in enumerate(self.combos) if c.currentData() is not None
        }
        return picked or None

    def set_response(self, response) -> None:
        """Fill the inputs from a stored response (review mode)."""
        kind = self.q.type
        if response is None:
            return
        if kind in ("single", "multiple"):
            chosen = {response} if kind == "single" else set(response)
            for i, button in self.buttons.items():
                button.setChecked(i in chosen)
        elif kind == "truefalse":
            (self.true_button if response else self.false_button).setChecked(True)
        elif kind in ("short", "numeric"):
            self.edit.setText(str(response))
        elif kind == "order":
            self.list.clear()
            for index in response:
                item = QListWidgetItem(self.q.items[int(index)])
                item.setData(Qt.ItemDataRole.UserRole, int(index))
                self.list.addItem(item)
        else:
            pairs = {int(k): v for k, v in dict(response).items()}
            for i, combo in enumerate(self.combos):
                combo.setCurrentIndex(max(0, combo.findData(pairs.get(i))))

    def lock(self, locked: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(not locked)

    # ------------------------------------------------------------ feedback

    def show_result(self, result: Result) -> None:
        if result.correct:
            verdict = '<b style="color:{c}">✔ {t}</b>'.format(c=OK_COLOUR, t=_("Correct"))
        elif result.points > 0:
            verdict = '<b style="color:{c}">◐ {t}</b>'.format(c=KEY_COLOUR, t=_("Partly correct"))
        else:
            verdict = '<b style="color:{c}">✘ {t}</b>'.format(c=BAD_COLOUR, t=_("Not correct"))
        points = _("{points} of {max} points").format(
            points=format_number(result.points), max=format_number(result.max_points)
        )
        parts = [f"{verdict} — {points}"]
        parts += [f"<p>{rich(fb)}</p>" for fb in result.feedback]
        if not result.correct:
            label = _("Correct answer:")
            parts.append(f"<p><b>{label}</b> {self.answer_text()}</p>")
        if self.q.explanation:
            label = _("Explanation:")
            parts.append(f"<p><b>{label}</b> {rich(self.q.explanation)}</p>")
        self.feedback.setText("".join(parts))
        self.feedback.setVisible(True)
        self.setStyleSheet(
            f"QuestionCard {{ border: 2px solid {OK_COLOUR if result.correct else BAD_COLOUR}; }}"
        )

    def answer_text(self) -> str:
        q = self.q
        if q.type in ("single", "multiple"):
            return "; ".join(q.options[i].text for i in q.correct_positions)
        if q.type == "truefalse":
            return _("True") if q.answer_bool else _("False")
        if q.type == "short":
            return " | ".join(q.accepted)
        if q.type == "numeric" and q.numeric:
            low, high = q.numeric
            if low == high:
                return format_number(low)
            return _("from {low} to {high}").format(
                low=format_number(low), high=format_number(high)
            )
        if q.type == "order":
            return " → ".join(q.items)
        return "; ".join(f"{left} → {right}" for left, right in q.pairs)

    def reveal_key(self, on: bool) -> None:
        """Trainer mode: mark the right answer without submitting."""
        if q_buttons := getattr(self, "buttons", None):
            for i, button in q_buttons.items():
                button.setStyleSheet(
                    f"color: {KEY_COLOUR}; font-weight: bold;"
                    if on and self.q.options[i].correct
                    else ""
                )
        if on:
            self.feedback.setText(
                '<span style="color:{c}"><b>{label}</b> {key}</span>'.format(
                    c=KEY_COLOUR, label=_("Answer key:"), key=self.answer_text()
                )
            )
        self.feedback.setVisible(on)

    def clear_result(self) -> None:
        self.feedback.clear()
        self.feedback.setVisible(False)
        self.setStyleSheet("")


class QuizDialog(QDialog):
    """Plays a Quiz. Emits ``attemptFinished(Attempt)`` on submit; storage listens to it."""

    attemptFinished = Signal(object)  # noqa: N815 - Qt signal naming
    onePerPageChanged = Signal(bool)  # noqa: N815

    def __init__(
        self,
        quiz: Quiz,
        *,
        module_id: str,
        module_version: str,
        lang: str,
        trainer: bool = False,
        one_per_page: bool = True,
        review: Attempt | None = None,
        seed: int | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.quiz, self.module_id, self.module_version, self.lang = (
            quiz,
            module_id,
            module_version,
            lang,
        )
        self.trainer, self.one_per_page = trainer, one_per_page
        self.rng = random.Random(seed)
        self.attempt: Attempt | None = None
        self.setObjectName("quizDialog")
        self.setModal(True)
        self.setWindowTitle(quiz.title or _("Quiz"))
        self.resize(860, 640)
        self._build_frame()
        self._new_round()
        if review is not None:
            self.show_review(review)

    def _build_frame(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("score")
        self.score_label.setWordWrap(True)
        self.score_label.setVisible(False)
        layout.addWidget(self.score_label)
        row = QHBoxLayout()
        self.prev_button = QPushButton(_("&Previous"), self)
        self.next_button = QPushButton(_("&Next"), self)
        self.page_toggle = QCheckBox(_("One question at a time"), self)
        self.key_button = QPushButton(_("Show answer &key"), self)
        self.key_button.setCheckable(True)
        self.key_button.setVisible(self.trainer)
        self.submit_button = QPushButton(_("&Submit answers"), self)
        self.submit_button.setDefault(True)
        self.retry_button = QPushButton(_("&Retry"), self)
        self.close_button = QPushButton(_("&Close"), self)
        for w in (self.prev_button, self.next_button, self.page_toggle):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.key_button, self.submit_button, self.retry_button, self.close_button):
            row.addWidget(w)
        layout.addLayout(row)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.page_toggle.setChecked(self.one_per_page)
        self.page_toggle.toggled.connect(self.set_one_per_page)
        self.key_button.toggled.connect(self.reveal_key)
        self.submit_button.clicked.connect(self.submit)
        self.retry_button.clicked.connect(self._new_round)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        QShortcut(QKeySequence("Alt+Right"), self, activated=lambda: self.go(1))
        QShortcut(QKeySequence("Alt+Left"), self, activated=lambda: self.go(-1))

    def _new_round(self) -> None:
        """Start (or restart) the quiz with a fresh shuffle."""
        self.attempt = None
        self.started_at = now_utc()
        container = QWidget(self.scroll)
        column = QVBoxLayout(container)
        total = len(self.quiz.questions)
        self.cards = [
            QuestionCard(i + 1, total, q, self.quiz.shuffle, self.rng, container)
            for i, q in enumerate(self.quiz.questions)
        ]
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        self.scroll.setWidget(container)
        self.index = 0
        self.intro.setText(
            _("{count} questions · pass mark {mark}").format(
                count=total, mark=format_percentage(self.quiz.pass_mark / 100)
            )
            if total != 1
            else _("1 question · pass mark {mark}").format(
                mark=format_percentage(self.quiz.pass_mark / 100)
            )
        )
        self.score_label.setVisible(False)
        self.submit_button.setEnabled(True)
        self.retry_button.setVisible(False)
        self.key_button.setChecked(False)
        self._show_pages()
        if self.cards and self.cards[0].inputs:
            self.cards[0].inputs[0].setFocus()

    def set_one_per_page(self, on: bool) -> None:
        self.one_per_page = on
        self._show_pages()
        self.onePerPageChanged.emit(on)

    def _show_pages(self) -> None:
        for i, card in enumerate(self.cards):
            card.setVisible(not self.one_per_page or i == self.index)
        self.prev_button.setVisible(self.one_per_page)
        self.next_button.setVisible(self.one_per_page)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.cards) - 1)

    def go(self, step: int) -> None:
        if not self.one_per_page:
            return
        self.index = max(0, min(len(self.cards) - 1, self.index + step))
        self._show_pages()
        card = self.cards[self.index]
        if card.inputs:
            card.inputs[0].setFocus()

    def responses(self) -> dict[str, object]:
        return {card.q.id: card.response() for card in self.cards}

    def submit(self) -> Attempt | None:
        if self.attempt is not None:
            return self.attempt
        self.attempt = grade(
            self.quiz,
            self.responses(),
            module_id=self.module_id,
            module_version=self.module_version,
            lang=self.lang,
            started_at=self.started_at,
        )
        self._show_attempt(self.attempt)
        self.attemptFinished.emit(self.attempt)
        return self.attempt

    def _show_attempt(self, attempt: Attempt) -> None:
        for card in self.cards:
            card.lock(True)
            card.show_result(attempt.results[card.q.id])
        verdict = _("Passed") if attempt.passed else _("Not passed yet")
        colour = OK_COLOUR if attempt.passed else BAD_COLOUR
        self.score_label.setText(
            f'<b style="color:{colour}">{verdict}</b> — '
            + _(
                "your score is {score}; the pass mark is {mark} ({points} of {max} points)."
            ).format(
                score=format_percentage(attempt.score / 100),
                mark=format_percentage(attempt.pass_mark / 100),
                points=format_number(attempt.points),
                max=format_number(attempt.max_points),
            )
        )
        self.score_label.setVisible(True)
        self.submit_button.setEnabled(False)
        self.retry_button.setVisible(True)
        self.retry_button.setFocus()

    def show_review(self, attempt: Attempt) -> None:
        """Show a past attempt: its responses, feedback and score, read-only."""
        for card in self.cards:
            card.set_response(attempt.responses.get(card.q.id))
        self.attempt = attempt
        self._show_attempt(attempt)
        self.setWindowTitle(_("Review: {title}").format(title=self.quiz.title or _("Quiz")))

    def reveal_key(self, on: bool) -> None:
        if not self.trainer:
            return
        for card in self.cards:
            card.reveal_key(on)
