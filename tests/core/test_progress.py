"""The progress store: schema and migrations, profiles, recording, crashes, damaged files."""

import hashlib
import json
import sqlite3
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from courseware_app.core import progress
from courseware_app.core.loader import load_course
from courseware_app.core.progress import (
    DB_NAME,
    SCHEMA_VERSION,
    ModuleState,
    NewerSchemaError,
    ProfileError,
    ProgressStore,
    StoreMissingError,
    course_progress,
    totals,
)
from courseware_app.core.scoring import Attempt, Result
from tests.conftest import ROOT, TEST_CONTENT

T0 = datetime(2025, 3, 1, 9, 15, tzinfo=UTC)


def make_attempt(module="alpha", version="1.2.0", score_points=6.0, quiz="alpha-quiz", minute=0):
    """An attempt with every response type (sets, dicts with int keys, lists, None)."""
    responses = {
        "q-single": 1,
        "q-multi": {1, 0},
        "q-tf": False,
        "q-short": "ПКА",
        "q-num": "50",
        "q-order": [0, 2, 1],
        "q-match": {0: 0, 1: 1},
        "q-none": None,
    }
    results = {q: Result(1.0, 1.0, True, ("Yes.",)) for q in responses}
    results["q-order"] = Result(0.0, 1.0, False)
    return Attempt(
        module_id=module,
        module_version=version,
        lang="ru",
        quiz_id=quiz,
        responses=responses,
        results=results,
        points=score_points,
        max_points=8.0,
        pass_mark=60.0,
        started_at=T0 + timedelta(minutes=minute),
        finished_at=T0 + timedelta(minutes=minute, seconds=90),
    )


@pytest.fixture
def store(tmp_path):
    s = ProgressStore.open(tmp_path / "data")
    yield s
    s.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- the file


def test_new_file_uses_wal_full_sync_and_foreign_keys(store, tmp_path):
    assert store.path == tmp_path / "data" / DB_NAME and store.path.is_file()
    conn = store._reader()
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    uuid.UUID(store.device_id)


def test_writer_commits_on_its_own_thread_in_order(store):
    seen = []
    store.add_listener(lambda kind, error: seen.append((kind, threading.get_ident(), error)))
    p = store.create_profile("Aigerim")
    for i in range(20):
        store.record_visit(p.id, "alpha", f"s{i}")
    store.flush()
    assert [k for k, _t, _e in seen] == ["profile"] + ["visit"] * 20
    assert {t for _k, t, _e in seen} == {store.writer.thread.ident}
    assert store.writer.thread.ident != threading.get_ident()
    assert sorted(store.visits(p.id)["alpha"]) == sorted(f"s{i}" for i in range(20))


def test_a_failed_write_is_reported_and_later_writes_still_work(store):
    errors = []
    store.add_listener(lambda kind, error: error and errors.append(error))
    bad = store.record_visit("no-such-profile", "alpha", "intro")  # foreign key refuses it
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "alpha", "intro")
    store.flush()
    with pytest.raises(sqlite3.IntegrityError):
        bad.result()
    assert len(errors) == 1
    assert list(store.visits(p.id)["alpha"]) == ["intro"]


def test_closed_store_refuses_writes(tmp_path):
    s = ProgressStore.open(tmp_path)
    s.close()
    with pytest.raises(progress.StoreError):
        s.set_meta("x", "y").result()


def test_an_unusable_folder_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(progress.StoreError) as exc:
        ProgressStore.open(tmp_path / "file")
    assert str(tmp_path / "file" / DB_NAME) in str(exc.value)


def test_missing_file_is_not_created_when_not_wanted(tmp_path):
    with pytest.raises(StoreMissingError):
        ProgressStore.open(tmp_path, create=False)
    assert not (tmp_path / DB_NAME).exists()


# ---------------------------------------------------------------- profiles


