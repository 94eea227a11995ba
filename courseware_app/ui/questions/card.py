"""One question of the quiz player: its heading and text, its type's input, its feedback."""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from courseware_app.core.course import Question
from courseware_app.core.formats import format_number
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.questions import QuestionType, kind_for
from courseware_app.core.scoring import Result
from courseware_app.ui.questions.base import input_class
from courseware_app.ui.questions.rich_text import RichLabel, rich, set_look, wrapped_label
from courseware_app.ui.themes import current


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
        arrangement: Sequence[int] | None = None,
    ) -> None:
        """Images in the text come from ``content_root``'s ``module_id`` folder (none without);
        ``arrangement`` is the order its options were shown in before (a quiz continued)."""
        super().__init__(parent)
        self.q, self.module_id = question, module_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"question_{question.id}")
        self.border = ""  # green or red once scored (drawn, not styled: see set_look)
        self.layout_ = QVBoxLayout(self)
        self.heading = wrapped_label(heading_text(number, total, question), self)
        set_look(self.heading, current().muted)
        self.layout_.addWidget(self.heading)
        self.text = RichLabel(content_root, self)
        self.text.setText(rich(question.text, module_id))
        set_look(self.text, bold=True)
        self.layout_.addWidget(self.text)
        self.input = input_class(question.type)(question, shuffle, rng, self, arrangement)
        self.layout_.addWidget(self.input)
        self.feedback = RichLabel(content_root, self)
        self.feedback.setVisible(False)
        self.feedback.setObjectName("feedback")
        self.layout_.addWidget(self.feedback)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.border:
            painter = QPainter(self)
            painter.setPen(QPen(QColor(self.border), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()

    @property
    def inputs(self) -> list[QWidget]:
        return self.input.inputs

    def response(self) -> object:
        return self.input.response()

    def answered(self) -> bool:
        return self.input.answered()

    def set_response(self, response: object) -> None:
        """Fill the inputs from a stored response (review mode, a quiz continued)."""
        if response is not None:
            self.input.set_response(response)

    def lock(self, locked: bool) -> None:
        """Read-only, in the normal colours (after submission, in a review)."""
        self.input.set_locked(locked)

    def show_result(self, result: Result) -> None:
        parts = [f"{verdict_html(result)} — {points_text(result)}"]
        parts += [f"<p>{rich(fb, self.module_id)}</p>" for fb in result.feedback]
        if not result.correct:
            parts.append(f"<p><b>{self.answer_label()}</b> {self.answer_text()}</p>")
        if self.q.explanation:
            label = _("Explanation:")
            parts.append(f"<p><b>{label}</b> {rich(self.q.explanation, self.module_id)}</p>")
        self.feedback.setText("".join(parts))
        self.feedback.setVisible(True)
        self.input.mark_answers(True)
        self.border = current().ok if result.correct else current().bad
        self.update()

    def answer_label(self) -> str:
        if self.q.type == QuestionType.SHORT and len(self.q.accepted) > 1:
            return _("Accepted answers:")
        return _("Correct answer:")

    def answer_text(self) -> str:
        """The correct answer, escaped for a rich-text label."""
        return html.escape(kind_for(self.q.type).answer_text(self.q), quote=False)

    def reveal_key(self, on: bool) -> None:
        """Trainer mode: mark the right answer without submitting."""
        self.input.reveal_key(on)
        if on:
            self.feedback.setText(
                '<span style="color:{c}"><b>{label}</b> {key}</span>'.format(
                    c=current().key, label=_("Answer key:"), key=self.answer_text()
                )
            )
        self.feedback.setVisible(on)


def heading_text(number: int, total: int, question: Question) -> str:
    points = ngettext("{count} point", "{count} points", int(question.points)).format(
        count=format_number(question.points)
    )
    return _("Question {number} of {total}").format(number=number, total=total) + " · " + points


def verdict_html(result: Result) -> str:
    """✔, ◐ or ✘ and a word: not colour alone."""
    if result.correct:
        colour, text = current().ok, "✔ " + _("Correct")
    elif result.points > 0:
        colour, text = current().key, "◐ " + _("Partly correct")
    else:
        colour, text = current().bad, "✘ " + _("Not correct")
    return f'<b style="color:{colour}">{text}</b>'


def points_text(result: Result) -> str:
    return _("{points} of {max} points").format(
        points=format_number(result.points), max=format_number(result.max_points)
    )
