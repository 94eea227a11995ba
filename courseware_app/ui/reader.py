"""The reader: the course being read, its history and navigation, languages and trainer mode.

Exists once a course is attached to the window (``MainWindow.attach_course``), so nothing here
asks whether there is a course. Pages come from ``ui.pages.PageProvider``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from courseware_app import APP_NAME
from courseware_app.core.history import History, Location
from courseware_app.core.i18n import _, current_language
from courseware_app.core.pagecache import PageKey
from courseware_app.ui import links, quizzes, start_record

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from courseware_app.core.course import Course, Module, ModuleTranslation, Quiz
    from courseware_app.core.scoring import Attempt
    from courseware_app.core.startpage import StartPage, StartPages
    from courseware_app.ui.frame import WindowFrame
    from courseware_app.ui.pages import PageProvider
    from courseware_app.ui.quiz_widget import QuizDialog
    from courseware_app.ui.window_api import PageDecorator

log = logging.getLogger(__name__)
PRERENDER_DELAY_MS = 600


class Reader(QObject):
    """Navigates ``course`` in ``window``; implements ``window_api.ReaderApi``."""

    def __init__(
        self,
        window: WindowFrame,
        course: Course,
        pages: PageProvider,
        *,
        trainer: bool,
        start_pages: StartPages | None = None,
    ):
        super().__init__(window)
        self.window, self.course, self.pages = window, course, pages
        self.prefs = window.prefs
        self.trainer = trainer
        self.start_pages = start_pages
        self.history = History()
        self.quiz_dialog: QuizDialog | None = None
        self.page_decorators: list[PageDecorator] = []
        record = window.start_record
        self._start: StartPage | None = record
        # the page on screen, so that opening it again does not redraw it
        self._shown: PageKey | None = (
            PageKey(
                record["module"],
                record["content_language"],
                record["trainer"],
                record["ui_language"],
                self.key_points,  # the recorded page was shown with today's preferences
                self.glossary_terms,
            )
            if record
            else None
        )
        window.view.content_root = course.root
        window.view.anchorClicked.connect(self.follow_link)
        window.view.sectionChanged.connect(self._section_scrolled)
        window.outline.targetActivated.connect(lambda m, s: self.navigate(Location(m, s)))

    def retranslate_ui(self) -> None:
        """The texts are the frame's; the page is shown again by ``refresh``."""

    def shutdown(self) -> None:
        self.pages.shutdown()

    # ------------------------------------------------------------ state

    @property
    def content_language(self) -> str:
        lang = self.prefs.content_language or current_language()
        return lang if lang in self.course.languages else self.course.source_language

    @property
    def location(self) -> Location | None:
        return self.history.current

    @property
    def key_points(self) -> bool:
        return bool(self.prefs.key_points)

    @property
    def glossary_terms(self) -> bool:
        return bool(self.prefs.glossary_terms)

    def set_glossary_terms(self, on: bool) -> None:
        self.prefs.glossary_terms = on
        self.refresh()

    @property
    def languages(self) -> Sequence[str]:
        return self.course.languages

    @property
    def shown(self) -> PageKey | None:
        """The page on screen (None before the first, or while it is being shown again)."""
        return self._shown

    def key(self, module_id: str) -> PageKey:
        return PageKey(
            module_id,
            self.content_language,
            self.trainer,
            current_language(),
            self.key_points,
            self.glossary_terms,
        )

    def section_ids(self, module_id: str) -> list[str]:
        return self.pages.page(self.key(module_id)).section_ids

    def title_and_position(self) -> tuple[str, str]:
        loc = self.location
        if loc is None and self._start is not None:
            # the start page, until the first place opens (a profile picker may come first)
            return self._start["title"], self._start.get("position", "")
        module = self.course.modules.get(loc.module) if loc else None
        if module is None:
            return APP_NAME, ""
        return f"{module.title(self.content_language)} — {APP_NAME}", position_text(
            module, self.trainer
        )

    # ------------------------------------------------------------ changes of mode

    def set_content_language(self, lang: str) -> None:
        self.prefs.content_language = lang
        self.window.fill_content_languages()
        self.refresh()

    def set_trainer(self, on: bool) -> None:
        self.trainer = bool(on)
        self.window.actions_["trainerMode"].setChecked(self.trainer)
        self.refresh()

    def refresh(self) -> None:
        """Show the current place again after a change of language or mode."""
        self.window.outline.populate(self.course, self.content_language)
        loc = self.location
        if loc is not None:
            self._shown = None
            self._show(loc)
            self.prerender()

    # ------------------------------------------------------------ navigation

    def open_start(self) -> None:
        """Open the last place, else the first module."""
        mid, sid = self.prefs.last_module, self.prefs.last_section
        if mid not in self.course.modules:
            first = next(iter(self.course.ordered_modules()), None)
            if first is None:
                self.window.view.setPlainText(_("The course has no modules."))
                return
            mid, sid = first.id, ""
        self.navigate(Location(mid, sid))

    def show_cover(self, html: str) -> None:
        """Show the course's title page, nobody's place (a shared laptop's next person is
        choosing a profile); the place opened next is drawn anew."""
        self._start = self._shown = None
        self.window.view.show_page(html, [])
        self.window.update_title()

    def navigate(self, loc: Location) -> None:
        if loc.module not in self.course.modules:
            self.window.show_status(
                _("No module “{module}” in this course").format(module=loc.module)
            )
            return
        self.history.visit(loc)
        self._show(loc)
        if len(self.history.entries) == 1:  # the first page: let it paint before working ahead
            QTimer.singleShot(PRERENDER_DELAY_MS, self, self.prerender)

    def prerender(self) -> None:
        """Render the other modules in the background so that switching to them is instant."""
        self.pages.prerender(self.key(m.id) for m in self.course.ordered_modules())

    def _show(self, loc: Location) -> None:
        key = self.key(loc.module)
        page = self.pages.page(key)
        new_page = self._shown != key
        self._start = None
        if new_page:
            self.window.view.show_page(self._decorated(page.html, loc.module), page.section_ids)
            self._shown = key
        self.window.view.go_to(loc.section)
        self.prefs.last_module, self.prefs.last_section = loc.module, loc.section
        self.window.outline.select(loc.module, loc.section)
        self._update_nav()
        self.window.update_title()
        if new_page:
            self.remember_start_page()
        self.window.locationChanged.emit(loc.module, loc.section)

    def add_page_decorator(self, decorate: PageDecorator) -> None:
        self.page_decorators.append(decorate)

    def _decorated(self, html: str, module_id: str) -> str:
        for decorate in self.page_decorators:
            html = decorate(html, module_id)
        return html

    def redraw(self) -> None:
        """Show the page again where it is (its marks changed)."""
        loc = self.location
        if loc is None:
            return
        bar = self.window.view.verticalScrollBar()
        position = bar.value()
        self._shown = None
        self._show(loc)
        bar.setValue(position)

    def replace_course(self, course: Course, stale: Iterable[str] | None = None) -> None:
        """Files changed on disk (editor mode): read ``course`` from now on, with the pages of
        the ``stale`` modules (None: all) rendered again; the outline and the page follow."""
        self.course = course
        self.pages.replace_course(course, stale)
        self.window.view.content_root = course.root
        self.window.outline.populate(course, self.content_language)
        self.window.fill_content_languages()
        self.redraw()
        self.window.courseReplaced.emit()

    def _section_scrolled(self, section: str) -> None:
        loc = self.location
        if loc is None or section == loc.section:
            return
        self.history.replace(Location(loc.module, section))
        self.prefs.last_section = section
        self.window.outline.select(loc.module, section)
        self._update_nav()
        self.window.locationChanged.emit(loc.module, section)

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
        act = self.window.actions_
        act["back"].setEnabled(self.history.can_back())
        act["forward"].setEnabled(self.history.can_forward())
        loc = self.location
        has_prev = bool(loc and self.course.neighbour(loc.module, -1))
        has_next = bool(loc and self.course.neighbour(loc.module, 1))
        act["prevModule"].setEnabled(has_prev)
        act["nextModule"].setEnabled(has_next)
        ids = self.section_ids(loc.module) if loc else []
        first = bool(loc) and (not ids or loc is not None and loc.section in ("", ids[0]))
        last = bool(loc) and (not ids or loc is not None and loc.section == ids[-1])
        act["prevSection"].setEnabled(has_prev or not first)
        act["nextSection"].setEnabled(has_next or not last)

    # ------------------------------------------------------------ links and quizzes

    def follow_link(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "module":
            self.navigate(Location(url.path(), url.fragment()))
        elif scheme == "quiz":
            module_id, _sep, quiz_id = url.path().partition("/")
            self.open_quiz(module_id, quiz_id)
        elif scheme == "exercise":
            from courseware_app.ui.exercises.opening import open_exercise  # when first asked for

            module_id, _sep, exercise_id = url.path().partition("/")
            open_exercise(self, module_id, exercise_id)
        elif scheme == "asset":
            links.offer_file(self.window, self.course.root, url)
        elif scheme in ("http", "https", "mailto"):
            links.confirm_external(self.window, url)
        elif not scheme and url.fragment():
            self.window.view.scrollToAnchor(url.fragment())

    def show_about(self) -> None:
        links.show_about(self.window, self.course)

    def open_current_quiz(self) -> None:
        quizzes.open_current_quiz(self)

    def quiz_for(
        self, module_id: str, quiz_id: str
    ) -> tuple[ModuleTranslation | None, Quiz | None]:
        return quizzes.quiz_for(self, module_id, quiz_id)

    def open_quiz(self, module_id: str, quiz_id: str, review: Attempt | None = None) -> None:
        quizzes.open_quiz(self, module_id, quiz_id, review)

    # ------------------------------------------------------------ the next start

    def remember_start_page(self, closing: bool = False) -> None:
        """Record the page now shown for the next start (see ui.start_record)."""
        if self.start_pages is not None:
            start_record.remember(self, self.start_pages, closing)


def position_text(module: Module, trainer: bool) -> str:
    mode = _("Trainer mode") if trainer else ""
    return "  ".join(p for p in (mode, f"{module.id} · v{module.version}") if p)
