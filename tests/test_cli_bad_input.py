"""Every sub-command x every kind of bad input: a short message and exit 1 (2 for bad usage),
never a traceback (issue 20, "keep it fixed").

The commands come from the CLI's own parser, so a new sub-command fails
``test_every_command_has_a_recipe`` until it is given a line in RECIPES below.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from courseware_app.cli import build_parser, main
from tests.core.helpers import good_module, write_tree
from tests.test_cli_progress import fill

ROOT = Path(__file__).resolve().parents[1]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[str]:
    """'validate', 'results export'...: every sub-command that runs something."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += leaf_commands(sub, (*prefix, name)) or [" ".join((*prefix, name))]
    return found


@dataclass(frozen=True)
class Recipe:
    """How a command takes its input: ``argv`` with {IN} (and {OUT} when it writes a file);
    ``kind`` is 'content' (a content folder), 'data' (a data folder) or 'file'."""

    argv: str
    kind: str
    missing_ok: bool = False  # a missing input is a valid empty start (profiles list, create)


RECIPES = {
    "validate": Recipe("validate {IN}", "content"),
    "outline": Recipe("outline --content {IN}", "content"),
    "render": Recipe("render m1 --content {IN} -o {OUT}", "content"),
    "i18n-status": Recipe("i18n-status --content {IN}", "content"),
    "search": Recipe("search one --content {IN}", "content"),
    "self-test": Recipe("self-test --content {IN}", "content"),
    "import-gift": Recipe("import-gift {IN} --lang en -o {OUT}", "file"),
    "results export": Recipe("results export --data-dir {IN} -o {OUT}", "data"),
    "results merge": Recipe("results merge {IN} -o {OUT}", "file"),
    "profiles list": Recipe("profiles list --data-dir {IN}", "data", missing_ok=True),
    "profiles create": Recipe("profiles create Zoe --data-dir {IN}", "data", missing_ok=True),
    "profiles delete": Recipe("profiles delete Ann --data-dir {IN}", "data"),
    "sessions export": Recipe("sessions export --data-dir {IN} -o {OUT}", "data", missing_ok=True),
    "sessions merge": Recipe("sessions merge {IN} -o {OUT}", "file"),
    "present": Recipe("present m1 --content {IN}", "content"),
    "pdf": Recipe("pdf --kind handout --modules m1 --lang en --content {IN} -o {OUT}", "content"),
    "edit": Recipe("edit {IN}", "content"),
    "lock": Recipe("lock {IN}", "content"),
    "new-module": Recipe(
        "new-module m9 --track risk-management --title T --content {IN}", "content"
    ),
    "trs analyze": Recipe("trs analyze {IN} --json", "file"),
    "pack keygen": Recipe("pack keygen -o {IN}", "file", missing_ok=True),
    "pack trust": Recipe("pack trust {IN}", "file"),
    "pack build": Recipe("pack build {IN} --key {IN}/publisher.key -o {OUT}", "content"),
    "pack verify": Recipe("pack verify {IN}", "file"),
    "pack install": Recipe("pack install {IN} --data-dir {OUT}", "file"),
    "pack list": Recipe("pack list --data-dir {IN}", "data", missing_ok=True),
    "pack rollback": Recipe("pack rollback --data-dir {IN}", "data"),
}
CASES = ("missing", "unreadable", "wrong-kind", "unwritable-output", "not-utf8")


def test_every_command_has_a_recipe():
    assert sorted(leaf_commands(build_parser())) == sorted(RECIPES)


def good_input(recipe: Recipe, command: str, tmp: Path) -> Path:
    if recipe.kind == "content":
        return write_tree(tmp / "content", good_module("m1"))
    if recipe.kind == "data":
        fill(tmp / "data", {"Ann": [8]})
        return tmp / "data"
    if command == "sessions merge":
        from courseware_app.core.classroom import sessions_json_bytes

        (tmp / "in.json").write_bytes(sessions_json_bytes([]))
        return tmp / "in.json"
    if command == "trs analyze":
        lines = [
            "id,arrival,lodged,release",
            "1,2024-03-01 08:00,2024-03-01 08:30,2024-03-01 10:00",
        ]
        (tmp / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return tmp / "in.csv"
    if command == "results merge":
        code = main(
            [
                "results",
                "export",
                "--data-dir",
                str(good_input(RECIPES["results export"], "", tmp)),
                "-o",
                str(tmp / "in.csv"),
            ]
        )
        assert code == 0
        return tmp / "in.csv"
    (tmp / "in.gift").write_text("::Q1::Which one? {=this ~that}\n", encoding="utf-8")
    return tmp / "in.gift"


def wrong_kind(path: Path, tmp: Path) -> Path:
    """A folder where a file is expected, or a file where a folder is expected."""
    if path.is_dir():
        (tmp / "a-file").write_text("not a folder\n", encoding="utf-8")
        return tmp / "a-file"
    (tmp / "a-folder").mkdir()
    return tmp / "a-folder"


def not_utf8(path: Path) -> Path:
    """The input with its main text file (the file, or course.yaml) not UTF-8."""
    bad = b"\xff\xfe\x00\x81 title: \x98\x9a\n"
    (path if path.is_file() else path / "course.yaml").write_bytes(bad)
    return path


def applies(recipe: Recipe, case: str) -> bool:
    """Whether a case can go wrong for a command at all."""
    if case == "missing":
        return not recipe.missing_ok  # profiles list/create start from nothing
    if case == "unwritable-output":
        return "{OUT}" in recipe.argv
    if case == "not-utf8":
        return recipe.kind != "data"  # a data folder holds a database, not text
    return True


def bad_input(recipe: Recipe, command: str, case: str, tmp: Path) -> tuple[Path, Path]:
    """(input, output) for a case."""
    source = good_input(recipe, command, tmp)
    output = tmp / "out" / "result.file"
    (tmp / "out").mkdir()
    if case == "missing":
        return tmp / "nonexistent", output
    if case == "unreadable":
        if AS_ROOT:  # root reads anything: make it unreadable by its kind instead
            return wrong_kind(source, tmp), output
        source.chmod(0)
        return source, output
    if case == "wrong-kind":
        return wrong_kind(source, tmp), output
    if case == "unwritable-output":
        (tmp / "plain").write_text("a file\n", encoding="utf-8")
        return source, tmp / "plain" / "result.file"  # unwritable even for root
    return not_utf8(source), output


PAIRS = [(c, k) for c, r in RECIPES.items() for k in CASES if applies(r, k)]


@pytest.mark.parametrize(("command", "case"), PAIRS, ids=[f"{c}-{k}" for c, k in PAIRS])
def test_bad_input_is_one_message_and_an_exit_code(capsys, tmp_path, command, case):
    recipe = RECIPES[command]
    paths = bad_input(recipe, command, case, tmp_path)
    argv = recipe.argv.format(IN=paths[0], OUT=paths[1]).split()
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: bad usage
        code = exc.code
    finally:
        if case == "unreadable" and not AS_ROOT:  # let pytest remove it
            paths[0].chmod(0o755)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (1, 2), (code, out, err)
    messages = [line for line in err.splitlines() if line.strip()]
    assert messages, "a message on standard error"
    assert len(messages) <= 3, err


def test_the_real_entry_point_prints_no_traceback(tmp_path):
    env = {**os.environ, "COURSEWARE_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "courseware_app", "render", "rm-01", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
