"""File › Install content update… and rollback, driven as a trainer would: what the pack would
change with its release notes, the install with its progress, the course reloaded in place (the
outline's versions, the "updated since you completed it" mark, the page's "what changed"), and
rollback; refused packs change nothing."""

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from courseware_app.core.history import Location
from courseware_app.core.loader import load_course
from courseware_app.core.packs import install_pack
from courseware_app.core.packs.build import build_pack
from courseware_app.core.packs.keys import SigningKey, trust_key
from courseware_app.core.progress import ProgressStore
from courseware_app.ui.packs import install_packs
from courseware_app.ui.progress_ui import install_progress
from tests.conftest import ROOT
from tests.core.test_progress import make_attempt
from tests.ui.test_progress_ui import settle

NOTES = "The summary opens with a new line."


def _bundled_version(module: str) -> str:
    text = (ROOT / "content" / "modules" / module / "en.md").read_text(encoding="utf-8")
    found = re.search(r'^version: "([0-9.]+)"', text, re.M)
    assert found is not None
    return found.group(1)


OLD = _bundled_version("rm-01")  # the bundled version, whatever it is now
NEW = ".".join([OLD.split(".")[0], str(int(OLD.split(".")[1]) + 1), "0"])  # one minor up


def newer_copy(source: Path, target: Path) -> Path:
    """The bundled course with rm-01 one minor version up, its summary changed, with notes."""
    shutil.copytree(source, target)
    for lang in ("en", "ru", "fr"):
        path = target / "modules" / "rm-01" / f"{lang}.md"
        text = path.read_text(encoding="utf-8")
        text = text.replace(f'version: "{OLD}"', f'version: "{NEW}"', 1)
        text = text.replace(f'translated_from: "{OLD}"', f'translated_from: "{NEW}"', 1)
        if lang == "en":
            text = re.sub(r"(\{#summary[^}]*\}\n)", r"\1\nA new first line.\n", text, count=1)
        path.write_text(text, encoding="utf-8")
    changelog = target / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    text = text.replace(f"## rm-01 {OLD}", f"## rm-01 {NEW}\n\n{NOTES}\n\n## rm-01 {OLD}", 1)
    changelog.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The bundled content, a key, a pack of the newer course and one of the bundled course."""
    tmp = tmp_path_factory.mktemp("packs")
    bundled = tmp / "bundled"
    shutil.copytree(ROOT / "content", bundled)
    key = SigningKey.generate("Test publisher")
    newer = load_course(newer_copy(bundled, tmp / "newer"))
    build_pack(newer, key, tmp / "update.cwpack")
    build_pack(load_course(bundled), key, tmp / "original.cwpack")
    return {"bundled": bundled, "key": key, "update": tmp / "update.cwpack", "tmp": tmp}


@pytest.fixture
def open_app(make_window, world, tmp_path):
    def make():
        data = tmp_path / "data"
        trust_key(world["key"].public, data)
        window = make_window(
            content=world["bundled"], start=False, settings_path=data / "settings.ini"
        )
        controller = install_progress(window, ProgressStore.open(data), data)
        part = install_packs(window, data, bundled=world["bundled"])
        window.reader.open_start()
        return window, controller, part

    return make


@pytest.fixture
def warnings(monkeypatch):
    """The message boxes a refusal shows, as (title, text), without showing them."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a: shown.append((title, text))
    )
    return shown


def page_text(window) -> str:
    return window.view.document().toPlainText()


def mark(window, module: str) -> str:
    return window.outline.item_for(module).toolTip(1)


def test_the_file_menu_starts_with_install_and_rollback(open_app):
    w, _c, _part = open_app()
    names = [a.objectName() for a in w.menu("file").actions()]
    assert names[:3] == ["installContent", "rollbackContent", ""]
    assert w.menu("file").actions()[0].text() == "Install content &update…"


