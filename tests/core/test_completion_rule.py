"""The completion rule: a quiz module is completed by passing its quiz, a reading module by
reading every section; the outline, dashboard and totals all follow ModuleProgress.state."""

from courseware_app.core.loader import load_course
from courseware_app.core.progress import (
    CompletionRule,
    ModuleState,
    course_progress,
    totals,
)
from tests.conftest import TEST_CONTENT
from tests.core import test_progress
from tests.core.test_progress import make_attempt

store = test_progress.store  # the fixture: a new progress store


def progress_of(store, pid):
    store.flush()
    return course_progress(load_course(TEST_CONTENT), store.summary(pid), "en")


def test_passing_the_quiz_completes_a_module_with_a_quiz_whatever_was_read(store):
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "alpha", "intro")  # 1 of 3 sections read
    store.record_attempt(p.id, make_attempt(score_points=6.545))  # 81.8 %, pass mark 60
    alpha = progress_of(store, p.id)["alpha"]
    assert alpha.best_score == 81.8
    assert alpha.state == ModuleState.COMPLETED
    assert (alpha.rule, alpha.quizzes_total, alpha.quizzes_passed) == (
        CompletionRule.QUIZ,
        1,
        1,
    )
    assert totals([alpha]).completed == 1


def test_reading_every_section_does_not_complete_a_module_with_a_quiz(store):
    p = store.create_profile("Aigerim")
    for section in ("intro", "matrix", "quiz"):
        store.record_visit(p.id, "alpha", section)
    store.record_attempt(p.id, make_attempt(score_points=2.0))  # 25 %: not passed
    alpha = progress_of(store, p.id)["alpha"]
    assert alpha.state == ModuleState.IN_PROGRESS and alpha.quizzes_passed == 0


def test_a_module_without_a_quiz_is_completed_by_reading_every_section(store):
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "beta", "overview")
    beta = progress_of(store, p.id)["beta"]
    assert (beta.rule, beta.state) == (CompletionRule.READING, ModuleState.IN_PROGRESS)
    store.record_visit(p.id, "beta", "data")
    assert progress_of(store, p.id)["beta"].state == ModuleState.COMPLETED


def test_a_pass_on_an_older_minor_version_is_completed_since_updated(store):
    p = store.create_profile("Aigerim")
    store.record_attempt(p.id, make_attempt(version="1.1.0", score_points=8.0))
    assert progress_of(store, p.id)["alpha"].state == ModuleState.UPDATED
