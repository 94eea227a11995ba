"""Window geometry: restored from the settings, and always fitted to the screen it opens on.

A window saved on a large screen, a projector, or a USB stick's data folder used on another
laptop must still open whole and usable: never larger than the screen, never tiny.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from courseware_app.ui.settings import Settings

MIN_WIDTH, MIN_HEIGHT = 640, 400  # smaller than this, a restored window opens at its default
SMALL_SCREEN_WIDTH = 1440  # up to this width, a first start fills the screen


def fitted(saved: QRect, available: QRect) -> QRect | None:
    """``saved`` moved and shrunk to lie inside ``available``; None when what is left is too small
    to read in (then the window opens at its default size)."""
    width = min(saved.width(), available.width())
    height = min(saved.height(), available.height())
    if width < min(MIN_WIDTH, available.width()) or height < min(MIN_HEIGHT, available.height()):
        return None
    left = min(max(saved.left(), available.left()), available.right() + 1 - width)
    top = min(max(saved.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height)


def restore(window: QMainWindow, settings: Settings, splitter: QSplitter) -> None:
    """The saved geometry, toolbars and splitter, fitted to the window's screen."""
    geometry, state = settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        default(window)
    else:
        fit(window)
    if state is not None:
        window.restoreState(state)
    sizes = settings.splitter()
    if sizes is not None:
        splitter.restoreState(sizes)


def fit(window: QMainWindow) -> None:
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    inner, outer = window.geometry(), window.frameGeometry()
    available = screen.availableGeometry().adjusted(  # the room left for the window's inside
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        inner.right() - outer.right(),
        inner.bottom() - outer.bottom(),
    )
    rect = fitted(inner, available)
    if rect is None:
        default(window)
    elif rect != window.geometry():
        window.setGeometry(rect)


def default(window: QMainWindow) -> None:
    """First start: fill a small screen (1366x768 laptops), leave room on a large one."""
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is None:
        window.resize(1280, 720)
    elif screen.width() <= SMALL_SCREEN_WIDTH:
        from PySide6.QtCore import Qt

        window.setGeometry(screen)
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(min(1440, screen.width() - 80), min(900, screen.height() - 80))
