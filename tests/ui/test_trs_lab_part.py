"""The TRS lab's place in the main window: File › TRS lab… before Quit, one lab window, the
lab offered for a course's CSV link."""

import pytest

from courseware_app.ui import links
from courseware_app.ui.trs_part import TrsLabPart, install_trs_lab
from tests.conftest import BUNDLED_CONTENT


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raise_() is a no-op
def test_the_action_is_in_the_tools_menu_and_opens_one_lab(make_window, qtbot):
    window = make_window()
    part = install_trs_lab(window, None)
    assert "trsLab" in [a.objectName() for a in window.menu("tools").actions()]
    assert part.action.text() == "TRS &lab…"
    part.action.trigger()
    lab = part.lab
    qtbot.waitUntil(lab.isVisible)
    assert lab.windowTitle() == "TRS lab"
    assert not lab.actions_["openDataset"].isEnabled()  # the test course has no trs-02
    part.action.trigger()
    assert part.lab is lab
    part.shutdown()
    assert part.lab is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raise_() is a no-op
def test_a_course_with_trs02_offers_its_dataset_and_a_link_opens_it_in_the_lab(make_window, qtbot):
    window = make_window(BUNDLED_CONTENT)
    part = install_trs_lab(window, None)
    dataset = BUNDLED_CONTENT / "modules" / "trs-02" / "consignments.csv"
    assert part.dataset() == dataset
    assert links._trs_lab(window) is part and window.part(TrsLabPart) is part
    lab = part.open_lab(dataset)
    qtbot.waitUntil(lambda: lab.analysis is not None, timeout=10000)
    assert lab.actions_["openDataset"].isEnabled() and lab.analysis.rows == 42
    part.shutdown()