def test_install_shows_changes_installs_with_progress_reloads_and_rolls_back(
    open_app, world, qtbot
):
    w, c, part = open_app()
    c.store.record_attempt(c.profile.id, make_attempt("rm-01", OLD, 8.0, "rm-01-quiz"))
    w.reader.navigate(Location("rm-01", "why"))
    settle(qtbot, c, lambda: mark(w, "rm-01").startswith("Completed:"))
    assert "What changed" not in page_text(w)

    dialog = part.offer(world["update"])
    assert dialog is not None and dialog.isVisible()
    changes = dialog.changes.toPlainText()
    assert f"version {OLD} → {NEW}" in changes and NOTES in changes
    assert "rm-02" not in changes and "Test publisher" in dialog.summary.text()
    assert not dialog.downgrade.isVisibleTo(dialog) and dialog.install_button.isEnabled()
    steps: list[tuple[int, int]] = []
    dialog._steps.step.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(part.reloaded, timeout=30000):
        dialog.install()
    assert steps and steps[-1][0] == steps[-1][1]
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert f"Version {NEW}" in w.outline.item_for("rm-01").toolTip(0)
    unchanged = f"Version {load_course(part.bundled).modules['rm-02'].version}"
    assert unchanged in w.outline.item_for("rm-02").toolTip(0)  # not in the pack: as bundled
    assert w.reader.course.root != part.bundled and w.reader.location.module == "rm-01"
    settle(qtbot, c, lambda: mark(w, "rm-01").startswith("Updated since you completed it"))
    text = page_text(w)
    assert f"What changed since version {OLD} (now {NEW})" in text
    assert NOTES in text and "Summary (changed)" in text
    assert f"Updated since you completed it — Completed on version {OLD}" in text
    (attempt,) = c.store.summary(c.profile.id).attempts
    assert attempt.module_version == OLD
    w.reader.navigate(Location("rm-02", ""))
    assert "What changed" not in page_text(w)

    assert part.roll_back() == load_course(part.bundled).version  # the content's version
    assert f"Version {OLD}" in w.outline.item_for("rm-01").toolTip(0)
    assert w.reader.course.root == part.bundled
    settle(qtbot, c, lambda: mark(w, "rm-01").startswith("Completed:"))
    w.reader.navigate(Location("rm-01", ""))
    assert "What changed" not in page_text(w)


def test_a_downgrade_is_installed_only_when_asked_for(open_app, world, qtbot):
    w, _c, part = open_app()
    install_pack(world["update"], part.data, bundled=part.bundled)
    part.reload()
    assert f"Version {NEW}" in w.outline.item_for("rm-01").toolTip(0)
    dialog = part.offer(world["tmp"] / "original.cwpack")
    assert dialog is not None and dialog.downgrade.isVisibleTo(dialog)
    assert f"version {NEW} → {OLD}" in dialog.changes.toPlainText()
    assert not dialog.install_button.isEnabled()
    dialog.downgrade.setChecked(True)
    assert dialog.install_button.isEnabled()
    with qtbot.waitSignal(part.reloaded, timeout=30000):
        dialog.install()
    assert f"Version {OLD}" in w.outline.item_for("rm-01").toolTip(0)


def test_a_damaged_pack_is_refused_with_its_reason_and_nothing_changes(
    open_app, world, warnings, tmp_path
):
    w, _c, part = open_app()
    damaged = tmp_path / "damaged.cwpack"
    damaged.write_bytes(world["update"].read_bytes()[:5000])
    assert part.offer(damaged) is None
    ((title, text),) = warnings
    assert title == "This content pack cannot be installed" and text
    assert not (part.data / "content-packs").exists()
    assert f"Version {OLD}" in w.outline.item_for("rm-01").toolTip(0)


def test_an_install_that_fails_says_why_and_keeps_the_content(
    open_app, world, warnings, tmp_path, qtbot
):
    w, _c, part = open_app()
    pack = tmp_path / "update.cwpack"
    shutil.copyfile(world["update"], pack)
    dialog = part.offer(pack)
    pack.unlink()  # the USB stick was pulled out after the question
    dialog.install()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30000)
    assert warnings[0][0] == "The content update was not installed"
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert w.reader.course.root == part.bundled


def test_rollback_with_nothing_to_go_back_to_says_so(open_app, warnings):
    _w, _c, part = open_app()
    assert part.roll_back() is None
    assert warnings[0][0] == "Nothing was rolled back"


def test_the_menu_actions_ask_for_the_pack_and_for_the_rollback(
    open_app, world, warnings, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    _w, _c, part = open_app()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a: (str(world["update"]), "*.cwpack")
    )
    part.actions["installContent"].trigger()
    assert part.dialog is not None and part.dialog.info.path == world["update"]
    assert part.folder == world["update"].parent
    part.dialog.reject()
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, title, _t: asked.append(title) or answer
    )
    part.actions["rollbackContent"].trigger()
    assert asked == ["Roll back content update"] and warnings == []
    answer = QMessageBox.StandardButton.Yes
    part.actions["rollbackContent"].trigger()
    assert warnings[0][0] == "Nothing was rolled back"
