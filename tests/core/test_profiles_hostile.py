"""Profile names against hostile input, and profiles created by two processes at once
(issue 20 #7 and #12)."""

import sqlite3

import pytest

from courseware_app.core.progress import ProfileError, ProgressStore
from courseware_app.core.results import export_records, write_export
from tests.core.test_progress import make_attempt

CONTROL_NAMES = [
    "Bob\x01",  # C0 control
    "\x1bBob",  # escape
    "Bo\x7fb",  # DEL
    "Bob\x85",  # C1 control (NEL)
    "Bo\u200bb",  # zero-width space (Cf)
    "Bob\u202e",  # right-to-left override (Cf)
    "Bo\x00b",  # NUL
    "Bob\x1f",  # unit separator: str.split() would have eaten it silently
]


@pytest.fixture
def store(tmp_path):
    s = ProgressStore.open(tmp_path / "data")
    yield s
    s.close()


# ---------------------------------------------------------------- #7: control characters


@pytest.mark.parametrize("name", CONTROL_NAMES)
def test_a_name_with_a_control_character_is_refused(store, name):
    with pytest.raises(ProfileError) as exc:
        store.create_profile(name)
    assert exc.value.code == "control"
    assert "control" in str(exc.value)
    assert store.profiles() == []


@pytest.mark.parametrize("name", CONTROL_NAMES)
def test_a_rename_to_a_control_character_is_refused(store, name):
    profile = store.create_profile("Ann")
    with pytest.raises(ProfileError) as exc:
        store.rename_profile(profile, name)
    assert exc.value.code == "control"
    assert [p.name for p in store.profiles()] == ["Ann"]


def test_ordinary_spaces_are_still_collapsed(store):
    assert store.create_profile("  Ann\t  Lee \n").name == "Ann Lee"


def test_a_stored_name_with_a_control_character_does_not_break_the_xlsx_export(store, tmp_path):
    """A database from before the rule may hold one: the export strips it, for everyone."""
    openpyxl = pytest.importorskip("openpyxl")
    ann = store.create_profile("Ann")
    store.record_attempt(ann.id, make_attempt())
    store.flush()
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE profiles SET name = ? WHERE id = ?", ("Bob\x01", ann.id))
    conn.commit()
    conn.close()
    write_export(export_records(store), tmp_path / "x.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Attempts"]
    assert sheet["B2"].value == "Bob"


# ---------------------------------------------------------------- #12: two creators at once


def test_two_stores_creating_one_name_conflict_instead_of_leaving_a_ghost(tmp_path):
    first = ProgressStore.open(tmp_path / "data")
    second = ProgressStore.open(tmp_path / "data")  # both read the (empty) list first
    try:
        ann = first.create_profile("Ann")
        with pytest.raises(ProfileError) as exc:
            second.create_profile("ANN")
        assert exc.value.code == "duplicate"
        assert "already exists" in str(exc.value)
        # no ghost: the second store now knows the profile the file holds, and only it
        assert [(p.id, p.name) for p in second.profiles()] == [(ann.id, "Ann")]
        second.record_attempt(ann.id, make_attempt()).result()  # attempts work for it
    finally:
        first.close()
        second.close()


def test_a_rename_to_a_name_another_store_just_took_is_refused(tmp_path):
    first = ProgressStore.open(tmp_path / "data")
    bob = first.create_profile("Bob")
    first.flush()
    second = ProgressStore.open(tmp_path / "data")
    try:
        first.create_profile("Ann")
        with pytest.raises(ProfileError) as exc:
            second.rename_profile(second.profile(bob.id), "ann")
        assert exc.value.code == "duplicate"
        assert sorted(p.name for p in second.profiles()) == ["Ann", "Bob"]
    finally:
        first.close()
        second.close()


def test_a_profile_that_cannot_be_saved_is_not_kept(store, monkeypatch):
    from courseware_app.core.progress import writes

    def full(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writes, "create_profile", full)
    with pytest.raises(ProfileError) as exc:
        store.create_profile("Ann")
    assert exc.value.code == "unsaved" and "disk is full" in str(exc.value)
    assert store.profiles() == []


RACE = """
import sys, time
from pathlib import Path
from courseware_app.core.progress import ProfileError, ProgressStore
store = ProgressStore.open(sys.argv[1])
Path(sys.argv[2]).touch()
while not Path(sys.argv[3]).exists():
    time.sleep(0.005)
try:
    store.create_profile("Ann")
except ProfileError as exc:
    print(exc.code)
else:
    print("created")
store.close()
"""


def test_two_processes_racing_one_succeeds_and_one_is_told(tmp_path):
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(tmp_path / "data"), str(tmp_path / f"r{n}"), go],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"r{n}").exists() for n in range(2)):  # both stores open
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.01)
    go.touch()
    said = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert said == ["created", "duplicate"]
    store = ProgressStore.open(tmp_path / "data")
    assert [p.name for p in store.profiles()] == ["Ann"]
    store.close()
