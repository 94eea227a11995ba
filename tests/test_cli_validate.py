"""courseware validate FILE and the issue-15 rules from the command line."""

import json

from courseware_app.cli import main
from tests.core.helpers import good_module, write_tree

SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def broken_tree(tmp_path):
    """m1/ru.md with a quiz error, a dead link, a missing image; an unused file in m1."""
    files = {**good_module("m1"), **good_module("m2")}
    quiz = "::: quiz q pass=70\n? single q1\nWhich?\n- [ ] One\n- [ ] Two\nexplanation: No.\n:::"
    files.update(
        good_module("m1", f"See [it](ghost).\n\n![Pic](gone.svg)\n\n{quiz}")
        | {"modules/m1/old.svg": SVG}
    )
    for lang in ("en", "fr"):
        files[f"modules/m1/{lang}.md"] = good_module("m1")[f"modules/m1/{lang}.md"]
    return write_tree(tmp_path / "c", files)


def test_validating_one_file_reports_its_problems_as_the_folder_does(capsys, tmp_path):
    root = broken_tree(tmp_path)
    ru = root / "modules" / "m1" / "ru.md"
    code, out, err = run(capsys, "validate", str(ru))
    assert code == 1
    lines = out.splitlines()
    assert [line.split(": ")[1].split()[1] for line in lines] == [
        "link-unknown-module",
        "image-missing",
        "quiz-no-correct",
    ]
    _code, folder, _err = run(capsys, "validate", str(root))
    assert [line for line in folder.splitlines() if line.startswith(f"{ru}:")] == lines
    assert err.strip() == "3 error(s), 0 warning(s)"


def test_an_unused_asset_is_a_warning_that_strict_refuses(capsys, tmp_path):
    root = write_tree(
        tmp_path / "c", {**good_module("m1"), **good_module("m2"), "modules/m1/old.svg": SVG}
    )
    code, out, _err = run(capsys, "validate", str(root), "--format", "json")
    report = json.loads(out)["diagnostics"]
    assert code == 0
    assert [(d["code"], d["severity"], d["line"]) for d in report] == [
        ("asset-unused", "warning", 1)
    ]
    assert report[0]["file"].endswith("m1/old.svg")
    assert run(capsys, "validate", str(root), "--strict")[0] == 1


def test_image_variant_and_slide_parity_from_the_command_line(capsys, tmp_path):
    slide = '!!! slide "Points"\n    - First\n    - Second\n    - Third'
    files = {**good_module("m1", "![Pic](pic.svg)"), **good_module("m2")}
    files["modules/m1/en.md"] = good_module("m1", f"![Pic](pic.svg)\n\n{slide}")["modules/m1/en.md"]
    files |= {"modules/m1/pic.svg": SVG, "modules/m1/pic.ru.svg": SVG}
    root = write_tree(tmp_path / "c", files)
    code, out, _err = run(capsys, "validate", str(root / "modules" / "m1" / "fr.md"))
    assert code == 0
    assert [line.split(": ")[1] for line in out.splitlines()] == [
        "warning presenting-differs",
        "warning image-variant-missing",
    ]
