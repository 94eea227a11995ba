"""The values the store reads back: profiles, visit counts, stored attempts and their answers."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple, TypedDict

from courseware_app.core.progress.db import Params, fetch
from courseware_app.core.progress.helpers import JSONValue, parse_iso
from courseware_app.core.scoring import Attempt, Result


@dataclass(frozen=True)
class Profile:
    """A learner on this computer; ``deleted_at`` is set while it sits in "recently deleted"."""

    id: str
    name: str
    created_at: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class VisitStat:
    """How often and how long one section was read."""

    visits: int
    seconds: float
    first_at: str
    last_at: str


class AnswerResult(TypedDict):
    """How one stored answer was scored (the JSON form of scoring.Result)."""

    points: float
    max_points: float
    correct: bool
    feedback: list[str]


@dataclass(frozen=True)
class StoredAttempt:
    """An attempt as recorded, with the profile and device it belongs to."""

    attempt_id: str
    profile_id: str
    profile: str
    device: str
    module: str
    module_version: str
    lang: str
    quiz: str
    points: float
    max_points: float
    pass_mark: float
    score: float
    passed: bool
    started_at: str
    finished_at: str
    # question id -> response (JSON form); None when not loaded
    responses: dict[str, JSONValue] | None = None
    results: dict[str, AnswerResult] | None = None  # question id -> how it was scored

    def to_attempt(self) -> Attempt:
        """Back to a scoring.Attempt, for the quiz dialog's review mode."""
        results = {
            q: Result(r["points"], r["max_points"], r["correct"], tuple(r["feedback"]))
            for q, r in (self.results or {}).items()
        }
        responses: dict[str, object] = dict(self.responses or {})
        return Attempt(
            module_id=self.module,
            module_version=self.module_version,
            lang=self.lang,
            quiz_id=self.quiz,
            responses=responses,
            results=results,
            points=self.points,
            max_points=self.max_points,
            pass_mark=self.pass_mark,
            started_at=parse_iso(self.started_at),
            finished_at=parse_iso(self.finished_at),
            attempt_id=self.attempt_id,
        )


@dataclass(frozen=True)
class ProfileSummary:
    """What the dashboard and the outline need: visits per module and section, attempts."""

    visits: dict[str, dict[str, VisitStat]]
    attempts: tuple[StoredAttempt, ...]  # oldest first, without responses


ATTEMPT_COLUMNS = (
    "a.id, a.profile_id, p.name, a.device, a.module, a.module_version, a.lang, a.quiz, "
    "a.points, a.max_points, a.pass_mark, a.score, a.passed, a.started_at, a.finished_at"
)


def attempts_query(
    profile_ids: Sequence[str] | None, module: str | None, attempt_id: str | None
) -> tuple[str, Params]:
    """The SELECT of live profiles' attempts (all, or those given), oldest first."""
    sql = (
        f"SELECT {ATTEMPT_COLUMNS} FROM attempts a JOIN profiles p ON p.id = a.profile_id "
        "WHERE p.deleted_at IS NULL"
    )
    params: list[str] = []
    if profile_ids is not None:
        sql += f" AND a.profile_id IN ({','.join('?' * len(profile_ids))})"
        params += profile_ids
    for column, value in (("module", module), ("id", attempt_id)):
        if value is not None:
            sql += f" AND a.{column} = ?"
            params.append(value)
    return sql + " ORDER BY a.finished_at, a.rowid", params


def read_attempts(conn: sqlite3.Connection, sql: str, params: Params) -> list[StoredAttempt]:
    """The attempts a query of ATTEMPT_COLUMNS finds (``passed`` read back as a bool)."""
    return [replace(a, passed=bool(a.passed)) for a in fetch(conn, StoredAttempt, sql, params)]


class _AnswerRow(NamedTuple):
    question: str
    response: str  # JSON
    points: float
    max_points: float
    correct: int
    feedback: str  # JSON list


def with_answers(conn: sqlite3.Connection, attempt: StoredAttempt) -> StoredAttempt:
    """The attempt with its responses and per-question results loaded, in question order."""
    rows = fetch(
        conn,
        _AnswerRow,
        "SELECT question, response, points, max_points, correct, feedback FROM answers "
        "WHERE attempt_id = ? ORDER BY position",
        (attempt.attempt_id,),
    )
    responses: dict[str, JSONValue] = {r.question: json.loads(r.response) for r in rows}
    results = {r.question: _answer_result(r) for r in rows}
    return replace(attempt, responses=responses, results=results)


def _answer_result(row: _AnswerRow) -> AnswerResult:
    return {
        "points": row.points,
        "max_points": row.max_points,
        "correct": bool(row.correct),
        "feedback": json.loads(row.feedback),
    }
