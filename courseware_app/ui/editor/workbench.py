"""Editor mode switched on: the content folder watched and each save shown at once, the
problems panel and its counts, and the marks editor mode puts on a page."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtWidgets import QLabel

from courseware_app.core.course import Course, ModuleTranslation
from courseware_app.core.editor.marks import (
    EDITOR_SCHEME,
    at_top,
    mark_problems,
    page_facts,
    previous_version_banner,
    previous_version_link,
)
from courseware_app.core.editor.problems import Problem, counts, locate, problems_of, section_at
from courseware_app.core.editor.reload import (
    Reloaded,
    apply_changes,
    loaded_translations,
    with_translation,
)
from courseware_app.core.history import Location
from courseware_app.core.i18n import _, ngettext
from courseware_app.ui.editor.external import ExternalEditor
from courseware_app.ui.editor.problems_dock import ProblemsDock
from courseware_app.ui.editor.watcher import ContentWatcher
from courseware_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from courseware_app.core.course import Diagnostic
    from courseware_app.ui.module_view import ModuleView
    from courseware_app.ui.window_api import ReaderApi, WindowApi


log = logging.getLogger(__name__)
Key = tuple[str, str]  # (module id, language)


class Workbench(QObject):
    """Built when editor mode is switched on, closed when it is switched off."""

    reloaded = Signal(float)  # seconds from the watcher's report to the page shown again
    validated = Signal()  # the problems panel lists the course as it is now

    def __init__(self, window: WindowApi, settings: QSettings | None) -> None:
        super().__init__()
        self.window = window
        self.disk: Course = self.reader.course  # the course as the files say
        self.good: dict[Key, ModuleTranslation] = loaded_translations(self.disk)
        self.previous: set[Key] = set()  # shown at the last version that loaded
        self.problems: list[Problem] = []
        self.editor = ExternalEditor(settings)
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._validated)
        self.watcher = ContentWatcher(self.disk.root, self)
        self.watcher.changed.connect(self.files_changed)
        self.dock = ProblemsDock()
        self.dock.opened.connect(self.open_problem)
        self.dock.edited.connect(self.edit_problem)
        window.add_dock(self.dock)
        self.counts = QLabel()
        self.counts.setObjectName("problemCounts")
        window.statusBar().addPermanentWidget(self.counts)
        window.view.anchorClicked.connect(self._follow)
        self.validate()

    @property
    def reader(self) -> ReaderApi:
        return self.window.reader

    def close(self) -> None:
        """Editor mode off: stop watching, remove the panel and counts."""
        self.watcher.stop()
        self.watcher.changed.disconnect(self.files_changed)
        self.tasks.done.disconnect(self._validated)
        self.tasks.clear()
        self.window.view.anchorClicked.disconnect(self._follow)
        self.window.statusBar().removeWidget(self.counts)
        self.dock.close()
        self.dock.deleteLater()
        self.counts.deleteLater()
        self.tasks.wait()

    def retranslate_ui(self) -> None:
        self.dock.retranslate_ui()
        self._show_counts()

    # ------------------------------------------------------------ saves

    def files_changed(self, paths: list[Path]) -> None:
        """Read the changed files again and show the page again where it was."""
        started = time.perf_counter()
        result = apply_changes(self.disk, paths)
        self._follow_disk(result)
        pictures = any(p.suffix != ".md" for p in paths)
        self._show_course(None if result.whole else result.modules, pictures)
        self.reloaded.emit(time.perf_counter() - started)
        self.validate()

    def _follow_disk(self, result: Reloaded) -> None:
        self.disk = result.course
        self.good.update(loaded_translations(result.course))
        self.previous = {k for k in self.previous if k[0] not in result.modules}

    def _show_course(self, stale: Iterable[str] | None, pictures: bool = False) -> None:
        """The reader's course: the files', with the last good versions asked for."""
        course = self.disk
        for key in sorted(self.previous):
            course = with_translation(course, self.good[key])
        view = self.window.view
        place = _place(view)
        if pictures:
            view.content.forget_images()  # drawn again from the files
        self.reader.replace_course(course, stale)
        _put_place(view, place)

    def show_previous(self, module_id: str, on: bool) -> None:
        """Show the last version of the module's file that loaded (``on``) or the file as saved."""
        key = (module_id, self.reader.content_language)
        if on and key in self.good:
            self.previous.add(key)
        else:
            self.previous.discard(key)
        self._show_course([module_id])

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == EDITOR_SCHEME:
            what, _sep, module_id = url.path().partition("/")
            self.show_previous(module_id, what == "previous")

    # ------------------------------------------------------------ problems

    def validate(self) -> None:
        """Check the whole course off the UI thread; the panel and the page follow."""
        from courseware_app.core.validate import validate_course

        course = self.disk
        self.tasks.clear()
        self.tasks.submit(course, partial(validate_course, course))

    def _validated(self, course: Course, diagnostics: list[Diagnostic]) -> None:
        if course is not self.disk:
            return  # a newer save is being checked
        before = self._page_problems()
        self.problems = locate(course, diagnostics)
        self.dock.set_problems(self.problems)
        self._show_counts()
        if self._page_problems() != before:
            place = _place(self.window.view)
            self.reader.redraw()
            _put_place(self.window.view, place)
        self.validated.emit()

    def _page_problems(self) -> list[Problem]:
        loc = self.reader.location
        if loc is None:
            return []
        return problems_of(self.problems, loc.module, self._shown_language(loc.module))

    def _show_counts(self) -> None:
        errors, warnings = counts(self.problems)
        text = ngettext("{count} error", "{count} errors", errors).format(count=errors)
        more = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
        self.counts.setText(f"{text}, {more}")

    def open_problem(self, problem: Problem) -> None:
        """Show the section that holds the problem's line, in the problem's language."""
        reader = self.reader
        if not problem.module or problem.module not in reader.course.modules:
            self.window.show_status(problem.diagnostic.format())
            return
        if problem.lang and problem.lang != reader.content_language:
            reader.set_content_language(problem.lang)
        tr = reader.course.modules[problem.module].translations.get(problem.lang)
        reader.navigate(Location(problem.module, section_at(tr, problem.line)))
        self.window.show_status(problem.diagnostic.format())

    def edit_problem(self, problem: Problem) -> None:
        if not self.editor.open(problem.path, problem.line):
            self.window.show_status(_("Could not start the text editor"))

    # ------------------------------------------------------------ the page

    def _shown_language(self, module_id: str) -> str:
        module = self.reader.course.modules.get(module_id)
        lang = self.reader.content_language
        tr = module.best(lang) if module is not None and lang not in module.failed else None
        return tr.lang if tr is not None else lang

    def decorate(self, page: str, module_id: str) -> str:
        """Editor mode's marks on the page as shown."""
        lang = self.reader.content_language
        module = self.reader.course.modules.get(module_id)
        if (module_id, lang) in self.previous:
            page = at_top(page, previous_version_banner(module_id))
        elif module is not None and lang in module.failed:
            has_good = (module_id, lang) in self.good
            return at_top(page, previous_version_link(module_id)) if has_good else page
        shown = self._shown_language(module_id)
        mine = problems_of(self.problems, module_id, shown)
        return mark_problems(page, page_facts(self.reader.course, module_id, shown, mine))


def _place(view: ModuleView) -> tuple[str, int] | None:
    """The section at the top of the view and how far past its heading the view is."""
    anchors = view.anchor_positions()
    section = view.current_section()
    tops = {name: y for y, name in anchors}
    if section not in tops:
        return None
    offset = view.verticalScrollBar().value() - tops[section]
    if offset < 0 and section == anchors[0][1]:
        return None  # above the first heading: the page's top stays where it was
    return section, offset


def _put_place(view: ModuleView, place: tuple[str, int] | None) -> None:
    """The view at ``place`` again (the page was drawn anew), kept there while it settles."""
    if place is None:
        return
    view.forget_anchors()
    tops = {name: y for y, name in view.anchor_positions()}
    section, offset = place
    if section in tops:
        view.scroll_quietly(tops[section] + offset)
        view.place.keep()
