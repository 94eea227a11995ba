"""courseware results export|merge and profiles list|create|delete: forms, files, exit codes."""

import csv
import io
import json
import sqlite3

import pytest

from courseware_app.cli import main
from courseware_app.core.progress import DB_NAME, SCHEMA_VERSION, ProgressStore
from tests.core.test_progress import make_attempt

HEADER = "attempt_id,profile,module,module_version,lang,score,passed,finished_at"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def fill(data, people):
    """people: {name: [points out of 8, ...]} recorded in ``data``; returns name -> profile."""
    store = ProgressStore.open(data)
    made = {}
    for name, scores in people.items():
        made[name] = store.create_profile(name)
        for minute, points in enumerate(scores):
            store.record_attempt(made[name].id, make_attempt(score_points=points, minute=minute))
    store.close()
    return made


def csv_rows(path):
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


# ---------------------------------------------------------------- profiles


def test_profiles_create_list_delete(capsys, tmp_path):
    data = tmp_path / "d"
    assert run(capsys, "profiles", "list", "--data-dir", data) == (0, "", "")
    code, out, _ = run(capsys, "profiles", "create", "Айгерим", "--data-dir", data)
    assert code == 0 and "Айгерим" in out
    assert run(capsys, "--data-dir", data, "profiles", "create", "Bekzat")[0] == 0
    code, _, err = run(capsys, "profiles", "--data-dir", data, "create", "АЙГЕРИМ")
    assert code == 1 and "already a profile" in err
    code, out, _ = run(capsys, "profiles", "list", "--data-dir", data)
    lines = [line.split("\t") for line in out.splitlines()]
    assert [name for name, _id in lines] == ["Bekzat", "Айгерим"]
    store = ProgressStore.open(data)
    assert {p.name: p.id for p in store.profiles()} == dict(lines)
    store.close()
    code, out, _ = run(capsys, "profiles", "delete", "bekzat", "--data-dir", data)
    assert code == 0 and "restored" in out
    assert run(capsys, "profiles", "list", "--data-dir", data)[1].startswith("Айгерим\t")
    code, _, err = run(capsys, "profiles", "delete", "Nobody", "--data-dir", data)
    assert code == 1 and "no profile “Nobody”" in err


def test_data_dir_from_the_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEWARE_DATA_DIR", str(tmp_path / "env"))
    assert run(capsys, "profiles", "create", "Aigerim")[0] == 0
    assert (tmp_path / "env" / DB_NAME).is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ["profiles"],
        ["profiles", "rename", "x"],
        ["profiles", "create"],
        ["results"],
        ["results", "export"],  # -o is required
        ["results", "export", "--format", "pdf", "-o", "x.pdf"],
        ["results", "export", "--all", "--profile", "x", "-o", "x.csv"],
        ["results", "merge", "-o", "x.csv"],
    ],
)
def test_bad_usage_exits_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


# ---------------------------------------------------------------- export


def test_export_csv_one_profile_or_all(capsys, tmp_path):
    data = tmp_path / "d"
    fill(data, {"Айгерим": [7.0, 2.0], "Bekzat": [8.0]})
    out = tmp_path / "aigerim.csv"
    code, text, _ = run(
        capsys, "results", "export", "--profile", "айгерим", "--format", "csv", "-o", out,
        "--data-dir", data,
    )  # fmt: skip
    assert code == 0 and "2 attempt(s) of 1 profile(s)" in text
    rows = csv_rows(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode() + b",profile_id,device")
    assert [(r[1], r[5], r[6]) for r in rows[1:]] == [
        ("Айгерим", "87.5", "true"),
        ("Айгерим", "25", "false"),
    ]
    everyone = tmp_path / "all.csv"
    assert run(capsys, "--data-dir", data, "results", "export", "--all", "-o", everyone)[0] == 0
    assert len(csv_rows(everyone)) == 4
    default = tmp_path / "default.csv"
    assert run(capsys, "results", "export", "-o", default, "--data-dir", data)[0] == 0
    assert csv_rows(default) == csv_rows(everyone)


