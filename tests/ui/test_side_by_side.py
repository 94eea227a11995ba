"""View › Side by side: a second language beside the page, scrolled section by section with it in
both directions, and both pages marked where their structure differs."""

import subprocess
import sys

from PySide6.QtCore import QUrl

from courseware_app.core.history import Location
from courseware_app.core.parity import MARK_SIGN
from courseware_app.core.themes import page_css
from courseware_app.ui import themes
from courseware_app.ui.images import IMAGE_RESOURCE
from courseware_app.ui.parity_part import install_parity
from tests.core.helpers import COURSE, front, write_tree

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def long_section(sid: str, title: str, word: str, extra: str = "") -> str:
    paragraphs = "\n\n".join(f"{word} {n} " + "lorem ipsum dolor " * 12 for n in range(25))
    return f"\n## {title} {{#{sid}}}\n\n{paragraphs}\n\n{extra}"


def course_dir(tmp_path):
    callout = '!!! warning "Careful"\n    Mind the gap.\n'
    en = (
        long_section("one", "One", "English", "![A dot](dot.png)\n")
        + long_section("two", "Two", "English", callout)
        + long_section("three", "Three", "English")
    )
    ru = long_section("one", "Один", "Русский", "![Точка](dot.png)\n") + long_section(
        "three", "Три", "Русский"
    )
    files = {
        "modules/m1/en.md": front("en") + en,
        "modules/m1/ru.md": front("ru") + ru,
        "modules/m1/fr.md": front("fr") + en.replace("English", "Français"),
        "modules/m1/dot.png": PNG,
        "modules/m2/en.md": front("en", module="m2") + "\n## One {#one}\n\nText.\n",
    }
    return write_tree(tmp_path / "c", files, COURSE)


def side_by_side(make_window, tmp_path):
    w = make_window(course_dir(tmp_path))
    w.resize(1400, 500)
    part = install_parity(w)
    part.toggle.setChecked(True)
    assert part.side_by_side is not None
    return w, part, part.side_by_side


def anchor_top(view, section):
    return dict((name, y) for y, name in view.anchor_positions())[section]


