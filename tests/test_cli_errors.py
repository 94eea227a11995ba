"""Issue 20 #17: bad paths and numbers on the command line give one line and an exit code."""

import os
import stat

import pytest

from courseware_app.cli import main
from tests.conftest import TEST_CONTENT


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def render(capsys, output):
    return run(capsys, "render", "alpha", "--content", str(TEST_CONTENT), "-o", str(output))


def test_render_into_a_folder_is_refused(capsys, tmp_path):
    code, _out, err = render(capsys, tmp_path)
    assert code == 2 and str(tmp_path) in one_line(err) and "folder" in err


def test_render_into_a_missing_folder_names_the_target(capsys, tmp_path):
    target = tmp_path / "nonexistent" / "x.html"
    code, _out, err = render(capsys, target)
    assert code == 1 and one_line(err).startswith(f"courseware render: cannot write {target}:")
    assert ".tmp" not in err


def test_render_writes_with_the_users_umask(capsys, tmp_path):
    old = os.umask(0o022)
    try:
        assert render(capsys, tmp_path / "a.html")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == 0o644


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "ten"])
def test_search_limit_out_of_range_is_bad_usage(capsys, limit):
    with pytest.raises(SystemExit) as exc:
        main(["search", "risk", "--content", str(TEST_CONTENT), "--limit", limit])
    _out, err = capsys.readouterr()
    assert exc.value.code == 2 and "--limit" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["outline", "i18n-status", "render alpha", "search risk"])
def test_a_folder_without_a_course_is_reported(capsys, tmp_path, command):
    code, out, err = run(capsys, *command.split(), "--content", str(tmp_path / "nonexistent"))
    assert code == 2 and out == ""
    assert "course.yaml" in one_line(err) and "nonexistent" in err


def test_export_error_names_the_target_not_the_temporary_file(capsys, tmp_path):
    from tests.test_cli_progress import fill

    data = tmp_path / "d"
    fill(data, {"Ann": [8]})
    (tmp_path / "plain").write_text("a file, not a folder")
    target = tmp_path / "plain" / "x.csv"  # unwritable even for root
    code, _out, err = run(capsys, "results", "export", "--data-dir", data, "-o", target)
    assert code == 1 and one_line(err).startswith(
        f"courseware results export: cannot write {target}:"
    )
    assert ".tmp" not in err


def test_export_writes_with_the_users_umask(capsys, tmp_path):
    from tests.test_cli_progress import fill

    fill(tmp_path / "d", {"Ann": [8]})
    old = os.umask(0o022)
    try:
        for name in ("x.csv", "x.json", "x.xlsx"):
            target = tmp_path / name
            assert (
                run(capsys, "results", "export", "--data-dir", tmp_path / "d", "-o", target)[0] == 0
            )
            assert stat.S_IMODE(target.stat().st_mode) == 0o644, name
    finally:
        os.umask(old)


def test_an_unexpected_file_error_is_one_line(capsys, monkeypatch):
    import courseware_app.commands.content as content

    def broken(args):
        raise PermissionError(13, "Permission denied", "/somewhere/file")

    monkeypatch.setattr(content, "run_outline", broken)
    code, _out, err = run(capsys, "outline")
    assert code == 1
    assert one_line(err) == "courseware outline: /somewhere/file: Permission denied"
