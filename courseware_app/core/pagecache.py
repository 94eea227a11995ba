"""Rendered pages kept on disk, keyed by the app build, the content tree and the UI catalog, for
a fast start-up.

The course model and the renderer are imported when first needed. The start-up path reads a
cached page with ``read_page`` (core.pagefile, which holds the file's format) before anything
else is loaded, without importing this module.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core import atomic
from courseware_app.core.fingerprint import Fingerprint, caches_enabled, digest
from courseware_app.core.pagefile import HTML, RENDERED, read_page

__all__ = ["Page", "PageCache", "PageKey", "read_page"]

if TYPE_CHECKING:
    from courseware_app.core.course import Course
    from courseware_app.core.render import RenderedModule

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageKey:
    """Which page: a module, in a content language, in trainer mode or not, with a UI language.
    No theme: a page names no colour (core.render.wrap_page with no theme), the view's document
    gets the theme's stylesheet, so a theme switch shows the same page again, not a new one."""

    module: str
    content_lang: str
    trainer: bool
    ui_lang: str
    key_points: bool = True  # slides shown as key-points boxes (View menu)
    glossary: bool = False  # glossary terms marked with a tooltip (View menu)


@dataclass(frozen=True)
class Page:
    """A full HTML page; ``rendered`` is None for an error page (which is never cached)."""

    html: str
    rendered: RenderedModule | None

    @property
    def is_error(self) -> bool:
        return self.rendered is None

    @property
    def section_ids(self) -> list[str]:
        """The ids of the page's sections, in order ([] for an error page)."""
        return [] if self.rendered is None else [entry[0] for entry in self.rendered.toc]


class PageCache:
    """``get_or_render`` answers from disk when nothing the page depends on changed.
    ``folder`` None (or $COURSEWARE_NO_CACHE) keeps nothing; ``catalogs`` is the locales folder
    whose .po of the UI language is part of the key."""

    def __init__(
        self,
        folder: Path | None,
        catalogs: Path | None = None,
        fingerprint: Fingerprint | None = None,
    ) -> None:
        self.folder = folder
        self.fingerprint = fingerprint or Fingerprint(catalogs)

    def path(self, course: Course, key: PageKey) -> Path | None:
        """The file that holds (or would hold) this page; None when pages are not kept."""
        if self.folder is None or not caches_enabled():
            return None
        parts = [
            self.fingerprint.of(course.root, key.ui_lang),
            key.module,
            key.content_lang,
            str(key.trainer),
            *([] if key.key_points else ["no-key-points"]),
            *(["glossary"] if key.glossary else []),
        ]
        name = digest("\n".join(parts))
        return self.folder / f"{name}.json"

    def get(self, course: Course, key: PageKey) -> Page | None:
        """The page from disk, or None."""
        path = self.path(course, key)
        return None if path is None else _read(path)

    def put(self, course: Course, key: PageKey, page: Page) -> None:
        """Keep a rendered page; error pages are cheap and must never go stale, so they are not kept."""
        path = self.path(course, key)
        if path is not None and not page.is_error:
            _write(path, page)

    def render(self, course: Course, key: PageKey) -> Page:
        """Render the page now, without the cache (core.render.module_page), in no theme."""
        from courseware_app.core.render import module_page

        html, rendered = module_page(
            course, key.module, key.content_lang, key.trainer, None, key.key_points, key.glossary
        )
        return Page(html, rendered)

    def get_or_render(self, course: Course, key: PageKey) -> Page:
        cached = self.get(course, key)
        if cached is not None:
            return cached
        page = self.render(course, key)
        self.put(course, key, page)
        return page


def _read(path: Path) -> Page | None:
    from courseware_app.core.render import RenderedModule
    from courseware_app.core.serialise import from_json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Page(_expect_str(data[HTML]), from_json(RenderedModule, data[RENDERED]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, page: Page) -> None:
    from courseware_app.core.serialise import to_json

    try:
        atomic.write_json(
            path, {"page": page.html, "rendered": to_json(page.rendered)}, parents=True
        )
    except OSError as exc:
        log.info("could not cache a page: %s", exc)


def _expect_str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("a page's HTML must be text")
    return value
