"""The problems panel: every diagnostic of the course, filters, counts; a click opens the
section that holds the line, a double click runs the text editor command on file and line."""

import json
import sys
import textwrap

from PySide6.QtCore import QPoint, Qt

from courseware_app.core.history import Location

WAIT = 10000


def _row(dock, code):
    tree = dock.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.text(4) == code:
            return item
    raise AssertionError(f"no row {code}")


def _click(qtbot, tree, item, double=False):
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    pos = QPoint(rect.left() + 8, rect.center().y())  # on the severity, wherever the row ends
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # as a mouse does it: a press and release, then the double click
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _dead_link_in_matrix(window, qtbot, workbench):
    path = window.reader.course.root / "modules" / "alpha" / "en.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("## Quiz {#quiz}", "See [nowhere](no-such-module).\n\n## Quiz {#quiz}")
    with qtbot.waitSignal(workbench.validated, timeout=WAIT):
        path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("See [nowhere](no-such-module).") + 1
    return path, line


def test_the_panel_lists_the_course_s_diagnostics_with_counts(editing):
    window, workbench = editing
    dock = workbench.dock
    row = _row(dock, "version-not-string")  # gamma: version 1.10
    assert row.text(1) == "gamma" and row.text(2) == "en"
    errors = sum(1 for p in workbench.problems if p.severity == "error")
    assert f"{errors} error" in workbench.counts.text()
    assert dock.tree.topLevelItemCount() == len(workbench.problems)


def test_the_panel_filters_by_severity_module_and_language(editing):
    window, workbench = editing
    dock = workbench.dock
    dock.module.setCurrentIndex(dock.module.findData("gamma"))
    assert {p.module for p in dock.shown()} == {"gamma"}
    dock.module.setCurrentIndex(0)
    dock.severity.setCurrentIndex(dock.severity.findData("warning"))
    assert dock.shown() and all(p.severity == "warning" for p in dock.shown())
    dock.severity.setCurrentIndex(0)
    dock.lang.setCurrentIndex(dock.lang.findData("ru"))
    assert dock.shown() and all(p.lang == "ru" for p in dock.shown())


def test_a_click_opens_the_section_that_holds_the_line(editing, qtbot):
    window, workbench = editing
    window.reader.navigate(Location("beta", ""))
    path, line = _dead_link_in_matrix(window, qtbot, workbench)
    item = _row(workbench.dock, "link-unknown-module")
    assert item.text(3) == str(line)
    _click(qtbot, workbench.dock.tree, item)
    assert window.reader.location == Location("alpha", "matrix")


def test_a_double_click_gives_the_editor_command_the_file_and_the_line(editing, qtbot, tmp_path):
    window, workbench = editing
    path, line = _dead_link_in_matrix(window, qtbot, workbench)
    script = tmp_path / "fake_editor.py"
    record = tmp_path / "called.json"
    script.write_text(
        textwrap.dedent(f"""
            import json, sys
            open({str(record)!r}, "w").write(json.dumps(sys.argv[1:]))
        """),
        encoding="utf-8",
    )
    workbench.editor.set_command(f'"{sys.executable}" "{script}" --line {{line}} "{{file}}"')
    _click(qtbot, workbench.dock.tree, _row(workbench.dock, "link-unknown-module"), double=True)
    qtbot.waitUntil(record.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: record.read_text(encoding="utf-8").endswith("]"), timeout=WAIT)
    assert json.loads(record.read_text(encoding="utf-8")) == [
        "--line",
        str(line),
        str(path.resolve()),
    ]