def test_profiles_create_rename_delete_restore_purge(store):
    a = store.create_profile("  Айгерим   Сапарова ")
    assert a.name == "Айгерим Сапарова" and uuid.UUID(a.id).version == 4
    b = store.create_profile("Bekzat")
    with pytest.raises(ProfileError) as exc:
        store.create_profile("айгерим сапарова")  # Cyrillic case folded
    assert exc.value.code == "duplicate"
    for bad, code in (("  ", "empty"), ("x" * 61, "too-long"), ("=cmd", "bad-start")):
        with pytest.raises(ProfileError) as exc:
            store.create_profile(bad)
        assert exc.value.code == code
    b = store.rename_profile(b, "Бекзат")
    store.delete_profile(a).result()
    assert [p.name for p in store.profiles()] == ["Бекзат"]
    assert [p.name for p in store.profiles(deleted=True)] == ["Айгерим Сапарова"]
    store.create_profile("Айгерим Сапарова")  # the name is free again
    restored = store.restore_profile(store.profiles(deleted=True)[0])
    assert restored.name == "Айгерим Сапарова (2)" and restored.id == a.id
    store.flush()
    assert sorted(p.name for p in store.profiles()) == [
        "Айгерим Сапарова",
        "Айгерим Сапарова (2)",
        "Бекзат",
    ]
    store.delete_profile(b)
    store.purge_deleted().result()
    assert store.profile(b.id) is None and store.profiles(deleted=True) == []


def test_purging_a_profile_removes_everything_it_owned(store):
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "alpha", "intro")
    store.record_attempt(p.id, make_attempt())
    store.set_bookmark(p.id, "alpha", "intro", True)
    store.set_note(p.id, "alpha", "intro", "ask")
    store.set_settings(p.id, {"zoom": 2})
    store.delete_profile(p)
    store.purge_deleted()
    store.flush()
    conn = store._reader()
    for table in ("visits", "attempts", "answers", "bookmarks", "notes", "profile_settings"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


# ---------------------------------------------------------------- recording


def test_visits_and_time_accumulate(store):
    p = store.create_profile("Aigerim")
    store.record_visit(p.id, "alpha", "intro")
    store.add_time(p.id, "alpha", "intro", 12.5)
    store.record_visit(p.id, "alpha", "intro")
    store.add_time(p.id, "alpha", "intro", 30)
    store.add_time(p.id, "alpha", "matrix", 4)
    store.flush()
    visits = store.visits(p.id)["alpha"]
    assert (visits["intro"].visits, visits["intro"].seconds) == (2, 42.5)
    assert (visits["matrix"].visits, visits["matrix"].seconds) == (0, 4.0)


def test_attempt_round_trip_serialises_responses(store):
    p = store.create_profile("Aigerim")
    attempt = make_attempt()
    store.record_attempt(p.id, attempt, device="LAPTOP-7")
    store.record_attempt(p.id, attempt)  # the same attempt twice is kept once
    store.flush()
    [stored] = store.attempts([p.id], answers=True)
    assert stored.attempt_id == attempt.attempt_id and stored.profile == "Aigerim"
    assert (stored.score, stored.passed, stored.device) == (75.0, True, "LAPTOP-7")
    assert stored.finished_at == "2025-03-01T09:16:30Z"
    assert stored.responses == {
        "q-single": 1,
        "q-multi": [0, 1],
        "q-tf": False,
        "q-short": "ПКА",
        "q-num": "50",
        "q-order": [0, 2, 1],
        "q-match": {"0": 0, "1": 1},
        "q-none": None,
    }
    assert list(stored.responses) == list(attempt.responses)  # question order kept
    assert stored.results["q-order"] == {
        "points": 0.0,
        "max_points": 1.0,
        "correct": False,
        "feedback": [],
    }
    again = stored.to_attempt()
    assert again.finished_at == attempt.finished_at and again.score == attempt.score
    assert again.results["q-single"] == Result(1.0, 1.0, True, ("Yes.",))
    assert store.attempt(attempt.attempt_id).responses == stored.responses
    assert store.attempts([p.id])[0].responses is None  # not loaded unless asked


def test_bookmarks_notes_and_settings(store):
    p = store.create_profile("Aigerim")
    store.set_bookmark(p.id, "alpha", "intro", True)
    store.set_bookmark(p.id, "beta", "data", True)
    store.set_bookmark(p.id, "alpha", "intro", False)
    store.set_note(p.id, "alpha", "matrix", "Спросить про матрицу")
    store.set_note(p.id, "beta", "data", "temp")
    store.set_note(p.id, "beta", "data", "   ")  # blank removes
    store.set_settings(p.id, {"last_module": "beta", "last_section": "data", "zoom": 2})
    store.set_settings(p.id, {"zoom": 3})
    store.flush()
    assert store.bookmarks(p.id) == [("beta", "data")]
    assert store.notes(p.id) == {("alpha", "matrix"): "Спросить про матрицу"}
    assert store.settings(p.id) == {"last_module": "beta", "last_section": "data", "zoom": "3"}


def test_everything_survives_a_restart(tmp_path):
    s = ProgressStore.open(tmp_path)
    p = s.create_profile("Aigerim")
    s.record_visit(p.id, "alpha", "intro")
    s.record_attempt(p.id, make_attempt())
    s.set_bookmark(p.id, "alpha", "intro", True)
    s.set_note(p.id, "alpha", "intro", "note")
    s.set_last_profile(p.id)
    s.close()
    again = ProgressStore.open(tmp_path)
    try:
        assert again.last_profile_id() == p.id
        assert len(again.attempts([p.id])) == 1
        assert again.bookmarks(p.id) == [("alpha", "intro")]
        assert again.notes(p.id) == {("alpha", "intro"): "note"}
        assert again.recovered is None
    finally:
        again.close()


# ---------------------------------------------------------------- migrations


def build_version(path: Path, version: int) -> None:
    """A database as schema ``version`` left it, with data in every table it had."""
    conn = progress.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    progress.migrate(conn, target=version)
    if version >= 1:
        conn.executescript(
            """
            INSERT INTO profiles (id, name, name_key, created_at)
                VALUES ('p1', 'Айгерим', 'айгерим', '2024-01-01T00:00:00Z');
            INSERT INTO profile_settings VALUES ('p1', 'zoom', '2');
            INSERT INTO visits VALUES ('p1', 'alpha', 'intro', '2024-01-01T00:00:00Z',
                '2024-01-01T00:00:00Z', 3, 75.5);
            INSERT INTO attempts (id, profile_id, module, module_version, lang, quiz, points,
                max_points, pass_mark, score, passed, started_at, finished_at)
                VALUES ('a1', 'p1', 'alpha', '1.0.0', 'ru', 'alpha-quiz', 6, 8, 60, 75, 1,
                '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z');
            INSERT INTO answers VALUES ('a1', 'q-multi', 0, '[0, 1]', 1, 1, 1, '[]');
            INSERT INTO bookmarks VALUES ('p1', 'alpha', 'intro', '2024-01-01T00:00:00Z');
            INSERT INTO notes VALUES ('p1', 'alpha', 'intro', 'заметка', '2024-01-01T00:00:00Z');
            """
        )
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path, version):
    build_version(tmp_path / DB_NAME, version)
    s = ProgressStore.open(tmp_path)
    try:
        assert s.recovered is None
        assert s._reader().execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        if version == 0:
            assert s.profiles() == []
            return
        [p] = s.profiles()
        assert (p.id, p.name, p.deleted_at) == ("p1", "Айгерим", None)
        assert s.settings("p1") == {"zoom": "2"}
        assert s.visits("p1")["alpha"]["intro"].seconds == 75.5
        [a] = s.attempts(["p1"], answers=True)
        assert (a.score, a.passed, a.responses) == (75.0, True, {"q-multi": [0, 1]})
        assert a.device == (progress.device_name() if version < 2 else "")
        assert s.bookmarks("p1") == [("alpha", "intro")]
        assert s.notes("p1") == {("alpha", "intro"): "заметка"}
        # the new schema works on the old data: soft delete and a same-named profile
        s.delete_profile(p)
        s.create_profile("Айгерим")
        s.flush()
        assert [x.name for x in s.profiles(deleted=True)] == ["Айгерим"]
    finally:
        s.close()


