"""Content tree -> Course, with every problem reported as a Diagnostic (file, line, code)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from courseware_app.core.course import (
    ID_RE,
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Quiz,
    Section,
    Severity,
    Track,
    parse_semver,
)
from courseware_app.core.quiz import CLOSE_RE, OPEN_RE, parse_quiz

LANGUAGES = ("en", "ru", "fr")
TRACK_IDS = ("risk-management", "time-release-study", "master-trainer")
H2_RE = re.compile(r"^##(?!#)\s*(.*?)\s*$")
H2_ID_RE = re.compile(r"^(.*?)\s*\{\s*#([^\s}]+)[^}]*\}$")
H1_RE = re.compile(r"^#(?!#)\s")
FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
TRAINER_RE = re.compile(r"^!!!\s+trainer\b")
SIGNIFICANT = frozenset("#!:`~ \t")  # first characters of lines the body scan must look at
REQUIRED_FIELDS = ("id", "version", "title", "summary", "duration_minutes", "objectives")


class Fences:
    """Tracks fenced code blocks line by line; ``inside(line)`` is True for fence lines and code."""

    def __init__(self) -> None:
        self.open: str | None = None

    def inside(self, line: str) -> bool:
        m = FENCE_RE.match(line)
        if self.open:
            if m and m.group(1)[0] == self.open[0] and len(m.group(1)) >= len(self.open):
                self.open = None
            return True
        if m:
            self.open = m.group(1)
            return True
        return False


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class Report:
    """Collects diagnostics for one file."""

    def __init__(self, path: Path):
        self.file = display_path(path)
        self.items: list[Diagnostic] = []

    def add(self, line: int, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.items.append(Diagnostic(self.file, max(1, line), severity, code, message))

    def warn(self, line: int, code: str, message: str) -> None:
        self.add(line, code, message, Severity.WARNING)

    @property
    def failed(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.items)


def read_text(path: Path, report: Report) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.add(1, "file-unreadable", f"cannot read the file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(line, "file-encoding", "the file is not valid UTF-8; save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class YAMLError(ValueError):
    """Invalid YAML: what is wrong, and the 0-based line PyYAML points at."""

    def __init__(self, problem: str, line: int):
        super().__init__(problem)
        self.problem, self.line = problem, line


def parse_yaml(text: str):
    """YAML with libyaml's C loader when present (several times faster); imported on first use."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise YAMLError(problem, mark.line if mark else 0) from exc


def key_lines(text: str, offset: int) -> dict[str, int]:
    """Line of each top-level key in a YAML mapping (PyYAML forgets them)."""
    lines = {}
    for i, line in enumerate(text.split("\n")):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m and m.group(1) not in lines:
            lines[m.group(1)] = offset + i
    return lines


# ---------------------------------------------------------------- module files


@dataclass
class BodyScan:
    """What a scan of a module body finds, line by line."""

    sections: list[Section] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    trainer_notes: int = 0


