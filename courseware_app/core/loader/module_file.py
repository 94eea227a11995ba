"""One language file of a module: front matter, then a scan of the body for its structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from courseware_app.core.course import (
    ID_RE,
    Diagnostic,
    ModuleTranslation,
    Quiz,
    Section,
    Slide,
    parse_semver,
)
from courseware_app.core.exercises import RiskMatrix
from courseware_app.core.exercises.parser import parse_exercise
from courseware_app.core.i18n import _
from courseware_app.core.languages import SOURCE_LANGUAGE
from courseware_app.core.limits import MAX_DURATION_MINUTES
from courseware_app.core.loader.body_limits import check_body_limits
from courseware_app.core.loader.files import (
    Report,
    YAMLError,
    YamlMapping,
    key_lines,
    parse_yaml,
    read_text,
    report_yaml_error,
    short_repr,
)
from courseware_app.core.loader.presenting import check_minutes, scan_slides, section_minutes
from courseware_app.core.quiz import parse_quiz
from courseware_app.core.syntax import (
    BLOCK_START_CHARS,
    EXERCISE_OPEN_RE,
    H1_RE,
    H2_RE,
    QUIZ_OPEN_RE,
    Fences,
    closes_front_matter,
    heading_id,
    is_canonical_trainer_opener,
    looks_like_trainer_note,
    opens_front_matter,
    opens_trainer_note,
    quiz_end,
)

REQUIRED_FIELDS = ("id", "version", "title", "summary", "duration_minutes", "objectives")
TEXT_FIELDS = ("id", "title", "summary")  # version and translated_from: _check_version


@dataclass
class BodyScan:
    """What a scan of a module body finds, line by line."""

    sections: list[Section] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    trainer_notes: int = 0
    seen_ids: dict[str, int] = field(default_factory=dict)  # section id -> its line
    slides: list[Slide] = field(default_factory=list)
    exercises: list[RiskMatrix] = field(default_factory=list)


# ---------------------------------------------------------------- front matter


def split_front_matter(text: str, report: Report) -> tuple[YamlMapping | None, str, int]:
    """Return (front matter, body, line of the body's first line)."""
    lines = text.split("\n")
    if not lines or not opens_front_matter(lines[0]):
        report.add(
            1,
            "frontmatter-missing",
            "the file must start with YAML front matter between '---' lines",
        )
        return None, text, 1
    end = next((i for i in range(1, len(lines)) if closes_front_matter(lines[i])), None)
    if end is None:
        report.add(1, "frontmatter-unclosed", "the front matter has no closing '---' line")
        return None, "", len(lines)
    body = "\n".join(lines[end + 1 :])
    return _front_matter("\n".join(lines[1:end]), end, report), body, end + 2


def _front_matter(raw: str, end: int, report: Report) -> YamlMapping | None:
    try:
        data = parse_yaml(raw)
    except YAMLError as exc:  # libyaml may point past the last line
        report_yaml_error(report, exc, min(2 + exc.line, end), "frontmatter-yaml", "front matter")
        return None
    if not isinstance(data, dict):
        report.add(2, "frontmatter-yaml", "front matter must be a mapping of 'key: value' lines")
        return None
    return YamlMapping({str(k): v for k, v in data.items()}, key_lines(raw, 2))


def check_front_matter(meta: YamlMapping, report: Report, module_id: str, is_source: bool) -> bool:
    """Report every front-matter problem; False when the file cannot be shown."""
    errors_before = report.error_count()
    for key in REQUIRED_FIELDS:
        if meta.get(key) in (None, "", []):
            report.add(1, "frontmatter-field", f"front matter lacks '{key}'")
    for key in TEXT_FIELDS:
        _check_text(meta, key, report)
    module = meta.get("id")
    if isinstance(module, str) and module != module_id:
        report.add(
            meta.line("id"),
            "id-mismatch",
            f"id '{module}' differs from the folder name '{module_id}'",
        )
    for key in ("version", "translated_from"):
        _check_version(meta.get(key), key, meta.line(key), report)
    _check_shapes(meta, report)
    _check_translated_from(meta, report, is_source)
    return report.error_count() == errors_before


def _check_text(meta: YamlMapping, key: str, report: Report) -> None:
    value = meta.get(key)
    if value is not None and not isinstance(value, str):
        report.add(
            meta.line(key),
            "frontmatter-field",
            _("{key} must be text (YAML read {value})").format(key=key, value=short_repr(value)),
        )


def _check_version(value: object, key: str, line: int, report: Report) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        report.add(
            line,
            "version-not-string",
            f'{key} must be a quoted string such as "1.0.0" (YAML read {short_repr(value)})',
        )
    elif parse_semver(value) is None:
        report.add(
            line,
            "version-invalid",
            f"{key} '{value}' is not a semantic version (MAJOR.MINOR.PATCH)",
        )


def _check_shapes(meta: YamlMapping, report: Report) -> None:
    dur = meta.get("duration_minutes")
    if dur is not None and _duration(meta) is None:
        report.add(
            meta.line("duration_minutes"),
            "frontmatter-field",
            _("duration_minutes must be a whole number from 1 to {limit}").format(
                limit=MAX_DURATION_MINUTES
            ),
        )
    obj = meta.get("objectives")
    if obj is not None and _objectives(meta) is None:
        report.add(
            meta.line("objectives"),
            "frontmatter-field",
            "objectives must be a list of sentences",
        )


def _duration(meta: YamlMapping) -> int | None:
    dur = meta.get("duration_minutes")
    if isinstance(dur, int) and not isinstance(dur, bool) and 0 < dur <= MAX_DURATION_MINUTES:
        return dur
    return None


def _objectives(meta: YamlMapping) -> tuple[str, ...] | None:
    obj = meta.get("objectives")
    if isinstance(obj, list) and all(isinstance(o, str) for o in obj):
        return tuple(o for o in obj if isinstance(o, str))
    return None


def _text(meta: YamlMapping, key: str) -> str | None:
    value = meta.get(key)
    return value if isinstance(value, str) else None


def _check_translated_from(meta: YamlMapping, report: Report, is_source: bool) -> None:
    if is_source and meta.get("translated_from"):
        report.warn(
            meta.line("translated_from"),
            "translated-from-in-source",
            "the source language takes no translated_from",
        )
    if not is_source and not meta.get("translated_from"):
        report.add(
            1,
            "translated-from-missing",
            'a translation must say which source version it follows: translated_from: "1.0.0"',
        )


# ---------------------------------------------------------------- the body


def scan_body(body: str, first_line: int, report: Report) -> BodyScan:
    """Find sections, quiz and exercise blocks and trainer notes, with their real line numbers."""
    scan = BodyScan()
    lines = body.split("\n")
    fences = Fences()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line[:1] not in BLOCK_START_CHARS and scan.sections and not fences.open:
            i += 1  # ordinary prose: nothing to find (the fast path for long modules)
            continue
        in_code = fences.inside(line)
        if not in_code and QUIZ_OPEN_RE.match(line):
            i = _scan_quiz(lines, i, first_line, report, scan)
            continue
        if not in_code and EXERCISE_OPEN_RE.match(line):
            i = _scan_exercise(lines, i, first_line, report, scan)
            continue
        if not in_code:
            _scan_line(line, first_line + i, report, scan)
        i += 1
    if fences.open:
        report.add(
            first_line + len(lines) - 1, "fence-unclosed", "a fenced code block is never closed"
        )
    scan.sections = [s for s in scan.sections if s.id]
    if not scan.sections:
        report.add(first_line, "no-sections", "the module has no '## Section {#id}' headings")
    check_trainer_notes_hidden(lines, first_line, report)
    return scan


def check_trainer_notes_hidden(lines: list[str], first_line: int, report: Report) -> None:
    """Text written as a trainer note that the trainee page would show is an error, so the
    module is not shown at all (the renderer itself decides, for the doubtful spellings)."""
    fences = Fences()
    openers = [
        i
        for i, line in enumerate(lines)
        if not fences.inside(line) and "!!!" in line and looks_like_trainer_note(line)
    ]
    doubtful = [i for i in openers if not _plainly_hidden(lines, i)]
    if not doubtful:
        return
    from courseware_app.core.mdext.trainer import exposed_trainer_notes

    message = _(
        "trainees would see this trainer note: it is not read as one; write "
        "'!!! trainer \"Title\"' and indent its text with four spaces"
    )
    for i in exposed_trainer_notes("\n".join(lines), openers):
        report.add(first_line + i, "trainer-note-shown", message)


def _plainly_hidden(lines: list[str], i: int) -> bool:
    """A canonical opener at the margin whose next line is blank or indented by four spaces:
    the one spelling, which the renderer always hides (no need to render to know)."""
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return (
        lines[i].startswith("!!!")
        and is_canonical_trainer_opener(lines[i])
        and (not following.strip() or following.startswith("    "))
    )


def _scan_line(line: str, no: int, report: Report, scan: BodyScan) -> None:
    if opens_trainer_note(line):
        scan.trainer_notes += 1
    elif H1_RE.match(line):
        report.warn(
            no,
            "h1-in-body",
            "do not use a level-1 heading: the title comes from the front matter",
        )
    elif m := H2_RE.match(line):
        _scan_heading(m.group(1), no, report, scan)
    elif line.strip() and not scan.sections:
        report.warn(
            no, "content-before-section", "text before the first '## Section {#id}' heading"
        )
        scan.sections.append(Section(id="", title="", line=no))  # report once


def _scan_heading(text: str, no: int, report: Report, scan: BodyScan) -> None:
    found = heading_id(text)
    if found is None:
        report.add(
            no, "section-no-id", f"section '{text}' needs a stable id: '## {text} {{#some-id}}'"
        )
        return
    title, sid = found
    minutes = section_minutes(text, no, report)
    if not ID_RE.match(sid):
        report.add(
            no,
            "section-bad-id",
            f"section id '{sid}' must be lower-case letters, digits and hyphens",
        )
        return
    if sid in scan.seen_ids:
        report.add(
            no,
            "section-duplicate-id",
            f"section id '{sid}' is already used on line {scan.seen_ids[sid]}",
        )
        return
    scan.seen_ids[sid] = no
    scan.sections.append(Section(id=sid, title=title, line=no, minutes=minutes))


def _scan_quiz(
    lines: list[str], start: int, first_line: int, report: Report, scan: BodyScan
) -> int:
    unclosed = "the quiz block is never closed with a ':::' line"
    block, after = _block_lines(lines, start, first_line, report, ("quiz-unclosed", unclosed))
    quiz, diags = parse_quiz(report.file, block)
    report.items.extend(diags)
    if quiz is not None:
        if any(q.id == quiz.id for q in scan.quizzes):
            report.add(quiz.line, "quiz-duplicate-id", f"quiz id '{quiz.id}' is used twice")
        scan.quizzes.append(quiz)
    return after


def _block_lines(
    lines: list[str], start: int, first_line: int, report: Report, unclosed: tuple[str, str]
) -> tuple[list[tuple[int, str]], int]:
    """A ``:::`` block's numbered lines (the closing line excluded) and the index after it; an
    unclosed block (reported with ``unclosed``: code, message) runs to the end of the body."""
    end = quiz_end(lines, start)
    if end is None:
        report.add(first_line + start, *unclosed)
        end = len(lines)
    return [(first_line + j, lines[j]) for j in range(start, end)], end + 1


def _scan_exercise(
    lines: list[str], start: int, first_line: int, report: Report, scan: BodyScan
) -> int:
    unclosed = ("exercise-unclosed", _("the exercise block is never closed with a ':::' line"))
    block, after = _block_lines(lines, start, first_line, report, unclosed)
    exercise = parse_exercise(block, report)
    if exercise is not None:
        if any(e.id == exercise.id for e in scan.exercises):
            message = _("exercise id '{id}' is used twice").format(id=exercise.id)
            report.add(exercise.line, "exercise-duplicate-id", message)
        scan.exercises.append(exercise)
    return after


# ---------------------------------------------------------------- the file


def load_translation(
    path: Path, module_id: str, lang: str, source_language: str = SOURCE_LANGUAGE
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
    scan = _scan_all(body, body_line, meta, report)
    if scan is None or not fields_ok:
        return None, report.items  # a body over the limits is not scanned, and never rendered
    return _translation(meta, path, module_id, lang, body, body_line, scan), report.items


def load_for_checks(path: Path, module_id: str, lang: str) -> ModuleTranslation | None:
    """What a file holds even when its errors keep the reader from showing it (a quiz error, a
    garbled field): for the validator, so one error does not hide the file's other problems.
    Missing front-matter values are left empty; None only when the body cannot be read."""
    report = Report(path)
    text = read_text(path, report)
    if text is None:
        return None
    meta, body, body_line = split_front_matter(text, report)
    meta = meta or YamlMapping()
    scan = _scan_all(body, body_line, meta, report)
    if scan is None:
        return None
    return _translation(meta, path, module_id, lang, body, body_line, scan, lenient=True)


def _scan_all(body: str, body_line: int, meta: YamlMapping, report: Report) -> BodyScan | None:
    """The body's sections, quizzes, notes and slides, with its minutes checked; None (reported)
    when it is over the limits."""
    if not check_body_limits(body, body_line, report):
        return None
    scan = scan_body(body, body_line, report)
    scan.slides = scan_slides(body, body_line, scan.sections, report)
    check_minutes(scan.sections, _duration(meta), report)
    return scan


def _translation(
    meta: YamlMapping,
    path: Path,
    module_id: str,
    lang: str,
    body: str,
    body_line: int,
    scan: BodyScan,
    lenient: bool = False,
) -> ModuleTranslation | None:
    """The translation, built only from values of the right type (nothing is converted with
    str()); None when one is missing or wrong, which ``check_front_matter`` reported, unless
    ``lenient`` (for checks only): then such a value is left empty."""
    duration, objectives = _duration(meta), _objectives(meta)
    version, title, summary = _text(meta, "version"), _text(meta, "title"), _text(meta, "summary")
    if lenient:
        duration, objectives = duration or 0, objectives or ()
        version, title, summary = version or "", title or module_id, summary or ""
    elif duration is None or objectives is None or not (version and title and summary):
        return None
    return ModuleTranslation(
        module_id=module_id,
        lang=lang,
        path=path,
        version=version or "",
        title=title or "",
        summary=summary or "",
        duration_minutes=duration or 0,
        objectives=objectives or (),
        translated_from=_text(meta, "translated_from"),
        body=body,
        body_line=body_line,
        sections=tuple(scan.sections),
        quizzes=tuple(scan.quizzes),
        trainer_notes=scan.trainer_notes,
        slides=tuple(scan.slides),
        exercises=tuple(scan.exercises),
    )
