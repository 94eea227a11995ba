"""The rules behind ``courseware validate``: loader problems plus cross-file checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from courseware_app.core.course import (
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Question,
    Quiz,
    Severity,
)
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE
from courseware_app.core.loader import display_path, load_course, load_translation
from courseware_app.core.mdext.images import (
    asset_file,
    is_absolute_source,
    is_svg,
    size_problem,
    svg_problem,
)
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.quiz import KEYWORD_RE, QUESTION_RE
from courseware_app.core.syntax import (
    QUIZ_CLOSE_RE,
    QUIZ_OPEN_RE,
    Destination,
    Fences,
    LinkUse,
    callout_title,
    classify_destination,
    is_canonical_trainer_opener,
    is_remote,
    iter_link_uses,
    looks_like_trainer_note,
    opens_trainer_note,
    parse_reference_definition,
    raw_image_sources,
    visible_text,
)

NBSP = "\u00a0\u202f"


def _diag(
    tr: ModuleTranslation,
    line: int,
    code: str,
    message: str,
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    return Diagnostic(display_path(tr.path), line, severity, code, message)


def body_lines(tr: ModuleTranslation, skip_quiz: bool = True) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of prose lines: outside code fences and, optionally, quizzes."""
    fences, in_quiz = Fences(), False
    for i, line in enumerate(tr.body.split("\n")):
        no = tr.body_line + i
        if fences.inside(line):
            continue
        if QUIZ_OPEN_RE.match(line):
            in_quiz = True
        if in_quiz:
            if QUIZ_CLOSE_RE.match(line):
                in_quiz = False
            if skip_quiz:
                continue
        yield no, line


# ---------------------------------------------------------------- links and images


class _Links:
    """Checks one translation's links and images against the course, each on its line."""

    def __init__(self, course: Course, module: Module, tr: ModuleTranslation):
        self.course, self.module, self.tr = course, module, tr
        self.out: list[Diagnostic] = []
        self.used: set[tuple[str, bool]] = set()  # (reference key, used as an image)

    def line(self, no: int, text: str, definitions: dict[str, tuple[int, str]]) -> None:
        for use in iter_link_uses(text):
            if use.target is not None:
                self.target(no, use.image, use.target)
            elif use.ref is not None:
                self.reference(no, use, definitions)
        for src in raw_image_sources(text):
            self.image(no, src)

    def reference(self, no: int, use: LinkUse, definitions: dict[str, tuple[int, str]]) -> None:
        assert use.ref is not None
        if use.ref in definitions:
            self.used.add((use.ref, use.image))
        elif use.explicit:
            self.out.append(
                _diag(
                    self.tr,
                    no,
                    "link-undefined-reference",
                    f"reference '[{use.ref}]' is not defined; the text shows as written",
                    Severity.WARNING,
                )
            )

    def definitions_used(self, definitions: dict[str, tuple[int, str]]) -> None:
        """Check each used definition's destination once, on the definition's line."""
        for ref, image in sorted(self.used):
            def_line, destination = definitions[ref]
            self.target(def_line, image, destination)

    def target(self, no: int, image: bool, href: str) -> None:
        if image:
            self.image(no, href)
        else:
            self.out.extend(_check_link(self.course, self.module, self.tr, no, href))

    def image(self, no: int, src: str) -> None:
        self.out.extend(_check_image(self.module, self.tr, no, src))


