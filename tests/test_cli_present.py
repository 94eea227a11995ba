"""courseware present: both windows open for rm-02 in Russian with English notes, the session
ends when the presentation does (exit 0), and bad modules or sections fail in one line first."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from courseware_app.cli import main

# Opening both windows, in the order the issue names, is tested on a laptop with a projector:
# tests/ui/present/test_present_two_screens.py runs the command in a process of its own (in the
# suite's one application, the command's closed full-screen window kept later tests' windows
# from being activated).


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["present", "no-such-module"], "no module no-such-module"),
        (["present", "rm-02", "--section", "nowhere"], "has no section nowhere"),
    ],
)
def test_unknown_module_or_section_is_one_line_and_exit_1(capsys, argv, message):
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not QApplication.topLevelWidgets() or not any(
        w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_content_and_data_dir_work_before_and_after_present(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for argv in (
        ["--content", str(empty), "present", "rm-02"],
        ["present", "rm-02", "--content", str(empty)],
    ):
        assert main(argv) == 2
        assert "no course.yaml" in capsys.readouterr().err
