"""The course's diagnostics as the problems panel lists them: each with its module, language,
file and the section that holds its line; filters and counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from courseware_app.core.course import Course, Diagnostic, ModuleTranslation, Severity
from courseware_app.core.editor.reload import module_of

ANY = ""  # a filter that lets everything through


@dataclass(frozen=True)
class Problem:
    """A diagnostic and where it is: ``module`` and ``lang`` are "" for course-wide files."""

    diagnostic: Diagnostic
    path: Path
    module: str
    lang: str

    @property
    def line(self) -> int:
        return self.diagnostic.line

    @property
    def severity(self) -> Severity:
        return self.diagnostic.severity


@dataclass(frozen=True)
class ProblemFilter:
    """Which problems the panel shows (``ANY`` for no restriction)."""

    severity: str = ANY
    module: str = ANY
    lang: str = ANY

    def accepts(self, problem: Problem) -> bool:
        return (
            self.severity in (ANY, problem.severity)
            and self.module in (ANY, problem.module)
            and self.lang in (ANY, problem.lang)
        )


def locate(course: Course, diagnostics: Iterable[Diagnostic]) -> list[Problem]:
    """Each diagnostic with its module and language (from its file's place in the tree)."""
    out = []
    for d in diagnostics:
        path = Path(d.file).resolve()
        place = module_of(course, path)
        module, name = place if place is not None else ("", "")
        lang = name.removesuffix(".md") if name.endswith(".md") else ""
        out.append(Problem(d, path, module, lang if lang in course.languages else ""))
    return out


def section_at(tr: ModuleTranslation | None, line: int) -> str:
    """The id of the section that holds ``line`` of the file ("" above the first one)."""
    if tr is None:
        return ""
    held = [s.id for s in tr.sections if s.line <= line]
    return held[-1] if held else ""


def problems_of(problems: Iterable[Problem], module: str, lang: str) -> list[Problem]:
    """One module's problems in one language's file, by line."""
    mine = [p for p in problems if p.module == module and p.lang == lang]
    return sorted(mine, key=lambda p: (p.line, p.diagnostic.code))


def counts(problems: Sequence[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for p in problems if p.severity == Severity.ERROR)
    return errors, len(problems) - errors
