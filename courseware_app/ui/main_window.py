"""The main window: outline, module view, navigation, languages and trainer mode."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMainWindow, QSplitter, QToolBar

from courseware_app import APP_NAME, __version__
from courseware_app.core import i18n
from courseware_app.core.history import History, Location
from courseware_app.core.i18n import UI_LANGUAGES, _, current_language
from courseware_app.ui.actions import set_action_texts
from courseware_app.ui.module_view import ModuleView, asset_path
from courseware_app.ui.outline import OutlineTree
from courseware_app.ui.settings import Preferences, Settings
from courseware_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from courseware_app.core.course import Course
    from courseware_app.core.pagecache import PageCache
    from courseware_app.core.startpage import StartPages

# Start-up: the window is built and its first page painted before the course model, the
# renderer or Qt's `Qt` namespace are loaded (see core/startpage.py); so this module imports
# them where they are used, and `Qt` is imported inside the few methods that need it.

log = logging.getLogger(__name__)
LANGUAGE_NATIVE = {"en": "English", "ru": "Русский", "fr": "Français"}
MIN_ZOOM, MAX_ZOOM = -4, 12
PRERENDER_DELAY_MS = 600


class MainWindow(QMainWindow):
    """Presents a Course; asks core for pages and shows them."""

    uiLanguageRequested = Signal(str)  # noqa: N815 - Qt signal naming
    quizRequested = Signal(str, str)  # noqa: N815 - (module id, quiz id)
    locationChanged = Signal(str, str)  # noqa: N815 - (module id, section id), on every change
    attemptRecorded = Signal(object)  # noqa: N815 - a finished core.scoring.Attempt
    ready = Signal()  # the start-up is over: course attached, first page opened

    def __init__(
        self,
        course: Course | None,
        settings: Settings,
        *,
        trainer: bool = False,
        content_lang: str | None = None,
        page_cache: PageCache | None = None,
        content_root: Path | None = None,
        start_pages: StartPages | None = None,
        parent=None,
    ):
        """With a course, a complete window. With ``course`` None, the window's frame only
        (for the start-up: ``show_start_page``, then ``attach_course`` after the first paint);
        ``content_root`` then says where the start page's images are."""
        super().__init__(parent)
        self.course: Course | None = None
        self.settings = settings
        self.prefs: Preferences = settings.load()
        if content_lang:
            self.prefs.content_language = content_lang
        self.trainer = trainer  # never restored from settings
        self.history = History()
        self._cache: dict[tuple, tuple[str, object]] = {}
        self.page_cache = page_cache
        self.start_pages = start_pages
        self._start: dict | None = None  # the start page shown before the course was attached
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._prerendered)
        self._shown: tuple | None = None
        self.setObjectName("mainWindow")
        self._build(course.root if course is not None else content_root or Path("."))
        self.retranslate_ui()
        self._restore_geometry()
        if course is not None:
            self.attach_course(course)

    def attach_course(self, course: Course, page_cache: PageCache | None = None) -> None:
        """Show ``course``: the outline, the content languages and everything that needs it."""
        from courseware_app.core.pagecache import PageCache

        self.course = course
        self.page_cache = page_cache or self.page_cache or PageCache(None)
        self.view.content_root = course.root
        self._set_icons()
        self._set_shortcuts()
        self._fill_content_languages()
        self.outline.populate(course, self.content_language)
        self._update_title()

    def show_start_page(self, start: dict) -> None:
        """Paint the page the last session ended on before the course is loaded (a record from
        core.startpage); once attached, the window opens the same page without redrawing it."""
        self._start = start
        if start.get("zoom", self.prefs.zoom) != self.prefs.zoom:
            self.prefs.zoom = int(start["zoom"])
            self._apply_zoom()
        self.view.show_page(start["html"], start["section_ids"])
        self._shown = (
            start["module"],
            start["content_language"],
            start["trainer"],
            start["ui_language"],
        )
        self._fill_content_languages()
        self._update_title()

    def show(self) -> None:
        super().show()
        if self.start_page_shown and self._start.get("section"):
            # Laid out at its size only now: scroll to the section read last before painting.
            self.view.go_to(self._start["section"])

    @property
    def start_page_shown(self) -> bool:
        """A start page is on screen and the course is not attached yet."""
        return self._start is not None and self.course is None

    # ------------------------------------------------------------ building

    def _build(self, content_root: Path) -> None:
        self.outline = OutlineTree(self)
        self.view = ModuleView(content_root, self)
        self.view.anchorClicked.connect(self.follow_link)
        self.view.sectionChanged.connect(self._section_scrolled)
        self.outline.targetActivated.connect(lambda m, s: self.navigate(Location(m, s)))
        self.quizRequested.connect(self.open_quiz)
        self.splitter = QSplitter()  # horizontal; QSplitter(orientation, parent) would name `Qt`
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1000])
        self.setCentralWidget(self.splitter)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.position_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.position_label)
        self._apply_zoom()

    def _action(self, name: str, slot, shortcut=None, icon=None, checkable=False) -> QAction:
        """``shortcut``: key sequences ("Alt+Up") or names of QKeySequence.StandardKey ("Back"),
        set by ``_set_shortcuts`` once the course is attached (nothing can be done with a key
        before that, and QKeySequence is one more class to build before the first paint).
        ``icon`` names a QStyle.StandardPixmap; the style's icons are set by ``_set_icons``."""
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            self._shortcuts[action] = shortcut if isinstance(shortcut, list) else [shortcut]
        if icon is not None:
            self._icons[action] = icon
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self._icons: dict[QAction, str] = {}
        self._shortcuts: dict[QAction, list[str]] = {}
        self.act_back = self._action("back", self.go_back, "Back", "SP_ArrowBack")
        self.act_forward = self._action("forward", self.go_forward, "Forward", "SP_ArrowForward")
        self.act_prev_section = self._action(
            "prevSection", lambda: self.step_section(-1), "Alt+Up", "SP_ArrowUp"
        )
        self.act_next_section = self._action(
            "nextSection", lambda: self.step_section(1), "Alt+Down", "SP_ArrowDown"
        )
        self.act_prev_module = self._action(
            "prevModule", lambda: self.step_module(-1), "Alt+PgUp", "SP_MediaSkipBackward"
        )
        self.act_next_module = self._action(
            "nextModule", lambda: self.step_module(1), "Alt+PgDown", "SP_MediaSkipForward"
        )
        self.act_zoom_in = self._action("zoomIn", lambda: self.zoom(1), ["ZoomIn", "Ctrl+="])
        self.act_zoom_out = self._action("zoomOut", lambda: self.zoom(-1), "ZoomOut")
        self.act_zoom_reset = self._action("zoomReset", lambda: self.zoom(0), "Ctrl+0")
        self.act_trainer = self._action("trainerMode", self.set_trainer, "Ctrl+T", checkable=True)
        self.act_trainer.setChecked(self.trainer)
        self.act_quit = self._action("quit", self.close, "Quit")
        self.act_quiz = self._action("takeQuiz", self.open_current_quiz, "Ctrl+Shift+Q")
        self.act_about = self._action("about", self.show_about)
        self.ui_lang_group = QActionGroup(self)
        self.act_ui_lang = {}
        for lang in UI_LANGUAGES:
            act = self._action(
                f"uiLanguage_{lang}",
                lambda _c=False, lg=lang: self.uiLanguageRequested.emit(lg),
                checkable=True,
            )
            act.setText(LANGUAGE_NATIVE[lang])
            self.ui_lang_group.addAction(act)
            self.act_ui_lang[lang] = act

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.menu_view.addAction(act)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_trainer)
        self.menu_go = bar.addMenu("")
        for act in (
            self.act_back,
            self.act_forward,
            None,
            self.act_prev_section,
            self.act_next_section,
            None,
            self.act_prev_module,
            self.act_next_module,
            None,
            self.act_quiz,
        ):
            self.menu_go.addSeparator() if act is None else self.menu_go.addAction(act)
        self.menu_language = bar.addMenu("")
        for act in self.act_ui_lang.values():
            self.menu_language.addAction(act)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)  # icons only: QToolBar's default
        self.addToolBar(self.toolbar)
        for act in (
            self.act_back,
            self.act_forward,
            None,
            self.act_prev_section,
            self.act_next_section,
            self.act_prev_module,
            self.act_next_module,
            None,
        ):
            self.toolbar.addSeparator() if act is None else self.toolbar.addAction(act)
        self.content_lang_label = QLabel(self)
        self.content_lang_box = QComboBox(self)
        self.content_lang_box.setObjectName("contentLanguage")
        self.content_lang_label.setBuddy(self.content_lang_box)
        self.toolbar.addWidget(self.content_lang_label)
        self.toolbar.addWidget(self.content_lang_box)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_trainer)
        self.content_lang_box.activated.connect(self._content_lang_chosen)
        self._set_icons(placeholder=True)

    def _set_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        standard = QKeySequence.StandardKey
        for action, keys in self._shortcuts.items():
            action.setShortcuts(
                [QKeySequence(getattr(standard, k) if hasattr(standard, k) else k) for k in keys]
            )

    def _set_icons(self, placeholder: bool = False) -> None:
        """The style's icons on the toolbar's actions. Before the first paint, blank icons of the
        same size instead: the style's icon set costs ~12 ms to load (QStyle's enums and the
        images), and an action without an icon would show its text and widen the toolbar."""
        from PySide6.QtGui import QColor, QIcon, QPixmap

        if placeholder:
            blank = QPixmap(self.toolbar.iconSize())
            blank.fill(QColor(0, 0, 0, 0))
            for action in self._icons:
                action.setIcon(QIcon(blank))
            return
        from PySide6.QtWidgets import QStyle

        style = self.style()
        for action, name in self._icons.items():
            action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))

    # ------------------------------------------------------------ translation

    def retranslate_ui(self) -> None:
        texts = {
            self.act_back: (_("&Back"), _("Go back (Alt+Left)")),
            self.act_forward: (_("&Forward"), _("Go forward (Alt+Right)")),
            self.act_prev_section: (_("&Previous section"), _("Previous section (Alt+Up)")),
            self.act_next_section: (_("&Next section"), _("Next section (Alt+Down)")),
            self.act_prev_module: (_("Previous &module"), _("Previous module (Alt+Page Up)")),
            self.act_next_module: (_("Next m&odule"), _("Next module (Alt+Page Down)")),
            self.act_zoom_in: (_("Zoom &in"), _("Larger text (Ctrl++)")),
            self.act_zoom_out: (_("Zoom &out"), _("Smaller text (Ctrl+-)")),
            self.act_zoom_reset: (_("&Normal size"), _("Normal text size (Ctrl+0)")),
            self.act_trainer: (_("&Trainer mode"), _("Show or hide trainer notes (Ctrl+T)")),
            self.act_quit: (_("&Quit"), _("Quit the application")),
            self.act_quiz: (_("Take the &quiz…"), _("Take this module's quiz (Ctrl+Shift+Q)")),
            self.act_about: (_("&About Courseware"), _("About this application")),
        }
        set_action_texts(texts)
        self.menu_file.setTitle(_("&File"))
        self.menu_view.setTitle(_("&View"))
        self.menu_go.setTitle(_("&Go"))
        self.menu_language.setTitle(_("&Language"))
        self.menu_help.setTitle(_("&Help"))
        self.toolbar.setWindowTitle(_("Navigation"))
        self.content_lang_label.setText(_("Content:") + " ")
        self.content_lang_box.setToolTip(_("Language of the course text"))
        self.content_lang_box.setAccessibleName(_("Content language"))
        self.view.setAccessibleName(_("Module text"))
        self._fill_content_languages()
        self.act_ui_lang[current_language()].setChecked(True)
        self.outline.retranslate_ui()
        self._update_title()

    def _fill_content_languages(self) -> None:
        box = self.content_lang_box
        box.blockSignals(True)
        box.clear()
        box.addItem(_("Same as interface"), "")
        if self.course is not None:
            languages = self.course.languages
        else:
            languages = self._start.get("languages", []) if self._start else []
        for lang in languages:
            box.addItem(LANGUAGE_NATIVE.get(lang, lang), lang)
        box.setCurrentIndex(max(0, box.findData(self.prefs.content_language)))
        box.blockSignals(False)

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)

    # ------------------------------------------------------------ state

    @property
    def content_language(self) -> str:
        lang = self.prefs.content_language or current_language()
        if self.course is None:
            return self._start["content_language"] if self._start else lang
        return lang if lang in self.course.languages else self.course.source_language

    @property
    def location(self) -> Location | None:
        return self.history.current

    def _content_lang_chosen(self, index: int) -> None:
        self.prefs.content_language = self.content_lang_box.itemData(index) or ""
        self.refresh()

    def set_content_language(self, lang: str) -> None:
        self.prefs.content_language = lang
        self._fill_content_languages()
        self.refresh()

    def set_trainer(self, on: bool) -> None:
        self.trainer = bool(on)
        self.act_trainer.setChecked(self.trainer)
        self.refresh()

    def refresh(self) -> None:
        """Re-show the current location after a language or mode change."""
        if self.course is None:
            return  # not attached yet: attaching shows the current languages and mode
        self.outline.populate(self.course, self.content_language)
        loc = self.location
        if loc is not None:
            self._shown = None
            self._show(loc)
            self.prerender()

    # ------------------------------------------------------------ navigation

    def open_start(self) -> None:
        """Open the last position, else the first module."""
        if self.course is None:
            return
        mid, sid = self.prefs.last_module, self.prefs.last_section
        if mid not in self.course.modules:
            first = next(iter(self.course.ordered_modules()), None)
            if first is None:
                self.view.setPlainText(_("The course has no modules."))
                return
            mid, sid = first.id, ""
        self.navigate(Location(mid, sid))

    def navigate(self, loc: Location) -> None:
        if self.course is None:
            return
        if loc.module not in self.course.modules:
            self.statusBar().showMessage(
                _("No module “{module}” in this course").format(module=loc.module), 5000
            )
            return
        self.history.visit(loc)
        self._show(loc)
        if len(self.history.entries) == 1:  # the first page: let it paint before working ahead
            QTimer.singleShot(PRERENDER_DELAY_MS, self, self.prerender)

    def _page_key(self, module_id: str) -> tuple:
        return (module_id, self.content_language, self.trainer, current_language())

    def page(self, module_id: str) -> tuple[str, object]:
        key = self._page_key(module_id)
        if key not in self._cache:
            self._cache[key] = self.page_cache.get_or_render(self.course, *key)
        return self._cache[key]

    def prerender(self) -> None:
        """Render the other modules in the background so that switching to them is instant."""
        self.tasks.clear()
        for module in self.course.ordered_modules():
            key = self._page_key(module.id)
            if key not in self._cache:
                self.tasks.submit(
                    (key, i18n.generation()), lambda k=key: self._render_off_thread(k)
                )

    def _render_off_thread(self, key: tuple):
        """Runs on the worker: read the disk cache or render; writing happens on the UI thread."""
        from courseware_app.core.render import module_page

        cached = self.page_cache.get(self.course, *key)
        return (cached, False) if cached is not None else (module_page(self.course, *key[:3]), True)

    def _prerendered(self, job: tuple, result) -> None:
        (key, started), (page, fresh) = job, result
        if started != i18n.generation() or key in self._cache:
            return  # the interface language changed meanwhile: the page may mix two languages
        self._cache[key] = page
        if fresh:
            self.page_cache.put(self.course, key, page)

    def _show(self, loc: Location) -> None:
        key = (loc.module, self.content_language, self.trainer, current_language())
        html, rendered = self.page(loc.module)
        new_page = self._shown != key
        self._start = None
        if new_page:
            ids = [s for s, _t in rendered.toc] if rendered else []
            self.view.show_page(html, ids)
            self._shown = key
        self.view.go_to(loc.section)
        self.prefs.last_module, self.prefs.last_section = loc.module, loc.section
        self.outline.select(loc.module, loc.section)
        self._update_nav()
        self._update_title()
        if new_page:
            self.remember_start_page()
        self.locationChanged.emit(loc.module, loc.section)

    def _section_scrolled(self, section: str) -> None:
        loc = self.location
        if loc is None or section == loc.section:
            return
        self.history.replace(Location(loc.module, section))
        self.prefs.last_section = section
        self.outline.select(loc.module, section)
        self._update_nav()
        self.locationChanged.emit(loc.module, section)

    def section_ids(self, module_id: str) -> list[str]:
        _html, rendered = self.page(module_id)
        return [s for s, _t in rendered.toc] if rendered else []

    def step_section(self, step: int) -> None:
        loc = self.location
        if loc is None:
            return
        ids = self.section_ids(loc.module)
        pos = ids.index(loc.section) if loc.section in ids else (-1 if step > 0 else 0)
        target = pos + step
        if 0 <= target < len(ids):
            self.navigate(Location(loc.module, ids[target]))
            return
        other = self.course.neighbour(loc.module, step)
        if other is not None:
            other_ids = self.section_ids(other.id)
            section = (other_ids[0] if step > 0 else other_ids[-1]) if other_ids else ""
            self.navigate(Location(other.id, section))

    def step_module(self, step: int) -> None:
        loc = self.location
        other = self.course.neighbour(loc.module, step) if loc else None
        if other is not None:
            self.navigate(Location(other.id, ""))

    def go_back(self) -> None:
        loc = self.history.back()
        if loc is not None:
            self._show(loc)

    def go_forward(self) -> None:
        loc = self.history.forward()
        if loc is not None:
            self._show(loc)

    def _update_nav(self) -> None:
        loc = self.location
        self.act_back.setEnabled(self.history.can_back())
        self.act_forward.setEnabled(self.history.can_forward())
        has_prev = bool(loc and self.course.neighbour(loc.module, -1))
        has_next = bool(loc and self.course.neighbour(loc.module, 1))
        self.act_prev_module.setEnabled(has_prev)
        self.act_next_module.setEnabled(has_next)
        ids = self.section_ids(loc.module) if loc else []
        first = bool(loc) and (not ids or loc.section in ("", ids[0]))
        last = bool(loc) and (not ids or loc.section == ids[-1])
        self.act_prev_section.setEnabled(has_prev or not first)
        self.act_next_section.setEnabled(has_next or not last)

    def _update_title(self) -> None:
        if self.course is None or self.location is None and self._start is not None:
            # the start page, until the first place is opened (a profile picker may come first)
            self.setWindowTitle(self._start["title"] if self._start else APP_NAME)
            self.position_label.setText(self._start.get("position", "") if self._start else "")
            return
        loc = self.location
        module = self.course.modules.get(loc.module) if loc else None
        if module is None:
            self.setWindowTitle(APP_NAME)
            self.position_label.setText("")
            return
        title = module.title(self.content_language)
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.position_label.setText(self._position_text(module, self.trainer))

    @staticmethod
    def _position_text(module, trainer: bool) -> str:
        mode = _("Trainer mode") if trainer else ""
        return "  ".join(p for p in (mode, f"{module.id} · v{module.version}") if p)

    # ------------------------------------------------------------ zoom

    def zoom(self, step: int) -> None:
        self.prefs.zoom = 0 if step == 0 else max(MIN_ZOOM, min(MAX_ZOOM, self.prefs.zoom + step))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = QApplication.font()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(max(6.0, size + 1.0 + self.prefs.zoom))
        self.view.document().setDefaultFont(font)
        self.view.setFont(font)

    # ------------------------------------------------------------ links

    def follow_link(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "module":
            self.navigate(Location(url.path(), url.fragment()))
        elif scheme == "quiz":
            module_id, _sep, quiz_id = url.path().partition("/")
            self.quizRequested.emit(module_id, quiz_id)
        elif scheme == "asset":
            self.offer_file(url)
        elif scheme in ("http", "https", "mailto"):
            self.confirm_external(url)
        elif not scheme and url.fragment():
            self.view.scrollToAnchor(url.fragment())

    # ------------------------------------------------------------ quizzes

    def open_current_quiz(self) -> None:
        loc = self.location
        module = self.course.modules.get(loc.module) if loc else None
        tr = module.best(self.content_language) if module else None
        if tr is None or not tr.quizzes:
            self.statusBar().showMessage(_("This module has no quiz."), 5000)
            return
        self.open_quiz(module.id, tr.quizzes[0].id)

    def quiz_for(self, module_id: str, quiz_id: str):
        """The translation and quiz a trainee would take now, in the content language."""
        module = self.course.modules.get(module_id)
        tr = module.best(self.content_language) if module else None
        quiz = next((q for q in tr.quizzes if q.id == quiz_id), None) if tr else None
        return tr, quiz

    def open_quiz(self, module_id: str, quiz_id: str, review=None) -> None:
        from courseware_app.ui.quiz_widget import QuizDialog

        tr, quiz = self.quiz_for(module_id, quiz_id)
        if quiz is None:
            self.statusBar().showMessage(_("This quiz cannot be found."), 5000)
            return
        dialog = QuizDialog(
            quiz,
            module_id=module_id,
            module_version=tr.version,
            lang=tr.lang,
            trainer=self.trainer,
            one_per_page=self.prefs.quiz_one_per_page,
            review=review,
            parent=self,
        )
        dialog.attemptFinished.connect(self.attemptRecorded)
        dialog.onePerPageChanged.connect(lambda on: setattr(self.prefs, "quiz_one_per_page", on))
        self.quiz_dialog = dialog
        dialog.open()

    def confirm_external(self, url: QUrl) -> None:
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            _("Open a web page?"),
            _(
                "This link leads outside the course:\n{url}\n\nOpen it in your web browser? "
                "It needs an internet connection."
            ).format(url=url.toString()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def offer_file(self, url: QUrl) -> None:
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        path = asset_path(self.view.content_root, url)
        if path is None:
            QMessageBox.warning(
                self, _("File not found"), _("This file is not part of the course.")
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Course file"),
            _("“{name}” is a file shipped with this module.").format(name=path.name),
            parent=self,
        )
        open_button = box.addButton(_("Open"), QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton(_("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is open_button:
            from PySide6.QtCore import QUrl

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is save_button:
            self.save_copy(path)

    def save_copy(self, path: Path) -> None:
        from PySide6.QtWidgets import QFileDialog

        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), str(Path.home() / path.name)
        )
        if target:
            shutil.copyfile(path, target)
            self.statusBar().showMessage(_("Saved {path}").format(path=target), 5000)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            _("About Courseware"),
            _(
                "Courseware {version}\n\nOffline courseware for customs risk management and Time "
                "Release Study training in Central Asia and the Caucasus.\n\nCourse: {course} {course_version}"
            ).format(
                version=__version__,
                course=self.course.title.get(current_language(), self.course.id)
                if self.course
                else "",
                course_version=self.course.version if self.course else "",
            ),
        )

    # ------------------------------------------------------------ persistence

    def _restore_geometry(self) -> None:
        geometry, state = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _default_geometry(self) -> None:
        """First start: fill a small screen (1366x768 laptops), leave room on a large one."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1280, 720)
        elif screen.width() <= 1440:
            from PySide6.QtCore import Qt

            self.setGeometry(screen)
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.resize(min(1440, screen.width() - 80), min(900, screen.height() - 80))

    def remember_start_page(self, closing: bool = False) -> None:
        """Record the page now shown for the next start (see core.startpage). On closing in
        trainer mode, record the trainee's version of the page when it is cached instead:
        trainer mode is off at the next start unless asked for."""
        loc = self.location
        key = self._shown
        if self.start_pages is None or self.course is None or loc is None or key is None:
            return
        page = self._cache.get(key)
        path = None
        if page is not None and page[1] is not None:  # an error page is never recorded
            path = self.page_cache.path(self.course, *key)
        if closing and key[2] and path is not None:
            trainee = (key[0], key[1], False, key[3])
            trainee_path = self.page_cache.path(self.course, *trainee)
            if trainee_path is not None and trainee_path.is_file():
                key, path = trainee, trainee_path
        module = self.course.modules.get(loc.module)
        record = {
            "ui_language": key[3],
            "content_preference": self.prefs.content_language,
            "content_language": key[1],
            "trainer": key[2],
            "module": loc.module,
            "section": loc.section,
            "zoom": self.prefs.zoom,
            "languages": list(self.course.languages),
            "title": self.windowTitle(),
            "position": self._position_text(module, key[2]) if module else "",
        }
        self.start_pages.save(record, path)

    def save_state(self) -> None:
        self.remember_start_page(closing=True)
        self.settings.save(self.prefs)
        self.settings.save_geometry(
            self.saveGeometry(), self.saveState(), self.splitter.saveState()
        )

    def closeEvent(self, event):  # noqa: N802 - Qt override
        self.tasks.clear()
        self.tasks.wait()
        self.save_state()
        super().closeEvent(event)
