"""The quiz player: one card per question (ui.questions.card), feedback, score, retry and
review. Enter never finishes a quiz; finishing with questions unanswered asks first; a round
left unfinished can be read back (``unfinished``) and continued (``resume``)."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.course import Quiz
from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.i18n import _
from courseware_app.core.progress import UnfinishedAttempt, iso_utc, parse_iso
from courseware_app.core.scoring import Attempt, grade, now_utc
from courseware_app.ui.questions import shortcut, wrapped_label
from courseware_app.ui.questions.card import QuestionCard
from courseware_app.ui.questions.prompts import confirm_finish
from courseware_app.ui.themes import current

__all__ = ["QuestionCard", "QuizDialog"]


class QuizDialog(QDialog):
    """Plays a Quiz. Emits ``attemptFinished(Attempt)`` on submit; storage listens to it.
    ``answersChanged`` says a round not finished yet has new answers (to keep them)."""

    attemptFinished = Signal(object)  # noqa: N815 - Qt signal naming
    onePerPageChanged = Signal(bool)  # noqa: N815
    answersChanged = Signal()  # noqa: N815
    zoomRequested = Signal(int)  # noqa: N815 - Ctrl+plus / minus / 0 here: the window's zoom

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
        zoom: int = 0,
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
        self._filling = False  # answers being filled in, not given
        self.setObjectName("quizDialog")
        self.setModal(True)
        self.setWindowTitle(quiz.title or _("Quiz"))
        self.resize(860, 640)
        self._make_frame()
        self.set_zoom(zoom)
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
        layout.addLayout(self._make_buttons())
        self._make_shortcuts()

    def _make_buttons(self) -> QHBoxLayout:
        """Previous, Next and the page toggle; the key, Finish, Retry and Close. None is a
        default button: Enter anywhere never finishes the quiz (Space on Finish does)."""
        self.prev_button = QPushButton(_("&Previous"), self)
        self.next_button = QPushButton(_("&Next"), self)
        self.page_toggle = QCheckBox(_("One question at a time"), self)
        self.key_button = QPushButton(_("Show answer &key"), self)
        self.key_button.setCheckable(True)
        self.key_button.setVisible(self.trainer)
        self.submit_button = QPushButton(_("&Finish quiz"), self)
        self.submit_button.setToolTip(_("Score your answers (Ctrl+Enter)"))
        self.retry_button = QPushButton(_("&Retry"), self)
        self.close_button = QPushButton(_("&Close"), self)
        row = QHBoxLayout()
        for w in (self.prev_button, self.next_button, self.page_toggle):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.key_button, self.submit_button, self.retry_button, self.close_button):
            row.addWidget(w)
        no_default_buttons(self)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.page_toggle.setChecked(self.one_per_page)
        self.page_toggle.toggled.connect(self.set_one_per_page)
        self.key_button.toggled.connect(self.reveal_key)
        self.submit_button.clicked.connect(self.finish)
        self.retry_button.clicked.connect(self._new_round)
        self.close_button.clicked.connect(self.accept)
        return row

    def _make_shortcuts(self) -> None:
        shortcut("Ctrl+Return", self, self.finish)
        shortcut("Ctrl+Enter", self, self.finish)
        shortcut("Alt+Right", self, lambda: self.go(1))
        shortcut("Alt+Left", self, lambda: self.go(-1))
        zoom_in, zoom_out = QKeySequence.StandardKey.ZoomIn, QKeySequence.StandardKey.ZoomOut
        steps = ((zoom_in, 1), ("Ctrl+=", 1), (zoom_out, -1), ("Ctrl+0", 0))
        for keys, step in steps:
            shortcut(QKeySequence(keys), self, self._zoom_step(step))

    def _zoom_step(self, step: int) -> Callable[[], None]:
        return lambda: self.zoomRequested.emit(step)

    def set_zoom(self, zoom: int) -> None:
        """Text size follows the reader's: ``zoom`` points above or below the normal size."""
        font = QApplication.font()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(max(6.0, size + zoom))
        self.setFont(font)
        self.zoom = zoom

    def _new_round(self, arrangements: Mapping[str, Sequence[int]] | None = None) -> None:
        """Start (or restart) the quiz with a fresh shuffle, or with the one given."""
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
                arrangement=(arrangements or {}).get(q.id),
            )
            for i, q in enumerate(self.quiz.questions)
        ]
        for card in self.cards:
            column.addWidget(card)
            card.input.changed.connect(self._answer_changed)
            card.input.advanceRequested.connect(lambda c=card: self.advance_from(c))
        column.addStretch(1)
        no_default_buttons(container)  # Move up / Move down: Enter on them moves nothing
        self.scroll_area.setWidget(container)
        self.index = 0
        self.intro.setText(intro_text(self.quiz))
        self.score_label.setVisible(False)
        self.submit_button.setEnabled(True)
        self.retry_button.setVisible(False)
        self.key_button.setChecked(False)
        self._show_pages()
        self._focus_card()

    def _answer_changed(self) -> None:
        if self.attempt is None and not self._filling:
            self.answersChanged.emit()

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
        self.show_question(self.index + step)

    def show_question(self, index: int) -> None:
        """Bring question ``index`` into view (its page, one question at a time) and focus it."""
        self.index = max(0, min(len(self.cards) - 1, index))
        self._show_pages()
        self._focus_card()

    def _focus_card(self) -> None:
        card = self.cards[self.index] if self.cards else None
        if card is not None and card.inputs:
            self.scroll_area.ensureWidgetVisible(card)
            card.inputs[0].setFocus()

    def advance_from(self, card: QuestionCard) -> None:
        """Enter in a line: on to the next question; on the last one, nothing."""
        position = self.cards.index(card)
        if position + 1 < len(self.cards):
            self.show_question(position + 1)

    def responses(self) -> dict[str, object]:
        return {card.q.id: card.response() for card in self.cards}

    def unanswered(self) -> list[int]:
        """The positions of the questions without an answer."""
        return [i for i, card in enumerate(self.cards) if not card.answered()]

    def finish(self) -> Attempt | None:
        """Finish button, Ctrl+Enter: asks first when questions are unanswered."""
        if self.attempt is not None:
            return self.attempt
        missing = self.unanswered()
        if missing and not confirm_finish(self, len(missing)):
            self.show_question(missing[0])
            return None
        return self.submit()

    def submit(self) -> Attempt | None:
        """Score the answers as they are and record the attempt."""
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
        self.score_label.setText(score_html(attempt))
        self.score_label.setVisible(True)
        self.submit_button.setEnabled(False)
        self.retry_button.setVisible(True)
        self.retry_button.setFocus()

    def show_review(self, attempt: Attempt) -> None:
        """Show a past attempt: its responses, feedback and score, read-only, from the top."""
        self.attempt = attempt
        self._fill(attempt.responses)
        self._show_attempt(attempt)
        self.setWindowTitle(_("Review: {title}").format(title=self.quiz.title or _("Quiz")))
        self.show_question(0)
        self.scroll_to_top()

    def scroll_to_top(self) -> None:
        """Now and once the cards are laid out at their size (their text grows them)."""
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, self, lambda: bar.setValue(0))

    def _fill(self, responses: Mapping[str, object]) -> None:
        self._filling = True
        try:
            for card in self.cards:
                card.set_response(responses.get(card.q.id))
        finally:
            self._filling = False

    # ------------------------------------------------------------ unfinished rounds

    def unfinished(self) -> UnfinishedAttempt | None:
        """The round being answered, to keep; None once it is finished (or a review)."""
        if self.attempt is not None:
            return None
        return UnfinishedAttempt(
            module=self.module_id,
            quiz=self.quiz.id,
            module_version=self.module_version,
            lang=self.lang,
            started_at=iso_utc(self.started_at),
            position=self.index,
            arrangements={
                c.q.id: a for c in self.cards if (a := c.input.arrangement()) is not None
            },
            responses={c.q.id: c.response() if c.answered() else None for c in self.cards},
        )

    def resume(self, kept: UnfinishedAttempt) -> None:
        """Continue a round left unfinished: its order, its answers, the question it was at."""
        self._new_round(kept.arrangements)
        self._fill(kept.responses)
        self.started_at = parse_iso(kept.started_at)
        self.show_question(kept.position)

    def reveal_key(self, on: bool) -> None:
        if not self.trainer:
            return
        for card in self.cards:
            card.reveal_key(on)


def no_default_buttons(widget: QWidget) -> None:
    """No button under ``widget`` is clicked by Enter (a dialog's push buttons are by default)."""
    for button in widget.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def intro_text(quiz: Quiz) -> str:
    mark = format_percentage(quiz.pass_mark / 100)
    total = len(quiz.questions)
    if total == 1:
        return _("1 question · pass mark {mark}").format(mark=mark)
    return _("{count} questions · pass mark {mark}").format(count=total, mark=mark)


def score_html(attempt: Attempt) -> str:
    verdict = _("Passed") if attempt.passed else _("Not passed yet")
    colour = current().ok if attempt.passed else current().bad
    return f'<b style="color:{colour}">{verdict}</b> — ' + _(
        "your score is {score}; the pass mark is {mark} ({points} of {max} points)."
    ).format(
        score=format_percentage(attempt.score / 100),
        mark=format_percentage(attempt.pass_mark / 100),
        points=format_number(attempt.points),
        max=format_number(attempt.max_points),
    )
