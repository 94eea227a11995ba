"""The paper quiz (no answers) and its answer key (answers, points, explanations)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from courseware_app.core.documents.context import Context, escape
from courseware_app.core.documents.model import DocumentError
from courseware_app.core.documents.quizpaper import (
    name_lines,
    points_label,
    quiz_questions,
    quiz_title,
)
from courseware_app.core.documents.registry import Kind, Pages, register
from courseware_app.core.i18n import _


def _quiz_pages(ctx: Context, title: str, key: bool, top: Callable[[], str]) -> Pages:
    """One part per quiz of the modules asked for (``check`` made sure there is one)."""
    pages = Pages(title)
    for _module, tr in ctx.modules:
        for quiz in tr.quizzes:
            heading = f"{escape(quiz_title(quiz))} — {escape(tr.title)}"
            total = escape(_("Total: {points}").format(points=points_label(quiz.max_points)))
            html = (
                top()
                + f'<h1 class="quiz-title">{heading}</h1>'
                + f'<p class="meta">{escape(title)} · {total}</p>'
                + quiz_questions(quiz, tr.module_id, key=key)
            )
            pages.add(html, tr.title)
    return pages


class _QuizKind(Kind):
    """A paper quiz, with its answers when ``key``: one part per quiz."""

    key = False

    def title(self) -> str:
        raise NotImplementedError

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        if not any(tr.quizzes for _module, tr in ctx.modules):
            raise DocumentError(_("none of the modules asked for has a quiz"))

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        return _quiz_pages(ctx, self.title(), self.key, (lambda: "") if self.key else name_lines)


@register
class PaperQuiz(_QuizKind):
    """Name, date and post lines, then each question with boxes or lines; never an answer."""

    name = "quiz"

    def title(self) -> str:
        return _("Quiz")


@register
class AnswerKey(_QuizKind):
    """The same questions with their right answers, points and explanations."""

    name = "answer-key"
    key = True

    def title(self) -> str:
        return _("Answer key")