def test_an_empty_file_becomes_a_store(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"")
    s = ProgressStore.open(tmp_path)
    s.close()
    assert s.recovered is None


# ---------------------------------------------------------------- newer, damaged, killed


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before, mtime = digest(path), path.stat().st_mtime_ns
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerSchemaError) as exc:
        ProgressStore.open(tmp_path)
    assert f"schema {SCHEMA_VERSION + 1}" in str(exc.value) and str(path) in str(exc.value)
    assert exc.value.found == SCHEMA_VERSION + 1
    assert digest(path) == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_newer_schema_in_an_uncheckpointed_wal_is_refused_too(tmp_path):
    build_version(tmp_path / DB_NAME, SCHEMA_VERSION)
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(tmp_path / DB_NAME)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        f"c.execute('PRAGMA user_version = {SCHEMA_VERSION + 5}')\n"
        "print('ok', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ok"
    child.kill()
    child.wait()
    child.stdout.close()
    main, wal = tmp_path / DB_NAME, tmp_path / f"{DB_NAME}-wal"
    before = (digest(main), digest(wal))
    with pytest.raises(NewerSchemaError):
        ProgressStore.open(tmp_path)
    assert (digest(main), digest(wal)) == before


def leave_wal_behind(folder: Path) -> None:
    """A child records a profile and is killed, leaving -wal and -shm beside the file."""
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from courseware_app.core.progress import ProgressStore\n"
        f"s = ProgressStore.open({str(folder)!r})\n"
        "s.create_profile('WAL-ONLY-PROFILE')\n"
        "s.flush()\n"
        "print('ok', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ok"
    child.kill()
    child.wait()
    child.stdout.close()
    assert (folder / f"{DB_NAME}-wal").stat().st_size > 0
    assert (folder / f"{DB_NAME}-shm").exists()


