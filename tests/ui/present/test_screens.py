"""Where the audience window goes: the screen choice on plain rectangles, the placement on the
suite's one offscreen screen, and with two screens (a projector beside a laptop, or a clone) in a
subprocess whose offscreen platform is configured with them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from courseware_app.ui.present.screens import (
    AudiencePlacer,
    ScreenPlan,
    pick_audience,
    plan_screens,
)
from tests.conftest import ROOT

PROBE = Path(__file__).with_name("screens_probe.py")
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
PROJECTOR = {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768}
CLONE = {"name": "projector", "x": 0, "y": 0, "width": 1366, "height": 768}


class Rect:
    """A screen as plan_screens sees it: only its geometry."""

    def __init__(self, name, x, y, width, height):
        self.name, self.rect = name, QRect(x, y, width, height)

    def geometry(self):
        return self.rect

    def __repr__(self):
        return self.name


def probe(tmp_path, scenario, *screens):
    """What screens_probe.py saw in ``scenario`` on an offscreen platform with ``screens``."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [dict(s, logicalDpi=96) for s in screens]}))
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, str(PROBE), scenario], capture_output=True, text=True, env=env, timeout=30
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def inside(geometry, screen):
    x, y, width, height = geometry
    return (
        screen["x"] <= x
        and screen["y"] <= y
        and x + width <= screen["x"] + screen["width"]
        and y + height <= screen["y"] + screen["height"]
    )


# --- choosing the audience's screen -------------------------------------------------------------

LAPTOP_RECT = Rect("laptop", 0, 0, 1366, 768)


def test_a_single_screen_is_the_audiences_too_and_mirrored():
    assert pick_audience([LAPTOP_RECT], LAPTOP_RECT) == (LAPTOP_RECT, True)


def test_the_screen_beside_the_console_is_the_audiences():
    projector = Rect("projector", 1366, 0, 1024, 768)
    assert pick_audience([LAPTOP_RECT, projector], LAPTOP_RECT) == (projector, False)
    assert pick_audience([projector, LAPTOP_RECT], LAPTOP_RECT) == (projector, False)


def test_the_console_screen_is_never_the_audiences_when_another_is_apart():
    projector = Rect("projector", 1366, 0, 1024, 768)
    assert pick_audience([LAPTOP_RECT, projector], projector) == (LAPTOP_RECT, False)


def test_the_largest_screen_apart_from_the_console_wins():
    small = Rect("small", -800, 0, 800, 600)
    large = Rect("large", 1366, 0, 1920, 1080)
    assert pick_audience([LAPTOP_RECT, small, large], LAPTOP_RECT) == (large, False)


def test_a_screen_apart_wins_over_a_larger_overlapping_one():
    overlapping = Rect("overlapping", 1000, 0, 1920, 1080)
    apart = Rect("apart", 0, 768, 800, 600)
    assert pick_audience([LAPTOP_RECT, overlapping, apart], LAPTOP_RECT) == (apart, False)


def test_a_clone_of_the_console_is_the_audiences_but_mirrored():
    clone = Rect("clone", 0, 0, 1024, 768)
    assert pick_audience([LAPTOP_RECT, clone], LAPTOP_RECT) == (clone, True)


def test_an_overlapping_screen_is_mirrored():
    overlapping = Rect("overlapping", 1000, 0, 1024, 768)
    assert pick_audience([LAPTOP_RECT, overlapping], LAPTOP_RECT) == (overlapping, True)


def test_screens_that_only_touch_do_not_overlap():
    touching = Rect("touching", 1366, 768, 1024, 768)
    assert pick_audience([LAPTOP_RECT, touching], LAPTOP_RECT) == (touching, False)


def test_no_screen_at_all_is_refused():
    with pytest.raises(ValueError):
        plan_screens([], None)


# --- the suite's one offscreen screen ------------------------------------------------------------


def test_plan_on_one_screen_is_mirrored(qapp):
    (screen,) = qapp.screens()
    assert plan_screens([screen], None) == ScreenPlan(screen, screen, True)
    assert plan_screens([screen], screen) == ScreenPlan(screen, screen, True)


