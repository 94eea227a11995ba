"""The course model: frozen dataclasses built by the loader and read by everything else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from courseware_app.core.exercises.model import RiskMatrix
from courseware_app.core.questions.types import QuestionType
from courseware_app.core.syntax import ID_RE as ID_RE  # the model's ids, re-exported

SEMVER_RE = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, with the file and the 1-based line it is on."""

    file: str
    line: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.file}:{self.line}: {self.severity} {self.code}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }


def parse_semver(text: str) -> tuple[int, int, int] | None:
    """Return (major, minor, patch) for a semantic version string, or None."""
    m = SEMVER_RE.match(text or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def is_outdated(translated_from: str | None, source_version: str | None) -> bool:
    """A translation is outdated when it follows an older major.minor of its source."""
    ours, theirs = parse_semver(translated_from or ""), parse_semver(source_version or "")
    if ours is None or theirs is None:
        return False
    return ours[:2] < theirs[:2]


class Status(StrEnum):
    OK = "ok"
    MISSING = "missing"
    OUTDATED = "outdated"
    ERROR = "error"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    line: int
    minutes: int | None = None  # planned time, from ``minutes=N`` in the heading


@dataclass(frozen=True)
class Slide:
    """A slide as the presenter and the validator see it (core.slides parses the source)."""

    section: str  # the id of the section it is in
    title: str
    line: int
    points: tuple[str, ...] = ()  # bullet points' Markdown
    image: str = ""  # a picture of the module, as written


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str
    line: int
    credit: float = 0.0  # share of the points a wrong option still earns (single choice)


@dataclass(frozen=True)
class Question:
    """A quiz question; which fields matter depends on ``type`` (see core.questions)."""

    id: str
    type: QuestionType
    text: str
    line: int
    points: float = 1.0
    options: tuple[Option, ...] = ()
    answer_bool: bool | None = None
    accepted: tuple[str, ...] = ()
    numeric: tuple[float, float] | None = None  # (low, high) inclusive
    items: tuple[str, ...] = ()  # ordering, in the correct order
    pairs: tuple[tuple[str, str], ...] = ()  # matching, left -> right
    explanation: str = ""

    @property
    def correct_positions(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)


@dataclass(frozen=True)
class Quiz:
    id: str
    line: int
    title: str = ""
    pass_mark: float = 70.0
    shuffle: bool = True
    questions: tuple[Question, ...] = ()

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class ModuleTranslation:
    """One language file of a module, parsed but not rendered."""

    module_id: str
    lang: str
    path: Path
    version: str
    title: str
    summary: str
    duration_minutes: int
    objectives: tuple[str, ...]
    translated_from: str | None
    body: str  # Markdown after the front matter
    body_line: int  # line number (1-based) of the body's first line in the file
    sections: tuple[Section, ...] = ()
    quizzes: tuple[Quiz, ...] = ()
    trainer_notes: int = 0
    slides: tuple[Slide, ...] = ()
    exercises: tuple[RiskMatrix, ...] = ()  # its ``::: exercise`` blocks, in order

    @property
    def planned_minutes(self) -> int | None:
        """The sum of the sections' planned minutes; None when no section plans any."""
        planned = [s.minutes for s in self.sections if s.minutes is not None]
        return sum(planned) if planned else None

    @property
    def quiz(self) -> Quiz | None:
        return self.quizzes[0] if self.quizzes else None


@dataclass(frozen=True)
class Module:
    id: str
    track: str
    folder: Path
    translations: dict[str, ModuleTranslation] = field(default_factory=dict)
    failed: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)  # lang -> errors
    source_language: str = "en"

    @property
    def source(self) -> ModuleTranslation | None:
        return self.translations.get(self.source_language)

    @property
    def version(self) -> str:
        src = self.source
        if src:
            return src.version
        return next((t.version for t in self.translations.values()), "")

    def status(self, lang: str) -> Status:
        if lang in self.failed:
            return Status.ERROR
        tr = self.translations.get(lang)
        if tr is None:
            return Status.MISSING
        src = self.source
        if (
            lang != self.source_language
            and src is not None
            and is_outdated(tr.translated_from, src.version)
        ):
            return Status.OUTDATED
        return Status.OK

    def title(self, lang: str) -> str:
        tr = self.translations.get(lang) or self.source
        if tr is None:
            tr = next(iter(self.translations.values()), None)
        return tr.title if tr else self.id

    def best(self, lang: str) -> ModuleTranslation | None:
        """The translation to show for ``lang``: itself, else the source, else any."""
        return (
            self.translations.get(lang)
            or self.source
            or next(iter(self.translations.values()), None)
        )


@dataclass(frozen=True)
class Track:
    id: str
    title: dict[str, str]
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Course:
    id: str
    version: str
    title: dict[str, str]
    source_language: str
    languages: tuple[str, ...]
    tracks: tuple[Track, ...]
    modules: dict[str, Module]
    root: Path
    diagnostics: tuple[Diagnostic, ...] = ()

    def ordered_modules(self) -> list[Module]:
        return [self.modules[m] for t in self.tracks for m in t.modules if m in self.modules]

    def neighbour(self, module_id: str, step: int) -> Module | None:
        order = self.ordered_modules()
        ids = [m.id for m in order]
        if module_id not in ids:
            return None
        i = ids.index(module_id) + step
        return order[i] if 0 <= i < len(order) else None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == Severity.ERROR]
