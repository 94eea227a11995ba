"""Rendered pages kept on disk, keyed by everything they depend on, for a fast start-up.

Light to import (the course model and the renderer are imported when first needed): the start-up
path reads a cached page through ``read_page`` before anything else is loaded.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app import __version__
from courseware_app.core.i18n import catalog_po
from courseware_app.core.paths import write_json_atomic
from courseware_app.core.stamps import file_stamp

if TYPE_CHECKING:
    from courseware_app.core.course import Course

log = logging.getLogger(__name__)


class PageCache:
    """``get_or_render`` returns module_page(...) from disk when nothing it depends on changed."""

    def __init__(self, folder: Path | None, catalogs: Path | None = None):
        self.folder = folder
        self.catalogs = catalogs

    def key(self, course: Course, module_id: str, lang: str, trainer: bool, ui_lang: str) -> str:
        import hashlib

        module = course.modules.get(module_id)
        parts = [
            __version__,
            course.version,
            str(course.root.resolve()),
            module_id,
            lang,
            str(trainer),
            ui_lang,
        ]
        if module is not None and module.folder.is_dir():
            parts += sorted(file_stamp(p) for p in module.folder.iterdir())
        if self.catalogs is not None:
            parts.append(file_stamp(catalog_po(self.catalogs, ui_lang)))
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()

    def path(self, course: Course, module_id: str, lang: str, trainer: bool, ui_lang: str):
        """The file that holds (or would hold) this page; None when pages are not kept."""
        if self.folder is None:
            return None
        return self.folder / f"{self.key(course, module_id, lang, trainer, ui_lang)}.json"

    def get_or_render(self, course: Course, module_id: str, lang: str, trainer: bool, ui_lang: str):
        from courseware_app.core.render import module_page

        cached = self.get(course, module_id, lang, trainer, ui_lang)
        if cached is not None:
            return cached
        page = module_page(course, module_id, lang, trainer)
        self.put(course, (module_id, lang, trainer, ui_lang), page)
        return page

    def get(self, course: Course, module_id: str, lang: str, trainer: bool, ui_lang: str):
        """The page from disk, or None."""
        path = self.path(course, module_id, lang, trainer, ui_lang)
        return None if path is None else self._read(path)

    def put(self, course: Course, key: tuple, page) -> None:
        """Keep a rendered page; error pages are cheap and must never go stale, so they are not kept."""
        path = self.path(course, *key)
        if path is not None and page[1] is not None:
            self._write(path, page)

    def _read(self, path: Path):
        from courseware_app.core.render import RenderedModule

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rendered = data["rendered"]
            module = RenderedModule(
                module_id=rendered["module_id"],
                lang=rendered["lang"],
                trainer=rendered["trainer"],
                title=rendered["title"],
                html=rendered["html"],
                toc=tuple(tuple(x) for x in rendered["toc"]),
                links=tuple(tuple(x) for x in rendered["links"]),
                images=tuple(rendered["images"]),
            )
            return data["page"], module
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write(self, path: Path, page) -> None:
        html, rendered = page
        data = {
            "page": html,
            "rendered": {
                "module_id": rendered.module_id,
                "lang": rendered.lang,
                "trainer": rendered.trainer,
                "title": rendered.title,
                "html": rendered.html,
                "toc": rendered.toc,
                "links": rendered.links,
                "images": rendered.images,
            },
        }
        try:
            write_json_atomic(path, data)
        except OSError as exc:
            log.info("could not cache a page: %s", exc)


def read_page(path: Path) -> tuple[str, list[str]] | None:
    """A cached page's HTML and section ids, without the renderer; None if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["page"], [str(entry[0]) for entry in data["rendered"]["toc"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
