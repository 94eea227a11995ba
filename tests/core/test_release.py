"""core.release: versions.lock, version-not-bumped, changelog-missing and stub-text."""

import json
from pathlib import Path

import pytest

from courseware_app.core.course import Severity
from courseware_app.core.loader import load_course
from courseware_app.core.release import (
    LockError,
    check_release,
    check_stubs,
    course_lock,
    file_sha256,
    lock_text,
    read_lock,
    used_assets,
    write_lock,
)
from tests.core.helpers import good_module, write_tree

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
CHANGELOG = "# Changelog\n\n## m1 1.0.0\n\nFirst release.\n\n## m2 1.0.0\n\nFirst release.\n"


def course_tree(root: Path, extra_body: str = "", files: dict[str, str] | None = None) -> Path:
    """m1 (with ``extra_body`` and ``files`` in its folder) and m2, with a changelog."""
    return write_tree(
        root,
        {
            **good_module("m1", extra_body),
            **good_module("m2"),
            **{f"modules/m1/{name}": text for name, text in (files or {}).items()},
            "CHANGELOG.md": CHANGELOG,
        },
    )


def locked(root: Path) -> Path:
    write_lock(load_course(root), root)
    return root


def check(root: Path):
    return check_release(load_course(root), root)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- the lock file


def test_lock_holds_version_and_hashes_per_module_and_language(tmp_path):
    root = locked(course_tree(tmp_path / "c", "![Pic](pic.svg)\n", {"pic.svg": SVG}))
    document = json.loads((root / "versions.lock").read_text(encoding="utf-8"))
    assert document["format"] == 1
    assert set(document["modules"]) == {"m1", "m2"}
    entry = document["modules"]["m1"]["ru"]
    assert entry["version"] == "1.0.0"
    assert entry["sha256"] == file_sha256(root / "modules" / "m1" / "ru.md")
    assert entry["assets"] == {"pic.svg": file_sha256(root / "modules" / "m1" / "pic.svg")}
    assert document["modules"]["m2"]["en"]["assets"] == {}


def test_lock_text_is_sorted_indented_and_stable(tmp_path):
    root = course_tree(tmp_path / "c")
    text = lock_text(course_lock(load_course(root)))
    assert text == lock_text(course_lock(load_course(root)))
    assert text.endswith("}\n") and '\n  "modules": {\n    "m1": {\n      "en": {' in text
    assert read_lock(locked(root)) == json.loads(text)["modules"]


def test_an_image_lock_entry_is_the_language_variant(tmp_path):
    files = {"pic.svg": SVG, "pic.ru.svg": SVG.replace("4", "5")}
    root = course_tree(tmp_path / "c", "![Pic](pic.svg)\n\n[data](table.csv)\n", files)
    (root / "modules" / "m1" / "table.csv").write_text("a,b\n", encoding="utf-8")
    module = load_course(root).modules["m1"]
    assert set(used_assets(module, module.translations["ru"])) == {"pic.ru.svg", "table.csv"}
    assert set(used_assets(module, module.translations["fr"])) == {"pic.svg", "table.csv"}


def test_crlf_line_ends_hash_as_lf(tmp_path):
    (tmp_path / "a.md").write_bytes(b"one\r\ntwo\r\n")
    (tmp_path / "b.md").write_bytes(b"one\ntwo\n")
    (tmp_path / "a.png").write_bytes(b"one\r\ntwo\r\n")
    assert file_sha256(tmp_path / "a.md") == file_sha256(tmp_path / "b.md")
    assert file_sha256(tmp_path / "a.png") != file_sha256(tmp_path / "b.md")


def test_a_lock_that_is_not_one_is_one_warning(tmp_path):
    root = course_tree(tmp_path / "c")
    assert read_lock(root) is None and check(root) == []
    for bad in ("{", '{"modules": []}', '{"modules": {"m1": {"en": {"version": 1}}}}'):
        (root / "versions.lock").write_text(bad, encoding="utf-8")
        with pytest.raises(LockError):
            read_lock(root)
        (diag,) = check(root)
        assert diag.code == "lock-invalid" and diag.severity == Severity.WARNING


# ---------------------------------------------------------------- version-not-bumped