def test_garbage_file_is_moved_aside_with_its_wal_and_shm(tmp_path):
    leave_wal_behind(tmp_path)
    wal_bytes = (tmp_path / f"{DB_NAME}-wal").read_bytes()
    (tmp_path / DB_NAME).write_bytes(b"this is not a database, just text " * 200)
    s = ProgressStore.open(tmp_path)
    try:
        r = s.recovered
        assert r is not None and r.reason == "not an SQLite database"
        assert r.moved_to.name.startswith("progress.corrupt-") and r.moved_to.suffix == ".sqlite3"
        assert r.moved_to.read_bytes().startswith(b"this is not a database")
        assert Path(f"{r.moved_to}-wal").read_bytes() == wal_bytes  # kept, never deleted
        assert Path(f"{r.moved_to}-shm").exists()
        assert set(r.files) == {r.moved_to, Path(f"{r.moved_to}-wal"), Path(f"{r.moved_to}-shm")}
        # the old WAL was not replayed into the new file
        assert s.profiles() == []
        assert s._reader().execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        s.close()
    stamp = r.moved_to.name.removeprefix("progress.corrupt-").removesuffix(".sqlite3")
    assert datetime.strptime(stamp, "%Y%m%dT%H%M%SZ")


def test_damaged_pages_are_detected_and_moved_aside(tmp_path):
    s = ProgressStore.open(tmp_path)
    p = s.create_profile("Aigerim")
    for i in range(300):
        s.record_visit(p.id, "alpha", f"section-{i:04d}-" + "x" * 40)
    s.close()
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * 4096
    data[4096 + 100 : 4 * 4096] = b"\xa5" * (3 * 4096 - 100)  # trash pages 2-4, keep the header
    path.write_bytes(bytes(data))
    again = ProgressStore.open(tmp_path)
    try:
        assert again.recovered is not None and again.recovered.reason.startswith("damaged")
        assert again.recovered.moved_to.read_bytes() == bytes(data)
        assert again.profiles() == []
    finally:
        again.close()


def test_someone_elses_sqlite_file_is_moved_aside(tmp_path):
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("CREATE TABLE songs (title)")
    conn.commit()
    conn.close()
    s = ProgressStore.open(tmp_path)
    s.close()
    assert s.recovered.reason == "not a Courseware progress file"


def test_a_wal_without_its_database_is_moved_aside(tmp_path):
    leave_wal_behind(tmp_path)
    (tmp_path / DB_NAME).unlink()
    s = ProgressStore.open(tmp_path)
    try:
        assert s.recovered is not None and s.profiles() == []
        assert Path(f"{s.recovered.moved_to}-wal").exists()
    finally:
        s.close()


KILL_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from courseware_app.core.progress import ProgressStore
from courseware_app.core.scoring import Attempt, Result
from datetime import datetime, UTC

store = ProgressStore.open({folder!r})
profile = store.profiles()[0]

def report(kind, error):
    if kind == "attempt":
        print("committed", flush=True)

store.add_listener(report)
questions = [f"q{{i:03d}}" for i in range(200)]
n = 0
while True:
    n += 1
    responses = {{q: {{"text": "ответ " * 20, "n": n, "picked": {{1, 3, n}}}} for q in questions}}
    results = {{q: Result(1.0, 1.0, True) for q in questions}}
    now = datetime.now(UTC)
    store.record_attempt(profile.id, Attempt("alpha", "1.2.0", "ru", "alpha-quiz", responses,
        results, 200.0, 200.0, 60.0, now, now))
    store.record_visit(profile.id, "alpha", f"s{{n}}")
    if store.writer._queue.qsize() > 5:
        time.sleep(0.001)
