"""Translation status: modules x languages, and the state of each UI catalog."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypedDict

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from courseware_app.core.course import Course, Diagnostic, Module, Severity, Status
from courseware_app.core.i18n import UI_LANGUAGES, catalog_po


class LanguageCell(TypedDict):
    """One module in one language, as ``i18n-status --format json`` and the translation matrix
    give it. The counts are None when the language's file is missing or cannot be read."""

    status: str  # core.course.Status: ok, missing, outdated, error
    version: str | None
    translated_from: str | None
    source_version: str
    words: int | None  # trainee-visible words (core.render.trainee_words)
    trainer_notes: int | None
    slides: int | None
    questions: int | None
    errors: int  # what ``courseware validate`` reports for the file
    warnings: int


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


Counts = dict[tuple[str, str], dict[Severity, int]]  # (module, lang) -> severity -> count


def module_matrix(course: Course, diagnostics: list[Diagnostic] | None = None) -> list[ModuleRow]:
    """Every module of the course in every language; ``diagnostics`` are what ``validate`` finds
    (found here when not given)."""
    if diagnostics is None:
        from courseware_app.core.validate import validate_course

        diagnostics = validate_course(course)
    counts = _problem_counts(course, diagnostics)
    return [
        {
            "module": module.id,
            "languages": {lang: _cell(module, lang, counts) for lang in course.languages},
        }
        for module in course.ordered_modules()
    ]


def _cell(module: Module, lang: str, counts: Counts) -> LanguageCell:
    from courseware_app.core.render import trainee_words

    tr = module.translations.get(lang)
    found = counts.get((module.id, lang), {})
    return {
        "status": str(module.status(lang)),
        "version": tr.version if tr else None,
        "translated_from": tr.translated_from if tr else None,
        "source_version": module.version,
        "words": trainee_words(tr) if tr else None,
        "trainer_notes": tr.trainer_notes if tr else None,
        "slides": len(tr.slides) if tr else None,
        "questions": sum(len(q.questions) for q in tr.quizzes) if tr else None,
        "errors": found.get(Severity.ERROR, 0),
        "warnings": found.get(Severity.WARNING, 0),
    }


def _problem_counts(course: Course, diagnostics: list[Diagnostic]) -> Counts:
    """Diagnostics counted by the module file they are in (content/modules/ID/LANG.md)."""
    modules = (course.root / "modules").resolve()
    counts: Counts = {}
    for d in diagnostics:
        path = Path(d.file).resolve()
        if path.parent.parent == modules and path.suffix == ".md":
            found = counts.setdefault((path.parent.name, path.stem), {})
            found[d.severity] = found.get(d.severity, 0) + 1
    return counts


def problems(matrix: list[ModuleRow], catalogs: list[CatalogStatus]) -> int:
    bad = sum(
        1 for row in matrix for cell in row["languages"].values() if cell["status"] != Status.OK
    )
    return bad + sum(1 for c in catalogs if not c.complete)


def all_catalogs(locales: Path) -> list[CatalogStatus]:
    return [catalog_status(locales, lang) for lang in UI_LANGUAGES]


COUNT_KEYS: Final = ("words", "trainer_notes", "slides", "questions", "errors", "warnings")
CELL_KEYS: Final = ("status", "version", "translated_from", "source_version", *COUNT_KEYS)
CSV_COLUMNS: Final = ("module", "language", *CELL_KEYS)


def cell_values(cell: LanguageCell) -> tuple[str | int | None, ...]:
    """A cell's facts in CELL_KEYS order."""
    c = cell
    return (
        c["status"],
        c["version"],
        c["translated_from"],
        c["source_version"],
        c["words"],
        c["trainer_notes"],
        c["slides"],
        c["questions"],
        c["errors"],
        c["warnings"],
    )


def matrix_csv_bytes(matrix: list[ModuleRow]) -> bytes:
    """The matrix as CSV, a row per module and language (CSV_COLUMNS, the JSON's keys): RFC 4180
    with CRLF, UTF-8 with a BOM like the results export, no cell a spreadsheet runs."""
    from courseware_app.core.results.formats import csv_cell

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in matrix:
        for lang, cell in row["languages"].items():
            values = [row["module"], lang, *cell_values(cell)]
            writer.writerow([csv_cell(c, v) for c, v in zip(CSV_COLUMNS, values, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
