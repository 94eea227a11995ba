"""The quiz player: one card per question (its input widget from ui.questions), feedback, score,
retry and review."""

from __future__ import annotations

import html
import random
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Question, Quiz
from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.questions import kind_for
from courseware_app.core.scoring import Attempt, Result, grade, now_utc
from courseware_app.ui.questions import RichLabel, input_class, rich, shortcut, wrapped_label

OK_COLOUR, BAD_COLOUR, KEY_COLOUR = "#1e7a3a", "#a11d1d", "#7a5a00"


class QuestionCard(QFrame):
    """One question: its heading and text, its type's input widget, and its feedback."""

    def __init__(
        self,
        number: int,
        total: int,
        question: Question,
        shuffle: bool,
        rng: random.Random,
        parent: QWidget | None = None,
        *,
        module_id: str = "",
        content_root: Path | None = None,
    ) -> None:
        """Images in the text come from ``content_root``'s ``module_id`` folder (none without)."""
        super().__init__(parent)
        self.q, self.module_id = question, module_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"question_{question.id}")
        self.layout_ = QVBoxLayout(self)
        self.heading = wrapped_label("", self)
        self.heading.setText(
            _("Question {number} of {total}").format(number=number, total=total)
            + " · "
            + ngettext("{count} point", "{count} points", int(question.points)).format(
                count=format_number(question.points)
            )
        )
        self.heading.setStyleSheet("color: #5a5a5e;")
        self.layout_.addWidget(self.heading)
        self.text = RichLabel(content_root, self)
        self.text.setText(rich(question.text, module_id))
        self.text.setStyleSheet("font-weight: bold;")
        self.layout_.addWidget(self.text)
        self.input = input_class(question.type)(question, shuffle, rng, self)
        self.layout_.addWidget(self.input)
        self.feedback = RichLabel(content_root, self)
        self.feedback.setVisible(False)
        self.feedback.setObjectName("feedback")
        self.layout_.addWidget(self.feedback)

    @property
    def inputs(self) -> list[QWidget]:
        return self.input.inputs

    def response(self) -> object:
        return self.input.response()

    def set_response(self, response: object) -> None:
        """Fill the inputs from a stored response (review mode)."""
        if response is not None:
            self.input.set_response(response)

    def lock(self, locked: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(not locked)

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
        parts += [f"<p>{rich(fb, self.module_id)}</p>" for fb in result.feedback]
        if not result.correct:
            label = _("Correct answer:")
            parts.append(f"<p><b>{label}</b> {self.answer_text()}</p>")
        if self.q.explanation:
            label = _("Explanation:")
            parts.append(f"<p><b>{label}</b> {rich(self.q.explanation, self.module_id)}</p>")
        self.feedback.setText("".join(parts))
        self.feedback.setVisible(True)
        self.setStyleSheet(
            f"QuestionCard {{ border: 2px solid {OK_COLOUR if result.correct else BAD_COLOUR}; }}"
        )

    def answer_text(self) -> str:
        """The correct answer, escaped for a rich-text label."""
        return html.escape(kind_for(self.q.type).answer_text(self.q), quote=False)

    def reveal_key(self, on: bool) -> None:
        """Trainer mode: mark the right answer without submitting."""
        self.input.reveal_key(on)
        if on:
            self.feedback.setText(
                '<span style="color:{c}"><b>{label}</b> {key}</span>'.format(
                    c=KEY_COLOUR, label=_("Answer key:"), key=self.answer_text()
                )
            )
        self.feedback.setVisible(on)


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
        content_root: Path | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.content_root = content_root  # where the questions' images come from
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
        self._make_frame()
        self._new_round()
        if review is not None:
            self.show_review(review)

    def _make_frame(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = wrapped_label("", self)
        layout.addWidget(self.intro)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        layout.addWidget(self.scroll_area, 1)
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
        shortcut("Ctrl+Return", self, self.submit)
        shortcut("Alt+Right", self, lambda: self.go(1))
        shortcut("Alt+Left", self, lambda: self.go(-1))

    def _new_round(self) -> None:
        """Start (or restart) the quiz with a fresh shuffle."""
        self.attempt = None
        self.started_at = now_utc()
        container = QWidget(self.scroll_area)
        column = QVBoxLayout(container)
        total = len(self.quiz.questions)
        self.cards = [
            QuestionCard(
                i + 1,
                total,
                q,
                self.quiz.shuffle,
                self.rng,
                container,
                module_id=self.module_id,
                content_root=self.content_root,
            )
            for i, q in enumerate(self.quiz.questions)
        ]
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        self.scroll_area.setWidget(container)
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