def test_the_action_is_in_the_view_menu_and_builds_nothing_until_used():
    code = (
        "import sys; from courseware_app.ui import parity_part;"
        "heavy = [m for m in ('courseware_app.ui.side_by_side', 'courseware_app.ui."
        "translation_matrix', 'courseware_app.core.parity', 'courseware_app.core.render')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_second_pane_shows_the_same_module_in_the_second_language(make_window, tmp_path, qtbot):
    w, part, sbs = side_by_side(make_window, tmp_path)
    assert part.toggle in w.menu("view").actions()
    assert sbs.isVisible()
    assert sbs.first_language == "en"
    assert "English 0" in w.view.toPlainText()
    sbs.set_second_language("ru")
    assert "Русский 0" in sbs.pane.toPlainText()
    assert sbs.pane.isReadOnly()
    # the reader's images and theme
    assert sbs.pane.content_root == w.reader.course.root
    assert sbs.pane.document().defaultStyleSheet() == page_css(themes.current())
    qtbot.waitUntil(lambda: any("dot" in name for name in sbs.pane.content.image_names()))
    name = next(k for k in sbs.pane.content.image_names() if "dot" in k)
    assert not sbs.pane.content.loadResource(IMAGE_RESOURCE, QUrl(name)).isNull()
    w.reader.navigate(Location("m2", ""))
    assert "not yet available" in sbs.pane.toPlainText()  # m2 has no Russian: its banner


def test_scrolling_the_page_brings_the_same_section_to_the_top_of_the_second(make_window, tmp_path):
    w, _part, sbs = side_by_side(make_window, tmp_path)
    sbs.set_second_language("fr")
    w.view.verticalScrollBar().setValue(anchor_top(w.view, "two") + 5)
    assert w.reader.location == Location("m1", "two")
    assert sbs.pane.current_section() == "two"
    assert abs(sbs.pane.verticalScrollBar().value() - anchor_top(sbs.pane, "two")) <= 2
    w.view.verticalScrollBar().setValue(anchor_top(w.view, "three") + 5)
    assert sbs.pane.current_section() == "three"


def test_scrolling_the_second_pane_brings_the_same_section_to_the_top_of_the_page(
    make_window, tmp_path
):
    w, _part, sbs = side_by_side(make_window, tmp_path)
    sbs.set_second_language("fr")
    sbs.pane.verticalScrollBar().setValue(anchor_top(sbs.pane, "two") + 5)
    assert w.view.current_section() == "two"
    assert w.reader.location == Location("m1", "two")  # the reader's own place follows
    assert abs(w.view.verticalScrollBar().value() - anchor_top(w.view, "two")) <= 2
    assert sbs.pane.current_section() == "two"  # not moved back by its own echo


def test_a_section_missing_in_the_second_language_aligns_with_the_one_before(make_window, tmp_path):
    w, _part, sbs = side_by_side(make_window, tmp_path)
    sbs.set_second_language("ru")
    w.view.verticalScrollBar().setValue(anchor_top(w.view, "two") + 5)
    assert sbs.pane.current_section() == "one"
    sbs.pane.verticalScrollBar().setValue(anchor_top(sbs.pane, "three") + 5)
    assert w.view.current_section() == "three"


def test_structural_differences_are_marked_in_words_on_both_pages(make_window, tmp_path):
    w, part, sbs = side_by_side(make_window, tmp_path)
    sbs.set_second_language("ru")
    main, second = w.view.toPlainText(), sbs.pane.toPlainText()
    assert f"{MARK_SIGN} Not in Russian: section “Two”." in main
    assert f"{MARK_SIGN} Only in English: section “Two”." in second
    sbs.set_second_language("fr")
    assert MARK_SIGN not in w.view.toPlainText()  # the same structure: nothing to mark
    assert MARK_SIGN not in sbs.pane.toPlainText()
    sbs.set_second_language("ru")
    part.toggle.setChecked(False)
    assert not sbs.isVisible()
    assert MARK_SIGN not in w.view.toPlainText()  # the marks go with the panel


def test_closing_the_panel_turns_the_action_off(make_window, tmp_path):
    _w, part, sbs = side_by_side(make_window, tmp_path)
    sbs.close()
    assert not part.toggle.isChecked()
    assert not sbs.active
    part.toggle.setChecked(True)
    assert sbs.isVisible() and sbs.active


def test_the_second_language_is_never_the_first_when_it_opens(make_window, tmp_path):
    w, part, sbs = side_by_side(make_window, tmp_path)
    assert sbs.second_language != w.reader.content_language
    part.toggle.setChecked(False)
    w.reader.set_content_language("ru")
    sbs.set_second_language("ru")
    part.toggle.setChecked(True)
    assert sbs.second_language == "en"  # the source language
    assert "Русский 0" in w.view.toPlainText() and "English 0" in sbs.pane.toPlainText()
    assert f"{MARK_SIGN} Only in English: section “Two”." in w.view.toPlainText()


def test_the_panel_follows_the_readers_language_and_theme(make_window, tmp_path):
    from courseware_app.core.themes import DARK

    w, _part, sbs = side_by_side(make_window, tmp_path)
    sbs.set_second_language("ru")
    w.reader.set_content_language("fr")
    assert "Français 0" in w.view.toPlainText() and "Русский 0" in sbs.pane.toPlainText()
    assert f"{MARK_SIGN} Not in Russian: section “Two”." in w.view.toPlainText()
    assert f"{MARK_SIGN} Only in French: section “Two”." in sbs.pane.toPlainText()
    w.themes.choose("dark")
    assert sbs.pane.document().defaultStyleSheet() == page_css(DARK)


def test_only_trainer_mode_marks_a_trainer_note_missing_on_one_side(make_window, tmp_path):
    note = '!!! trainer "Ask"\n    Ask the room what they expect.\n'
    files = {
        "modules/m1/en.md": front("en") + f"\n## One {{#one}}\n\nText.\n\n{note}",
        "modules/m1/ru.md": front("ru") + "\n## Один {#one}\n\nТекст.\n",
        "modules/m1/fr.md": front("fr") + "\n## Un {#one}\n\nTexte.\n",
    }
    w = make_window(write_tree(tmp_path / "c", files, COURSE.replace("[m1, m2]", "[m1]")))
    part = install_parity(w)
    part.toggle.setChecked(True)
    part.side_by_side.set_second_language("ru")
    assert MARK_SIGN not in w.view.toPlainText() + part.side_by_side.pane.toPlainText()
    w.reader.set_trainer(True)
    assert f"{MARK_SIGN} Not in Russian: trainer note “Ask”." in w.view.toPlainText()
    assert f"{MARK_SIGN} Only in English: trainer note “Ask”." in (
        part.side_by_side.pane.toPlainText()
    )
