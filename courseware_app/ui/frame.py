"""The window's frame: outline, page view, menus, toolbar and status bar, with or without a course.

The frame is all that is built before the first paint (see core/startpage.py): it can show a
recorded page on its own. What reads the course (``ui.reader.Reader``) is attached afterwards,
and parts (progress, search) attach through ``add_part``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMainWindow, QSplitter, QToolBar

from courseware_app import APP_NAME
from courseware_app.core.i18n import _, current_language
from courseware_app.core.languages import LANGUAGES, native_name
from courseware_app.ui import geometry
from courseware_app.ui.actions import WINDOW_ACTIONS, ActionSet
from courseware_app.ui.module_view import ModuleView
from courseware_app.ui.outline import OutlineTree
from courseware_app.ui.reading_room import ReadingRoom
from courseware_app.ui.settings import Preferences, Settings
from courseware_app.ui.themes import ThemeController, tinted
from courseware_app.ui.view_modes import ViewModes

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

    from courseware_app.core.startpage import CoverPage, StartPage
    from courseware_app.ui.reader import Reader
    from courseware_app.ui.window_api import Place, WindowPart


# Start-up: the frame is built and its first page painted before the course model, the renderer
# or Qt's `Qt` namespace are loaded (tests/ui/test_startup.py checks it); so this module names
# none of them at import time.

MIN_ZOOM, MAX_ZOOM = -4, 12
MENUS = ("file", "view", "go", "tools", "language", "help")
P = TypeVar("P", bound="WindowPart")


class NoPlace:
    """Nothing shown yet. (Before the course is attached, a change of language or mode has
    nothing to show again: attaching shows the current languages and mode.)"""

    languages: Sequence[str] = ()

    def title_and_position(self) -> tuple[str, str]:
        return APP_NAME, ""

    def refresh(self) -> None:
        pass

    def remember_start_page(self, closing: bool = False) -> None:
        pass


class StartPlace(NoPlace):
    """The page the last session ended on, shown before the course is loaded."""

    def __init__(self, record: StartPage):
        self.record = record
        self.languages = record.get("languages", [])

    def title_and_position(self) -> tuple[str, str]:
        return self.record["title"], self.record.get("position", "")


class CoverPlace(NoPlace):
    """The course's title page, nobody's place: what a shared laptop shows first."""

    def __init__(self, page: CoverPage):
        self.languages = page["languages"]


class WindowFrame(QMainWindow):
    """Menus, toolbar, outline, view and status bar; parts and the reader attach later."""

    uiLanguageRequested = Signal(str)  # noqa: N815 - Qt signal naming
    locationChanged = Signal(str, str)  # noqa: N815 - (module id, section id), on every change
    attemptRecorded = Signal(object)  # noqa: N815 - a finished core.scoring.Attempt
    courseReplaced = Signal()  # noqa: N815 - the course was read again (editor mode, an update)
    ready = Signal()  # the start-up is over: course attached, first page opened
    view_modes: ViewModes
    reader: Reader  # set when a course is attached (MainWindow.attach_course); actions that
    # need it are disabled until then

    def __init__(self, settings: Settings, content_root: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.prefs: Preferences = settings.load()
        self.data_dir: Path | None = settings.path.parent
        self.place: Place = NoPlace()
        self._parts: list[WindowPart] = []
        self.setObjectName("mainWindow")
        self.outline = OutlineTree(self)
        self.view = ModuleView(content_root, self)
        self.splitter = QSplitter()  # horizontal; QSplitter(orientation, parent) would name `Qt`
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1000])
        self.setCentralWidget(self.splitter)
        self.actions_ = ActionSet(self, WINDOW_ACTIONS, self)
        self._make_menus()
        self._make_toolbar()
        self.position_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.position_label)
        self.view_modes = ViewModes(self)
        self.reading_room = ReadingRoom(self)
        self.view_modes.set_versions_shown(self.prefs.show_versions)
        self.actions_["keyPoints"].setChecked(self.prefs.key_points)
        self.themes = ThemeController(self)  # before the first page: it sets the page's colours
        self.add_part(self.themes)
        self.apply_zoom()

    # ------------------------------------------------------------ building

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {name: bar.addMenu("") for name in MENUS}
        for name, menu in self.menus.items():
            for action in self.actions_.in_menu(name):
                menu.addSeparator() if action is None else menu.addAction(action)
        self.act_ui_lang: dict[str, QAction] = {}
        from PySide6.QtGui import QAction, QActionGroup

        group = QActionGroup(self)
        for lang in LANGUAGES:
            act = QAction(native_name(lang), self)
            act.setObjectName(f"uiLanguage_{lang}")
            act.setCheckable(True)
            act.triggered.connect(lambda _c=False, lg=lang: self.uiLanguageRequested.emit(lg))
            group.addAction(act)
            self.menus["language"].addAction(act)
            self.act_ui_lang[lang] = act

    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)  # icons only: QToolBar's default
        self.addToolBar(self.toolbar)
        for group in (0, 1):
            self.toolbar.addActions(self.actions_.in_toolbar(group))
            self.toolbar.addSeparator()
        self.content_lang_label = QLabel(self)
        self.content_lang_box = QComboBox(self)
        self.content_lang_box.setObjectName("contentLanguage")
        self.content_lang_label.setBuddy(self.content_lang_box)
        self.toolbar.addWidget(self.content_lang_label)
        self.toolbar.addWidget(self.content_lang_box)
        self.toolbar.addSeparator()
        self.toolbar.addActions(self.actions_.in_toolbar(2))
        self.set_icons(placeholder=True)

    def set_icons(self, placeholder: bool = False) -> None:
        """The style's icons on the actions. Before the first paint, blank icons of the same size
        instead: the style's icon set costs ~12 ms to load, and an action without an icon would
        show its text and widen the toolbar."""
        from PySide6.QtGui import QColor, QIcon, QPixmap

        icons = {s.id: s.icon for s in WINDOW_ACTIONS if s.icon}
        if placeholder:
            blank = QPixmap(self.toolbar.iconSize())
            blank.fill(QColor(0, 0, 0, 0))
            for action_id in icons:
                self.actions_[action_id].setIcon(QIcon(blank))
            return
        from PySide6.QtWidgets import QStyle

        style = self.style()
        for action_id, name in icons.items():
            pixmap = getattr(QStyle.StandardPixmap, name)
            icon = tinted(style.standardIcon(pixmap), self.toolbar.iconSize())
            self.actions_[action_id].setIcon(icon)

    # ------------------------------------------------------------ parts

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def add_action(self, action: QAction) -> None:
        self.addAction(action)

    def add_dock(self, dock: QDockWidget) -> None:
        from PySide6.QtCore import Qt

        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.reading_room.watch(dock)

    def show_status(self, message: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(message, ms)

    def add_part(self, part: WindowPart) -> None:
        self._parts.append(part)

    def part(self, kind: type[P]) -> P | None:
        return next((p for p in self._parts if isinstance(p, kind)), None)

    def shutdown_parts(self) -> None:
        for part in reversed(self._parts):
            part.shutdown()
        self._parts.clear()

    # ------------------------------------------------------------ texts

    def retranslate_ui(self) -> None:
        """Every text of the frame and its parts, in the current interface language."""
        self.actions_.retranslate_ui()
        titles = (_("&File"), _("&View"), _("&Go"), _("&Tools"), _("&Language"), _("&Help"))
        for menu, title in zip(self.menus.values(), titles, strict=True):
            menu.setTitle(title)
        self.toolbar.setWindowTitle(_("Navigation"))
        self.content_lang_label.setText(_("Content:") + " ")
        self.content_lang_box.setToolTip(_("Language of the course text"))
        self.content_lang_box.setAccessibleName(_("Content language"))
        self.view.setAccessibleName(_("Module text"))
        self.act_ui_lang[current_language()].setChecked(True)
        self.outline.retranslate_ui()
        self.fill_content_languages()
        self.update_title()
        for part in self._parts:
            part.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Qt announces a new translator: set the texts again (the page is the reader's to
        show again, once, in ``MainWindow.switch_ui_language``)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def fill_content_languages(self) -> None:
        box = self.content_lang_box
        box.blockSignals(True)
        box.clear()
        box.addItem(_("Same as interface"), "")
        for lang in self.place.languages:
            box.addItem(native_name(lang), lang)
        box.setCurrentIndex(max(0, box.findData(self.prefs.content_language)))
        box.blockSignals(False)

    def update_title(self) -> None:
        title, position = self.place.title_and_position()
        self.setWindowTitle(title)
        self.position_label.setText(position)

    # ------------------------------------------------------------ the start page

    def show_start_page(self, record: StartPage) -> None:
        """Paint the page the last session ended on before the course is loaded (a record from
        core.startpage); once attached, the reader opens the same page without redrawing it."""
        self.place = StartPlace(record)
        if record.get("zoom", self.prefs.zoom) != self.prefs.zoom:
            self.prefs.zoom = int(record["zoom"])
            self.apply_zoom()
        self.view.show_page(record["html"], record["section_ids"])
        self.fill_content_languages()
        self.update_title()

    def show_cover(self, page: CoverPage) -> None:
        """Paint the course's title page before the course is loaded (the last session was on a
        shared laptop: nobody's page is shown until a profile is chosen)."""
        self.place = CoverPlace(page)
        self.view.show_page(page["html"], [])
        self.fill_content_languages()
        self.update_title()

    @property
    def cover_shown(self) -> bool:
        """The course's title page is on screen and the course is not attached yet."""
        return isinstance(self.place, CoverPlace)

    @property
    def start_record(self) -> StartPage | None:
        return self.place.record if isinstance(self.place, StartPlace) else None

    # ------------------------------------------------------------ zoom

    def zoom(self, step: int) -> None:
        zoom = self.prefs.zoom + step
        self.prefs.zoom = 0 if step == 0 else max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.apply_zoom()

    def apply_zoom(self) -> None:
        font = QApplication.font()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(max(6.0, size + 1.0 + self.prefs.zoom))
        self.view.set_text_font(font, zoom=font.pointSizeF() / (size + 1.0))  # images follow

    # ------------------------------------------------------------ geometry

    def restore_geometry(self) -> None:
        geometry.restore(self, self.settings, self.splitter)
        self.reading_room.remember_outline_width()

    def save_geometry(self) -> None:
        self.settings.save_geometry(
            self.saveGeometry(), self.saveState(), self.splitter.saveState()
        )
