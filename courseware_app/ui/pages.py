"""Pages for the reader: rendered once, kept in memory and on disk, pre-rendered off-thread."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject

from courseware_app.core import i18n
from courseware_app.core.pagecache import Page, PageCache, PageKey
from courseware_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Iterable

    from courseware_app.core.course import Course

log = logging.getLogger(__name__)


class _Rendered(NamedTuple):
    """What a worker hands back: the page, and whether it was rendered (not read from disk)."""

    page: Page
    fresh: bool


class _Job(NamedTuple):
    key: PageKey
    generation: int  # the UI catalog's generation when the job started
    course: Course | None = None  # the course it renders (editor mode replaces it)


class PageProvider(QObject):
    """``page(key)`` renders a module page or answers from memory or disk; ``prerender(keys)``
    fills the memory cache in the background. Only the UI thread writes to disk."""

    def __init__(self, course: Course, disk: PageCache, parent: QObject | None = None):
        super().__init__(parent)
        self.course = course
        self.disk = disk
        self.memory: dict[PageKey, Page] = {}
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._prerendered)

    def page(self, key: PageKey) -> Page:
        page = self.memory.get(key)
        if page is None:
            page = self.memory[key] = self.disk.get_or_render(self.course, key)
        return page

    def cached(self, key: PageKey) -> Page | None:
        """The page when it is in memory already (nothing is rendered)."""
        return self.memory.get(key)

    def prerender(self, keys: Iterable[PageKey]) -> None:
        """Render ``keys`` not in memory yet, one after the other, off the UI thread."""
        self.tasks.clear()
        for key in keys:
            if key not in self.memory:
                job = _Job(key, i18n.generation(), self.course)
                self.tasks.submit(job, partial(self._render_off_thread, key))

    def _render_off_thread(self, key: PageKey) -> _Rendered:
        """Runs on the worker: read the disk cache or render; writing happens on the UI thread."""
        cached = self.disk.get(self.course, key)
        if cached is not None:
            return _Rendered(cached, False)
        return _Rendered(self.disk.render(self.course, key), True)

    def _prerendered(self, job: _Job, result: _Rendered) -> None:
        if job.generation != i18n.generation() or job.key in self.memory:
            return  # the interface language changed meanwhile: the page may mix two languages
        if job.course is not None and job.course is not self.course:
            return  # the course changed meanwhile (editor mode): the page may be stale
        self.memory[job.key] = result.page
        if result.fresh:
            self.disk.put(self.course, job.key, result.page)

    def replace_course(self, course: Course, stale: Iterable[str] | None = None) -> None:
        """Files changed on disk (editor mode): render from ``course`` now, forget the pages
        of the ``stale`` modules (None: every page), and keep nothing on disk any more (the
        session's fingerprint of the content tree no longer describes it)."""
        self.tasks.clear()
        self.course = course
        self.disk = PageCache(None)
        forget = None if stale is None else set(stale)
        self.memory = {
            k: v for k, v in self.memory.items() if forget is not None and k.module not in forget
        }

    def shutdown(self) -> None:
        """Drop what has not started and wait for what has."""
        self.tasks.clear()
        self.tasks.wait()
