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