def test_placing_on_one_screen_fills_it_and_shows_the_console(qtbot, qapp):
    (screen,) = qapp.screens()
    audience, console = QWidget(), QWidget()
    qtbot.addWidget(audience)
    qtbot.addWidget(console)
    placer = AudiencePlacer(audience, console)
    with qtbot.waitSignal(placer.planChanged) as changed:
        plan = placer.place()
    placer.stop()
    assert plan == changed.args[0] == ScreenPlan(screen, screen, True)
    qtbot.waitUntil(lambda: audience.isFullScreen() and audience.geometry() == screen.geometry())
    assert console.isVisible() and not console.isFullScreen()


def test_placing_again_brings_back_a_full_screen_window_left_normal(qtbot, qapp):
    (screen,) = qapp.screens()
    audience, console = QWidget(), QWidget()
    qtbot.addWidget(audience)
    qtbot.addWidget(console)
    placer = AudiencePlacer(audience, console, lambda: [screen])
    placer.place()
    qtbot.waitUntil(audience.isFullScreen)
    audience.showNormal()
    qtbot.waitUntil(lambda: not audience.isFullScreen())
    placer.place()
    placer.stop()
    qtbot.waitUntil(lambda: audience.isFullScreen() and audience.geometry() == screen.geometry())


# --- two screens, in a subprocess ------------------------------------------------------------------


@pytest.mark.parametrize("scenario", ["given-list", "qt-list"])
def test_audience_follows_the_projector_out_and_in(tmp_path, scenario):
    seen = probe(tmp_path, scenario, LAPTOP, PROJECTOR)
    assert seen["screens"] == ["laptop", "projector"]
    placed, unplugged, plugged = seen["placed"], seen["unplugged"], seen["plugged"]

    assert placed["plan"] == {"audience": "projector", "console": "laptop", "mirrored": False}
    assert placed["audience"]["full_screen"] and placed["audience"]["screen"] == "projector"
    assert placed["audience"]["geometry"] == [1366, 0, 1024, 768]
    assert placed["console"]["screen"] == "laptop" and not placed["console"]["full_screen"]
    assert inside(placed["console"]["geometry"], LAPTOP)

    assert unplugged["plan"] == {"audience": "laptop", "console": "laptop", "mirrored": True}
    assert unplugged["plans_emitted"] == 2
    assert unplugged["audience"]["full_screen"] and unplugged["audience"]["screen"] == "laptop"
    assert unplugged["audience"]["geometry"] == [0, 0, 1366, 768]
    assert unplugged["console"]["screen"] == "laptop" and unplugged["console"]["visible"]

    assert plugged["plan"] == placed["plan"] and plugged["plans_emitted"] == 3
    assert plugged["audience"] == placed["audience"]
    assert plugged["console"]["screen"] == "laptop"


def test_a_stopped_placer_no_longer_follows(tmp_path):
    seen = probe(tmp_path, "given-list", LAPTOP, PROJECTOR)
    assert seen["stopped"]["plans_emitted"] == 3
    assert seen["stopped"]["audience"] == seen["plugged"]["audience"]


def test_a_cloned_projector_is_mirrored(tmp_path):
    placed = probe(tmp_path, "cloned", LAPTOP, CLONE)["placed"]
    assert placed["plan"] == {"audience": "projector", "console": "laptop", "mirrored": True}
    assert placed["audience"]["full_screen"]
    assert placed["audience"]["geometry"] == [0, 0, 1366, 768]


def test_a_console_on_the_projector_keeps_it_and_moves_when_it_goes(tmp_path):
    seen = probe(tmp_path, "console-on-second", LAPTOP, PROJECTOR)
    assert seen["plan_for_second"] == {
        "audience": "laptop",
        "console": "projector",
        "mirrored": False,
    }
    assert seen["plan_for_none"] == {
        "audience": "projector",
        "console": "laptop",
        "mirrored": False,
    }
    placed, unplugged = seen["placed"], seen["unplugged"]
    assert placed["plan"] == seen["plan_for_second"]
    assert placed["console"]["geometry"] == [1466, 100, 824, 568]  # left where the trainer put it
    assert placed["audience"]["full_screen"] and placed["audience"]["screen"] == "laptop"
    assert unplugged["plan"] == {"audience": "laptop", "console": "laptop", "mirrored": True}
    assert unplugged["console"]["screen"] == "laptop" and not unplugged["console"]["full_screen"]
    assert inside(unplugged["console"]["geometry"], LAPTOP)
    assert unplugged["console"]["geometry"][2:] == [824, 568]  # moved, not resized
