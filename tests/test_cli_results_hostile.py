"""The progress commands against hostile input: one-line errors, nothing half-written (issue 20)."""

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
