"""Unfinished quiz attempts: kept per profile across a restart, and never an attempt."""

import sqlite3

from courseware_app.core.loader import load_course
from courseware_app.core.progress import (
    DB_NAME,
    SCHEMA_VERSION,
    ProgressStore,
    UnfinishedAttempt,
    course_progress,
)
from courseware_app.core.results import export_records
from tests.conftest import TEST_CONTENT
from tests.core import test_progress
from tests.core.test_progress import build_version, make_attempt

store = test_progress.store  # the fixture: a new progress store


def left(position=3, **responses):
    return UnfinishedAttempt(
        module="alpha",
        quiz="alpha-quiz",
        module_version="1.2.0",
        lang="ru",
        started_at="2025-03-01T09:15:00Z",
        position=position,
        arrangements={"q-single": [2, 0, 1], "q-match": [1, 0]},
        responses=responses or {"q-single": 2, "q-multi": {1, 0}, "q-match": {0: 1}, "q-tf": None},
    )


def test_an_unfinished_attempt_survives_a_restart_with_its_order_and_answers(tmp_path):
    store = ProgressStore.open(tmp_path)
    p = store.create_profile("Айгерим")
    other = store.create_profile("Bob")
    store.keep_unfinished(p.id, left()).result()
    store.close()
    store = ProgressStore.open(tmp_path)
    try:
        kept = store.unfinished(p.id, "alpha", "alpha-quiz")
        assert kept is not None and kept.saved_at
        assert (kept.module_version, kept.lang, kept.position) == ("1.2.0", "ru", 3)
        assert kept.arrangements == {"q-single": [2, 0, 1], "q-match": [1, 0]}
        assert kept.responses == {
            "q-single": 2,
            "q-multi": [0, 1],
            "q-match": {"0": 1},
            "q-tf": None,
        }
        assert kept.answered == 3
        assert store.unfinished(other.id, "alpha", "alpha-quiz") is None  # per profile
        assert store.unfinished(p.id, "alpha", "other-quiz") is None
    finally:
        store.close()


def test_keeping_again_replaces_and_discarding_removes(store):
    p = store.create_profile("Aigerim")
    store.keep_unfinished(p.id, left())
    store.keep_unfinished(p.id, left(position=5, **{"q-tf": True}))
    store.flush()
    kept = store.unfinished(p.id, "alpha", "alpha-quiz")
    assert kept is not None and kept.position == 5 and kept.responses == {"q-tf": True}
    store.discard_unfinished(p.id, "alpha", "alpha-quiz").result()
    assert store.unfinished(p.id, "alpha", "alpha-quiz") is None


def test_finishing_the_quiz_ends_its_unfinished_attempt(store):
    p = store.create_profile("Aigerim")
    store.keep_unfinished(p.id, left())
    store.record_attempt(p.id, make_attempt(quiz="other-quiz"))  # another quiz: kept
    store.flush()
    assert store.unfinished(p.id, "alpha", "alpha-quiz") is not None
    store.record_attempt(p.id, make_attempt()).result()
    assert store.unfinished(p.id, "alpha", "alpha-quiz") is None


def test_an_unfinished_attempt_is_never_exported_counted_or_scored(store):
    course = load_course(TEST_CONTENT)
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "alpha", "intro")
    store.flush()
    before = course_progress(course, store.summary(p.id), "en")
    store.keep_unfinished(p.id, left(**{q: 1 for q in ("q-single", "q-tf")})).result()
    after = course_progress(course, store.summary(p.id), "en")
    assert after == before
    assert after["alpha"].attempts == 0 and after["alpha"].best_score is None
    assert store.attempts() == [] and export_records(store) == []


def test_a_deleted_profile_takes_its_unfinished_attempts_with_it(store):
    p = store.create_profile("Aigerim")
    store.keep_unfinished(p.id, left())
    store.delete_profile(p)
    store.purge_deleted().result()
    count = store.read("SELECT count(*) FROM unfinished_attempts")
    assert count == [(0,)]


def test_a_version_2_file_gains_the_table_and_keeps_its_data(tmp_path):
    build_version(tmp_path / DB_NAME, 2)
    store = ProgressStore.open(tmp_path)
    try:
        assert store.read("PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert store.unfinished("p1", "alpha", "alpha-quiz") is None
        store.keep_unfinished("p1", left()).result()
        assert store.unfinished("p1", "alpha", "alpha-quiz") is not None
        [a] = store.attempts(["p1"])
        assert a.score == 75.0
    finally:
        store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_fits_only_the_same_version_and_language():
    kept = left()
    assert kept.fits("1.2.0", "ru")
    assert not kept.fits("1.3.0", "ru") and not kept.fits("1.2.0", "en")
