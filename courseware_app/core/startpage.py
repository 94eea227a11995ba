"""The page the window showed last, so that the next start can paint it before anything else.

A start-up that loads the course model, the progress store and every menu before painting keeps
a trainer waiting in front of a projector. Instead the window records, whenever it shows a new
page (and when it closes), which page that was and where its rendered HTML lies in the page
cache. The next start reads that record, checks that nothing it depends on changed, paints the
page and loads the rest afterwards. The record is ``<cache>/start.json``:

    {"stamp": "<app build, content files, UI catalog>", "ui_language": "ru",
     "content_preference": "", "content_language": "ru", "trainer": false,
     "module": "rm-01", "section": "intro", "zoom": 0, "languages": ["en", "ru", "fr"],
     "title": "…", "position": "…", "page": "pages/<key>.json",
     "shared": false, "cover": {"title": {"en": "…"}, "tracks": [{"en": "…"}], "source": "en"}}

Anything unexpected (no record, another language, content edited, a page file gone) means the
ordinary start-up: the record only ever saves time, it never decides what is shown. With
$COURSEWARE_NO_CACHE set, no record is read or written (core.fingerprint).

On a shared laptop (the last session had two or more profiles) one person's page is never
painted for the next: the record then gives the course's title page instead (``cover``), which
shows nobody's place while a profile is chosen.
"""

from __future__ import annotations

import json
import logging
import typing
from pathlib import Path

from courseware_app.core import atomic
from courseware_app.core.fingerprint import Fingerprint, caches_enabled
from courseware_app.core.i18n import _
from courseware_app.core.pagefile import read_page

log = logging.getLogger(__name__)
FILE_NAME = "start.json"


if typing.TYPE_CHECKING:  # types only: creating TypedDicts would cost ~2 ms before the paint
    from courseware_app.core.course import Course

    class Cover(typing.TypedDict):
        """The course's title page: its title and tracks' titles by language."""

        title: dict[str, str]
        tracks: list[dict[str, str]]
        source: str  # the language to fall back on

    class CoverPage(typing.TypedDict):
        """The title page to paint, and the content languages the record offered."""

        html: str
        languages: list[str]

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
        shared: bool  # two or more profiles: paint the cover, never the page
        cover: Cover | None

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
        self.shared = False  # set by the profiles: two or more of them
        self.cover: Cover | None = None  # set once the course is loaded (cover_of)

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
            saved: SavedRecord = {
                **record,
                "stamp": stamp,
                "page": relative.as_posix(),
                "shared": self.shared,
                "cover": self.cover,  # without it, a shared laptop starts the ordinary way
            }
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
        start would show; else None (always on a shared laptop: see ``cover_page``)."""
        data = self._read() if caches_enabled() else None
        if data is None or data.get("shared") is not False:
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

    def cover_page(self, ui_language: str) -> CoverPage | None:
        """The course's title page, if the last session was on a shared laptop and nothing it
        depends on changed; else None."""
        data = self._read() if caches_enabled() else None
        cover = data.get("cover") if data is not None and data.get("shared") is True else None
        if data is None or cover is None or data.get("ui_language") != ui_language:
            return None
        if data.get("stamp") != self.stamp(ui_language):
            return None
        try:
            page = cover_html(cover, ui_language)
        except (KeyError, TypeError, AttributeError):  # a record edited by hand
            return None
        languages = data.get("languages")
        return {"html": page, "languages": languages if isinstance(languages, list) else []}

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


def cover_of(course: Course) -> Cover:
    """What the title page of ``course`` shows, in every language it has."""
    tracks = [dict(track.title) for track in course.tracks]
    return {"title": dict(course.title), "tracks": tracks, "source": course.source_language}


def cover_html(cover: Cover, lang: str) -> str:
    """The course's title page in ``lang``: its title, its tracks and a line inviting to choose
    a profile; nobody's place."""
    import html  # only when a cover is made: html.entities costs ~2 ms before the first paint

    def text(titles: dict[str, str]) -> str:
        value = titles.get(lang) or titles.get(cover["source"]) or next(iter(titles.values()), "")
        return html.escape(str(value))

    tracks = "".join(f"<li>{text(t)}</li>" for t in cover["tracks"])
    invitation = html.escape(_("Choose your profile to continue where you left off."))
    return (
        f'<html lang="{html.escape(lang)}"><body>'
        f'<h1 style="margin-top: 48px">{text(cover["title"])}</h1>'
        f'<ul style="font-size: large">{tracks}</ul>'
        f'<p style="margin-top: 24px"><i>{invitation}</i></p></body></html>'
    )
