"""courseware sessions export|merge: argument orders, formats, empty stores, bad inputs."""

import json

import pytest

from courseware_app.cli import main
from courseware_app.core.classroom import SessionStore
from courseware_app.core.progress import DB_NAME
from tests.conftest import TEST_CONTENT
from tests.core.classroom.helpers import record_session
from tests.core.test_progress_readonly import read_only_folder

HEADER = (
    "session_id,started_at,place,trainer,module,module_version,lang,question,option,count,correct"
)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    store = SessionStore.open(folder)
    record_session(store, "2025-03-01T09:00:00Z")
    record_session(store, "2025-03-02T09:00:00Z")
    store.close()
    return folder


def lines(path):
    return path.read_bytes().decode("utf-8-sig").splitlines()


@pytest.mark.parametrize(
    "order",
    [
        ["--data-dir", "{d}", "--content", "{c}", "sessions", "export", "-o", "{o}"],
        ["sessions", "--data-dir", "{d}", "--content", "{c}", "export", "-o", "{o}"],
        ["sessions", "export", "-o", "{o}", "--data-dir", "{d}", "--content", "{c}"],
    ],
)
def test_export_takes_the_common_options_anywhere(capsys, data, tmp_path, order):
    out = tmp_path / "s.csv"
    argv = [a.format(d=data, c=TEST_CONTENT, o=out) for a in order]
    code, said, err = run(capsys, *argv)
    assert (code, err) == (0, "") and "2" in said
    rows = lines(out)
    assert rows[0].startswith(HEADER + ",") and len(rows) == 1 + 2 * 11
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_formats_from_the_suffix_or_the_option(capsys, data, tmp_path):
    assert run(capsys, "sessions", "export", "-o", tmp_path / "s.json", "--data-dir", data)[0] == 0
    doc = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert doc["format"] == "courseware-sessions" and len(doc["sessions"]) == 2
    assert doc["sessions"][0]["sections"][0]["planned_minutes"] == 10
    argv = ("sessions", "export", "--format", "xlsx", "-o", tmp_path / "s.dat", "--data-dir", data)
    assert run(capsys, *argv)[0] == 0
    assert (tmp_path / "s.dat").read_bytes()[:2] == b"PK"
    code, _, err = run(capsys, "sessions", "export", "-o", tmp_path / "s.txt", "--data-dir", data)
    assert code == 2 and err.startswith("courseware sessions export: say --format")


@pytest.mark.parametrize("create", [False, True])
def test_export_without_sessions_writes_the_header_alone(capsys, tmp_path, create):
    folder = tmp_path / "empty"
    if create:
        SessionStore.open(folder).close()
    code, _, err = run(capsys, "sessions", "export", "-o", tmp_path / "s.csv", "--data-dir", folder)
    assert (code, err) == (0, "")
    assert lines(tmp_path / "s.csv") == [HEADER + ",finished_at,mode,position,multiple,teams"]
    assert (folder / DB_NAME).exists() == create  # nothing created by an export


def test_export_from_a_read_only_folder(capsys, data, tmp_path, monkeypatch):
    read_only_folder(monkeypatch)
    code, _, err = run(capsys, "sessions", "export", "-o", tmp_path / "s.csv", "--data-dir", data)
    assert (code, err) == (0, "") and len(lines(tmp_path / "s.csv")) == 23


@pytest.mark.parametrize(
    "order",
    [
        ["--data-dir", "{d}", "sessions", "merge", "{a}", "{b}", "{a}", "-o", "{o}"],
        ["sessions", "--content", "{c}", "merge", "{a}", "{b}", "{a}", "-o", "{o}"],
        ["sessions", "merge", "{a}", "{b}", "{a}", "-o", "{o}", "--data-dir", "{d}"],
    ],
)
def test_merge_keeps_each_session_once(capsys, data, tmp_path, order):
    a, b = tmp_path / "a.csv", tmp_path / "b.json"
    run(capsys, "sessions", "export", "-o", a, "--data-dir", data)
    run(capsys, "sessions", "export", "-o", b, "--data-dir", data)
    out = tmp_path / "m.csv"
    argv = [x.format(d=data, c=TEST_CONTENT, a=a, b=b, o=out) for x in order]
    code, said, err = run(capsys, *argv)
    assert (code, err) == (0, "") and "4 duplicates removed" in said
    assert lines(out)[1:] == lines(a)[1:]


def test_merge_refuses_a_bad_file_and_writes_nothing(capsys, data, tmp_path):
    good, bad = tmp_path / "a.csv", tmp_path / "bad.csv"
    run(capsys, "sessions", "export", "-o", good, "--data-dir", data)
    bad.write_text("name,score\nAnn,90\n", encoding="utf-8")
    out = tmp_path / "m.json"
    code, _, err = run(capsys, "sessions", "merge", good, bad, "-o", out)
    assert code == 1 and not out.exists()
    assert len(err.splitlines()) == 1 and "bad.csv" in err and "nothing was written" in err