"""


@pytest.mark.parametrize("committed_before_kill", [3, 17, 40])
def test_sigkill_while_recording_leaves_earlier_attempts_intact(tmp_path, committed_before_kill):
    s = ProgressStore.open(tmp_path)
    s.create_profile("Aigerim")
    s.close()
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_CHILD.format(root=str(ROOT), folder=str(tmp_path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    confirmed = 0
    while confirmed < committed_before_kill:
        assert child.stdout.readline().strip() == "committed"
        confirmed += 1
    child.kill()  # SIGKILL on POSIX: the writer is in the middle of its next transactions
    child.wait()
    child.stdout.close()
    assert Path(f"{tmp_path / DB_NAME}-wal").exists()  # no clean shutdown happened
    s = ProgressStore.open(tmp_path)
    try:
        assert s.recovered is None
        conn = s._reader()
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        attempts = s.attempts(answers=True)
        assert len(attempts) >= confirmed
        for a in attempts:  # each attempt is whole: all 200 answers, readable JSON
            assert len(a.responses) == 200 and a.score == 100.0
            n = a.responses["q000"]["n"]
            assert all(
                r == {"text": "ответ " * 20, "n": n, "picked": sorted({1, 3, n})}
                for r in a.responses.values()
            )
        numbers = sorted(a.responses["q000"]["n"] for a in attempts)
        assert numbers == list(range(1, len(attempts) + 1))  # no gap: committed in order
    finally:
        s.close()


# ---------------------------------------------------------------- status per module


def summary_with(store, pid, course):
    store.flush()
    return course_progress(course, store.summary(pid), "en")


def test_module_states(store):
    course = load_course(TEST_CONTENT)
    p = store.create_profile("Aigerim")
    state = summary_with(store, p.id, course)
    assert {m: s.state for m, s in state.items()} == {
        "alpha": ModuleState.NOT_STARTED,
        "beta": ModuleState.NOT_STARTED,
        "gamma": ModuleState.NOT_STARTED,
    }
    store.record_visit(p.id, "alpha", "intro")
    store.add_time(p.id, "alpha", "intro", 95)
    alpha = summary_with(store, p.id, course)["alpha"]
    assert (alpha.state, alpha.sections_visited, alpha.sections_total) == (
        ModuleState.IN_PROGRESS,
        1,
        3,
    )
    store.record_visit(p.id, "alpha", "matrix")
    store.record_visit(p.id, "alpha", "quiz")
    store.record_attempt(p.id, make_attempt(score_points=2.0, minute=1))  # 25 %: failed
    alpha = summary_with(store, p.id, course)["alpha"]
    assert alpha.state == ModuleState.IN_PROGRESS and alpha.best_score == 25.0
    store.record_attempt(p.id, make_attempt(score_points=7.0, minute=2))  # 87.5 % passed
    store.record_attempt(p.id, make_attempt(score_points=5.0, minute=3))  # 62.5 % passed
    alpha = summary_with(store, p.id, course)["alpha"]
    assert alpha.state == ModuleState.COMPLETED
    assert (alpha.best_score, alpha.last_score, alpha.attempts) == (87.5, 62.5, 3)
    assert alpha.seconds == 95 and alpha.passed_version == "1.2.0"
    store.record_visit(p.id, "beta", "overview")
    store.record_visit(p.id, "beta", "data")  # no quiz: reading every section completes it
    t = totals(list(summary_with(store, p.id, course).values()))
    assert (t.modules, t.completed, t.started, t.attempts, t.seconds) == (3, 2, 2, 3, 95)


def test_completed_on_an_older_version(store):
    course = load_course(TEST_CONTENT)  # alpha is 1.2.0 now
    p = store.create_profile("Aigerim")
    for section in ("intro", "matrix", "quiz"):
        store.record_visit(p.id, "alpha", section)
    store.record_attempt(p.id, make_attempt(version="1.1.3", score_points=8.0))
    alpha = summary_with(store, p.id, course)["alpha"]
    assert alpha.state == ModuleState.UPDATED and alpha.passed_version == "1.1.3"
    store.record_attempt(p.id, make_attempt(version="1.2.0", score_points=7.0, minute=5))
    assert summary_with(store, p.id, course)["alpha"].state == ModuleState.COMPLETED


def test_a_patch_release_keeps_the_module_completed(store):
    course = load_course(TEST_CONTENT)
    p = store.create_profile("Aigerim")
    for section in ("intro", "matrix", "quiz"):
        store.record_visit(p.id, "alpha", section)
    store.record_attempt(p.id, make_attempt(version="1.2.0-rc.1", score_points=8.0))
    assert summary_with(store, p.id, course)["alpha"].state == ModuleState.COMPLETED


def test_jsonable():
    assert progress.to_jsonable({1: {3, 1}, "x": ({2: None},)}) == {"1": [1, 3], "x": [{"2": None}]}
    assert json.dumps(progress.to_jsonable({"a", 1})) in ('[1, "a"]', '["a", 1]')
