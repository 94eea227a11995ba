"""A translation against its source language: section ids, quizzes, exercises, slides and
minutes."""

from __future__ import annotations

from courseware_app.core.course import (
    Diagnostic,
    ModuleTranslation,
    Question,
    Quiz,
    Section,
    Severity,
)
from courseware_app.core.exercises import RiskMatrix
from courseware_app.core.i18n import _
from courseware_app.core.validate.common import diag


def check_sections(src: ModuleTranslation, tr: ModuleTranslation) -> list[Diagnostic]:
    """A translation has the source's section ids, in the same order."""
    ours, theirs = [s.id for s in tr.sections], [s.id for s in src.sections]
    if ours == theirs:
        return []
    missing = [s for s in theirs if s not in ours]
    extra = [s for s in ours if s not in theirs]
    detail = f"missing {missing}" if missing else ""
    detail += ("; " if detail and extra else "") + (f"extra {extra}" if extra else "")
    message = f"section ids differ from {src.lang}: {detail or 'different order'}"
    return [diag(tr, tr.body_line, "sections-differ", message)]


# ---------------------------------------------------------------- slides and minutes


def check_presenting(src: ModuleTranslation, tr: ModuleTranslation) -> list[Diagnostic]:
    """Each section shared with the source has its slides (as many, of the same kind) and
    plans the same minutes, on the translation's heading line."""
    theirs = {s.id: s for s in src.sections}
    out: list[Diagnostic] = []
    for section in tr.sections:
        other = theirs.get(section.id)
        if other is not None:
            out.extend(_slides_differ(src, tr, section))
            out.extend(_minutes_differ(src.lang, tr, section, other))
    return out


def _slide_kinds(tr: ModuleTranslation, section: str) -> list[str]:
    return ["picture" if s.image else "points" for s in tr.slides if s.section == section]


def _slides_differ(
    src: ModuleTranslation, tr: ModuleTranslation, section: Section
) -> list[Diagnostic]:
    ours, theirs = _slide_kinds(tr, section.id), _slide_kinds(src, section.id)
    if ours == theirs:
        return []
    if len(ours) != len(theirs):
        message = _("slides in section '{id}': {ours} here, {theirs} in {lang}").format(
            id=section.id, ours=len(ours), theirs=len(theirs), lang=src.lang
        )
    else:
        message = _(
            "section '{id}' has a picture slide where {lang} has bullet points, or the "
            "other way round"
        ).format(id=section.id, lang=src.lang)
    return [diag(tr, section.line, "presenting-differs", message, Severity.WARNING)]


def _minutes_differ(
    lang: str, tr: ModuleTranslation, ours: Section, theirs: Section
) -> list[Diagnostic]:
    if ours.minutes == theirs.minutes:
        return []
    none = _("none")
    message = _("minutes planned for section '{id}': {ours} here, {theirs} in {lang}").format(
        id=ours.id,
        ours=none if ours.minutes is None else ours.minutes,
        theirs=none if theirs.minutes is None else theirs.minutes,
        lang=lang,
    )
    return [diag(tr, ours.line, "presenting-differs", message, Severity.WARNING)]


# ---------------------------------------------------------------- quizzes

QuestionShape = tuple[object, ...]


def _question_shape(q: Question) -> QuestionShape:
    return (
        q.type,
        len(q.options),
        q.correct_positions,
        tuple(o.credit for o in q.options),
        q.answer_bool,
        q.numeric,
        len(q.items),
        len(q.pairs),
        q.points,
    )


def check_quizzes(src: ModuleTranslation, tr: ModuleTranslation) -> list[Diagnostic]:
    """Each quiz of a translation has the source's id, pass mark and question shapes."""
    out: list[Diagnostic] = []
    src_quizzes = {q.id: q for q in src.quizzes}
    for quiz in tr.quizzes:
        other = src_quizzes.get(quiz.id)
        if other is None:
            message = f"quiz '{quiz.id}' is not in the {src.lang} file"
            out.append(diag(tr, quiz.line, "quiz-mismatch", message))
        else:
            out.extend(_compare_quiz(tr, quiz, other, src.lang))
    for qid in src_quizzes.keys() - {q.id for q in tr.quizzes}:
        message = f"quiz '{qid}' of the {src.lang} file is missing here"
        out.append(diag(tr, tr.body_line, "quiz-mismatch", message))
    return out


