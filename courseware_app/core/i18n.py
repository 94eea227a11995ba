"""gettext for the UI, from Babel-compiled catalogs; import _ and friends explicitly."""

from __future__ import annotations

import gettext as _gettext
import logging
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TypedDict

from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE

DOMAIN = "courseware"
UI_LANGUAGES = LANGUAGES  # the old name, kept for its importers
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables gettext programs read for their language, first wins."""
log = logging.getLogger(__name__)


class _State(TypedDict):
    lang: str
    catalog: _gettext.NullTranslations
    generation: int
    cache: Path | None


_state: _State = {
    "lang": SOURCE_LANGUAGE,
    "catalog": _gettext.NullTranslations(),
    "generation": 0,
    "cache": None,
}


_here = threading.local()  # this thread's language while ``in_language`` lasts


def current_language() -> str:
    lang: str | None = getattr(_here, "lang", None)
    return lang if lang is not None else _state["lang"]


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Translate in ``lang`` on this thread while the block runs (a document printed in
    another language than the interface's); other threads, the interface and ``generation``
    are not touched."""
    saved = getattr(_here, "lang", None), getattr(_here, "catalog", None)
    _here.lang, _here.catalog = lang, translator(lang)
    try:
        yield
    finally:
        _here.lang, _here.catalog = saved


def _catalog() -> _gettext.NullTranslations:
    catalog: _gettext.NullTranslations | None = getattr(_here, "catalog", None)
    return catalog if catalog is not None else _state["catalog"]


def generation() -> int:
    """Changes on every switch: work done across a switch may mix languages and is discarded."""
    return _state["generation"]


def _(message: str) -> str:
    """Translate ``message``; the empty string stays empty (not the catalog header)."""
    if not message:
        return ""
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def language_part(locale_name: str) -> str:
    """``ru_RU.UTF-8`` -> ``ru``, ``fr_CA`` -> ``fr``, ``C``/``POSIX`` -> ``en``."""
    name = locale_name.strip().split(".")[0].split("@")[0]
    code = name.replace("-", "_").split("_")[0].lower()
    return SOURCE_LANGUAGE if code in ("c", "posix") else code


def environment_language(environ: Mapping[str, str]) -> str:
    """The language gettext programs would choose from ``environ``, if it is one of ours.

    The first of $LANGUAGE (a colon-separated list: its first entry we support), $LC_ALL,
    $LC_MESSAGES and $LANG that is set and non-empty decides; an unsupported one gives English.
    """
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            wanted = [language_part(entry) for entry in value.split(":") if entry]
            return next((lang for lang in wanted if lang in LANGUAGES), SOURCE_LANGUAGE)
    return SOURCE_LANGUAGE


def compile_catalog(po: Path, mo: Path) -> None:
    """Compile a .po into a .mo with Babel (only needed when no current .mo ships)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from courseware_app.core import atomic

    with po.open("rb") as f:
        catalog = read_po(f)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    atomic.write_bytes(mo, compiled.getvalue(), parents=True)


def catalog_po(locales: Path, lang: str) -> Path:
    """The translators' catalog (.po) for ``lang`` under a locales folder."""
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def find_mo(lang: str, locales: Path, cache: Path | None) -> Path | None:
    """The compiled catalog for ``lang``: beside the .po when current, else (re)built in cache."""
    po = catalog_po(locales, lang)
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo
    if not po.is_file():
        return None
    if cache is None:
        return None
    cached = cache / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not cached.is_file() or cached.stat().st_mtime < po.stat().st_mtime:
        try:
            compile_catalog(po, cached)
        except (OSError, ValueError) as exc:
            log.warning("could not compile %s: %s", po, exc)
            return None
    return cached


Words = _gettext.NullTranslations
"""A catalog's ``gettext`` and ``ngettext``: what ``translator`` gives."""
_translators: dict[str, Words] = {}


def translator(lang: str) -> Words:
    """The catalog of ``lang`` (its ``gettext``/``ngettext``), whatever the UI language: for
    words shown to someone else than the person at the keyboard, such as the room in front of
    a projector. Loaded once per language; English (or a missing catalog) as written."""
    found = _translators.get(lang)
    if found is not None:
        return found
    if lang == _state["lang"]:
        return _state["catalog"]
    from courseware_app.core.paths import locales_dir

    catalog: _gettext.NullTranslations = _gettext.NullTranslations()
    mo = find_mo(lang, locales_dir(), _state.get("cache")) if lang != "en" else None
    if mo is not None:
        with mo.open("rb") as f:
            catalog = _gettext.GNUTranslations(f)
    _translators[lang] = catalog
    return catalog


def set_language(lang: str, locales: Path | None = None, cache: Path | None = None) -> None:
    """Switch the UI catalog; every later call of _() answers in ``lang``."""
    from courseware_app.core.paths import locales_dir

    locales = locales or locales_dir()
    catalog: _gettext.NullTranslations = _gettext.NullTranslations()
    mo = find_mo(lang, locales, cache) if lang != "en" else None
    if mo is not None:
        with mo.open("rb") as f:
            catalog = _gettext.GNUTranslations(f)
    elif lang != "en":
        log.warning("no UI catalog for %s; showing English", lang)
    _state["lang"], _state["catalog"], _state["cache"] = lang, catalog, cache
    _state["generation"] += 1
    _translators.clear()  # the catalogs may have been rebuilt
