"""``validate_file`` and ``validate_path``: one module file, or a whole content tree."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from courseware_app.core.course import Course, Diagnostic
from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE
from courseware_app.core.loader import display_path, load_course, load_module, load_translation
from courseware_app.core.validate.course_checks import sorted_diagnostics, validate_course
from courseware_app.core.validate.prose import check_trainer_notes, check_typography


def validate_path(path: Path) -> list[Diagnostic]:
    """Validate a content tree (a folder with course.yaml) or a single module file."""
    if path.is_file():
        return validate_file(path)
    return validate_course(load_course(path))


def validate_file(path: Path) -> list[Diagnostic]:
    """Check one module file. In a content tree (``ROOT/modules/ID/LANG.md`` beside
    ``ROOT/course.yaml``) that is every check that concerns it, exactly what validating the
    tree reports for it; a file on its own gets what it alone can show."""
    root = _content_root(path)
    lang = path.stem
    if root is None:
        return _standalone(path)
    course = load_course(root)
    module_id = path.absolute().parent.name
    if lang not in course.languages:
        return _standalone(path)
    if module_id not in course.modules:
        course = _with_module(course, root, module_id)
        if module_id not in course.modules:
            return _standalone(path)
    file = display_path(path)
    return [d for d in validate_course(course, only={module_id}) if d.file == file]


def _content_root(path: Path) -> Path | None:
    """The content tree holding the module file ``path``, if it is in one."""
    folder = path.absolute().parent
    root = folder.parent.parent
    if folder.parent.name == "modules" and (root / "course.yaml").is_file():
        return root
    return None


def _with_module(course: Course, root: Path, module_id: str) -> Course:
    """The course with a module folder no track lists (checked, since its file was asked for)."""
    languages, source = course.languages, course.source_language
    module, diags = load_module(root / "modules" / module_id, module_id, "", languages, source)
    if module is None:
        return course
    return replace(
        course,
        modules={**course.modules, module_id: module},
        diagnostics=(*course.diagnostics, *diags),
    )


def _standalone(path: Path) -> list[Diagnostic]:
    """A module file outside a content tree: what the loader and the writing rules find."""
    lang = path.stem if path.stem in LANGUAGES else SOURCE_LANGUAGE
    tr, diags = load_translation(path, path.parent.name, lang, source_language=lang)
    diags = [d for d in diags if d.code not in ("translated-from-in-source", "id-mismatch")]
    if tr is not None:
        diags.extend(check_typography(tr))
        diags.extend(check_trainer_notes(tr))
    return sorted_diagnostics(diags)
