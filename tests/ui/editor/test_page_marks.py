"""Editor mode's marks on the page: the banner with the file's problems and their lines, a
placeholder naming a missing image, a marked dead link; gone when editor mode is off."""

from courseware_app.core.history import Location
from courseware_app.ui.editor.part import EditorPart

WAIT = 10000


def test_banner_placeholder_and_dead_link_are_on_the_page_in_editor_mode_only(editing, qtbot):
    window, workbench = editing
    window.reader.navigate(Location("alpha", "matrix"))
    path = window.reader.course.root / "modules" / "alpha" / "en.md"
    text = path.read_text(encoding="utf-8").replace(
        "## Quiz {#quiz}", "![Gone](gone.png)\n\nSee [beta](beta#nope).\n\n## Quiz {#quiz}"
    )
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    image_line = lines.index("![Gone](gone.png)") + 1
    qtbot.waitUntil(lambda: f"line {image_line}" in window.view.toPlainText(), timeout=WAIT)
    page = window.view.toPlainText()
    assert "This file has" in page
    assert f"line {image_line} — image-missing" in page
    assert "[Missing image: gone.png]" in page
    assert "[Dead link: beta#nope]" in page
    assert "<s>" in window.view.toHtml() or "line-through" in window.view.toHtml()
    window.part(EditorPart).mode.trigger()  # View › Editor mode, off
    assert window.part(EditorPart).workbench is None
    page = window.view.toPlainText()
    assert "Missing image" not in page and "Dead link" not in page and "This file has" not in page


def test_the_banner_shows_at_the_top_of_a_page_read_from_its_top(editing, qtbot):
    window, workbench = editing
    window.reader.navigate(Location("alpha", ""))
    assert window.view.verticalScrollBar().value() == 0
    path = window.reader.course.root / "modules" / "alpha" / "en.md"
    text = path.read_text(encoding="utf-8").replace(
        "## Quiz {#quiz}", "![G](g.png)\n\n## Quiz {#quiz}"
    )
    path.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: "g.png" in window.view.toPlainText(), timeout=WAIT)
    qtbot.waitUntil(lambda: "This file has" in window.view.toPlainText(), timeout=WAIT)
    assert window.view.verticalScrollBar().value() == 0
