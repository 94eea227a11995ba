"""Where the presenter's windows go: the audience full screen on the projector, the console
with the trainer, following the projector when it is plugged in or out.

Extended desktop: the audience window fills the screen the console is not on (the largest one
that does not overlap it). One screen, or a projector that clones the laptop's picture: the
audience window fills the console's (or the clone's) screen and the plan says ``mirrored``, so
the console can warn the trainer that the room would see whatever the console shows.

A plain ``QWidget.setScreen()`` before ``show()`` leaves the window on the first screen with
X11 (xcb), so a window is placed by both means that work on xcb, Windows and offscreen: its
native handle is created and given the screen, its geometry is set inside that screen's, and
only then is it shown full screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol, TypeVar

from PySide6.QtCore import QObject, QPoint, QRect, Signal, SignalInstance, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from courseware_app.ui.geometry import fitted


class HasGeometry(Protocol):
    """What choosing a screen reads from one (a QScreen, or a plain object in a test)."""

    def geometry(self) -> QRect: ...


ScreenT = TypeVar("ScreenT", bound=HasGeometry)


class ScreenPlan(NamedTuple):
    audience: QScreen  # the screen the room sees
    console: QScreen  # the trainer's screen
    mirrored: bool  # both windows would show the same picture (one screen, or a clone)


def _area(screen: HasGeometry) -> int:
    size = screen.geometry().size()
    return size.width() * size.height()


def pick_audience(screens: Sequence[ScreenT], console: ScreenT) -> tuple[ScreenT, bool]:
    """The screen for the audience window beside ``console``, and whether the two show the same
    picture: the largest screen apart from the console's that does not overlap it; else another
    screen that does (a clone); else the console's own."""
    others = [screen for screen in screens if screen is not console]
    apart = [s for s in others if not s.geometry().intersects(console.geometry())]
    if apart:
        return max(apart, key=_area), False
    if others:
        return max(others, key=_area), True
    return console, True


def plan_screens(screens: Sequence[QScreen], console: QScreen | None) -> ScreenPlan:
    """The plan over ``screens`` (at least one) for a console on ``console``; None, or a screen
    not in ``screens``, means the primary screen (the first listed when that is not listed)."""
    if not screens:
        raise ValueError("no screen to present on")
    if console is None or console not in screens:
        primary = QGuiApplication.primaryScreen()
        console = primary if primary in screens else screens[0]
    audience, mirrored = pick_audience(screens, console)
    return ScreenPlan(audience, console, mirrored)


def show_full_screen_on(window: QWidget, screen: QScreen) -> None:
    """``window`` full screen on ``screen``; left alone when it is already there."""
    if window.isFullScreen() and _on(window, screen) and window.geometry() == screen.geometry():
        return
    if window.isFullScreen():
        window.showNormal()
    _move_to(window, screen, screen.geometry())
    window.showFullScreen()


def show_normal_on(window: QWidget, screen: QScreen) -> None:
    """``window`` shown, not full screen, moved to the middle of ``screen`` unless it is on it."""
    if window.isFullScreen():
        window.showNormal()
    available = screen.availableGeometry()
    too_big = window.width() > available.width() or window.height() > available.height()
    if too_big or not _on(window, screen):  # a 1024x768 laptop: the console fits its screen
        rect = QRect(QPoint(0, 0), window.size().boundedTo(available.size()))
        rect.moveCenter(available.center())
        _move_to(window, screen, fitted(rect, available) or available)
    if not window.isVisible():
        window.show()


def _on(window: QWidget, screen: QScreen) -> bool:
    handle = window.windowHandle()
    return (handle.screen() if handle is not None else window.screen()) is screen


def _move_to(window: QWidget, screen: QScreen, rect: QRect) -> None:
    window.winId()  # the native handle, created here, is what keeps a screen before show()
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    window.setGeometry(rect)


class AudiencePlacer(QObject):
    """Places the audience and console windows by :func:`plan_screens`, and places them again
    whenever a screen comes or goes or the primary screen changes, until :meth:`stop`."""

    planChanged = Signal(object)  # the new ScreenPlan, after every (re)placement

    def __init__(
        self,
        audience: QWidget,
        console: QWidget,
        screens: Callable[[], Sequence[QScreen]] | None = None,
    ) -> None:
        super().__init__(audience)
        self._audience = audience
        self._console = console
        self._screens = screens if screens is not None else QGuiApplication.screens
        self._removed: list[QScreen] = []  # gone, though screens() may still list them
        self._following = False

    def place(self) -> ScreenPlan:
        """Both windows placed now (the console first, so that with one screen the audience
        window covers it); from now on they follow the screens."""
        plan = plan_screens(self._usable(), self._console.screen())
        show_normal_on(self._console, plan.console)
        show_full_screen_on(self._audience, plan.audience)
        self._follow()
        self.planChanged.emit(plan)
        return plan

    def stop(self) -> None:
        """No more following the screens (the windows stay where they are)."""
        if not self._following:
            return
        for signal, slot in self._screen_signals():
            signal.disconnect(slot)
        self._following = False

    def _follow(self) -> None:
        if self._following:
            return
        for signal, slot in self._screen_signals():
            signal.connect(slot)
        self._following = True

    def _screen_signals(self) -> list[tuple[SignalInstance, Callable[[QScreen], None]]]:
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        return [
            (app.screenAdded, self._screen_added),
            (app.screenRemoved, self._screen_removed),
            (app.primaryScreenChanged, self._primary_changed),
        ]

    def _usable(self) -> list[QScreen]:
        listed = list(self._screens())
        self._removed = [screen for screen in self._removed if screen in listed]
        return [screen for screen in listed if screen not in self._removed]

    @Slot(QScreen)
    def _screen_added(self, screen: QScreen) -> None:
        self._removed = [gone for gone in self._removed if gone is not screen]
        self._replace()

    @Slot(QScreen)
    def _screen_removed(self, screen: QScreen) -> None:
        self._removed.append(screen)
        self._replace()

    @Slot(QScreen)
    def _primary_changed(self, _screen: QScreen) -> None:
        self._replace()

    def _replace(self) -> None:
        if self._usable():  # with no screen at all, wait for the next one to come
            self.place()
