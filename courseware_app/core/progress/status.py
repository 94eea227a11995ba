"""Where a learner stands in each module: the pure logic behind the outline and dashboard.

The completion rule, written down once here (the outline's marks, the dashboard, its summary
and the page header all read ``ModuleProgress.state``):

- a module with a quiz is completed when its quiz has been passed (every quiz, when it has
  several), however many sections were read; passed only on an older major.minor version of
  the module, it is "updated since you completed it" (``ModuleState.UPDATED``), which counts as
  completed until it is taken again;
- a module without a quiz is completed when every one of its sections has been read;
- otherwise it is in progress once anything of it was read or tried, else not started.

Unfinished quiz attempts (``core.progress.unfinished``) play no part: they are not attempts.
Exercise attempts (``core.progress.exercises``) play none either: an exercise is practice,
never part of a pass mark, and the summary these rules read holds quiz attempts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from courseware_app.core.course import Course, Module, is_outdated, parse_semver
from courseware_app.core.progress.records import ProfileSummary, StoredAttempt, VisitStat


class CompletionRule(StrEnum):
    """What completes a module (see the module docstring)."""

    QUIZ = "quiz"  # its quiz (every quiz) passed
    READING = "reading"  # every section read (a module without a quiz)


class ModuleState(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    UPDATED = "updated"  # completed on an older version; the module changed since


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    state: ModuleState
    sections_total: int
    sections_visited: int
    seconds: float
    attempts: int
    best_score: float | None
    last_score: float | None
    passed_version: str | None  # the newest version a passing attempt was taken on
    current_version: str
    last_attempt_id: str | None = None
    rule: CompletionRule = CompletionRule.READING
    quizzes_total: int = 0
    quizzes_passed: int = 0


def _version_key(version: str) -> tuple[int, int, int]:
    return parse_semver(version) or (0, 0, 0)


def _passed_versions(mine: Sequence[StoredAttempt], quizzes: Sequence[str]) -> list[str]:
    """For each quiz passed, the newest module version it was passed on."""
    passed = []
    for quiz in quizzes:
        versions = [a.module_version for a in mine if a.quiz == quiz and a.passed]
        if versions:
            passed.append(max(versions, key=_version_key))
    return passed


def _state(
    module: Module,
    done: bool,
    passed_version: str | None,
    started: bool,
) -> ModuleState:
    """Completed (or updated since, when passed on an older version), started or not."""
    if done:
        old = passed_version is not None and is_outdated(passed_version, module.version)
        return ModuleState.UPDATED if old else ModuleState.COMPLETED
    return ModuleState.IN_PROGRESS if started else ModuleState.NOT_STARTED


def completion_rule(quizzes: Sequence[str]) -> CompletionRule:
    return CompletionRule.QUIZ if quizzes else CompletionRule.READING


def _is_done(rule: CompletionRule, sections: int, visited: int, quizzes: int, passed: int) -> bool:
    """The completion rule itself."""
    if rule == CompletionRule.QUIZ:
        return passed == quizzes
    return sections > 0 and visited == sections


def module_progress(module: Module, summary: ProfileSummary, lang: str) -> ModuleProgress:
    """Where the learner stands in ``module``, by the completion rule above."""
    tr = module.best(lang)
    sections = [s.id for s in tr.sections] if tr else []
    quizzes = [q.id for q in tr.quizzes] if tr else []
    visits: dict[str, VisitStat] = summary.visits.get(module.id, {})
    visited = [s for s in sections if s in visits]
    mine = [a for a in summary.attempts if a.module == module.id]
    passed_versions = _passed_versions(mine, quizzes)
    rule = completion_rule(quizzes)
    done = _is_done(rule, len(sections), len(visited), len(quizzes), len(passed_versions))
    passed_version = min(passed_versions, key=_version_key) if passed_versions else None
    return ModuleProgress(
        module_id=module.id,
        state=_state(module, done, passed_version, bool(visits or mine)),
        sections_total=len(sections),
        sections_visited=len(visited),
        seconds=sum(v.seconds for v in visits.values()),
        attempts=len(mine),
        best_score=max((a.score for a in mine), default=None),
        last_score=mine[-1].score if mine else None,
        passed_version=passed_version,
        current_version=module.version,
        last_attempt_id=mine[-1].attempt_id if mine else None,
        rule=rule,
        quizzes_total=len(quizzes),
        quizzes_passed=len(passed_versions),
    )


def course_progress(
    course: Course, summary: ProfileSummary, lang: str
) -> dict[str, ModuleProgress]:
    """Each module's progress, in the course's order."""
    return {m.id: module_progress(m, summary, lang) for m in course.ordered_modules()}


@dataclass(frozen=True)
class Totals:
    modules: int
    completed: int  # including those completed on an older version
    started: int
    seconds: float
    attempts: int


def totals(progress: Sequence[ModuleProgress]) -> Totals:
    """The dashboard's headline numbers over the modules given."""
    finished = (ModuleState.COMPLETED, ModuleState.UPDATED)
    return Totals(
        modules=len(progress),
        completed=sum(p.state in finished for p in progress),
        started=sum(p.state != ModuleState.NOT_STARTED for p in progress),
        seconds=sum(p.seconds for p in progress),
        attempts=sum(p.attempts for p in progress),
    )
