"""The handout (trainee text only) and the trainer guide (everything, with timing and keys)."""

from __future__ import annotations

from pathlib import Path

from courseware_app.core.course import ModuleTranslation
from courseware_app.core.documents.context import Context, escape
from courseware_app.core.documents.parts import (
    QuizBlock,
    contents,
    cover,
    module_text,
    subtitle,
    table,
)
from courseware_app.core.documents.quizpaper import quiz_questions, quiz_title
from courseware_app.core.documents.registry import Kind, Pages, register
from courseware_app.core.documents.timing import module_slots
from courseware_app.core.formats import format_duration
from courseware_app.core.i18n import _, ngettext


def _quiz_note(tr: ModuleTranslation) -> QuizBlock:
    """A trainee's handout names the quiz; its questions are the paper quiz's."""

    def note(quiz_id: str) -> str:
        quiz = next((q for q in tr.quizzes if q.id == quiz_id), None)
        if quiz is None:
            return ""
        count = len(quiz.questions)
        label = ngettext("{count} question", "{count} questions", count).format(count=count)
        return f'<p class="quiz-note"><b>{escape(quiz_title(quiz))}</b> — {escape(label)}</p>'

    return note


def _answer_key(tr: ModuleTranslation) -> QuizBlock:
    """In the trainer guide, a quiz is printed in place with its answers and explanations."""

    def key(quiz_id: str) -> str:
        quiz = next((q for q in tr.quizzes if q.id == quiz_id), None)
        if quiz is None:
            return ""
        title = escape(_("{quiz}: answer key").format(quiz=quiz_title(quiz)))
        return f'<h3 class="quiz-key">{title}</h3>' + quiz_questions(quiz, tr.module_id, key=True)

    return key


class _ModuleBook(Kind):
    """A cover, contents, then each module's text: what the handout and the guide share."""

    trainer = False

    def title(self) -> str:
        raise NotImplementedError

    def quiz_block(self, tr: ModuleTranslation) -> QuizBlock:
        return _quiz_note(tr)

    def after_header(self, tr: ModuleTranslation) -> str:
        return ""

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        pages = Pages(self.title())
        pages.add(cover(ctx, pages.title, subtitle(ctx)) + contents(ctx), ctx.course_title)
        for module, tr in ctx.modules:
            quiz, extra = self.quiz_block(tr), self.after_header(tr)
            text = module_text(
                module, tr, ctx.lang, trainer=self.trainer, quiz=quiz, after_header=extra
            )
            pages.add(text, tr.title)
        return pages


@register
class Handout(_ModuleBook):
    """Cover, contents, each module's trainee text: no note, answer or explanation."""

    name = "handout"

    def title(self) -> str:
        return _("Handout")


def timing_table(tr: ModuleTranslation) -> str:
    """Sections, planned minutes and the activities the trainer notes name."""
    slots = module_slots(tr)
    rows = [
        (
            escape(s.title),
            escape(format_duration(s.minutes)) + (" *" if s.estimated else ""),
            "<br>".join(escape(a) for a in s.activities),
        )
        for s in slots
    ]
    total = sum(s.minutes for s in slots)
    headers = [escape(h) for h in (_("Section"), _("Minutes"), _("Activities"))]
    label = _("Total")
    rows.append((f"<b>{escape(label)}</b>", f"<b>{escape(format_duration(total))}</b>", ""))
    title = escape(_("Timing"))
    note = ""
    if any(s.estimated for s in slots):
        estimated = _("estimated from the module’s duration")
        note = f'<p class="note">* {escape(estimated)}</p>'
    return f'<h2 class="timing">{title}</h2>' + table(headers, rows) + note


@register
class TrainerGuide(_ModuleBook):
    """The handout's text plus the timing, every trainer note, the slides and the answer keys."""

    name = "trainer-guide"
    trainer = True

    def title(self) -> str:
        return _("Trainer guide")

    def quiz_block(self, tr: ModuleTranslation) -> QuizBlock:
        return _answer_key(tr)

    def after_header(self, tr: ModuleTranslation) -> str:
        return timing_table(tr)
