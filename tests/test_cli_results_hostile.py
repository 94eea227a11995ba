"""The progress commands against hostile input: one-line errors, nothing half-written (issue 20)."""

import pytest

from courseware_app.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


# ---------------------------------------------------------------- #7


def test_profiles_create_refuses_a_control_character(capsys, tmp_path):
    code, out, err = run(capsys, "profiles", "create", "Bob\x01", "--data-dir", tmp_path)
    assert code == 1 and out == "" and one_line(err)
    assert "control characters" in err
    assert run(capsys, "profiles", "list", "--data-dir", tmp_path)[1] == ""


# ---------------------------------------------------------------- #9 and #18: merge


HEADER = "attempt_id,profile,module,module_version,lang,score,passed,finished_at"
ROW = "7f0e7d52-3b7c-4c38-9f7a-{n:012d},Ann,m,1,en,50,true,2025-01-01T00:00:00Z,{started}"
GOOD_CSV = f"{HEADER},started_at\r\n{ROW.format(n=1, started='2025-01-01T00:00:00Z')}\r\n"
GOOD_JSON = (
    '{"format": "courseware-results", "version": 1, "attempts": [{"attempt_id": '
    '"7f0e7d52-3b7c-4c38-9f7a-000000000002", "profile": "Bo", "module": "m", '
    '"module_version": "1", "lang": "en", "score": 50, "passed": true, '
    '"finished_at": "2025-01-01T00:00:00Z"%s}]}'
)
BAD_FILES = {
    "big-field.csv": f"{HEADER}\r\n{ROW.format(n=2, started='x' * 200_000)}\r\n",
    "cut.csv": GOOD_CSV[:-3],
    "short.csv": f"{HEADER},started_at\r\n{ROW.format(n=2, started='')[:-1]}\r\n",
    "long.csv": f"{HEADER},started_at\r\n{ROW.format(n=2, started='2025-01-01,x')}\r\n",
    "started.csv": f"{HEADER},started_at\r\n{ROW.format(n=2, started='2')}\r\n",
    "deep.json": GOOD_JSON % (', "responses": ' + "[" * 50_000 + "]" * 50_000),
    "types.json": GOOD_JSON % ', "device": {"a": [1, 2]}',
    "types2.json": GOOD_JSON.replace('"profile": "Bo"', '"profile": ["Bo"]') % "",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("existing", [False, True])
def test_merge_refuses_a_bad_file_in_one_line_and_writes_nothing(capsys, tmp_path, name, existing):
    good = tmp_path / ("good.json" if name.endswith(".json") else "good.csv")
    good.write_text(GOOD_JSON % "" if name.endswith(".json") else GOOD_CSV, encoding="utf-8")
    bad = tmp_path / name
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    out = tmp_path / f"merged{good.suffix}"
    if existing:
        out.write_bytes(b"the trainer's earlier file")
    code, stdout, err = run(capsys, "results", "merge", good, bad, "-o", out)
    assert (code, stdout) == (1, "") and one_line(err), err
    assert f"{bad}: " in err and "nothing was written" in err
    if name.endswith(".csv"):
        assert "line 2" in err
    if existing:
        assert out.read_bytes() == b"the trainer's earlier file"
    else:
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {good.name, bad.name} | ({out.name} if existing else set())
    )


# ---------------------------------------------------------------- #11: read-only data, full disk


def filled_data(tmp_path):
    from courseware_app.core.progress import ProgressStore
    from tests.core.test_progress import make_attempt

    data = tmp_path / "data"
    store = ProgressStore.open(data)
    store.record_attempt(store.create_profile("Ann").id, make_attempt()).result()
    store.close()
    return data


def test_read_only_commands_read_a_folder_that_cannot_be_written(capsys, tmp_path, monkeypatch):
    """Simulated where SQLite meets a read-only folder: a read-write open fails with its own
    "unable to open database file" (root ignores chmod), as `profiles list` did before."""
    from tests.core.test_progress_readonly import read_only_folder

    data = filled_data(tmp_path)
    read_only_folder(monkeypatch)
    code, out, err = run(capsys, "profiles", "list", "--data-dir", data)
    assert (code, err) == (0, "") and out.startswith("Ann\t")
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "results", "export", "-o", target, "--data-dir", data)
    assert (code, err) == (0, "") and target.read_text(encoding="utf-8-sig").count("\n") == 2
    code, out, err = run(capsys, "profiles", "create", "Bob", "--data-dir", data)
    assert code == 1 and out == "" and one_line(err) and "unable to open" in err


def test_a_full_disk_is_one_line_and_exit_1(capsys, tmp_path, monkeypatch):
    """Simulated: the profile insert raises SQLite's "database or disk is full"; the export's
    file write raises OSError(ENOSPC)."""
    import errno
    import os
    import sqlite3

    from courseware_app.core import atomic
    from courseware_app.core.progress import writes

    data = filled_data(tmp_path)

    def full_db(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writes, "create_profile", full_db)
    code, out, err = run(capsys, "profiles", "create", "Bob", "--data-dir", data)
    assert code == 1 and out == "" and one_line(err) and "disk is full" in err
    assert run(capsys, "profiles", "list", "--data-dir", data)[1].count("\n") == 1

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "results", "export", "-o", target, "--data-dir", data)
    assert code == 1 and out == "" and one_line(err)
    assert f"cannot write {target}" in err and os.strerror(errno.ENOSPC) in err
    assert not target.exists()