def test_an_unchanged_locked_course_has_nothing_to_report(tmp_path):
    assert check(locked(course_tree(tmp_path / "c"))) == []


def test_a_changed_file_with_the_same_version_is_reported_on_its_version_line(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    edit(root / "modules" / "m1" / "ru.md", "More.", "More, changed.")
    (diag,) = check(root)
    assert diag.code == "version-not-bumped" and diag.severity == Severity.WARNING
    assert diag.file.endswith("m1/ru.md") and diag.line == 3  # version: on line 3
    assert "ru.md" in diag.message and "1.0.0" in diag.message


def test_a_raised_version_is_not_reported(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    edit(root / "modules" / "m1" / "fr.md", "More.", "Plus.")
    edit(root / "modules" / "m1" / "fr.md", 'version: "1.0.0"', 'version: "1.0.1"')
    assert check(root) == []


def test_a_changed_asset_is_reported_naming_it(tmp_path):
    root = locked(course_tree(tmp_path / "c", "![Pic](pic.svg)\n", {"pic.svg": SVG}))
    (root / "modules" / "m1" / "pic.svg").write_text(SVG.replace("4", "6"), encoding="utf-8")
    diags = check(root)
    assert sorted(Path(d.file).name for d in diags) == ["en.md", "fr.md", "ru.md"]
    assert all(d.code == "version-not-bumped" and "pic.svg" in d.message for d in diags)


def test_a_module_or_language_absent_from_the_lock_is_not_reported(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    lock = json.loads((root / "versions.lock").read_text(encoding="utf-8"))
    del lock["modules"]["m2"]
    del lock["modules"]["m1"]["ru"]
    (root / "versions.lock").write_text(json.dumps(lock), encoding="utf-8")
    for lang in ("en", "ru", "fr"):
        edit(root / "modules" / "m2" / f"{lang}.md", "More.", "Changed.")
    edit(root / "modules" / "m1" / "ru.md", "More.", "Changed.")
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## m1 1.0.0\n", encoding="utf-8")
    assert check(root) == []


# ---------------------------------------------------------------- changelog-missing


def test_a_locked_module_without_its_heading_is_reported_once(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    edit(root / "CHANGELOG.md", "## m2 1.0.0", "## m2 0.9.0")
    (diag,) = check(root)
    assert diag.code == "changelog-missing" and diag.severity == Severity.WARNING
    assert diag.file.endswith("m2/en.md") and diag.line == 3
    assert "## m2 1.0.0" in diag.message and "CHANGELOG.md" in diag.message


def test_a_raised_version_needs_its_own_heading(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    edit(root / "modules" / "m1" / "en.md", 'version: "1.0.0"', 'version: "1.1.0"')
    assert [d.code for d in check(root)] == ["changelog-missing"]
    edit(root / "CHANGELOG.md", "# Changelog\n", "# Changelog\n\n## m1 1.1.0 (2027-01-10)\n")
    assert check(root) == []


def test_no_changelog_reports_every_locked_module(tmp_path):
    root = locked(course_tree(tmp_path / "c"))
    (root / "CHANGELOG.md").unlink()
    assert sorted(Path(d.file).parent.name for d in check(root)) == ["m1", "m2"]


# ---------------------------------------------------------------- stub-text


def test_each_stub_line_is_a_warning_but_not_in_code(tmp_path):
    extra = "TODO — write this.\n\n```text\nTODO in code\n```\n\nTODOS and todo are words.\n"
    root = write_tree(tmp_path / "c", {**good_module("m1", extra), **good_module("m2")})
    edit(root / "modules" / "m1" / "en.md", "summary: Summary", "summary: TODO — a summary")
    tr = load_course(root).modules["m1"].translations["en"]
    diags = check_stubs(tr)
    lines = (root / "modules" / "m1" / "en.md").read_text(encoding="utf-8").splitlines()
    assert [lines[d.line - 1] for d in diags] == ["summary: TODO — a summary", "TODO — write this."]
    assert {(d.code, d.severity) for d in diags} == {("stub-text", Severity.WARNING)}
    assert check_stubs(load_course(root).modules["m2"].translations["en"]) == []
