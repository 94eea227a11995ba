"""gettext for the UI, from Babel-compiled catalogs; import _ and friends explicitly."""

from __future__ import annotations

import gettext as _gettext
import logging
from pathlib import Path

DOMAIN = "courseware"
UI_LANGUAGES = ("en", "ru", "fr")
log = logging.getLogger(__name__)

_state: dict = {"lang": "en", "catalog": _gettext.NullTranslations(), "generation": 0}


def current_language() -> str:
    return _state["lang"]


def generation() -> int:
    """Changes on every switch: work done across a switch may mix languages and is discarded."""
    return _state["generation"]


def _(message: str) -> str:
    """Translate ``message``; the empty string stays empty (not the catalog header)."""
    if not message:
        return ""
    return _state["catalog"].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state["catalog"].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _state["catalog"].pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext name
    """Mark a string for extraction without translating it now."""
    return message


def compile_catalog(po: Path, mo: Path) -> None:
    """Compile a .po into a .mo with Babel (only needed when no current .mo ships)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f)
    mo.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo.with_suffix(".mo.tmp")
    with tmp.open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    tmp.replace(mo)


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
    _state["lang"], _state["catalog"] = lang, catalog
    _state["generation"] += 1
