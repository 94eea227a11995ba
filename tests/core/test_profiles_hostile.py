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