def test_export_json_and_xlsx(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    data = tmp_path / "d"
    fill(data, {"Айгерим": [7.0]})
    code, _, _ = run(capsys, "results", "export", "-o", tmp_path / "r.json", "--data-dir", data)
    assert code == 0
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["attempts"][0]["score"] == 87.5 and doc["attempts"][0]["responses"]["q-tf"] is False
    code, _, _ = run(
        capsys, "results", "export", "--format", "xlsx", "-o", tmp_path / "r.xlsx",
        "--data-dir", data,
    )  # fmt: skip
    assert code == 0
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Attempts"]
    assert [c.value for c in sheet[2]][1:3] == ["Айгерим", "alpha"]


def test_export_failures(capsys, tmp_path):
    data = tmp_path / "d"
    code, _, err = run(capsys, "results", "export", "-o", tmp_path / "x.csv", "--data-dir", data)
    assert code == 1 and "no progress recorded" in err and not (data / DB_NAME).exists()
    fill(data, {"Айгерим": [7.0]})
    code, _, err = run(
        capsys,
        "results",
        "export",
        "--profile",
        "Zed",
        "-o",
        tmp_path / "x.csv",
        "--data-dir",
        data,
    )
    assert code == 1 and "no profile “Zed” (profiles: Айгерим)" in err
    code, _, err = run(capsys, "results", "export", "-o", tmp_path / "x.txt", "--data-dir", data)
    assert code == 2 and "--format" in err
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.txt").exists()


def test_newer_progress_file_is_refused(capsys, tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = (data / DB_NAME).read_bytes()
    code, _, err = run(capsys, "profiles", "list", "--data-dir", data)
    assert code == 1 and "newer version of Courseware" in err
    assert (data / DB_NAME).read_bytes() == before


def test_damaged_progress_file_is_moved_aside_and_said(capsys, tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / DB_NAME).write_text("garbage", encoding="utf-8")
    code, _, err = run(capsys, "profiles", "create", "Aigerim", "--data-dir", data)
    assert code == 0 and "was damaged" in err
    moved = [p for p in data.iterdir() if p.name.startswith("progress.corrupt-")]
    assert len(moved) == 1 and moved[0].read_text(encoding="utf-8") == "garbage"
    assert str(moved[0]) in err


# ---------------------------------------------------------------- merge


def test_merge_exports_from_two_data_dirs(capsys, tmp_path):
    one = fill(tmp_path / "laptop-1", {"Айгерим": [7.0, 2.0], "Bekzat": [8.0]})
    two = fill(tmp_path / "laptop-2", {"Айгерим": [6.0]})
    for n in (1, 2):
        code, _, _ = run(
            capsys, "results", "export", "-o", tmp_path / f"l{n}.csv",
            "--data-dir", tmp_path / f"laptop-{n}",
        )  # fmt: skip
        assert code == 0
    out = tmp_path / "class.csv"
    code, text, err = run(
        capsys, "results", "merge", tmp_path / "l1.csv", tmp_path / "l2.csv", tmp_path / "l1.csv",
        "-o", out,
    )  # fmt: skip
    assert code == 0 and err == ""
    assert "merged 3 file(s)" in text and "4 attempt(s) of 3 profile(s)" in text
    assert "3 duplicate(s) removed" in text
    rows = csv_rows(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode())
    assert sorted((r[1], r[5]) for r in rows[1:]) == [
        ("Bekzat", "100"),
        ("Айгерим", "25"),
        ("Айгерим", "75"),
        ("Айгерим", "87.5"),
    ]
    ids = {r[8] for r in rows[1:] if r[1] == "Айгерим"}
    assert ids == {one["Айгерим"].id, two["Айгерим"].id}
    assert len({r[0] for r in rows[1:]}) == 4


def test_merge_json(capsys, tmp_path):
    fill(tmp_path / "d", {"Айгерим": [7.0]})
    run(capsys, "results", "export", "-o", tmp_path / "a.json", "--data-dir", tmp_path / "d")
    code, text, _ = run(
        capsys,
        "results",
        "merge",
        tmp_path / "a.json",
        tmp_path / "a.json",
        "-o",
        tmp_path / "m.json",
    )
    assert code == 0 and "1 duplicate(s) removed" in text
    doc = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert len(doc["attempts"]) == 1 and doc["attempts"][0]["responses"]["q-short"] == "ПКА"


def test_merge_refuses_a_non_export_and_writes_nothing(capsys, tmp_path):
    fill(tmp_path / "d", {"Айгерим": [7.0]})
    run(capsys, "results", "export", "-o", tmp_path / "a.csv", "--data-dir", tmp_path / "d")
    (tmp_path / "notes.csv").write_text("name,phone\r\nAigerim,555\r\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    code, text, err = run(
        capsys, "results", "merge", tmp_path / "a.csv", tmp_path / "notes.csv", "-o", out
    )
    assert code == 1 and text == ""
    assert f"{tmp_path / 'notes.csv'}: not a Courseware results export" in err
    assert "nothing was written" in err and not out.exists()


def test_merge_refuses_mixed_formats(capsys, tmp_path):
    fill(tmp_path / "d", {"Айгерим": [7.0]})
    for name in ("a.csv", "a.json"):
        run(capsys, "results", "export", "-o", tmp_path / name, "--data-dir", tmp_path / "d")
    code, _, err = run(
        capsys,
        "results",
        "merge",
        tmp_path / "a.csv",
        tmp_path / "a.json",
        "-o",
        tmp_path / "m.csv",
    )
    assert code == 2 and "one format" in err and not (tmp_path / "m.csv").exists()
    code, _, err = run(capsys, "results", "merge", tmp_path / "a.csv", "-o", tmp_path / "m.json")
    assert code == 2 and "*.csv" in err
