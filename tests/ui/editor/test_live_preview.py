"""Editor mode's live preview: a save shows at once, in place; a broken save shows its error
page with the last good version one click away; course.yaml rebuilds the outline."""

import os

from PySide6.QtCore import QUrl

from courseware_app.core.history import Location

WAIT = 10000


def _alpha(window):
    return window.reader.course.root / "modules" / "alpha" / "en.md"


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _text(window):
    return window.view.toPlainText()


def test_a_saved_change_repaints_the_page_keeping_the_section(editing, qtbot):
    window, workbench = editing
    window.reader.navigate(Location("alpha", "matrix"))
    qtbot.waitUntil(lambda: window.view.current_section() == "matrix", timeout=WAIT)
    before = window.view.verticalScrollBar().value()
    with qtbot.waitSignal(workbench.reloaded, timeout=WAIT):
        _replace(_alpha(window), "## Quiz {#quiz}", "Freshly-saved sentence.\n\n## Quiz {#quiz}")
    assert "Freshly-saved sentence." in _text(window)
    assert window.reader.location == Location("alpha", "matrix")
    assert window.view.current_section() == "matrix"
    assert abs(window.view.verticalScrollBar().value() - before) <= 2


def test_an_edit_above_keeps_the_reader_in_the_same_section(editing, qtbot):
    window, workbench = editing
    window.reader.navigate(Location("alpha", "quiz"))
    qtbot.waitUntil(lambda: window.view.current_section() == "quiz", timeout=WAIT)
    with qtbot.waitSignal(workbench.reloaded, timeout=WAIT):
        _replace(
            _alpha(window),
            "## Risk matrix {#matrix}",
            "Added.\n\nAdded.\n\n## Risk matrix {#matrix}",
        )
    assert "Added." in _text(window)
    assert window.view.current_section() == "quiz"


def test_a_save_by_rename_is_seen_and_so_is_the_next_one(editing, qtbot):
    window, workbench = editing
    path = _alpha(window)
    for word in ("First-rename-save.", "Second-rename-save."):
        temporary = path.with_name(".en.md.tmp")
        temporary.write_text(path.read_text(encoding="utf-8") + f"\n{word}\n", encoding="utf-8")
        os.replace(temporary, path)
        qtbot.waitUntil(lambda w=word: w in _text(window), timeout=WAIT)


def test_a_save_by_delete_and_create_is_seen(editing, qtbot):
    window, workbench = editing
    path = _alpha(window)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    path.write_text(text + "\nRecreated-file.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Recreated-file." in _text(window), timeout=WAIT)


def test_a_broken_save_shows_the_error_page_and_a_fix_restores_the_page(editing, qtbot):
    window, workbench = editing
    path = _alpha(window)
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('version: "1.2.0"', "version: [broken"), encoding="utf-8")
    qtbot.waitUntil(lambda: "This module has errors" in _text(window), timeout=WAIT)
    assert "Show the last version that loaded" in _text(window)
    window.view.anchorClicked.emit(QUrl("editor:previous/alpha"))
    assert "Risk matrix" in _text(window)
    assert "This is the last version that loaded" in _text(window)
    window.view.anchorClicked.emit(QUrl("editor:current/alpha"))
    assert "This module has errors" in _text(window)
    path.write_text(good.replace("Plain text", "Fixed text"), encoding="utf-8")
    qtbot.waitUntil(lambda: "Fixed text" in _text(window), timeout=WAIT)
    assert "This module has errors" not in _text(window)


def _outline_ids(window):
    tree = window.outline
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_a_course_yaml_change_rebuilds_the_outline_and_a_new_module_appears(editing, qtbot):
    window, workbench = editing
    root = window.reader.course.root
    folder = root / "modules" / "delta"
    folder.mkdir()
    beta = (root / "modules" / "beta" / "en.md").read_text(encoding="utf-8")
    (folder / "en.md").write_text(
        beta.replace("id: beta", "id: delta").replace("Beta module", "Delta module"),
        encoding="utf-8",
    )
    _replace(root / "course.yaml", "modules: [gamma]", "modules: [gamma, delta]")
    qtbot.waitUntil(lambda: "delta" in window.reader.course.modules, timeout=WAIT)
    items = window.outline.findItems("Delta module", _match_flags(), 0)
    assert items
    window.reader.navigate(Location("delta", ""))
    assert "Delta module" in _text(window)


def _match_flags():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
