"""Exercise attempts in the progress file: recorded apart from quiz attempts, read back whole,
never part of a pass mark or completion; schema 5 and the migration to it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from courseware_app.core import progress
from courseware_app.core.exercises import Card, RiskMatrix, score_placements
from courseware_app.core.loader import load_course
from courseware_app.core.progress import DB_NAME, SCHEMA_VERSION, ModuleState, ProgressStore
from courseware_app.core.progress.exercises import ExerciseSubmission
from courseware_app.core.progress.status import course_progress
from courseware_app.core.results.records import export_records
from tests.conftest import TEST_CONTENT
from tests.core.test_progress import T0, build_version, make_attempt

MATRIX = RiskMatrix(
    "alpha-matrix",
    "risk-matrix",
    12,
    "Score",
    "Place",
    ("1", "2", "3", "4", "5"),
    ("1", "2", "3", "4", "5"),
    tuple(Card(f"c{i}", f"Card {i}", i, 6 - i, "why", 20 + i) for i in range(1, 6)),
)
PLACED = {"c1": (1, 5), "c2": (4, 4), "c3": (3, 2), "c4": (1, 1)}  # c5 left off the grid


@pytest.fixture
def store(tmp_path):
    s = ProgressStore.open(tmp_path / "data")
    yield s
    s.close()


def record(store, profile_id, module="alpha", minute=0, placed=PLACED):
    result = score_placements(MATRIX, placed)
    started = T0 + timedelta(minutes=minute)
    submitted = ExerciseSubmission(
        module, "1.2.0", "ru", MATRIX, result, started, started + timedelta(seconds=95)
    )
    store.record_exercise(profile_id, submitted).result()
    return result


def test_an_exercise_attempt_is_read_back_whole(store):
    p = store.create_profile("Aigerim")
    result = record(store, p.id)
    [stored] = store.exercise_attempts(p.id)
    assert stored.result == result
    assert (result.good, result.total, result.score) == (2, 5, 40.0)
    assert stored.result.cards[4].placed is None and stored.result.cards[1].distance == 2
    assert (stored.module, stored.module_version, stored.lang) == ("alpha", "1.2.0", "ru")
    assert (stored.exercise, stored.kind, stored.device) == (
        "alpha-matrix",
        "risk-matrix",
        store.device,
    )
    assert (stored.started_at, stored.finished_at) == (
        "2025-03-01T09:15:00Z",
        "2025-03-01T09:16:35Z",
    )


def test_attempts_are_per_profile_and_module_oldest_first(store):
    a, b = store.create_profile("A"), store.create_profile("B")
    record(store, a.id, minute=5, placed={})
    record(store, a.id, minute=1)
    record(store, a.id, module="beta", minute=3)
    record(store, b.id)
    assert [x.result.score for x in store.exercise_attempts(a.id, "alpha")] == [40.0, 0.0]
    assert [x.module for x in store.exercise_attempts(a.id)] == ["alpha", "beta", "alpha"]
    assert len(store.exercise_attempts(b.id)) == 1


def test_a_deleted_profiles_exercise_attempts_go_with_it(store):
    p = store.create_profile("A")
    record(store, p.id)
    store.delete_profile(p).result()
    assert store.exercise_attempts(p.id) == []
    store.purge_deleted().result()
    rows = store.read("SELECT COUNT(*) FROM exercise_attempts")
    assert rows == [(0,)]


def test_exercise_attempts_are_not_quiz_attempts_and_never_complete_a_module(store):
    p = store.create_profile("A")
    perfect = {c.id: c.place for c in MATRIX.cards}
    for module in ("alpha", "beta", "gamma"):
        record(store, p.id, module=module, placed=perfect)
    assert store.attempts([p.id]) == []
    assert export_records(store) == []
    course = load_course(TEST_CONTENT)
    found = course_progress(course, store.summary(p.id), "en")
    assert {m.state for m in found.values()} == {ModuleState.NOT_STARTED}
    assert all(m.attempts == 0 and m.best_score is None for m in found.values())


def test_a_quiz_attempt_still_counts_beside_exercise_attempts(store):
    p = store.create_profile("A")
    record(store, p.id, placed={})
    store.record_attempt(p.id, make_attempt(score_points=6.545)).result()
    alpha = course_progress(load_course(TEST_CONTENT), store.summary(p.id), "en")["alpha"]
    assert (alpha.state, alpha.attempts) == (ModuleState.COMPLETED, 1)


# ---------------------------------------------------------------- schema 5


def test_schema_5_adds_the_exercise_attempts_table():
    assert SCHEMA_VERSION >= 5
    conn = sqlite3.connect(":memory:")
    progress.migrate(conn, target=4)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "exercise_attempts" not in tables
    progress.migrate(conn, target=5)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "exercise_attempts" in tables


def test_a_schema_4_file_keeps_its_data_and_takes_exercise_attempts(tmp_path):
    build_version(tmp_path / DB_NAME, 4)
    s = ProgressStore.open(tmp_path)
    try:
        assert s.read("PRAGMA user_version") == [(SCHEMA_VERSION,)]
        [attempt] = s.attempts(["p1"], answers=True)
        assert (attempt.quiz, attempt.score) == ("alpha-quiz", 75.0)
        assert s.exercise_attempts("p1") == []
        record(s, "p1")
        assert [x.result.good for x in s.exercise_attempts("p1")] == [2]
        assert len(s.attempts(["p1"])) == 1
    finally:
        s.close()
