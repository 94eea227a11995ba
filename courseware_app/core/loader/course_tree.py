"""The whole content tree: course.yaml, its tracks, and every module folder they list."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from courseware_app.core.course import (
    ID_RE,
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Severity,
    Track,
)
from courseware_app.core.loader.files import display_path
from courseware_app.core.loader.manifest import Manifest, load_manifest
from courseware_app.core.loader.module_file import load_translation

TRACK_IDS = ("risk-management", "time-release-study", "master-trainer")


def load_course(root: Path | str) -> Course:
    """Load the whole content tree; never raises on bad content."""
    root = Path(root)
    manifest, report = load_manifest(root)
    diagnostics = list(report.items)
    modules = _load_modules(root, manifest, diagnostics, report.file)
    diagnostics.extend(_unlisted(root, modules, report.file))
    return Course(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        source_language=manifest.source_language,
        languages=manifest.languages,
        tracks=tuple(Track(t.id, t.title, t.modules) for t in manifest.tracks),
        modules=modules,
        root=root,
        diagnostics=tuple(diagnostics),
    )


def _load_modules(
    root: Path, manifest: Manifest, diagnostics: list[Diagnostic], file: str
) -> dict[str, Module]:
    """Every module the tracks list (ids checked by the manifest: folder names, no paths)."""
    modules: dict[str, Module] = {}
    languages, source = manifest.languages, manifest.source_language
    for track in manifest.tracks:
        for mid, line in zip(track.modules, track.module_lines, strict=True):
            module, diags = load_module(root / "modules" / mid, mid, track.id, languages, source)
            diagnostics.extend(diags)
            if module is not None:
                modules[mid] = module
                continue
            diagnostics.append(
                Diagnostic(
                    file,
                    line,
                    Severity.ERROR,
                    "module-not-found",
                    f"module '{mid}' has no folder modules/{mid}",
                )
            )
    return modules


def _unlisted(root: Path, modules: dict[str, Module], file: str) -> list[Diagnostic]:
    folder = root / "modules"
    if not folder.is_dir():
        return []
    return [
        Diagnostic(
            file,
            1,
            Severity.WARNING,
            "module-not-listed",
            f"modules/{p.name} is not listed in any track of course.yaml",
        )
        for p in sorted(folder.iterdir())
        if p.is_dir() and p.name not in modules
    ]


def _missing_translation(path: Path, module_id: str, lang: str, source: str) -> Diagnostic:
    return Diagnostic(
        display_path(path),
        1,
        Severity.ERROR if lang == source else Severity.WARNING,
        "translation-missing",
        f"module '{module_id}' has no {lang} file",
    )


def load_module(
    folder: Path, module_id: str, track: str, languages: Sequence[str], source: str
) -> tuple[Module | None, list[Diagnostic]]:
    """Every language file of one module folder; None when the folder does not exist or
    ``module_id`` is not a folder name (ids never name a path outside the content tree)."""
    if not ID_RE.match(module_id) or not folder.is_dir():
        return None, []
    diagnostics: list[Diagnostic] = []
    translations: dict[str, ModuleTranslation] = {}
    failed: dict[str, tuple[Diagnostic, ...]] = {}
    for lang in languages:
        path = folder / f"{lang}.md"
        if not path.is_file():
            diagnostics.append(_missing_translation(path, module_id, lang, source))
            continue
        tr, diags = load_translation(path, module_id, lang, source)
        diagnostics.extend(diags)
        errors = tuple(d for d in diags if d.severity == Severity.ERROR)
        if tr is None or errors:
            failed[lang] = errors
        else:
            translations[lang] = tr
    module = Module(
        id=module_id,
        track=track,
        folder=folder,
        translations=translations,
        failed=failed,
        source_language=source,
    )
    return module, diagnostics
