"""courseware edit [CONTENT_DIR]: the reader in editor mode on that folder."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from courseware_app.cli import build_parser, main
from courseware_app.commands.edit import gui_arguments


def test_the_folder_becomes_the_content_and_editor_mode_is_on():
    args = gui_arguments(build_parser().parse_args(["edit", "some/folder"]))
    assert (args.content, args.editor, args.lang, args.trainer) == (
        "some/folder",
        True,
        None,
        False,
    )
    args = gui_arguments(build_parser().parse_args(["--content", "other", "edit"]))
    assert args.content == "other"


def test_a_folder_without_a_course_fails_in_one_line(tmp_path, capsys):
    assert main(["edit", str(tmp_path)]) == 2
    assert f"courseware edit: no course.yaml in {tmp_path}" in capsys.readouterr().err


def test_edit_opens_the_reader_in_editor_mode_on_the_folder(app_identity, content_copy, tmp_path):
    from courseware_app.ui.editor.part import EditorPart
    from courseware_app.ui.main_window import MainWindow

    seen = {}

    def look_and_close() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next((w for w in shown if w.isVisible()), None)  # not one an earlier test left
        if window is None or not hasattr(window, "reader") or window.reader.location is None:
            QTimer.singleShot(100, look_and_close)  # attached after the first paint
            return
        part = window.part(EditorPart)
        seen["root"] = window.reader.course.root
        seen["mode"] = part.mode.isChecked() and part.workbench is not None
        seen["dock"] = part.workbench.dock.isVisible()
        window.close()

    QTimer.singleShot(300, look_and_close)
    data = tmp_path / "data"
    assert main(["--lang", "en", "edit", str(content_copy), "--data-dir", str(data)]) == 0
    assert seen == {"root": content_copy, "mode": True, "dock": True}