def split_front_matter(text: str, report: Report) -> tuple[dict | None, str, int]:
    """Return (front matter, body, line of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        report.add(
            1,
            "frontmatter-missing",
            "the file must start with YAML front matter between '---' lines",
        )
        return None, text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        report.add(1, "frontmatter-unclosed", "the front matter has no closing '---' line")
        return None, "", len(lines)
    raw = "\n".join(lines[1:end])
    try:
        data = parse_yaml(raw)
    except YAMLError as exc:
        report.add(
            min(2 + exc.line, end),  # libyaml may point past the last line
            "frontmatter-yaml",
            f"front matter is not valid YAML: {exc.problem}",
        )
        return None, "\n".join(lines[end + 1 :]), end + 2
    if not isinstance(data, dict):
        report.add(2, "frontmatter-yaml", "front matter must be a mapping of 'key: value' lines")
        return None, "\n".join(lines[end + 1 :]), end + 2
    data["__lines__"] = key_lines(raw, 2)
    return data, "\n".join(lines[end + 1 :]), end + 2


def check_front_matter(meta: dict, report: Report, module_id: str, is_source: bool) -> bool:
    """Report every front-matter problem; False when the file cannot be shown."""
    lines = meta.get("__lines__", {})
    errors_before = len([d for d in report.items if d.severity == Severity.ERROR])
    for key in REQUIRED_FIELDS:
        if meta.get(key) in (None, "", []):
            report.add(1, "frontmatter-field", f"front matter lacks '{key}'")
    if meta.get("id") not in (None, module_id):
        report.add(
            lines.get("id", 1),
            "id-mismatch",
            f"id '{meta.get('id')}' differs from the folder name '{module_id}'",
        )
    for key in ("version", "translated_from"):
        _check_version(meta.get(key), key, lines.get(key, 1), report)
    _check_shapes(meta, lines, report)
    _check_translated_from(meta, lines, report, is_source)
    return len([d for d in report.items if d.severity == Severity.ERROR]) == errors_before


def _check_version(value, key: str, line: int, report: Report) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        report.add(
            line,
            "version-not-string",
            f'{key} must be a quoted string such as "1.0.0" (YAML read {value!r})',
        )
    elif parse_semver(value) is None:
        report.add(
            line,
            "version-invalid",
            f"{key} '{value}' is not a semantic version (MAJOR.MINOR.PATCH)",
        )


def _check_shapes(meta: dict, lines: dict, report: Report) -> None:
    dur = meta.get("duration_minutes")
    if dur is not None and (not isinstance(dur, int) or isinstance(dur, bool) or dur <= 0):
        report.add(
            lines.get("duration_minutes", 1),
            "frontmatter-field",
            "duration_minutes must be a positive whole number",
        )
    obj = meta.get("objectives")
    if obj is not None and (not isinstance(obj, list) or not all(isinstance(o, str) for o in obj)):
        report.add(
            lines.get("objectives", 1),
            "frontmatter-field",
            "objectives must be a list of sentences",
        )


def _check_translated_from(meta: dict, lines: dict, report: Report, is_source: bool) -> None:
    if is_source and meta.get("translated_from"):
        report.warn(
            lines.get("translated_from", 1),
            "translated-from-in-source",
            "the source language takes no translated_from",
        )
    if not is_source and not meta.get("translated_from"):
        report.add(
            1,
            "translated-from-missing",
            'a translation must say which source version it follows: translated_from: "1.0.0"',
        )


def scan_body(body: str, first_line: int, report: Report) -> BodyScan:
    """Find sections, quiz blocks and trainer notes, with their real line numbers."""
    scan = BodyScan()
    lines = body.split("\n")
    fences = Fences()
    seen_ids: dict[str, int] = {}
    i = 0
    while i < len(lines):
        line, no = lines[i], first_line + i
        if line[:1] not in SIGNIFICANT and scan.sections and not fences.open:
            i += 1  # ordinary prose: nothing to find (the fast path for long modules)
            continue
        if fences.inside(line):
            pass
        elif OPEN_RE.match(line):
            i = _scan_quiz(lines, i, first_line, report, scan)
            continue
        elif TRAINER_RE.match(line):
            scan.trainer_notes += 1
        elif H1_RE.match(line):
            report.warn(
                no,
                "h1-in-body",
                "do not use a level-1 heading: the title comes from the front matter",
            )
        elif m := H2_RE.match(line):
            _scan_heading(m.group(1), no, report, scan, seen_ids)
        elif line.strip() and not scan.sections:
            report.warn(
                no, "content-before-section", "text before the first '## Section {#id}' heading"
            )
            scan.sections.append(Section(id="", title="", line=no))  # report once
        i += 1
    if fences.open:
        report.add(
            first_line + len(lines) - 1, "fence-unclosed", "a fenced code block is never closed"
        )
    scan.sections = [s for s in scan.sections if s.id]
    if not scan.sections:
        report.add(first_line, "no-sections", "the module has no '## Section {#id}' headings")
    return scan


def _scan_heading(text: str, no: int, report: Report, scan: BodyScan, seen: dict[str, int]) -> None:
    m = H2_ID_RE.match(text)
    if not m:
        report.add(
            no, "section-no-id", f"section '{text}' needs a stable id: '## {text} {{#some-id}}'"
        )
        return
    title, sid = m.group(1).strip(), m.group(2)
    if not ID_RE.match(sid):
        report.add(
            no,
            "section-bad-id",
            f"section id '{sid}' must be lower-case letters, digits and hyphens",
        )
        return
    if sid in seen:
        report.add(
            no, "section-duplicate-id", f"section id '{sid}' is already used on line {seen[sid]}"
        )
        return
    seen[sid] = no
    scan.sections.append(Section(id=sid, title=title, line=no))


def _scan_quiz(
    lines: list[str], start: int, first_line: int, report: Report, scan: BodyScan
) -> int:
    end = next((j for j in range(start + 1, len(lines)) if CLOSE_RE.match(lines[j])), None)
    if end is None:
        report.add(
            first_line + start, "quiz-unclosed", "the quiz block is never closed with a ':::' line"
        )
        end = len(lines)
    block = [(first_line + j, lines[j]) for j in range(start, end)]
    quiz, diags = parse_quiz(report.file, block)
    report.items.extend(diags)
    if quiz is not None:
        if any(q.id == quiz.id for q in scan.quizzes):
            report.add(quiz.line, "quiz-duplicate-id", f"quiz id '{quiz.id}' is used twice")
        scan.quizzes.append(quiz)
    return end + 1


def load_translation(
    path: Path, module_id: str, lang: str, source_language: str = "en"
) -> tuple[ModuleTranslation | None, list[Diagnostic]]:
    """Load one language file of a module. Returns None when it cannot be shown."""
    report = Report(path)
    text = read_text(path, report)
    if text is None:
        return None, report.items
    meta, body, body_line = split_front_matter(text, report)
    if meta is None:
        return None, report.items
    fields_ok = check_front_matter(meta, report, module_id, lang == source_language)
    scan = scan_body(body, body_line, report)
    if not fields_ok:
        return None, report.items
    tr = ModuleTranslation(
        module_id=module_id,
        lang=lang,
        path=path,
        version=meta["version"],
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        duration_minutes=int(meta["duration_minutes"]),
        objectives=tuple(meta["objectives"]),
        translated_from=meta.get("translated_from"),
        body=body,
        body_line=body_line,
        sections=tuple(scan.sections),
        quizzes=tuple(scan.quizzes),
        trainer_notes=scan.trainer_notes,
    )
    return tr, report.items


# ---------------------------------------------------------------- the course


def _titles(value, report: Report, line: int, what: str, languages) -> dict[str, str]:
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


def load_manifest(root: Path) -> tuple[dict | None, Report]:
    path = root / "course.yaml"
    report = Report(path)
    if not path.is_file():
        report.add(1, "course-missing", f"no course.yaml in {display_path(root)}")
        return None, report
    text = read_text(path, report)
    if text is None:
        return None, report
    try:
        data = parse_yaml(text)
    except YAMLError as exc:
        report.add(1 + exc.line, "course-yaml", f"course.yaml is not valid YAML: {exc.problem}")
        return None, report
    if not isinstance(data, dict):
        report.add(1, "course-yaml", "course.yaml must be a mapping")
        return None, report
    data["__lines__"] = key_lines(text, 1)
    return data, report


def _tracks(data: dict, report: Report, languages) -> list[Track]:
    lines = data["__lines__"]
    raw = data.get("tracks")
    if not isinstance(raw, list) or not raw:
        report.add(lines.get("tracks", 1), "course-field", "course.yaml needs a list of tracks")
        return []
    tracks, seen = [], set()
    for entry in raw:
        line = lines.get("tracks", 1)
        if not isinstance(entry, dict) or not entry.get("id"):
            report.add(
                line, "course-field", "each track needs an id, a title and a list of modules"
            )
            continue
        mods = entry.get("modules") or []
        if not isinstance(mods, list):
            report.add(
                line, "course-field", f"track '{entry['id']}': modules must be a list of ids"
            )
            mods = []
        for m in mods:
            if m in seen:
                report.add(
                    line, "module-duplicate", f"module '{m}' is listed in more than one place"
                )
            seen.add(m)
        title = _titles(entry.get("title"), report, line, f"track '{entry['id']}' title", languages)
        tracks.append(Track(id=str(entry["id"]), title=title, modules=tuple(str(m) for m in mods)))
    return tracks


def load_course(root: Path | str) -> Course:
    """Load the whole content tree; never raises on bad content."""
    root = Path(root)
    data, report = load_manifest(root)
    diagnostics = list(report.items)
    if data is None:
        data = {"__lines__": {}}
    lines = data["__lines__"]
    languages = tuple(data.get("languages") or LANGUAGES)
    source = str(data.get("source_language") or "en")
    version = data.get("version")
    if report.file and data.get("id") is None and not report.failed:
        report.add(1, "course-field", "course.yaml needs an id")
    if version is not None and not isinstance(version, str):
        report.add(
            lines.get("version", 1),
            "version-not-string",
            f"version must be a quoted string (YAML read {version!r})",
        )
        version = str(version)
    title = (
        _titles(data.get("title"), report, lines.get("title", 1), "the course title", languages)
        if data.get("title") is not None
        else {}
    )
    tracks = _tracks(data, report, languages) if len(data) > 1 else []
    diagnostics = list(report.items)
    modules: dict[str, Module] = {}
    for track in tracks:
        for mid in track.modules:
            module, diags = load_module(root / "modules" / mid, mid, track.id, languages, source)
            diagnostics.extend(diags)
            if module is not None:
                modules[mid] = module
            else:
                diagnostics.append(
                    Diagnostic(
                        report.file,
                        lines.get("tracks", 1),
                        Severity.ERROR,
                        "module-not-found",
                        f"module '{mid}' has no folder modules/{mid}",
                    )
                )
    diagnostics.extend(_unlisted(root, modules, report.file))
    return Course(
        id=str(data.get("id") or "course"),
        version=version or "0.0.0",
        title=title,
        source_language=source,
        languages=languages,
        tracks=tuple(tracks),
        modules=modules,
        root=root,
        diagnostics=tuple(diagnostics),
    )


def _unlisted(root: Path, modules: dict, file: str) -> list[Diagnostic]:
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


def load_module(folder: Path, module_id: str, track: str, languages, source: str):
    if not folder.is_dir():
        return None, []
    diagnostics: list[Diagnostic] = []
    translations, failed = {}, {}
    for lang in languages:
        path = folder / f"{lang}.md"
        if not path.is_file():
            level = Severity.ERROR if lang == source else Severity.WARNING
            diagnostics.append(
                Diagnostic(
                    display_path(path),
                    1,
                    level,
                    "translation-missing",
                    f"module '{module_id}' has no {lang} file",
                )
            )
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
