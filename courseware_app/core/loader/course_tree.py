"""The whole content tree: course.yaml, its tracks, and every module folder they list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from courseware_app.core.course import (
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Severity,
    Track,
)
from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE
from courseware_app.core.limits import MAX_YAML_BYTES
from courseware_app.core.loader.files import (
    Report,
    YAMLError,
    YamlMapping,
    display_path,
    key_lines,
    parse_yaml,
    read_text,
    report_yaml_error,
)
from courseware_app.core.loader.module_file import load_translation

TRACK_IDS = ("risk-management", "time-release-study", "master-trainer")


def _titles(
    value: object, report: Report, line: int, what: str, languages: Sequence[str]
) -> dict[str, str]:
    if not isinstance(value, dict):
        report.add(
            line,
            "course-field",
            f"{what} must be a mapping of language to text (en: ..., ru: ..., fr: ...)",
        )
        return {}
    missing = [lang for lang in languages if not value.get(lang)]
    if missing:
        report.warn(line, "course-title-missing", f"{what} has no text for: {', '.join(missing)}")
    return {str(k): str(v) for k, v in value.items()}


def load_manifest(root: Path) -> tuple[YamlMapping | None, Report]:
    """course.yaml as a mapping with its key lines, or None (reported) when it cannot be read."""
    path = root / "course.yaml"
    report = Report(path)
    if not path.is_file():
        report.add(1, "course-missing", f"no course.yaml in {display_path(root)}")
        return None, report
    text = read_text(path, report, MAX_YAML_BYTES)
    if text is None:
        return None, report
    try:
        data = parse_yaml(text)
    except YAMLError as exc:
        report_yaml_error(report, exc, 1 + exc.line, "course-yaml", "course.yaml")
        return None, report
    if not isinstance(data, dict):
        report.add(1, "course-yaml", "course.yaml must be a mapping")
        return None, report
    return YamlMapping({str(k): v for k, v in data.items()}, key_lines(text, 1)), report


def _tracks(data: YamlMapping, report: Report, languages: Sequence[str]) -> list[Track]:
    raw = data.get("tracks")
    if not isinstance(raw, list) or not raw:
        report.add(data.line("tracks"), "course-field", "course.yaml needs a list of tracks")
        return []
    tracks: list[Track] = []
    seen: set[object] = set()
    for entry in raw:
        track = _track(entry, data.line("tracks"), report, languages, seen)
        if track is not None:
            tracks.append(track)
    return tracks


def _track(
    entry: object, line: int, report: Report, languages: Sequence[str], seen: set[object]
) -> Track | None:
    if not isinstance(entry, dict) or not entry.get("id"):
        report.add(line, "course-field", "each track needs an id, a title and a list of modules")
        return None
    mods = entry.get("modules") or []
    if not isinstance(mods, list):
        report.add(line, "course-field", f"track '{entry['id']}': modules must be a list of ids")
        mods = []
    for m in mods:
        if m in seen:
            report.add(line, "module-duplicate", f"module '{m}' is listed in more than one place")
        seen.add(m)
    title = _titles(entry.get("title"), report, line, f"track '{entry['id']}' title", languages)
    return Track(id=str(entry["id"]), title=title, modules=tuple(str(m) for m in mods))


def _course_version(data: YamlMapping, report: Report) -> str | None:
    version = data.get("version")
    if version is not None and not isinstance(version, str):
        report.add(
            data.line("version"),
            "version-not-string",
            f"version must be a quoted string (YAML read {version!r})",
        )
        return str(version)
    return version


def load_course(root: Path | str) -> Course:
    """Load the whole content tree; never raises on bad content."""
    root = Path(root)
    manifest, report = load_manifest(root)
    data = manifest if manifest is not None else YamlMapping()
    languages = tuple(str(lang) for lang in _list_or(data.get("languages"), LANGUAGES))
    source = str(data.get("source_language") or SOURCE_LANGUAGE)
    if data.get("id") is None and not report.failed:
        report.add(1, "course-field", "course.yaml needs an id")
    version = _course_version(data, report)
    title = data.get("title")
    titles = (
        _titles(title, report, data.line("title"), "the course title", languages)
        if title is not None
        else {}
    )
    tracks = _tracks(data, report, languages) if data.data else []
    diagnostics = list(report.items)
    modules = _load_modules(root, tracks, languages, source, diagnostics, report, data)
    diagnostics.extend(_unlisted(root, modules, report.file))
    return Course(
        id=str(data.get("id") or "course"),
        version=version or "0.0.0",
        title=titles,
        source_language=source,
        languages=languages,
        tracks=tuple(tracks),
        modules=modules,
        root=root,
        diagnostics=tuple(diagnostics),
    )


def _list_or(value: object, default: Sequence[str]) -> Iterable[object]:
    """``value`` when it is a non-empty collection, else ``default``."""
    return value if isinstance(value, Iterable) and value else default


def _load_modules(
    root: Path,
    tracks: list[Track],
    languages: tuple[str, ...],
    source: str,
    diagnostics: list[Diagnostic],
    report: Report,
    data: YamlMapping,
) -> dict[str, Module]:
    modules: dict[str, Module] = {}
    for track in tracks:
        for mid in track.modules:
            module, diags = load_module(root / "modules" / mid, mid, track.id, languages, source)
            diagnostics.extend(diags)
            if module is not None:
                modules[mid] = module
                continue
            diagnostics.append(
                Diagnostic(
                    report.file,
                    data.line("tracks"),
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
    """Every language file of one module folder; None when the folder does not exist."""
    if not folder.is_dir():
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
