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
    """One part per quiz of the modules asked for; DocumentError when none has a quiz."""
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


def _check_quizzes(ctx: Context) -> None:
    if not any(tr.quizzes for _module, tr in ctx.modules):
        raise DocumentError(_("none of the modules asked for has a quiz"))


@register
class PaperQuiz(Kind):
    """Name, date and post lines, then each question with boxes or lines; never an answer."""

    name = "quiz"

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        _check_quizzes(ctx)

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        return _quiz_pages(ctx, _("Quiz"), False, name_lines)


@register
class AnswerKey(Kind):
    """The same questions with their right answers, points and explanations."""

    name = "answer-key"

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        _check_quizzes(ctx)

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        return _quiz_pages(ctx, _("Answer key"), True, lambda: "")
