"""courseware lock, new-module, and the release checks validate makes with them."""

import json
import re
import shutil
from pathlib import Path

import pytest

from courseware_app.cli import main
from tests.conftest import BUNDLED_CONTENT


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, target)
    return target


def codes(out: str) -> list[str]:
    return [d["code"] for d in json.loads(out)["diagnostics"]]


def validate(capsys, content: Path, *more: str) -> tuple[int, list[str]]:
    code, out, _err = run(capsys, "validate", str(content), "--format", "json", *more)
    return code, codes(out)


def test_the_bundled_course_is_locked_and_in_its_changelog():
    """Every module file of the bundled course is in content/versions.lock, and nothing has
    changed since without a new version and its changelog heading."""
    from courseware_app.core.loader import load_course
    from courseware_app.core.release import check_release, read_lock

    course = load_course(BUNDLED_CONTENT)
    lock = read_lock(BUNDLED_CONTENT)
    assert lock is not None
    assert {m: set(langs) for m, langs in lock.items()} == {
        m.id: set(m.translations) for m in course.modules.values()
    }
    assert check_release(course, BUNDLED_CONTENT) == []


def version_of(content, module: str, lang: str) -> str:
    """The version written in a module file of the course copy (the bundled course moves on)."""
    text = (content / "modules" / module / f"{lang}.md").read_text(encoding="utf-8")
    return re.search(r'^version: "([^"]+)"', text, re.M).group(1)


def bumped(version: str, patch: bool = False) -> str:
    major, minor, fix = (int(x) for x in version.split("."))
    return f"{major}.{minor}.{fix + 1}" if patch else f"{major}.{minor + 1}.0"


def test_lock_writes_versions_lock_in_the_content_folder(capsys, content):
    (content / "versions.lock").unlink()
    code, out, _ = run(capsys, "lock", str(content))
    assert code == 0 and "36 module files locked" in out
    lock = json.loads((content / "versions.lock").read_text(encoding="utf-8"))
    assert lock["modules"]["rm-02"]["ru"]["version"] == version_of(content, "rm-02", "ru")
    assert "process.ru.svg" in lock["modules"]["rm-02"]["ru"]["assets"]
    (content / "versions.lock").unlink()
    assert run(capsys, "--content", str(content), "lock")[0] == 0
    assert (content / "versions.lock").is_file()


def test_lock_without_a_course_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "lock", str(tmp_path))
    assert code == 2 and "no course.yaml" in err
    assert not (tmp_path / "versions.lock").exists()


def test_new_module_creates_a_tree_validate_accepts(capsys, content):
    code, out, _ = run(
        capsys,
        "new-module",
        "rm-10",
        "--track",
        "risk-management",
        "--title",
        "Audit",
        "--content",
        str(content),
    )
    assert code == 0
    assert sorted(Path(line).name for line in out.split()) == [
        "CHANGELOG.md",
        "course.yaml",
        "en.md",
        "fr.md",
        "ru.md",
    ]
    assert validate(capsys, content)[0] == 0
    outline = json.loads(run(capsys, "--content", str(content), "outline")[1])
    assert "rm-10" in [m["id"] for m in outline["modules"]]


def test_new_module_takes_content_before_the_command(capsys, content):
    argv = ["--content", str(content), "new-module", "trs-03", "--track", "time-release-study"]
    assert run(capsys, *argv, "--title", "TRS in ports")[0] == 0
    assert (content / "modules" / "trs-03" / "fr.md").is_file()


@pytest.mark.parametrize(
    ("module_id", "track", "message"),
    [
        ("rm-02", "risk-management", "already exists"),
        ("RM 10", "risk-management", "not a module id"),
        ("rm-10", "no-such-track", "no track 'no-such-track'"),
    ],
)
def test_new_module_refusals_exit_2_and_write_nothing(capsys, content, module_id, track, message):
    before = (content / "course.yaml").read_bytes(), (content / "CHANGELOG.md").read_bytes()
    argv = ["new-module", module_id, "--track", track, "--title", "T", "--content", str(content)]
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err
    after = (content / "course.yaml").read_bytes(), (content / "CHANGELOG.md").read_bytes()
    assert after == before and not (content / "modules" / "rm-10").exists()


def test_new_module_needs_track_and_title(capsys, content):
    with pytest.raises(SystemExit) as exc:
        main(["new-module", "rm-10", "--title", "T", "--content", str(content)])
    assert exc.value.code == 2


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_validate_reports_a_change_without_a_new_version(capsys, content):
    ru = content / "modules" / "rm-02" / "ru.md"
    assert validate(capsys, content, "--strict") == (0, [])
    ru.write_text(ru.read_text(encoding="utf-8") + "\nНовая фраза.\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(content))
    assert code == 0  # a warning
    (line,) = [x for x in out.splitlines() if "version-not-bumped" in x]
    assert "rm-02/ru.md:3: warning version-not-bumped:" in line and "ru.md" in line
    assert validate(capsys, content, "--strict")[0] == 1
    assert validate(capsys, ru) == (0, ["version-not-bumped"])  # the file alone says so too
    old = version_of(content, "rm-02", "ru")
    edit(ru, f'version: "{old}"', f'version: "{bumped(old, patch=True)}"')
    assert validate(capsys, content, "--strict") == (0, [])


def test_validate_reports_a_picture_changed_without_a_new_version(capsys, content):
    svg = content / "modules" / "rm-02" / "process.fr.svg"
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<!-- changed --></svg>"))
    code, found = validate(capsys, content)
    assert code == 0 and found == ["version-not-bumped"]
    _, out, _ = run(capsys, "validate", str(content))
    assert "fr.md:3: warning version-not-bumped:" in out and "process.fr.svg" in out


def test_validate_reports_a_new_version_without_a_changelog_heading(capsys, content):
    en = content / "modules" / "rm-02" / "en.md"
    old = version_of(content, "rm-02", "en")
    new = bumped(old)
    edit(en, f'version: "{old}"', f'version: "{new}"')
    code, out, _ = run(capsys, "validate", str(content), "--strict")
    assert code == 1
    assert "en.md:3: warning changelog-missing:" in out and f"## rm-02 {new}" in out
    edit(content / "CHANGELOG.md", "## rm-01 1.0.0", f"## rm-02 {new}\n\nNew.\n\n## rm-01 1.0.0")
    _, found = validate(capsys, content)
    assert "changelog-missing" not in found
    assert "translation-outdated" in found  # the translations now follow an older version


def test_a_new_module_is_refused_by_strict_until_its_stubs_are_written(capsys, content):
    argv = ["new-module", "rm-10", "--track", "risk-management", "--title", "Audit"]
    assert run(capsys, *argv, "--content", str(content))[0] == 0
    code, found = validate(capsys, content)
    assert code == 0 and set(found) == {"stub-text"} and len(found) == 30  # 10 a language
    assert validate(capsys, content, "--strict")[0] == 1
    ru = content / "modules" / "rm-10" / "ru.md"
    code, found = validate(capsys, ru)
    assert code == 0 and found == ["stub-text"] * 10
