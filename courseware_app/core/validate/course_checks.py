"""``validate_course``: the loader's findings plus every rule that spans files, per module."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from courseware_app.core.course import (
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Severity,
    is_outdated,
)
from courseware_app.core.glossary import glossary_for
from courseware_app.core.validate.assets import check_unused, check_variants, used_paths
from courseware_app.core.validate.common import diag
from courseware_app.core.validate.glossary_use import check_avoided
from courseware_app.core.validate.links import FileUse, scan_links
from courseware_app.core.validate.parity import (
    check_exercises,
    check_presenting,
    check_quizzes,
    check_sections,
)
from courseware_app.core.validate.prose import check_trainer_notes, check_typography
from courseware_app.core.validate.view import CourseView

SECTION_ERRORS = ("section-", "no-sections", "fence-unclosed")  # the sections are not as written
QUIZ_ERRORS = "quiz-"  # a quiz (or a question) was dropped
EXERCISE_ERRORS = "exercise-"  # an exercise (or a card) was dropped


def validate_course(course: Course, only: Collection[str] | None = None) -> list[Diagnostic]:
    """Every loader diagnostic plus the cross-file checks, sorted by file and line. A file that
    failed to load is still checked, so one error never hides its other problems. With
    ``only``, the per-module checks run for those modules only (the rest is as it was)."""
    from courseware_app.core.release import check_release

    view = CourseView(course)
    diags = [*course.diagnostics, *check_release(course, course.root)]
    if only is None:
        diags.extend(glossary_for(course.root).diagnostics)
    used: set[Path] = set()
    for module in course.modules.values():
        if only is None or module.id in only:
            found, uses = check_module(view, module)
            diags.extend(found)
            used |= used_paths(module, uses)
    if only is None:
        for module in course.modules.values():
            if _all_read(view, module):
                diags.extend(check_unused(module, course.languages, used))
    return sorted_diagnostics(diags)


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Each problem once, by file, line, code and message."""
    return sorted(set(diags), key=lambda d: (d.file, d.line, d.code, d.message))


def check_module(
    view: CourseView, module: Module
) -> tuple[list[Diagnostic], dict[str, list[FileUse]]]:
    """The checks of each language file of a module, and the module's files each one uses."""
    from courseware_app.core.release import check_stubs

    glossary = glossary_for(view.course.root)
    out: list[Diagnostic] = []
    uses: dict[str, list[FileUse]] = {}
    src = view.source(module)
    for lang, tr in sorted(view.translations(module).items()):
        links = scan_links(view, module, tr)
        uses[lang] = links.files
        out.extend(links.diagnostics)
        out.extend(check_variants(module, tr, links.files, view.course.languages))
        out.extend(check_typography(tr))
        out.extend(check_trainer_notes(tr))
        out.extend(check_stubs(tr))
        out.extend(check_avoided(tr, glossary))
        if src is not None and tr is not src:
            out.extend(_against_source(view, module, src, tr))
    return out, uses


def _against_source(
    view: CourseView, module: Module, src: ModuleTranslation, tr: ModuleTranslation
) -> list[Diagnostic]:
    """A translation against the source: sections, slides and minutes, quizzes, exercises (each
    unless a load error on either side already changed them), and whether it follows the
    current version."""
    out: list[Diagnostic] = []
    langs = (src.lang, tr.lang)
    if not any(view.broken(module, lang, SECTION_ERRORS) for lang in langs):
        out.extend(check_sections(src, tr))
        out.extend(check_presenting(src, tr))
    if not any(view.broken(module, lang, QUIZ_ERRORS) for lang in langs):
        out.extend(check_quizzes(src, tr))
    if not any(view.broken(module, lang, EXERCISE_ERRORS) for lang in langs):
        out.extend(check_exercises(src, tr))
    if is_outdated(tr.translated_from, src.version):
        message = f"follows {src.lang} {tr.translated_from}, which is now {src.version}"
        out.append(diag(tr, 1, "translation-outdated", message, Severity.WARNING))
    return out


def _all_read(view: CourseView, module: Module) -> bool:
    """Whether every language file of the module could be read for checks (else what its
    unread files use is unknown, and no file of the folder is called unused)."""
    found = view.translations(module)
    return all(
        lang in found or not (module.folder / f"{lang}.md").exists()
        for lang in view.course.languages
    )
