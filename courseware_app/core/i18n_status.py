"""Translation status: modules x languages, and the state of each UI catalog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from courseware_app.core.course import Course, Status
from courseware_app.core.i18n import UI_LANGUAGES, catalog_po

# One module in one language: status, version, translated_from, source_version.
# (a dict, not a TypedDict, while commands/i18n.py _cell() is annotated with a bare dict)
LanguageCell = dict[str, str | None]


class ModuleRow(TypedDict):
    """One module's row of the matrix: its id, and a cell for each language of the course."""

    module: str
    languages: dict[str, LanguageCell]


@dataclass(frozen=True)
class CatalogStatus:
    lang: str
    translated: int
    untranslated: int
    fuzzy: int
    exists: bool = True

    @property
    def complete(self) -> bool:
        return self.exists and self.untranslated == 0 and self.fuzzy == 0


def catalog_status(locales: Path, lang: str) -> CatalogStatus:
    po = catalog_po(locales, lang)
    if not po.is_file():
        return CatalogStatus(lang, 0, 0, 0, exists=False)
    with po.open("rb") as f:
        catalog = read_po(f)
    translated = untranslated = fuzzy = 0
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy += 1
        elif _is_translated(message, lang):
            translated += 1
        else:
            untranslated += 1
    return CatalogStatus(lang, translated, untranslated, fuzzy)


def _is_translated(message: Message, lang: str) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    if lang == "en":
        return True  # English is the source language: an empty msgstr shows the msgid itself
    return all(strings)


def module_matrix(course: Course) -> list[ModuleRow]:
    rows: list[ModuleRow] = []
    for module in course.ordered_modules():
        cells: dict[str, LanguageCell] = {}
        for lang in course.languages:
            status = module.status(lang)
            tr = module.translations.get(lang)
            cells[lang] = {
                "status": str(status),
                "version": tr.version if tr else None,
                "translated_from": tr.translated_from if tr else None,
                "source_version": module.version,
            }
        rows.append({"module": module.id, "languages": cells})
    return rows


def problems(matrix: list[ModuleRow], catalogs: list[CatalogStatus]) -> int:
    bad = sum(
        1 for row in matrix for cell in row["languages"].values() if cell["status"] != Status.OK
    )
    return bad + sum(1 for c in catalogs if not c.complete)


def all_catalogs(locales: Path) -> list[CatalogStatus]:
    return [catalog_status(locales, lang) for lang in UI_LANGUAGES]
