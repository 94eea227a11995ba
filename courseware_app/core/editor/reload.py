"""A course after some of its files changed on disk: only the files that changed are read again.

A module's language file is parsed again on its own; a file beside it (an image) changes no
model but its pages; anything else (course.yaml, a module folder appearing or going) loads the
whole course again, which also re-builds the outline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from courseware_app.core.course import Course, Diagnostic, Module, ModuleTranslation, Severity
from courseware_app.core.loader import load_course, load_module, load_translation


@dataclass(frozen=True)
class Reloaded:
    """The course now, which modules' pages are stale, and whether it was loaded whole."""

    course: Course
    modules: frozenset[str]
    whole: bool = False


@dataclass
class _Plan:
    """Per module: the languages whose file changed, and whether the module loads again whole."""

    languages: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    whole_modules: set[str] = dataclasses.field(default_factory=set)
    assets: set[str] = dataclasses.field(default_factory=set)


def apply_changes(course: Course, paths: Iterable[Path]) -> Reloaded:
    """``course`` with the changed ``paths`` (files under its root) read again."""
    plan = _plan(course, list(paths))
    if plan is None:
        new = load_course(course.root)
        return Reloaded(new, frozenset(new.modules) | frozenset(course.modules), True)
    for mid in plan.whole_modules:
        course = _reload_module(course, mid)
    for mid, langs in plan.languages.items():
        for lang in sorted(langs):
            course = _reload_translation(course, mid, lang)
    stale = plan.whole_modules | set(plan.languages) | plan.assets
    return Reloaded(course, frozenset(stale))


def module_of(course: Course, path: Path) -> tuple[str, str] | None:
    """(module id, file name) for a file inside a module folder of the course, else None."""
    try:
        parts = path.resolve().relative_to(course.root.resolve()).parts
    except ValueError:
        return None
    if len(parts) < 3 or parts[0] != "modules":
        return None
    return parts[1], "/".join(parts[2:])


def _plan(course: Course, paths: list[Path]) -> _Plan | None:
    """What to read again; None when the whole course must be loaded again."""
    plan = _Plan()
    for path in paths:
        place = module_of(course, path)
        if place is None or place[0] not in course.modules:
            return None  # course.yaml, or a module the course has not loaded (yet)
        mid, name = place
        lang = name.removesuffix(".md")
        if name.endswith(".md") and lang in course.languages:
            if path.is_file():
                plan.languages.setdefault(mid, set()).add(lang)
            else:
                plan.whole_modules.add(mid)  # gone, or renamed away: "translation-missing"
        else:
            plan.assets.add(mid)
    for mid in plan.whole_modules:
        plan.languages.pop(mid, None)
    return plan


def _inside(diagnostic: Diagnostic, target: Path) -> bool:
    """The diagnostic is about ``target`` (a file) or a file in it (a folder)."""
    path = Path(diagnostic.file).resolve()
    return path == target or target in path.parents


def _with_module(
    course: Course, module: Module, target: Path, diagnostics: list[Diagnostic]
) -> Course:
    kept = [d for d in course.diagnostics if not _inside(d, target.resolve())]
    modules = {**course.modules, module.id: module}
    return dataclasses.replace(course, modules=modules, diagnostics=(*kept, *diagnostics))


def _reload_module(course: Course, mid: str) -> Course:
    old = course.modules[mid]
    module, diagnostics = load_module(
        old.folder, mid, old.track, course.languages, course.source_language
    )
    if module is None:  # the folder went away: the course's own listing says so
        return load_course(course.root)
    return _with_module(course, module, old.folder, diagnostics)


def _reload_translation(course: Course, mid: str, lang: str) -> Course:
    old = course.modules[mid]
    path = old.folder / f"{lang}.md"
    tr, diagnostics = load_translation(path, mid, lang, course.source_language)
    errors = tuple(d for d in diagnostics if d.severity == Severity.ERROR)
    translations = {k: v for k, v in old.translations.items() if k != lang}
    failed = {k: v for k, v in old.failed.items() if k != lang}
    if tr is None or errors:
        failed[lang] = errors
    else:
        translations[lang] = tr
    module = dataclasses.replace(old, translations=translations, failed=failed)
    return _with_module(course, module, path, diagnostics)


def with_translation(course: Course, tr: ModuleTranslation) -> Course:
    """``course`` showing ``tr`` for its module and language (a version that loaded before,
    in place of a file that no longer does); the diagnostics stay the files' own."""
    old = course.modules[tr.module_id]
    failed = {k: v for k, v in old.failed.items() if k != tr.lang}
    module = dataclasses.replace(old, translations={**old.translations, tr.lang: tr}, failed=failed)
    return dataclasses.replace(course, modules={**course.modules, module.id: module})


def loaded_translations(course: Course) -> dict[tuple[str, str], ModuleTranslation]:
    """Every translation that loaded, by (module id, language)."""
    return {
        (m.id, lang): tr for m in course.modules.values() for lang, tr in m.translations.items()
    }
