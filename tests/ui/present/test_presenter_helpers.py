"""Shared set-up for the presenter's tests: a presentation of a bundled module whose clock is
driven by hand, its windows shown normally (not full screen) on the suite's one screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTextEdit, QWidget

from courseware_app.core.loader import load_course
from courseware_app.ui.present.session import Presenter, PresentOptions
from tests.conftest import BUNDLED_CONTENT

_COURSE = []


def bundled_course():
    if not _COURSE:
        _COURSE.append(load_course(BUNDLED_CONTENT))
    return _COURSE[0]


class FakeClock:
    """``now`` for the controller: time moves only when a test says so."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def widget_text(root: QWidget) -> str:
    """Every text a person or a screen reader can get from ``root`` and its widgets."""
    parts = []
    for w in [root, *root.findChildren(QWidget)]:
        parts += [w.accessibleName(), w.accessibleDescription(), w.toolTip()]
        if isinstance(w, (QLabel, QAbstractButton)):
            parts.append(w.text())
        if isinstance(w, QTextEdit):
            parts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
    return "\n".join(p for p in parts if p)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def present(qtbot, tmp_path, clock):
    """A started presentation of rm-02 (windows shown normally, keys installed)."""
    made = []

    def make(audience="ru", console="en", second="", section="", data=True, module="rm-02"):
        options = PresentOptions(
            section=section,
            audience_lang=audience,
            console_lang=console,
            second_lang=second,
            data_dir=tmp_path / "data" if data else None,
        )
        p = Presenter(bundled_course().modules[module], options, now=clock)
        for window in (p.audience, p.console):
            qtbot.addWidget(window)
        p.audience.resize(1024, 768)
        p.audience.show()
        p.console.show()
        p.keys.install()
        c = p.controller
        c.start(c.presentation.first_step(section) if section else 0)
        made.append(p)
        return p

    yield make
    for p in made:
        p.controller.end()
