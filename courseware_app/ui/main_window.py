"""The main window: the frame, the reader once a course is attached, and the parts attached to it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.ui import geometry
from courseware_app.ui.frame import WindowFrame
from courseware_app.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QWidget

    from courseware_app.core.course import Course
    from courseware_app.core.pagecache import PageCache
    from courseware_app.core.startpage import StartPages
    from courseware_app.ui.retranslate import LanguageController

log = logging.getLogger(__name__)


class MainWindow(WindowFrame):
    """Built in two steps at start-up: the frame (which may paint a recorded page at once), then
    ``attach_course``, which creates the reader. Tests and the self-test pass the course at once."""

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
        languages: LanguageController | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(settings, course.root if course else content_root or Path("."), parent)
        if content_lang:
            self.prefs.content_language = content_lang
        self.trainer_at_start = trainer  # never restored from settings
        self.actions_["trainerMode"].setChecked(trainer)
        self.start_pages = start_pages
        self.languages = languages
        self.uiLanguageRequested.connect(self.switch_ui_language)
        self.content_lang_box.activated.connect(self._content_lang_chosen)
        self.retranslate_ui()
        self.restore_geometry()
        if course is not None:
            self.attach_course(course, page_cache)

    @property
    def start_page_shown(self) -> bool:
        """A start page is on screen and the course is not attached yet."""
        return self.start_record is not None

    def attach_course(self, course: Course, page_cache: PageCache | None = None) -> None:
        """Read ``course``: the reader, the outline, the content languages, icons and shortcuts."""
        from courseware_app.core.pagecache import PageCache
        from courseware_app.ui.pages import PageProvider
        from courseware_app.ui.reader import Reader

        pages = PageProvider(course, page_cache or PageCache(None), self)
        self.reader = Reader(
            self, course, pages, trainer=self.trainer_at_start, start_pages=self.start_pages
        )
        self.place = self.reader
        self.add_part(self.reader)
        self.set_icons()
        self.themes.install_menu()
        self.actions_.set_shortcuts()
        self.actions_.enable_course_actions()
        self.actions_.retranslate_ui()  # tooltips name the shortcuts just set
        self.fill_content_languages()
        self.outline.populate(course, self.reader.content_language)
        self.update_title()

    def show(self) -> None:
        super().show()
        geometry.fit(self)  # again, now that the window manager's frame is known
        record = self.start_record
        if record is not None and record.get("section"):
            # Laid out at its size only now: scroll to the section read last before painting.
            self.view.go_to(record["section"])

    def switch_ui_language(self, lang: str) -> None:
        """The one path of a language switch: catalogs, every text, then the page, once."""
        self.prefs.ui_language = lang
        if self.languages is not None:
            self.languages.switch(lang)
        self.retranslate_ui()
        self.place.refresh()

    def _content_lang_chosen(self, index: int) -> None:
        self.prefs.content_language = self.content_lang_box.itemData(index) or ""
        self.place.refresh()

    def save_state(self) -> None:
        self.place.remember_start_page(closing=True)
        self.settings.save(self.prefs)
        self.save_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown_parts()
        self.save_state()
        super().closeEvent(event)
