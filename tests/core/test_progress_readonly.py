"""Reading progress from a folder that cannot be written, and a full disk (issue 20 #11).

What is simulated, honestly: tests run as root here, where chmod 0o555 does not stop writes.
A read-only folder is simulated where SQLite meets it: every read-write open of the file
fails with SQLite's own "unable to open database file" (db._connect patched), and, for the
WAL case, a read-only open that needs to create the -shm file fails the same way. Beside
that, a real check: a read-only open changes nothing in the folder, byte for byte."""

import sqlite3

import pytest

from courseware_app.core.progress import DB_NAME, ProgressStore, StoreError, StoreMissingError, db
from courseware_app.core.progress.writer import ReadOnlyWriter
from tests.core.test_progress import make_attempt


def filled(folder):
    store = ProgressStore.open(folder)
    ann = store.create_profile("Ann")
    store.record_attempt(ann.id, make_attempt()).result()
    store.close()
    return ann


def snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def read_only_folder(monkeypatch, *, shm: bool = True):
    """Every read-write open fails as in a read-only folder; without ``shm`` a plain mode=ro
    open fails too (no -shm can be created), and only immutable=1 opens."""
    real = db._connect

    def refuse(target, *, uri):
        if not uri or (not shm and "immutable=1" not in target):
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, uri=uri)

    monkeypatch.setattr(db, "_connect", refuse)


def test_reading_changes_nothing_in_the_folder(tmp_path):
    folder = tmp_path / "data"
    ann = filled(folder)
    before = snapshot(folder)
    store = ProgressStore.open_for_reading(folder)
    try:
        assert isinstance(store.writer, ReadOnlyWriter)
        assert [p.id for p in store.profiles()] == [ann.id]
        assert len(store.attempts(answers=True)) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.set_meta("x", "y").result()
    finally:
        store.close()
    after = snapshot(folder)
    assert after[DB_NAME] == before[DB_NAME]  # the database itself: not a byte, not its time
    # SQLite may leave its WAL index beside it (a read-only reader cannot remove it); an
    # empty WAL: nothing written
    assert set(after) - set(before) <= {f"{DB_NAME}-shm", f"{DB_NAME}-wal"}
    assert after.get(f"{DB_NAME}-wal", (b"",))[0] == b""


@pytest.mark.parametrize("shm", [True, False])
def test_a_read_only_folder_can_still_be_read(tmp_path, monkeypatch, shm):
    folder = tmp_path / "data"
    ann = filled(folder)
    read_only_folder(monkeypatch, shm=shm)
    with pytest.raises(StoreError, match="unable to open"):  # the simulation bites
        ProgressStore.open(folder, create=False)
    store = ProgressStore.open_for_reading(folder)
    try:
        assert [p.name for p in store.profiles()] == ["Ann"]
        assert store.attempts()[0].profile_id == ann.id
    finally:
        store.close()


def test_reading_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(StoreMissingError):
        ProgressStore.open_for_reading(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_file_is_reported_and_left_in_place(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreError):
        ProgressStore.open_for_reading(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [DB_NAME]


def test_an_older_file_is_migrated_as_before(tmp_path):
    from courseware_app.core.progress import SCHEMA_VERSION, connect, migrate

    conn = connect(tmp_path / DB_NAME)
    migrate(conn, SCHEMA_VERSION - 1)
    conn.close()
    store = ProgressStore.open_for_reading(tmp_path)
    try:
        assert store.profiles() == [] and not isinstance(store.writer, ReadOnlyWriter)
    finally:
        store.close()
