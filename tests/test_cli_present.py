"""courseware present: both windows open for rm-02 in Russian with English notes, the session
ends when the presentation does (exit 0), and bad modules or sections fail in one line first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from courseware_app.cli import main


def test_present_opens_both_windows_and_exits_0_when_it_ends(app_identity, tmp_path):
    from courseware_app.ui.present.audience import AudienceWindow
    from courseware_app.ui.present.console import ConsoleWindow

    seen = {}

    def look_and_end() -> None:
        windows = QApplication.topLevelWidgets()
        audience = next(w for w in windows if isinstance(w, AudienceWindow) and w.isVisible())
        console = next(w for w in windows if isinstance(w, ConsoleWindow) and w.isVisible())
        seen["room"] = audience.controller.audience_lang
        seen["notes"] = console.controller.console_lang
        seen["modal"] = QApplication.activeModalWidget()
        seen["full"] = audience.isFullScreen()
        seen["step"] = audience.controller.step.section
        console.controller.end()

    QTimer.singleShot(300, look_and_end)
    argv = ["present", "rm-02", "--audience-lang", "ru", "--console-lang", "en"]
    code = main([*argv, "--section", "process", "--data-dir", str(tmp_path / "data")])
    assert code == 0
    assert seen == {"room": "ru", "notes": "en", "modal": None, "full": True, "step": "process"}


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
