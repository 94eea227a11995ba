"""Run by test_screens.py under ``QT_QPA_PLATFORM=offscreen:configfile=...`` (two screens): places
an audience and a console window, plugs the second screen out and in by emitting the
application's signals, and prints what it saw at each step as one JSON object.

Usage: python screens_probe.py SCENARIO, SCENARIO one of: given-list, qt-list, cloned, console-on-second.
"""

import json
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from courseware_app.ui.present.screens import AudiencePlacer, ScreenPlan, plan_screens


def settle(condition, seconds=3.0):
    """Process events until ``condition()`` holds (or the time is up: the test then sees why)."""
    deadline = time.monotonic() + seconds
    while True:
        QCoreApplication.processEvents()
        if condition() or time.monotonic() > deadline:
            return


def window_state(window):
    rect = window.geometry()
    return {
        "geometry": [rect.x(), rect.y(), rect.width(), rect.height()],
        "full_screen": window.isFullScreen(),
        "visible": window.isVisible(),
        "screen": window.windowHandle().screen().name(),
    }


def plan_names(plan):
    if plan is None:
        return None
    return {
        "audience": plan.audience.name(),
        "console": plan.console.name(),
        "mirrored": plan.mirrored,
    }


class Probe:
    def __init__(self, listed):
        self.app = QApplication.instance()
        self.first, self.second = self.app.screens()
        self.audience, self.console = QWidget(), QWidget()
        self.plans: list[ScreenPlan] = []
        self.placer = AudiencePlacer(self.audience, self.console, listed)
        self.placer.planChanged.connect(self.plans.append)
        self.seen = {}

    def look(self, step, plan, screen):
        settle(lambda: self.audience.isFullScreen() and self.audience.screen() is screen)
        self.seen[step] = {
            "plan": plan_names(plan),
            "plans_emitted": len(self.plans),
            "audience": window_state(self.audience),
            "console": window_state(self.console),
        }

    def last_plan(self):
        return self.plans[-1] if self.plans else None


def unplug_and_replug(probe, listed=None):
    """Places, then the second screen goes (and leaves ``listed``, the list the placer reads,
    unless it reads Qt's own) and comes back."""
    probe.look("placed", probe.placer.place(), probe.second)
    if listed is not None:
        listed[:] = [probe.first]
    probe.app.screenRemoved.emit(probe.second)
    probe.look("unplugged", probe.last_plan(), probe.first)
    if listed is not None:
        listed[:] = [probe.first, probe.second]
    probe.app.screenAdded.emit(probe.second)
    probe.look("plugged", probe.last_plan(), probe.second)
    probe.placer.stop()
    probe.app.screenRemoved.emit(probe.second)
    probe.look("stopped", probe.last_plan(), probe.second)


def given_list(probe_for):
    """The placer's own screens callable: unplugging shortens the list it returns."""
    listed = QApplication.screens()
    probe = probe_for(lambda: listed)
    unplug_and_replug(probe, listed)
    return probe


def qt_list(probe_for):
    """The default callable (QGuiApplication.screens), which still lists the removed screen."""
    probe = probe_for(None)
    unplug_and_replug(probe)
    return probe


def cloned(probe_for):
    probe = probe_for(None)
    probe.look("placed", probe.placer.place(), probe.second)
    return probe


def console_on_second(probe_for):
    """The trainer's window is on the second screen; then that screen goes."""
    probe = probe_for(None)
    probe.seen["plan_for_second"] = plan_names(plan_screens(probe.app.screens(), probe.second))
    probe.seen["plan_for_none"] = plan_names(plan_screens(probe.app.screens(), None))
    probe.console.winId()
    probe.console.windowHandle().setScreen(probe.second)
    probe.console.setGeometry(probe.second.geometry().adjusted(100, 100, -100, -100))
    probe.console.show()
    settle(lambda: probe.console.screen() is probe.second)
    probe.look("placed", probe.placer.place(), probe.first)
    probe.app.screenRemoved.emit(probe.second)
    settle(lambda: probe.console.screen() is probe.first)
    probe.look("unplugged", probe.last_plan(), probe.first)
    return probe


def main():
    app = QApplication(sys.argv[:1])
    scenario = {
        "given-list": given_list,
        "qt-list": qt_list,
        "cloned": cloned,
        "console-on-second": console_on_second,
    }[sys.argv[1]]
    probe = scenario(Probe)
    probe.seen["screens"] = [screen.name() for screen in app.screens()]
    print(json.dumps(probe.seen))


if __name__ == "__main__":
    main()
