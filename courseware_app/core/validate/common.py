"""What every rule of the validator shares: a diagnostic on a translation's line, its prose lines."""

from __future__ import annotations

from collections.abc import Iterator

from courseware_app.core.course import Diagnostic, ModuleTranslation, Severity
from courseware_app.core.loader import display_path
from courseware_app.core.syntax import QUIZ_CLOSE_RE, Fences, opens_colon_block


def diag(
    tr: ModuleTranslation,
    line: int,
    code: str,
    message: str,
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    """A problem of ``tr``'s file on ``line``."""
    return Diagnostic(display_path(tr.path), line, severity, code, message)


def body_lines(tr: ModuleTranslation, skip_quiz: bool = True) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of prose lines: outside code fences and, optionally, quiz and
    exercise blocks."""
    for no, line, in_quiz in marked_lines(tr):
        if not (in_quiz and skip_quiz):
            yield no, line


def quiz_lines(tr: ModuleTranslation) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of the lines inside quiz and exercise blocks (outside code
    fences): Markdown of their own."""
    for no, line, in_quiz in marked_lines(tr):
        if in_quiz:
            yield no, line


def marked_lines(tr: ModuleTranslation) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, text, inside a quiz or an exercise) of every line outside code
    fences."""
    fences, in_quiz = Fences(), False
    for i, line in enumerate(tr.body.split("\n")):
        if fences.inside(line):
            continue
        if opens_colon_block(line):
            in_quiz = True
        if in_quiz:
            yield tr.body_line + i, line, True
            if QUIZ_CLOSE_RE.match(line):
                in_quiz = False
            continue
        yield tr.body_line + i, line, False
