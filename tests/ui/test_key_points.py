"""View › Key points: slides show on the page as key-points boxes, or not, and the choice stays."""

from courseware_app.core.loader import load_course
from courseware_app.ui.settings import Settings
from tests.core.helpers import front, write_tree

SLIDE = '!!! slide "Three steps"\n    - Establish the context\n    - Identify the risks\n    - Analyse them\n'


def course_with_a_slide(tmp_path):
    files = {
        f"modules/m1/{lang}.md": front(lang) + f"\n## One {{#one}}\n\nText.\n\n{SLIDE}"
        for lang in ("en", "ru", "fr")
    }
    files["modules/m2/en.md"] = front("en", module="m2") + "\n## One {#one}\n\nText.\n"
    return write_tree(tmp_path / "c", files)


def test_key_points_can_be_hidden_and_the_choice_is_remembered(make_window, tmp_path):
    ini = tmp_path / "settings.ini"
    w = make_window(course_with_a_slide(tmp_path), settings_path=ini)
    assert "Key points: Three steps" in w.view.toPlainText()
    assert w.actions_["keyPoints"].isChecked()
    w.actions_["keyPoints"].trigger()
    assert "Three steps" not in w.view.toPlainText()
    assert "Text." in w.view.toPlainText()
    w.close()
    assert Settings(ini).load().key_points is False
    again = make_window(course_with_a_slide(tmp_path), settings_path=ini)
    assert not again.actions_["keyPoints"].isChecked()
    assert "Three steps" not in again.view.toPlainText()
    again.view_modes.set_key_points(True)
    assert "Key points: Three steps" in again.view.toPlainText()


def test_the_bundled_course_loads_its_slides():
    from pathlib import Path

    course = load_course(Path(__file__).parents[2] / "content")
    assert len(course.modules["rm-02"].translations["ru"].slides) >= 8


def test_the_second_pane_of_side_by_side_follows_the_key_points_choice(make_window, tmp_path):
    from courseware_app.ui.parity_part import install_parity

    w = make_window(course_with_a_slide(tmp_path))
    part = install_parity(w)
    part.toggle.setChecked(True)
    pane = part.side_by_side.pane
    assert "Three steps" in pane.toPlainText()
    w.view_modes.set_key_points(False)
    assert "Three steps" not in pane.toPlainText()
