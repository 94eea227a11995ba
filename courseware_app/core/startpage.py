"""The page the window showed last, so that the next start can paint it before anything else.

A start-up that loads the course model, the progress store and every menu before painting keeps
a trainer waiting in front of a projector. Instead the window records, whenever it shows a new
page (and when it closes), which page that was and where its rendered HTML lies in the page
cache. The next start reads that record, checks that nothing it depends on changed, paints the
page and loads the rest afterwards. The record is ``<cache>/start.json``:

    {"format": 1, "stamp": "<content files, UI catalog, app version>", "ui_language": "ru",
     "content_preference": "", "content_language": "ru", "trainer": false,
     "module": "rm-01", "section": "intro", "zoom": 0, "languages": ["en", "ru", "fr"],
     "title": "…", "position": "…", "page": "pages/<key>.json"}

Anything unexpected (no record, another language, content edited, a page file gone) means the
ordinary start-up: the record only ever saves time, it never decides what is shown.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from courseware_app.core.i18n import catalog_po
from courseware_app.core.paths import write_json_atomic
from courseware_app.core.stamps import content_listing, file_stamp

log = logging.getLogger(__name__)
FORMAT = 1
FILE_NAME = "start.json"


class StartPages:
    """Reads and writes the start record for one content tree and one cache folder."""

    def __init__(self, cache: Path, content_root: Path, catalogs: Path | None = None):
        self.cache = Path(cache)
        self.content_root = Path(content_root)
        self.catalogs = catalogs
        self._content: str | None = None

    @property
    def file(self) -> Path:
        return self.cache / FILE_NAME

    def stamp(self, ui_language: str) -> str:
        """What a recorded page depends on: every content file, the UI catalog, the app version.
        The content tree is walked once per session: a page shown later was rendered from the
        course as loaded, so an edit made meanwhile must invalidate the record, not refresh it."""
        if self._content is None:
            self._content = (
                content_listing(self.content_root) if self.content_root.is_dir() else "-"
            )
        parts = [self._content, ui_language]
        if self.catalogs is not None:
            parts.append(file_stamp(catalog_po(self.catalogs, ui_language)))
        return "\n".join(parts)

    def save(self, record: dict, page: Path | None) -> None:
        """Record the page now shown; ``page`` None (an error page, no page cache) forgets it."""
        try:
            if page is None:
                self.file.unlink(missing_ok=True)
                return
            data = dict(record, format=FORMAT, stamp=self.stamp(record["ui_language"]))
            data["page"] = page.relative_to(self.cache).as_posix()
            write_json_atomic(self.file, data)
        except (OSError, ValueError, KeyError) as exc:
            log.info("could not record the start page: %s", exc)

    def load(
        self,
        *,
        ui_language: str,
        trainer: bool,
        content_preference: str,
        module: str | None = None,
    ) -> dict | None:
        """The recorded page with its ``html`` and ``section_ids``, if it is still what this
        start would show; else None."""
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            wanted = {
                "format": FORMAT,
                "ui_language": ui_language,
                "trainer": trainer,
                "content_preference": content_preference,
            }
            if any(data.get(k) != v for k, v in wanted.items()):
                return None
            if module is not None and data.get("module") != module:
                return None
            if data.get("stamp") != self.stamp(ui_language):
                return None
            from courseware_app.core.pagecache import read_page

            relative = Path(data["page"])
            if relative.is_absolute() or ".." in relative.parts:
                return None  # a record only ever points into its own cache
            page = read_page(self.cache / relative)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            if not isinstance(exc, FileNotFoundError):
                log.info("ignoring the start record: %s", exc)
            return None
        if page is None:
            return None
        data["html"], data["section_ids"] = page
        return data
