"""A module updated since a trainee completed it is marked so in the outline and the dashboard;
attempts keep the module version they were made on. Which content the app starts on."""

import shutil
from pathlib import Path

from courseware_app.core.packs.store import PACKS_DIR as STORE_PACKS_DIR
from courseware_app.core.progress import ProgressStore
from courseware_app.ui import packs_header
from courseware_app.ui.packs import start_content
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
    settle(qtbot, c)
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
    settle(qtbot, c)
    c.shutdown()
    w.close()
    bump(content, "alpha", "1.2.0", "1.2.1")
    w, c = open_with_progress(make_window, content, data)
    settle(qtbot, c, lambda: w.outline.item_for("alpha").toolTip(1) != "")
    assert w.outline.item_for("alpha").toolTip(1) == "Completed: The quiz is passed."


def test_the_folder_checked_at_start_is_the_one_core_packs_installs_into():
    assert packs_header.PACKS_DIR == STORE_PACKS_DIR


def test_start_content_is_the_bundled_one_until_a_pack_is_installed(tmp_path, monkeypatch):
    from courseware_app.core import paths

    monkeypatch.delenv(paths.CONTENT_ENV, raising=False)
    assert start_content(None, tmp_path) == paths.resource_root() / "content"
    assert start_content(str(tmp_path / "mine"), tmp_path) == tmp_path / "mine"
    monkeypatch.setenv(paths.CONTENT_ENV, str(tmp_path / "env"))
    assert start_content(None, tmp_path) == tmp_path / "env"
