"""A module updated since a trainee completed it is marked so in the outline and the dashboard;
attempts keep the module version they were made on."""

import shutil
from pathlib import Path

from courseware_app.core.progress import ProgressStore
from courseware_app.ui.progress_ui import install_progress
from tests.conftest import TEST_CONTENT
from tests.ui.test_progress_ui import RIGHT, module_row, settle, take_quiz


def bump(content: Path, module: str, old: str, new: str) -> None:
    """Every language file of ``module`` at version ``new`` (translations follow it)."""
    for path in (content / "modules" / module).glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f'"{old}"', f'"{new}"'), encoding="utf-8")


def open_with_progress(make_window, content: Path, data: Path):
    window = make_window(content=content, start=False, settings_path=data / "settings.ini")
    controller = install_progress(window, ProgressStore.open(data), data)
    window.reader.open_start()
    return window, controller


def test_a_module_updated_after_its_quiz_was_passed_is_marked_in_outline_and_dashboard(
    make_window, qtbot, tmp_path
):
    data, content = tmp_path / "data", tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    w, c = open_with_progress(make_window, content, data)
    take_quiz(w, RIGHT)
    settle(qtbot, c, lambda: w.outline.item_for("alpha").toolTip(1).startswith("Completed"))
    assert w.outline.item_for("alpha").toolTip(1) == "Completed: The quiz is passed."
    c.shutdown()
    w.close()

    bump(content, "alpha", "1.2.0", "1.3.0")
    w, c = open_with_progress(make_window, content, data)
    settle(qtbot, c, lambda: w.outline.item_for("alpha").toolTip(1) != "")
    assert w.outline.item_for("alpha").toolTip(1) == (
        "Updated since you completed it: Completed on version 1.2.0; "
        "the module has since been updated to version 1.3.0."
    )
    assert w.outline.item_for("beta").toolTip(1).startswith("Not started")
    d = c.dialogs.show_dashboard()
    assert module_row(d, "alpha").text(1) == "Updated since you completed it"
    d.close()
    (attempt,) = c.store.summary(c.profile.id).attempts
    assert attempt.module_version == "1.2.0"  # the attempt keeps the version it was made on


def test_a_patch_release_does_not_ask_for_the_quiz_again(make_window, qtbot, tmp_path):
    data, content = tmp_path / "data", tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    w, c = open_with_progress(make_window, content, data)
    take_quiz(w, RIGHT)
    settle(qtbot, c, lambda: w.outline.item_for("alpha").toolTip(1).startswith("Completed"))
    c.shutdown()
    w.close()
    bump(content, "alpha", "1.2.0", "1.2.1")
    w, c = open_with_progress(make_window, content, data)
    settle(qtbot, c, lambda: w.outline.item_for("alpha").toolTip(1) != "")
    assert w.outline.item_for("alpha").toolTip(1) == "Completed: The quiz is passed."
