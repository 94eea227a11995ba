"""The command line: exact forms, output shapes and exit codes."""

import json
import subprocess
import sys

import pytest

from courseware_app import __version__
from courseware_app.cli import main
from tests.conftest import BUNDLED_CONTENT, TEST_CONTENT
from tests.core.helpers import good_module, write_tree


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version():
    out = subprocess.run(
        [sys.executable, "-m", "courseware_app", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.strip() == f"courseware {__version__}"


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml"])
    assert exc.value.code == 2


def test_validate_text_and_exit_codes(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", str(TEST_CONTENT))
    assert code == 1
    assert "tests/data/content/modules/gamma/en.md:3: error version-not-string:" in out
    good = write_tree(tmp_path / "c", {**good_module("m1"), **good_module("m2")})
    assert run(capsys, "validate", str(good))[0] == 0
    assert run(capsys, "--content", str(good), "validate")[0] == 0
    assert run(capsys, "validate", "--content", str(good))[0] == 0
    (good / "modules" / "m1" / "fr.md").unlink()  # a warning only
    assert run(capsys, "validate", str(good))[0] == 0
    assert run(capsys, "validate", str(good), "--strict")[0] == 1


def test_validate_dir_wins_over_content(capsys, tmp_path):
    good = write_tree(tmp_path / "c", {**good_module("m1"), **good_module("m2")})
    assert run(capsys, "--content", str(TEST_CONTENT), "validate", str(good))[0] == 0


def test_validate_json_shape(capsys):
    code, out, _ = run(capsys, "validate", str(TEST_CONTENT), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"diagnostics"}
    for d in data["diagnostics"]:
        assert set(d) >= {"file", "line", "severity", "code", "message"}
        assert d["severity"] in ("error", "warning") and isinstance(d["line"], int)


def test_outline_json_shape(capsys):
    code, out, _ = run(capsys, "outline", "--content", str(TEST_CONTENT), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["course"]["id"] == "test-course" and data["course"]["languages"] == [
        "en",
        "ru",
        "fr",
    ]
    mods = {m["id"]: m for m in data["modules"]}
    assert list(mods) == ["alpha", "beta", "gamma"]
    alpha = mods["alpha"]
    assert alpha["version"] == "1.2.0" and alpha["track"] == "risk-management"
    en = alpha["languages"]["en"]
    assert en["status"] == "ok" and en["sections"] == ["intro", "matrix", "quiz"]
    assert en["quiz_questions"] == 7 and en["trainer_notes"] == 1 and en["words"] > 0
    assert (
        alpha["languages"]["fr"]["status"] == "outdated"
        and alpha["languages"]["fr"]["translated_from"] == "1.0.0"
    )
    for lang in ("ru", "fr"):
        missing = mods["beta"]["languages"][lang]
        assert (
            missing["status"] == "missing" and missing["sections"] == [] and missing["words"] == 0
        )
    error = mods["gamma"]["languages"]["en"]
    assert (
        error["status"] == "error" and error["quiz_questions"] == 0 and error["trainer_notes"] == 0
    )


def test_render(capsys, tmp_path):
    code, out, _ = run(capsys, "render", "alpha", "--lang", "en", "--content", str(TEST_CONTENT))
    assert code == 0 and "<h1" in out and "SECRET-TRAINER-TEXT" not in out
    target = tmp_path / "a.html"
    code, _out, _ = run(
        capsys,
        "--content",
        str(TEST_CONTENT),
        "render",
        "alpha",
        "--lang",
        "ru",
        "--trainer",
        "-o",
        str(target),
    )
    assert code == 0 and "SECRET-TRAINER-TEXT" in target.read_text(encoding="utf-8")
    assert run(capsys, "render", "nope", "--content", str(TEST_CONTENT))[0] == 1
    assert run(capsys, "render", "gamma", "--content", str(TEST_CONTENT))[0] == 1


def test_bundled_content_renders_every_module_and_language(capsys):
    data = json.loads(run(capsys, "outline", "--json")[1])
    assert data["modules"], "the bundled course has modules"
    for module in data["modules"]:
        for lang in data["course"]["languages"]:
            code, out, _ = run(
                capsys, "render", module["id"], "--lang", lang, "--content", str(BUNDLED_CONTENT)
            )
            assert code == 0, (module["id"], lang)
            assert "could not be loaded" not in out


def test_self_test_passes_on_the_bundled_content(capsys):
    code, out, err = run(capsys, "self-test")
    assert code == 0, err
    assert ", 0 failed" in out


def test_self_test_reports_a_broken_tree(capsys):
    code, out, err = run(capsys, "self-test", "--content", str(TEST_CONTENT))
    assert code == 1
    assert "gamma/en.md:3" in err and "failed" in out
