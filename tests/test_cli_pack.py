"""courseware pack from the command line: the done-when flow (keygen, build from a copy of the
bundled course one minor version up, trust, verify, install, outline, rollback) and the
forms every sub-command accepts."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from courseware_app.cli import main
from courseware_app.core import paths
from courseware_app.core.course import parse_semver
from courseware_app.core.packs import keys

VERSION_RE = re.compile(r'^(version|translated_from): "([^"]+)"', re.MULTILINE)


@pytest.fixture(autouse=True)
def _cheap_kdf_and_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "KDF_OPSLIMIT", 1)
    monkeypatch.setattr(keys, "KDF_MEMLIMIT", 8 * 1024 * 1024)
    monkeypatch.setenv("COURSEWARE_PACK_PASSPHRASE", "a long test passphrase")


def minor_up(version: str) -> str:
    parsed = parse_semver(version)
    assert parsed is not None
    return f"{parsed[0]}.{parsed[1] + 1}.0"


def bumped_course(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the bundled course with every module one minor version up and its release
    notes in CHANGELOG.md; the new versions."""
    folder = tmp_path / "content"
    shutil.copytree(paths.resource_root() / "content", folder)
    new: dict[str, str] = {}
    for path in sorted((folder / "modules").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        text = VERSION_RE.sub(lambda m: f'{m.group(1)}: "{minor_up(m.group(2))}"', text, count=2)
        path.write_text(text, encoding="utf-8")
        if path.name == "en.md":
            new[path.parent.name] = VERSION_RE.search(text).group(2)  # type: ignore[union-attr]
    changelog = folder / "CHANGELOG.md"
    head, _, rest = changelog.read_text(encoding="utf-8").partition("\n## ")
    notes = "".join(f"## {m} {v}\n\nRevised figures for {m}.\n\n" for m, v in new.items())
    changelog.write_text(f"{head}\n{notes}## {rest}", encoding="utf-8")
    return folder, new


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def build(capsys, folder: Path, keydir: Path, pack: Path) -> tuple[int, str, str]:
    key = str(keydir / "publisher.key")
    return run(capsys, "pack", "build", str(folder), "--key", key, "-o", str(pack))


def outline_versions(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, str]:
    code, out, err = run(capsys, "outline", "--json", *extra)
    assert code == 0, err
    return {m["id"]: m["version"] for m in json.loads(out)["modules"]}


def test_build_trust_verify_install_outline_rollback(tmp_path: Path, capsys) -> None:
    data = paths.data_dir()  # the folder the conftest gives every test, as outline reads it
    folder, new = bumped_course(tmp_path)
    old = outline_versions(capsys)
    assert set(new) == set(old) and all(new[m] == minor_up(old[m]) for m in old)
    keydir = tmp_path / "keys"
    code, out, err = run(capsys, "pack", "keygen", "-o", str(keydir), "--name", "CAC editors")
    assert code == 0, err
    assert sorted(p.name for p in keydir.iterdir()) == ["publisher.key", "publisher.pub"]
    pack = tmp_path / "update.cwpack"
    code, out, err = build(capsys, folder, keydir, pack)
    assert code == 0, err
    assert f"wrote {pack}" in out

    code, out, err = run(capsys, "pack", "verify", str(pack), "--data-dir", str(data))
    assert code == 1 and "does not trust" in err
    code, out, err = run(capsys, "pack", "trust", str(keydir / "publisher.pub"), stdin="y\n")
    assert code == 0, err
    fingerprint = keys.read_public_key(keydir / "publisher.pub").fingerprint
    assert f"fingerprint: {fingerprint}" in out and "[y/N]" in out
    assert len(list((data / "trusted-keys").glob("*.pub"))) == 1

    code, out, err = run(capsys, "pack", "verify", "--json", str(pack))
    assert code == 0, err
    report = json.loads(out)
    assert report["valid"] and report["publisher"] == "CAC editors" and not report["downgrade"]
    assert report["changes"] == [{"module": m, "old": old[m], "new": new[m]} for m in sorted(new)]
    assert report["notes"]["rm-01"] == "Revised figures for rm-01."
    code, out, err = run(capsys, "pack", "verify", str(pack))
    assert f"updated rm-01 {old['rm-01']} → {new['rm-01']}" in out

    (data / "progress-before.txt").write_text("kept")
    code, out, err = run(capsys, "--data-dir", str(data), "pack", "install", str(pack))
    assert code == 0, err
    assert outline_versions(capsys) == new
    assert outline_versions(capsys, "--data-dir", str(data)) == new  # named as well as implied
    elsewhere = tmp_path / "another-data-folder"
    assert outline_versions(capsys, "--data-dir", str(elsewhere)) == old  # no pack there
    code, out, err = run(capsys, "pack", "list", "--json")
    assert [(v["source"], v["active"]) for v in json.loads(out)] == [
        ("bundled", False),
        ("installed", True),
    ]

    code, out, err = run(capsys, "pack", "rollback", "--data-dir", str(data))
    assert code == 0 and "rolled back" in out
    assert outline_versions(capsys) == old
    assert (data / "progress-before.txt").read_text() == "kept"


def test_trust_needs_a_yes(tmp_path: Path, capsys) -> None:
    key = keys.SigningKey.generate("Someone")
    (tmp_path / "publisher.pub").write_text(key.public.text())
    data = tmp_path / "data"
    for answer in ("", "n\n", "no\n", "maybe\n"):
        code, out, err = run(
            capsys,
            "pack",
            "trust",
            str(tmp_path / "publisher.pub"),
            "--data-dir",
            str(data),
            stdin=answer,
        )
        assert code == 1 and "not trusted; nothing was changed" in out
    assert not data.exists()


def test_build_refuses_a_course_failing_validate_strict(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "content"
    shutil.copytree(paths.resource_root() / "content", folder)
    en = folder / "modules" / "rm-01" / "en.md"
    text = en.read_text(encoding="utf-8")
    en.write_text(re.sub(r'^version: "[0-9.]+"', 'version: "1.0.7"', text, count=1, flags=re.M))
    keydir = tmp_path / "keys"
    assert run(capsys, "pack", "keygen", "-o", str(keydir))[0] == 0
    pack = tmp_path / "bad.cwpack"
    code, out, err = build(capsys, folder, keydir, pack)
    assert code == 1
    assert "warning changelog-missing: rm-01 1.0.7" in err
    assert "the course fails validate --strict" in err and "no pack was written" in err
    assert not pack.exists()


def test_a_wrong_passphrase_writes_nothing(tmp_path: Path, capsys, monkeypatch) -> None:
    keydir = tmp_path / "keys"
    assert run(capsys, "pack", "keygen", "-o", str(keydir))[0] == 0
    monkeypatch.setenv("COURSEWARE_PACK_PASSPHRASE", "not it")
    pack = tmp_path / "p.cwpack"
    code, out, err = build(capsys, paths.resource_root() / "content", keydir, pack)
    assert code == 1 and "wrong passphrase" in err and not pack.exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_before_or_after_the_sub_command(tmp_path: Path, capsys, where: str) -> None:
    data = tmp_path / "elsewhere"
    option = ["--data-dir", str(data)]
    for action in (["list"], ["rollback"]):
        argv = [*option, "pack", *action] if where == "before" else ["pack", *action, *option]
        code, out, err = run(capsys, *argv)
        if action == ["list"]:
            assert code == 0 and out.startswith("bundled\t")
        else:
            assert code == 1 and "no previous content version" in err
    assert not data.exists()


def test_install_and_verify_refusals_exit_1_and_json_says_why(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "nothing.cwpack"
    pack.write_bytes(b"PK\x03\x04 but nothing more")
    code, out, err = run(capsys, "pack", "verify", "--json", str(pack))
    assert code == 1 and json.loads(out) == {
        "valid": False,
        "error": f"{pack} is not a complete pack (a truncated or damaged zip)",
    }
    code, out, err = run(capsys, "pack", "install", str(pack))
    assert code == 1 and err.startswith("courseware pack install: refused: ")


def test_install_and_rollback_never_prompt(tmp_path: Path) -> None:
    from tests.core.packs.helpers import pack_of, trusted, write_course

    data = tmp_path / "data"
    course_id = "cac-customs-risk-management"
    tree = write_course(tmp_path / "tree", {"rm-01": "9.0.0"}, course_id=course_id)
    pack = pack_of(tree, trusted(data), course_id=course_id).write(tmp_path / "p.cwpack")
    for argv in (["pack", "install", str(pack)], ["pack", "rollback"]):
        command = [sys.executable, "-m", "courseware_app", "--data-dir", str(data), *argv]
        child = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
        )
        assert child.returncode == 0, child.stderr
        assert "?" not in child.stdout
