"""Issue 17: Tools › Glossary (searchable in any language, keyboard friendly) and View › Glossary
terms on the page (first use per section marked, a tooltip naming it in the other languages)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor, QTextDocumentFragment

from courseware_app.core.glossary import load_glossary
from courseware_app.ui.glossary_part import install_glossary
from courseware_app.ui.glossary_window import GlossaryWindow
from courseware_app.ui.settings import Settings
from tests.core.helpers import front, write_tree
from tests.core.test_glossary import GLOSSARY


def course_with_glossary(tmp_path):
    text = {
        "en": "A risk profile, then another risk profile.",
        "ru": "Профиль риска и ещё профиль риска.",
        "fr": "Un profil de risque.",
    }
    files = {
        f"modules/m1/{lang}.md": front(lang) + f"\n## One {{#one}}\n\n{body}\n\n## Two {{#two}}"
        f"\n\nThe risk profile again.\n"
        for lang, body in text.items()
    }
    files["modules/m2/en.md"] = front("en", module="m2") + "\n## One {#one}\n\nText.\n"
    root = write_tree(tmp_path / "c", files)
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return root


def plain(tip: str) -> str:
    """A rich-text tooltip as the reader sees it."""
    return QTextDocumentFragment.fromHtml(tip).toPlainText()


def tooltips(view) -> list[tuple[str, str]]:
    """(marked text, tooltip as plain text) of every marked run of the page on screen; each is
    drawn with a dotted underline."""
    out = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.toolTip():
                assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
                out.append((fragment.text(), plain(fmt.toolTip())))
            it += 1
        block = block.next()
    return out


def test_first_use_per_section_has_a_tooltip_with_the_other_languages(make_window, tmp_path):
    w = make_window(course_with_glossary(tmp_path))
    install_glossary(w)
    marked = tooltips(w.view)
    assert [text for text, _tip in marked] == ["risk profile", "risk profile"]  # one per section
    tip = marked[0][1]
    assert "RU: профиль риска" in tip and "FR: profil de risque" in tip
    assert "selects declarations for control" in tip


def test_the_marks_can_be_turned_off_and_the_choice_is_remembered(make_window, tmp_path):
    ini = tmp_path / "settings.ini"
    w = make_window(course_with_glossary(tmp_path), settings_path=ini)
    part = install_glossary(w)
    assert part.marks.isChecked() and w.menu("view").actions().count(part.marks) == 1
    part.marks.trigger()
    assert tooltips(w.view) == []
    assert "A risk profile" in w.view.toPlainText()
    w.close()
    assert Settings(ini).load().glossary_terms is False
    again = make_window(course_with_glossary(tmp_path), settings_path=ini)
    part = install_glossary(again)
    assert not part.marks.isChecked() and tooltips(again.view) == []
    part.marks.trigger()
    assert len(tooltips(again.view)) == 2


def test_the_marks_follow_the_content_language(make_window, tmp_path):
    w = make_window(course_with_glossary(tmp_path))
    install_glossary(w)
    w.reader.set_content_language("ru")
    marked = tooltips(w.view)
    assert marked[0][0] == "Профиль риска"
    assert "EN: risk profile" in marked[0][1] and "Набор индикаторов риска" in marked[0][1]


def test_tools_glossary_opens_the_window_with_every_entry(make_window, tmp_path, qtbot):
    w = make_window(course_with_glossary(tmp_path))
    part = install_glossary(w)
    assert part.open_glossary in w.menu("tools").actions()
    assert part.open_glossary.shortcut() == QKeySequence("Ctrl+Shift+G")
    part.open_glossary.trigger()
    window = part.glossary_window
    qtbot.waitUntil(window.isVisible)
    assert window.list.topLevelItemCount() == 2
    assert window.list.headerItem().text(1) == "Русский"
    assert window.focusWidget() is window.search  # typing searches at once


def make_glossary_window(tmp_path, qtbot) -> GlossaryWindow:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    glossary = load_glossary(path)
    window = GlossaryWindow(lambda: glossary)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_searching_in_any_language_filters_the_list_and_shows_the_entry(tmp_path, qtbot):
    window = make_glossary_window(tmp_path, qtbot)
    window.search.setText("узкое")  # (QTest types ASCII only)
    assert window.list.topLevelItemCount() == 1
    assert window.count.text() == "1 term"
    detail = window.detail.toPlainText()
    assert "English: bottleneck" in detail and "Français: goulet d’étranglement" in detail
    assert "goulot d’étranglement" in detail  # an allowed variant
    assert "WCO Time Release Study Guide, Version 4 (2025)" in detail
    window.search.clear()
    window.search.setText("profils de risque")  # another form of the French term
    assert window.current_entry().id == "risk-profile"
    detail = window.detail.toPlainText()
    assert "рисковый профиль" in detail and "калька с английского" in detail  # to avoid, and why
    window.search.clear()
    qtbot.keyClicks(window.search, "nothing like this")
    assert window.list.topLevelItemCount() == 0
    assert "No term matches" in window.detail.toPlainText()


def test_the_window_is_used_from_the_keyboard(tmp_path, qtbot):
    window = make_glossary_window(tmp_path, qtbot)
    window.activateWindow()
    qtbot.waitActive(window)
    window.focus_search()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.focusWidget() is window.list
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert window.current_entry().id == "bottleneck"
    qtbot.keyClick(window.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search
    qtbot.keyClicks(window.search, "profile")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.list and window.current_entry().id == "risk-profile"
    assert window.show_entry("bottleneck") and window.current_entry().id == "bottleneck"
    qtbot.keyClick(window.list, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_tooltip_is_the_text_format_of_the_marked_words(make_window, tmp_path):
    """Qt shows a run's tooltip on hover: the marked words carry it, the words around do not."""
    w = make_window(course_with_glossary(tmp_path))
    install_glossary(w)
    doc = w.view.document()
    found = doc.find("risk profile")
    cursor = QTextCursor(doc)
    cursor.setPosition(found.selectionStart() + 1)
    assert "RU: профиль риска" in plain(cursor.charFormat().toolTip())
    cursor.setPosition(found.selectionStart() - 1)
    assert cursor.charFormat().toolTip() == ""


def test_the_second_pane_of_side_by_side_follows_the_glossary_choice(make_window, tmp_path):
    from courseware_app.ui.parity_part import install_parity

    w = make_window(course_with_glossary(tmp_path))
    part = install_glossary(w)
    parity = install_parity(w)
    parity.toggle.setChecked(True)
    parity.side_by_side.set_second_language("ru")
    pane = parity.side_by_side.pane
    marked = tooltips(pane)
    assert marked and marked[0][0] == "Профиль риска" and "EN: risk profile" in marked[0][1]
    part.marks.trigger()
    assert tooltips(pane) == [] and tooltips(w.view) == []
