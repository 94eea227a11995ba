"""Sessions files read back (CSV or JSON, as export or merge wrote them), and merged.

A file is read whole and every value checked before anything is used: a file that is not a
sessions export, or is beyond the limits, is refused with an ExportError naming it (and the
line or the session), never read half-way. Reading a CSV gives the sessions without their
section times (the CSV does not carry them) and without the sessions that had no question.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from courseware_app.core.classroom import values as v
from courseware_app.core.classroom.files import JSON_FORMAT, JSON_VERSION, REQUIRED_COLUMNS
from courseware_app.core.classroom.model import ClassroomSession, QuestionResult, SectionTime
from courseware_app.core.i18n import _
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results import ExportError
from courseware_app.core.results.checks import read_limited
from courseware_app.core.results.formats import (
    NotAnExport,
    csv_table,
    json_document,
    looks_like_json,
)


def read_sessions(path: Path) -> list[ClassroomSession]:
    """The sessions in a CSV or JSON sessions file; ExportError when it is not one."""
    path = Path(path)
    data = read_limited(path)
    try:
        return _from_json(path, data) if looks_like_json(path, data) else _from_csv(path, data)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:  # a case not foreseen
        message = _("{path}: not a readable sessions export ({reason})")
        raise ExportError(message.format(path=path, reason=exc.__class__.__name__)) from exc


# ---------------------------------------------------------------- CSV


@dataclass
class _Draft:
    """A session gathered from its CSV rows."""

    head: ClassroomSession
    questions: dict[str, dict[str, int]] = field(default_factory=dict)  # question -> counts
    correct: dict[str, list[str]] = field(default_factory=dict)
    teams: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    multiple: dict[str, bool] = field(default_factory=dict)

    def session(self) -> ClassroomSession:
        results = tuple(
            QuestionResult(
                q,
                self.position[q],
                counts,
                tuple(self.correct[q]),
                {t: ",".join(x) for t, x in self.teams[q].items()},
                self.multiple[q],
            )
            for q, counts in self.questions.items()
        )
        return ClassroomSession(**{**vars(self.head), "questions": results})


def _from_csv(path: Path, data: bytes) -> list[ClassroomSession]:
    drafts: dict[str, _Draft] = {}
    for where, fields in csv_table(path, data, _check_header, v.cell)[1]:
        _add_row(drafts, fields, where)
    return [d.session() for d in drafts.values()]


def _check_header(path: Path, header: list[str]) -> None:
    if tuple(header[: len(REQUIRED_COLUMNS)]) != REQUIRED_COLUMNS:
        message = _("{path}: not a Courseware sessions export: the first line must be {columns}")
        raise ExportError(message.format(path=path, columns=",".join(REQUIRED_COLUMNS)))
    if len(set(header)) != len(header):
        raise ExportError(_("{path}: a column name appears twice").format(path=path))


def _head(row: Mapping[str, str], where: str) -> ClassroomSession:
    """The session a row belongs to, from its session columns."""
    return ClassroomSession(
        id=v.session_id(row["session_id"], where),
        started_at=v.moment(row["started_at"], where, "started_at"),
        finished_at=v.optional_moment(row.get("finished_at", ""), where, "finished_at"),
        place=row["place"],
        trainer=row["trainer"],
        module=v.text(row["module"], where, "module", required=True),
        module_version=row["module_version"],
        lang=row["lang"],
        mode=row.get("mode", ""),
    )


def _add_row(drafts: dict[str, _Draft], row: Mapping[str, str], where: str) -> None:
    head = _head(row, where)
    draft = drafts.setdefault(head.id, _Draft(head))
    question = v.text(row["question"], where, "question", required=True)
    option = v.text(row["option"], where, "option", required=True)
    counts = draft.questions.setdefault(question, {})
    if option in counts:
        message = _("{where}: option {option} of question {question} appears twice")
        raise ExportError(message.format(where=where, option=option, question=question))
    counts[option] = v.whole(row["count"], where, "count")
    if v.flag(row["correct"], where, "correct"):
        draft.correct.setdefault(question, []).append(option)
    draft.correct.setdefault(question, [])
    default = len(draft.position)
    draft.position.setdefault(question, v.whole(row.get("position") or default, where, "position"))
    draft.multiple[question] = v.flag(row.get("multiple", ""), where, "multiple")
    teams = draft.teams.setdefault(question, {})
    for team in filter(None, row.get("teams", "").split(";")):
        teams.setdefault(team, []).append(option)


# ---------------------------------------------------------------- JSON


NOT_SESSIONS = NotAnExport(
    lambda: _("{path}: not a Courseware sessions export: {reason}"),
    lambda: _('{path}: not a Courseware sessions export (no "format": "{format}")'),
)


def _from_json(path: Path, data: bytes) -> list[ClassroomSession]:
    doc = json_document(path, data, JSON_FORMAT, JSON_VERSION, NOT_SESSIONS)
    items = _objects(doc.get("sessions"), str(path), "sessions")
    return [_session(s, f"{path}: session {i + 1}") for i, s in enumerate(items)]


def _objects(value: JSONValue, where: str, name: str) -> list[dict[str, JSONValue]]:
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        message = _('{where}: "{field}" must be a list of objects')
        raise ExportError(message.format(where=where, field=name))
    return [x for x in value if isinstance(x, dict)]


def _mapping(value: JSONValue, where: str, name: str) -> dict[str, JSONValue]:
    if not isinstance(value, dict):
        raise v.wrong(where, name, value)
    return value


def _session(s: dict[str, JSONValue], where: str) -> ClassroomSession:
    get = s.get
    return ClassroomSession(
        id=v.session_id(get("id"), where),
        started_at=v.moment(get("started_at"), where, "started_at"),
        finished_at=v.optional_moment(get("finished_at"), where, "finished_at"),
        place=v.text(get("place", ""), where, "place"),
        trainer=v.text(get("trainer", ""), where, "trainer"),
        module=v.text(get("module"), where, "module", required=True),
        module_version=v.text(get("module_version", ""), where, "module_version"),
        lang=v.text(get("lang", ""), where, "lang"),
        mode=v.text(get("mode", ""), where, "mode"),
        questions=tuple(
            _question(q, where) for q in _objects(get("questions", []), where, "questions")
        ),
        sections=tuple(
            _section(t, where) for t in _objects(get("sections", []), where, "sections")
        ),
    )


def _question(q: dict[str, JSONValue], where: str) -> QuestionResult:
    question = v.text(q.get("question"), where, "question", required=True)
    where = f"{where}: question {question}"
    counts = _mapping(q.get("counts", {}), where, "counts")
    teams = _mapping(q.get("teams", {}), where, "teams")
    correct = q.get("correct", [])
    if not isinstance(correct, list):
        raise v.wrong(where, "correct", correct)
    return QuestionResult(
        question=question,
        position=v.whole(q.get("position", 0), where, "position"),
        counts={k: v.whole(n, where, "counts") for k, n in counts.items()},
        correct=tuple(v.text(c, where, "correct", required=True) for c in correct),
        teams={k: v.text(x, where, "teams") for k, x in teams.items()},
        multiple=v.flag(q.get("multiple", False), where, "multiple"),
    )


def _section(t: dict[str, JSONValue], where: str) -> SectionTime:
    section = v.text(t.get("section"), where, "section", required=True)
    where = f"{where}: section {section}"
    return SectionTime(
        section,
        v.minutes(t.get("planned_minutes"), where, "planned_minutes"),
        v.seconds(t.get("actual_seconds", 0), where, "actual_seconds"),
    )


# ---------------------------------------------------------------- merge


def _completeness(s: ClassroomSession) -> tuple[int, bool, int]:
    return (len(s.questions), s.finished_at is not None, len(s.sections))


def merge_sessions(groups: Iterable[list[ClassroomSession]]) -> list[ClassroomSession]:
    """Every session once (by id), oldest first. A session found twice (exported from the
    same laptop before and after it ended, or the same file given twice) is kept in its
    most complete copy: the one with the most questions, then a finished one, then the one
    with the most section times; between equal copies, the first given."""
    kept: dict[str, ClassroomSession] = {}
    for group in groups:
        for s in group:
            old = kept.get(s.id.lower())
            if old is None or _completeness(s) > _completeness(old):
                kept[s.id.lower()] = s
    return sorted(kept.values(), key=lambda s: (s.started_at, s.id))