def _compare_quiz(tr: ModuleTranslation, quiz: Quiz, other: Quiz, lang: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if quiz.pass_mark != other.pass_mark:
        message = f"pass mark {quiz.pass_mark:g} differs from {lang} ({other.pass_mark:g})"
        out.append(diag(tr, quiz.line, "quiz-mismatch", message))
    theirs = {q.id: q for q in other.questions}
    for q in quiz.questions:
        ref = theirs.pop(q.id, None)
        if ref is None:
            message = f"question '{q.id}' is not in the {lang} quiz"
            out.append(diag(tr, q.line, "quiz-mismatch", message))
        elif _question_shape(q) != _question_shape(ref):
            out.append(diag(tr, q.line, "quiz-mismatch", _shape_message(q, ref, lang)))
    for qid in theirs:
        message = f"question '{qid}' of the {lang} quiz is missing here"
        out.append(diag(tr, quiz.line, "quiz-mismatch", message))
    return out


def _shape_message(q: Question, ref: Question, lang: str) -> str:
    if q.type != ref.type:
        return f"question '{q.id}' is {q.type} here but {ref.type} in {lang}"
    if len(q.options) != len(ref.options):
        return (
            f"question '{q.id}' has {len(q.options)} options here but {len(ref.options)} in {lang}"
        )
    credits = [o.credit for o in q.options], [o.credit for o in ref.options]
    if (
        q.correct_positions != ref.correct_positions
        or q.answer_bool != ref.answer_bool
        or credits[0] != credits[1]
    ):
        return f"question '{q.id}' has different correct answers from {lang}"
    if q.numeric != ref.numeric:
        return f"question '{q.id}' has a different numeric answer from {lang}"
    if q.points != ref.points:
        return f"question '{q.id}' has {q.points:g} points here but {ref.points:g} in {lang}"
    return f"question '{q.id}' has a different number of items or pairs from {lang}"


# ---------------------------------------------------------------- exercises


def check_exercises(src: ModuleTranslation, tr: ModuleTranslation) -> list[Diagnostic]:
    """Each exercise of a translation has the source's id, kind, cards and model places (its
    words are its own language's)."""
    out: list[Diagnostic] = []
    theirs = {e.id: e for e in src.exercises}
    for exercise in tr.exercises:
        other = theirs.pop(exercise.id, None)
        if other is None:
            message = _("exercise '{id}' is not in the {lang} file")
            out.append(_mismatch(tr, exercise.line, message, exercise.id, src.lang))
        else:
            out.extend(_compare_exercise(tr, exercise, other, src.lang))
    for exercise_id in theirs:
        message = _("exercise '{id}' of the {lang} file is missing here")
        out.append(_mismatch(tr, tr.body_line, message, exercise_id, src.lang))
    return out


def _mismatch(tr: ModuleTranslation, line: int, message: str, item: str, lang: str) -> Diagnostic:
    return diag(tr, line, "exercise-mismatch", message.format(id=item, lang=lang))


def _compare_exercise(
    tr: ModuleTranslation, exercise: RiskMatrix, other: RiskMatrix, lang: str
) -> list[Diagnostic]:
    if exercise.kind != other.kind:
        message = _("exercise '{id}' is {kind} here but {other} in {lang}").format(
            id=exercise.id, kind=exercise.kind, other=other.kind, lang=lang
        )
        return [diag(tr, exercise.line, "exercise-mismatch", message)]
    out: list[Diagnostic] = []
    theirs = {c.id: c for c in other.cards}
    for card in exercise.cards:
        ref = theirs.pop(card.id, None)
        if ref is None:
            message = _("card '{id}' is not in the {lang} exercise")
            out.append(_mismatch(tr, card.line, message, card.id, lang))
        elif card.place != ref.place:
            message = _("card '{id}' is placed at {ours} here but at {theirs} in {lang}").format(
                id=card.id, ours=_cell(card.place), theirs=_cell(ref.place), lang=lang
            )
            out.append(diag(tr, card.line, "exercise-mismatch", message))
    for card_id in theirs:
        message = _("card '{id}' of the {lang} exercise is missing here")
        out.append(_mismatch(tr, exercise.line, message, card_id, lang))
    return out


def _cell(place: tuple[int, int]) -> str:
    return f"{place[0]} {place[1]}"
