"""Classroom sessions in the progress file: round trip, schema 4 migration, a kill mid-session."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from courseware_app.core.classroom import (
    ClassroomSession,
    QuestionResult,
    SectionTime,
    SessionStore,
    question_result,
)
from courseware_app.core.progress import DB_NAME, SCHEMA_VERSION, ProgressStore, StoreError
from tests.conftest import ROOT
from tests.core.classroom.helpers import MULTIPLE, SINGLE, record_session
from tests.core.test_progress import build_version


@pytest.fixture
def store(tmp_path):
    s = SessionStore.open(tmp_path)
    yield s
    s.close()


def test_a_session_comes_back_whole(store):
    sid = record_session(store)
    [s] = store.sessions()
    assert (s.id, s.started_at, s.finished_at) == (
        sid,
        "2025-03-01T09:00:00Z",
        "2025-03-01T10:05:00Z",
    )
    assert (s.place, s.trainer, s.mode, s.module, s.module_version, s.lang) == (
        "Ташкент",
        "=Иван",
        "counts",
        "rm-02",
        "1.2.0",
        "ru",
    )
    assert [q.question for q in s.questions] == ["q-single", "q-multi", "q-tf", "q-order"]
    assert s.questions[1] == QuestionResult(
        "q-multi", 1, {"A": 8, "B": 3, "C": 6}, ("A", "C"), {}, True
    )
    assert s.sections == (SectionTime("intro", 10, 540.0), SectionTime("matrix", 30, 2400.0))
    assert store.session(sid) == s and store.session("nope") is None


def test_newest_first_and_unfinished_sessions_listed(store):
    old = record_session(store, "2025-03-01T09:00:00Z")
    new = store.start(
        module="trs-01", module_version="1", lang="en", started_at="2025-04-01T08:00:00Z"
    )
    assert [s.id for s in store.sessions()] == [new, old]
    fresh = store.sessions()[0]
    assert fresh == ClassroomSession(
        new, "2025-04-01T08:00:00Z", None, "", "", "trs-01", "1", "en", ""
    )


def test_a_question_recorded_again_replaces_the_first(store):
    sid = store.start(module="m", module_version="1", lang="en")
    store.record_question(sid, question_result(SINGLE, 0, {"A": 1}))
    store.record_question(sid, question_result(SINGLE, 0, {"B": 4}))
    [q] = store.sessions()[0].questions
    assert q.counts["B"] == 4 and q.counts["A"] == 0


def test_teams_are_kept(store):
    sid = store.start(module="m", module_version="1", lang="en", mode="teams")
    store.record_question(sid, question_result(MULTIPLE, 0, teams={"Орлы": "A,C", "Red": "B"}))
    [q] = store.sessions()[0].questions
    assert q.teams == {"Орлы": "A,C", "Red": "B"} and q.right == 1


def test_an_unknown_session_is_refused(store):
    with pytest.raises(StoreError):
        store.record_question("nope", question_result(SINGLE, 0))
    with pytest.raises(StoreError):
        store.finish("nope", sections=[])
    with pytest.raises(StoreError):
        store.set_people("nope", place="", trainer="", mode="")


def test_on_the_applications_store_close_leaves_it_open(tmp_path):
    progress = ProgressStore.open(tmp_path)
    sessions = SessionStore(progress)
    record_session(sessions)
    sessions.close()
    assert progress.profiles() == [] and len(SessionStore(progress).sessions()) == 1
    progress.close()


def test_a_read_only_store_reads_and_refuses_changes(tmp_path):
    writer = SessionStore.open(tmp_path)
    record_session(writer)
    writer.close()
    reader = SessionStore.open_for_reading(tmp_path)
    try:
        assert len(reader.sessions()) == 1
        with pytest.raises(StoreError, match="read-only"):
            reader.start(module="m", module_version="1", lang="en")
    finally:
        reader.close()


def test_a_version_3_file_gains_the_tables_and_keeps_its_data(tmp_path):
    build_version(tmp_path / DB_NAME, 3)
    store = SessionStore.open(tmp_path)
    try:
        assert store.progress.read("PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert SCHEMA_VERSION >= 4 and store.sessions() == []
        record_session(store)
        assert len(store.sessions()) == 1
        [a] = store.progress.attempts(["p1"])
        assert a.score == 75.0
    finally:
        store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


KILL_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from courseware_app.core.classroom import SessionStore, question_result
from tests.core.classroom.helpers import MULTIPLE, SINGLE

store = SessionStore.open({folder!r})
sid = store.start(module="rm-02", module_version="1.2.0", lang="ru")
store.set_people(sid, place="Бишкек", trainer="Айгерим", mode="counts")
store.record_question(sid, question_result(SINGLE, 0, {{"B": 7, "A": 2}}))
store.record_question(sid, question_result(MULTIPLE, 1, {{"A": 5, "C": 4}}))
print(sid, flush=True)
time.sleep(60)  # the trainer is typing the third question's counts when the laptop dies
"""


def test_a_kill_during_the_session_keeps_every_recorded_question(tmp_path):
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_CHILD.format(root=str(ROOT), folder=str(tmp_path))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    sid = child.stdout.readline().strip()
    child.kill()  # SIGKILL on POSIX: no finish, no clean close
    child.wait()
    child.stdout.close()
    assert sid and Path(f"{tmp_path / DB_NAME}-wal").exists()  # no clean shutdown happened
    store = SessionStore.open(tmp_path)
    try:
        assert store.progress.recovered is None
        [s] = store.sessions()
        assert (s.id, s.finished_at, s.place, s.trainer) == (sid, None, "Бишкек", "Айгерим")
        assert [(q.question, q.right) for q in s.questions] == [("q-single", 7), ("q-multi", 4)]
    finally:
        store.close()
