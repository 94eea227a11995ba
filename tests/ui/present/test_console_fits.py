"""The trainer's console fits the screen it is on (a 1024x768 laptop included)."""

from PySide6.QtWidgets import QApplication, QWidget

from courseware_app.ui.present.screens import AudiencePlacer


def test_a_console_larger_than_its_screen_is_made_to_fit(qtbot):
    audience, console = QWidget(), QWidget()
    for w in (audience, console):
        qtbot.addWidget(w)
    available = QApplication.primaryScreen().availableGeometry()
    console.resize(available.width() + 300, available.height() + 200)
    AudiencePlacer(audience, console).place()
    assert console.width() <= available.width()
    assert console.height() <= available.height()
