"""The page the window showed last, so that the next start can paint it before anything else.

A start-up that loads the course model, the progress store and every menu before painting keeps
a trainer waiting in front of a projector. Instead the window records, whenever it shows a new
page (and when it closes), which page that was and where its rendered HTML lies in the page
cache. The next start reads that record, checks that nothing it depends on changed, paints the
page and loads the rest afterwards. The record is ``<cache>/start.json``:

    {"stamp": "<app build, content files, UI catalog>", "ui_language": "ru",
     "content_preference": "", "content_language": "ru", "trainer": false,
     "module": "rm-01", "section": "intro", "zoom": 0, "languages": ["en", "ru", "fr"],
     "title": "…", "position": "…", "page": "pages/<key>.json"}

Anything unexpected (no record, another language, content edited, a page file gone) means the
ordinary start-up: the record only ever saves time, it never decides what is shown. With
$COURSEWARE_NO_CACHE set, no record is read or written (core.fingerprint).
"""

from __future__ import annotations

import json
import logging
import typing
from pathlib import Path

from courseware_app.core import atomic
from courseware_app.core.fingerprint import Fingerprint, caches_enabled
from courseware_app.core.pagefile import read_page

log = logging.getLogger(__name__)
FILE_NAME = "start.json"


if typing.TYPE_CHECKING:  # types only: creating TypedDicts would cost ~2 ms before the paint

    class StartRecord(typing.TypedDict):
        """What the window records about the page it shows."""

        ui_language: str
        content_preference: str
        content_language: str
        trainer: bool
        module: str
        section: str
        zoom: int
        languages: list[str]
        title: str
        position: str

    class SavedRecord(StartRecord):
        stamp: str  # Fingerprint.of(content, ui_language)
        page: str  # the page file, relative to the cache folder

    class StartPage(SavedRecord):
        """A record read back, with its page's HTML and section ids."""

        html: str
        section_ids: list[str]


class StartPages:
    """Reads and writes the start record for one content tree and one cache folder."""

    def __init__(
        self,
        cache: Path,
        content_root: Path,
        catalogs: Path | None = None,
        fingerprint: Fingerprint | None = None,
    ) -> None:
        self.cache = Path(cache)
        self.content_root = Path(content_root)
        self.fingerprint = fingerprint or Fingerprint(catalogs)

    @property
    def file(self) -> Path:
        return self.cache / FILE_NAME

    def stamp(self, ui_language: str) -> str:
        """What a recorded page depends on: the app build, every content file, the UI catalog.
        Build and content are taken once per session: a page shown later was rendered from the
        course as loaded, so an edit made meanwhile must invalidate the record, not refresh it.
        (Compared as text: hashlib would cost more at start-up than the comparison.)"""
        return self.fingerprint.of(self.content_root, ui_language)

    def save(self, record: StartRecord, page: Path | None) -> None:
        """Record the page now shown; ``page`` None (an error page, no page cache) forgets it."""
        if not caches_enabled():
            return
        try:
            if page is None:
                self.file.unlink(missing_ok=True)
                return
            stamp, relative = self.stamp(record["ui_language"]), page.relative_to(self.cache)
            saved: SavedRecord = {**record, "stamp": stamp, "page": relative.as_posix()}
            atomic.write_json(self.file, saved, parents=True)
        except (OSError, ValueError, KeyError) as exc:
            log.info("could not record the start page: %s", exc)

    def load(
        self,
        *,
        ui_language: str,
        trainer: bool,
        content_preference: str,
        module: str | None = None,
    ) -> StartPage | None:
        """The recorded page with its ``html`` and ``section_ids``, if it is still what this
        start would show; else None."""
        data = self._read() if caches_enabled() else None
        if data is None:
            return None
        wanted = {
            "ui_language": ui_language,
            "trainer": trainer,
            "content_preference": content_preference,
            "module": data.get("module") if module is None else module,
            "stamp": self.stamp(ui_language),
        }
        if any(data.get(k) != v for k, v in wanted.items()):
            return None
        relative = Path(data["page"])
        if relative.is_absolute() or ".." in relative.parts:
            return None  # a record only ever points into its own cache
        page = read_page(self.cache / relative)
        if page is None:
            return None
        data["html"], data["section_ids"] = page
        return data

    def _read(self) -> StartPage | None:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            if not isinstance(exc, FileNotFoundError):
                log.info("ignoring the start record: %s", exc)
            return None
        if not isinstance(data, dict) or not isinstance(data.get("page"), str):
            return None
        return typing.cast("StartPage", data)
