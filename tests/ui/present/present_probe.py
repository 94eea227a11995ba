"""Run by test_present_two_screens.py under ``QT_QPA_PLATFORM=offscreen:configfile=...`` with a
laptop screen and a projector: runs ``courseware present`` itself, looks where its windows are,
unplugs the projector (the application's signal), looks again, ends; prints one JSON object."""

import json
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from courseware_app.app import make_application
from courseware_app.cli import main


def settle(condition, seconds=4.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()


def where(window):
    rect = window.geometry()
    return {
        "geometry": [rect.x(), rect.y(), rect.width(), rect.height()],
        "full_screen": window.isFullScreen(),
        "screen": window.windowHandle().screen().name(),
    }


def windows():
    found = {w.objectName(): w for w in QApplication.topLevelWidgets() if w.isVisible()}
    return found.get("presenterAudience"), found.get("presenterConsole")


def look_unplug_and_end(seen):
    app = QApplication.instance()
    settle(lambda: windows()[0] is not None and windows()[0].isFullScreen())
    audience, console = windows()
    projector = app.screens()[1]
    settle(lambda: audience.windowHandle().screen() is projector)
    seen["placed"] = {"audience": where(audience), "console": where(console)}
    seen["languages"] = [audience.controller.audience_lang, console.controller.console_lang]
    seen["modal"] = QApplication.activeModalWidget() is not None
    seen["section"] = audience.controller.step.section
    app.screenRemoved.emit(projector)
    settle(lambda: audience.windowHandle().screen() is app.screens()[0])
    seen["unplugged"] = {
        "audience": where(audience),
        "warning": console.banner.text() if console.banner.isVisible() else "",
    }
    console.controller.end()


if __name__ == "__main__":
    make_application()
    seen = {}
    QTimer.singleShot(200, lambda: look_unplug_and_end(seen))
    code = main(
        ["present", "rm-02", "--audience-lang", "ru", "--console-lang", "en", *sys.argv[1:]]
    )
    print(json.dumps({"code": code, **seen}))
