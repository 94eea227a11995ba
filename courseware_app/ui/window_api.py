"""The seams between the main window and the parts attached to it (progress, search, ...).

A part is built with the window, attaches itself through ``window.add_part(part)`` and uses
only what ``WindowApi`` and ``ReaderApi`` name; the window calls back only what ``WindowPart``
names. Nothing is set on the window or its widgets from outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QStatusBar, QToolBar, QTreeWidgetItem

    from courseware_app.core.course import Course
    from courseware_app.core.history import Location
    from courseware_app.core.scoring import Attempt
    from courseware_app.ui.module_view import ModuleView
    from courseware_app.ui.outline import OutlineTree

P = TypeVar("P", bound="WindowPart")
Decorator = Callable[["QTreeWidgetItem", str, str], None]  # (outline row, module, section)
PageDecorator = Callable[[str, str], str]  # (page HTML, module id) -> the HTML to show


class WindowPart(Protocol):
    """What the window asks of every attached part."""

    def retranslate_ui(self) -> None:
        """The interface language changed: set every text again (called once per switch)."""

    def shutdown(self) -> None:
        """The window is closing: save, stop timers and threads (parts in reverse order)."""


class ReaderApi(Protocol):
    """The course being read: exists once a course is attached."""

    course: Course
    trainer: bool

    @property
    def content_language(self) -> str: ...

    @property
    def location(self) -> Location | None: ...

    @property
    def key_points(self) -> bool:
        """Slides shown as key-points boxes on the page (View › Key points)."""

    @property
    def glossary_terms(self) -> bool:
        """Glossary terms marked on the page (View › Glossary terms on the page)."""

    def set_glossary_terms(self, on: bool) -> None: ...

    def navigate(self, loc: Location) -> None: ...

    def set_content_language(self, lang: str) -> None: ...

    def add_page_decorator(self, decorate: PageDecorator) -> None:
        """Marks on the page as shown (never in the cached page): bookmarks, notes..."""

    def redraw(self) -> None:
        """Show the current page again at the same scroll position (its marks changed)."""

    def open_quiz(self, module_id: str, quiz_id: str, review: Attempt | None = None) -> None: ...

    def replace_course(self, course: Course, stale: Iterable[str] | None = None) -> None:
        """Read ``course`` from now on (files changed: editor mode, a content update), the pages
        of the ``stale`` modules (None: all) rendered again; the outline and the page follow."""


class WindowApi(Protocol):
    """What a part may use of the main window."""

    # (module id, section id), on every change of place
    locationChanged: SignalInstance  # noqa: N815 - Qt signal naming
    # a finished core.scoring.Attempt
    attemptRecorded: SignalInstance  # noqa: N815
    # the course was read again (editor mode, a content update): indexes and views follow
    courseReplaced: SignalInstance  # noqa: N815
    view: ModuleView
    outline: OutlineTree
    toolbar: QToolBar
    data_dir: Path | None

    @property
    def reader(self) -> ReaderApi: ...

    def menu(self, name: str) -> QMenu:
        """One of the window's menus by id: "file", "view", "go", "language", "help"."""

    def add_dock(self, dock: QDockWidget) -> None:
        """A panel on the right of the reading pane."""

    def add_action(self, action: QAction) -> None:
        """An action whose shortcut works anywhere in the window (and is listed in Help)."""

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt naming

    def show_status(self, message: str, ms: int = 5000) -> None: ...

    def add_part(self, part: WindowPart) -> None: ...

    def part(self, kind: type[P]) -> P | None: ...


class Place(Protocol):
    """What the frame shows: nothing yet, a recorded start page, the course's title page, or
    the reader's course (``ui.frame``'s NoPlace, StartPlace, CoverPlace and ``ui.reader``)."""

    @property
    def languages(self) -> Sequence[str]:
        """The content languages offered."""

    def title_and_position(self) -> tuple[str, str]:
        """The window title and the status bar's position text."""

    def refresh(self) -> None:
        """Show the place again after a change of language or mode."""

    def remember_start_page(self, closing: bool = False) -> None:
        """Record the page shown for the next start."""