def _definitions(lines: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Reference key -> (line, destination); the first definition wins, as in Python-Markdown."""
    found: dict[str, tuple[int, str]] = {}
    for no, line in lines:
        definition = parse_reference_definition(line)
        if definition is not None:
            found.setdefault(definition.key, (no, definition.destination))
    return found


def check_links(course: Course, module: Module, tr: ModuleTranslation) -> list[Diagnostic]:
    """Inline and reference-style links and images, and raw HTML images, with file:line."""
    lines = list(body_lines(tr))
    definitions = _definitions(lines)
    links = _Links(course, module, tr)
    for no, line in lines:
        if parse_reference_definition(line) is None:
            links.line(no, line, definitions)
    links.definitions_used(definitions)
    return links.out


def _check_image(module: Module, tr: ModuleTranslation, no: int, src: str) -> list[Diagnostic]:
    if is_remote(src):
        return [
            _diag(
                tr,
                no,
                "image-remote",
                f"remote image '{src}' is never fetched; ship it in the module folder",
                Severity.WARNING,
            )
        ]
    name = image_variant(module.folder, unquote(src), tr.lang)
    path = asset_file(module.folder.parent, f"{module.folder.name}/{name}")
    if is_absolute_source(src) or (path is None and (module.folder / name).exists()):
        message = _("image '{src}' is outside the content tree: the reader does not show it")
        return [_diag(tr, no, "image-outside", message.format(src=src))]
    if path is None:
        return [
            _diag(tr, no, "image-missing", f"image '{src}' is not in {display_path(module.folder)}")
        ]
    return _check_image_file(module, tr, no, src, path)


def _check_image_file(
    module: Module, tr: ModuleTranslation, no: int, src: str, path: Path
) -> list[Diagnostic]:
    """An image the reader finds: in its module's folder, within the size limits, and (an SVG)
    one the reader draws: referring to nothing outside itself."""
    out = []
    if module.folder.resolve() not in path.parents:
        message = _("image '{src}' is in another module's folder; keep it in this one")
        out.append(_diag(tr, no, "image-outside-module", message.format(src=src), Severity.WARNING))
    problem = size_problem(path)
    if problem is not None:  # an SVG is drawn scaled down; a larger picture is not drawn
        message = _("image '{src}' is over the image limits: {problem}")
        severity = Severity.WARNING if is_svg(path) else Severity.ERROR
        out.append(
            _diag(tr, no, "image-too-large", message.format(src=src, problem=problem), severity)
        )
    refusal = svg_problem(path)
    if refusal is not None:
        message = _("image '{src}' is not drawn: {reason}")
        out.append(_diag(tr, no, "image-svg-refused", message.format(src=src, reason=refusal)))
    return out


def _check_link(
    course: Course, module: Module, tr: ModuleTranslation, no: int, href: str
) -> list[Diagnostic]:
    dest = classify_destination(href)
    if dest.kind in ("module", "anchor"):
        return _check_module_link(course, module, tr, no, dest)
    if dest.kind == "asset" and not (module.folder / dest.target).is_file():
        return [
            _diag(
                tr,
                no,
                "link-missing-file",
                f"linked file '{dest.target}' is not in the module folder",
            )
        ]
    if dest.kind == "unknown":
        return [_diag(tr, no, "link-unknown", f"cannot follow link '{href}'", Severity.WARNING)]
    return []


def _check_module_link(
    course: Course, module: Module, tr: ModuleTranslation, no: int, dest: Destination
) -> list[Diagnostic]:
    target = dest.target or module.id
    other = course.modules.get(target)
    if other is None:
        return [_diag(tr, no, "link-unknown-module", f"link to unknown module '{target}'")]
    ref = other.translations.get(tr.lang) or other.source
    if dest.fragment and ref is not None and dest.fragment not in {s.id for s in ref.sections}:
        return [
            _diag(
                tr,
                no,
                "link-unknown-section",
                f"module '{target}' has no section '{dest.fragment}'",
            )
        ]
    return []


def check_structure(module: Module, tr: ModuleTranslation) -> list[Diagnostic]:
    """A translation must have the source's section ids and the same quiz structure."""
    src = module.source
    if src is None or tr is src:
        return []
    out = []
    ours, theirs = [s.id for s in tr.sections], [s.id for s in src.sections]
    if ours != theirs:
        missing = [s for s in theirs if s not in ours]
        extra = [s for s in ours if s not in theirs]
        detail = f"missing {missing}" if missing else ""
        detail += ("; " if detail and extra else "") + (f"extra {extra}" if extra else "")
        out.append(
            _diag(
                tr,
                tr.body_line,
                "sections-differ",
                f"section ids differ from {src.lang}: {detail or 'different order'}",
            )
        )
    out.extend(check_quizzes(src, tr))
    return out


QuestionShape = tuple[object, ...]


def _question_shape(q: Question) -> QuestionShape:
    return (
        q.type,
        len(q.options),
        q.correct_positions,
        tuple(o.credit for o in q.options),
        q.answer_bool,
        q.numeric,
        len(q.items),
        len(q.pairs),
        q.points,
    )


def check_quizzes(src: ModuleTranslation, tr: ModuleTranslation) -> list[Diagnostic]:
    """Each quiz of a translation has the source's id, pass mark and question shapes."""
    out: list[Diagnostic] = []
    src_quizzes = {q.id: q for q in src.quizzes}
    for quiz in tr.quizzes:
        other = src_quizzes.get(quiz.id)
        if other is None:
            out.append(
                _diag(
                    tr,
                    quiz.line,
                    "quiz-mismatch",
                    f"quiz '{quiz.id}' is not in the {src.lang} file",
                )
            )
        else:
            out.extend(_compare_quiz(tr, quiz, other, src.lang))
    for qid in src_quizzes.keys() - {q.id for q in tr.quizzes}:
        out.append(
            _diag(
                tr,
                tr.body_line,
                "quiz-mismatch",
                f"quiz '{qid}' of the {src.lang} file is missing here",
            )
        )
    return out


def _compare_quiz(tr: ModuleTranslation, quiz: Quiz, other: Quiz, lang: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if quiz.pass_mark != other.pass_mark:
        out.append(
            _diag(
                tr,
                quiz.line,
                "quiz-mismatch",
                f"pass mark {quiz.pass_mark:g} differs from {lang} ({other.pass_mark:g})",
            )
        )
    theirs = {q.id: q for q in other.questions}
    for q in quiz.questions:
        ref = theirs.pop(q.id, None)
        if ref is None:
            out.append(
                _diag(tr, q.line, "quiz-mismatch", f"question '{q.id}' is not in the {lang} quiz")
            )
        elif _question_shape(q) != _question_shape(ref):
            out.append(_diag(tr, q.line, "quiz-mismatch", _shape_message(q, ref, lang)))
    for qid in theirs:
        out.append(
            _diag(
                tr,
                quiz.line,
                "quiz-mismatch",
                f"question '{qid}' of the {lang} quiz is missing here",
            )
        )
    return out


def _shape_message(q: Question, ref: Question, lang: str) -> str:
    if q.type != ref.type:
        return f"question '{q.id}' is {q.type} here but {ref.type} in {lang}"
    if len(q.options) != len(ref.options):
        return (
            f"question '{q.id}' has {len(q.options)} options here but {len(ref.options)} in {lang}"
        )
    credits = [o.credit for o in q.options], [o.credit for o in ref.options]
    if (
        q.correct_positions != ref.correct_positions
        or q.answer_bool != ref.answer_bool
        or credits[0] != credits[1]
    ):
        return f"question '{q.id}' has different correct answers from {lang}"
    if q.numeric != ref.numeric:
        return f"question '{q.id}' has a different numeric answer from {lang}"
    if q.points != ref.points:
        return f"question '{q.id}' has {q.points:g} points here but {ref.points:g} in {lang}"
    return f"question '{q.id}' has a different number of items or pairs from {lang}"


# ---------------------------------------------------------------- trainer notes


def check_trainer_notes(tr: ModuleTranslation) -> list[Diagnostic]:
    """Every trainer note is written the one way. (Text meant as a note that trainees would see
    is the loader's error, trainer-note-shown: such a module is not loaded, so not here.)"""
    lines = tr.body.split("\n")
    out: list[Diagnostic] = []
    for no, line in body_lines(tr):
        if looks_like_trainer_note(line) and opens_trainer_note(line):
            out.extend(_trainer_spelling(tr, lines, no - tr.body_line))
    return out


def _trainer_spelling(tr: ModuleTranslation, lines: list[str], start: int) -> list[Diagnostic]:
    from courseware_app.core.mdext.trainer import LEAD_RE, note_body_lines

    if not is_canonical_trainer_opener(lines[start]):
        message = _("write a trainer note as '!!! trainer \"Title\"' (lower case, one space)")
        return [_diag(tr, tr.body_line + start, "trainer-note-spelling", message, Severity.WARNING)]
    for j in [start, *note_body_lines(lines, start)]:
        lead = LEAD_RE.match(lines[j])
        if lead and "\t" in lead[0]:
            message = _("indent a trainer note with four spaces, not tabs")
            return [_diag(tr, tr.body_line + j, "trainer-note-spelling", message, Severity.WARNING)]
    return []


# ---------------------------------------------------------------- typography

STRAIGHT_QUOTE_RE = re.compile(r'"')
FR_GUILLEMET_RE = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")


def _quiz_prose(line: str) -> str:
    """A quiz line without its keyword (``answer:`` ...); a question's id line is no prose."""
    stripped = line.lstrip()
    m = KEYWORD_RE.match(stripped)
    if m:
        stripped = line = stripped[m.end(1) + 1 :]
    return "" if QUESTION_RE.match(stripped.lstrip()) else line


def _typography_text(raw: str) -> str | None:
    """The visible prose of a body line that typography rules check, or None to skip it."""
    if QUIZ_OPEN_RE.match(raw) or QUIZ_CLOSE_RE.match(raw) or raw.lstrip().startswith("|---"):
        return None
    title = callout_title(raw)
    return visible_text(_quiz_prose(raw if title is None else title))


def check_typography(tr: ModuleTranslation) -> list[Diagnostic]:
    """Straight quotes in ru/fr prose; missing no-break spaces in French."""
    if tr.lang not in ("ru", "fr"):
        return []
    out = []
    for no, raw in body_lines(tr, skip_quiz=False):
        text = _typography_text(raw)
        if text is None:
            continue
        if STRAIGHT_QUOTE_RE.search(text):
            out.append(
                _diag(
                    tr,
                    no,
                    "typo-straight-quotes",
                    'straight quotes "...": use « »',
                    Severity.WARNING,
                )
            )
        if tr.lang == "fr":
            out.extend(_french(tr, no, text))
    return out


def _french(tr: ModuleTranslation, no: int, text: str) -> list[Diagnostic]:
    out = []
    for m in re.finditer(r"[;:!?]", text):
        i = m.start()
        after = text[i + 1 : i + 2]
        if after and not after.isspace() and after not in "»)*_":
            continue  # times (10:30), ratios, URLs
        before = text[i - 1 : i]
        if before and before not in NBSP and before not in "!?":
            out.append(
                _diag(
                    tr,
                    no,
                    "typo-nbsp",
                    f"put a no-break space (U+00A0) before '{m.group(0)}'",
                    Severity.WARNING,
                )
            )
            break
    if FR_GUILLEMET_RE.search(text):
        out.append(
            _diag(tr, no, "typo-nbsp", "put no-break spaces (U+00A0) inside « »", Severity.WARNING)
        )
    return out


# ---------------------------------------------------------------- entry points


def validate_course(course: Course) -> list[Diagnostic]:
    """Every loader diagnostic plus the cross-file checks, sorted by file and line."""
    diags = list(course.diagnostics)
    for module in course.modules.values():
        for tr in module.translations.values():
            diags.extend(check_links(course, module, tr))
            diags.extend(check_structure(module, tr))
            diags.extend(check_typography(tr))
            diags.extend(check_trainer_notes(tr))
            if tr.lang != module.source_language and module.status(tr.lang) == "outdated":
                diags.append(
                    _diag(
                        tr,
                        1,
                        "translation-outdated",
                        f"follows {module.source_language} {tr.translated_from}, which is now {module.version}",
                        Severity.WARNING,
                    )
                )
    return sorted(set(diags), key=lambda d: (d.file, d.line, d.code, d.message))


def validate_path(path: Path) -> list[Diagnostic]:
    """Validate a content tree (a folder with course.yaml) or a single module file."""
    if path.is_file():
        return validate_file(path)
    return validate_course(load_course(path))


def validate_file(path: Path) -> list[Diagnostic]:
    """Check one module file on its own: what the loader and the typography rules find."""
    lang = path.stem if path.stem in LANGUAGES else SOURCE_LANGUAGE
    module_id = path.parent.name
    tr, diags = load_translation(path, module_id, lang, source_language=lang)
    diags = [d for d in diags if d.code not in ("translated-from-in-source", "id-mismatch")]
    if tr is not None:
        diags.extend(check_typography(tr))
        diags.extend(check_trainer_notes(tr))
    return sorted(set(diags), key=lambda d: (d.line, d.code))
