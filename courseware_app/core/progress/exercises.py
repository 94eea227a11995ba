"""Exercise attempts in the progress file: kept apart from quiz attempts, never part of a
module's pass mark or completion, and not in the quiz results export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, TypedDict

from courseware_app.core.exercises import CardResult, ExerciseResult, Place, RiskMatrix
from courseware_app.core.progress.db import Params, fetch
from courseware_app.core.progress.helpers import iso_utc

SQLRow = tuple[str | int | float, ...]


class CardRow(TypedDict):
    """One card's result as the ``cards`` column stores it (JSON)."""

    card: str
    placed: list[int] | None
    model: list[int]
    distance: int | None
    good: bool


@dataclass(frozen=True)
class StoredExerciseAttempt:
    """An exercise attempt as recorded, with the profile and device it belongs to."""

    attempt_id: str
    profile_id: str
    device: str
    module: str
    module_version: str
    lang: str
    exercise: str
    kind: str
    result: ExerciseResult
    started_at: str
    finished_at: str


@dataclass(frozen=True)
class ExerciseSubmission:
    """One submitted attempt, as the exercise window hands it on to be recorded."""

    module: str
    module_version: str
    lang: str
    exercise: RiskMatrix
    result: ExerciseResult
    started_at: datetime
    finished_at: datetime


COLUMNS = (
    "id, profile_id, device, module, module_version, lang, exercise, kind, good, total, score, "
    "cards, started_at, finished_at"
)


def _card_row(card: CardResult) -> CardRow:
    placed = list(card.placed) if card.placed is not None else None
    return {
        "card": card.card,
        "placed": placed,
        "model": list(card.model),
        "distance": card.distance,
        "good": card.good,
    }


def _place(values: list[int]) -> Place:
    return values[0], values[1]


def _card_result(row: CardRow) -> CardResult:
    placed = _place(row["placed"]) if row["placed"] is not None else None
    return CardResult(row["card"], placed, _place(row["model"]), row["distance"], row["good"])


def attempt_row(
    attempt_id: str, profile_id: str, submitted: ExerciseSubmission, device: str
) -> SQLRow:
    """The exercise_attempts row of one attempt, in COLUMNS' order."""
    s, result = submitted, submitted.result
    cards = json.dumps([_card_row(c) for c in result.cards], ensure_ascii=False)
    return (
        attempt_id,
        profile_id,
        device,
        s.module,
        s.module_version,
        s.lang,
        s.exercise.id,
        s.exercise.kind,
        result.good,
        result.total,
        result.score,
        cards,
        iso_utc(s.started_at),
        iso_utc(s.finished_at),
    )


def insert(conn: sqlite3.Connection, row: SQLRow) -> None:
    """One attempt; one already recorded (same id) is kept as it is."""
    marks = ", ".join("?" * len(row))
    conn.execute(f"INSERT OR IGNORE INTO exercise_attempts ({COLUMNS}) VALUES ({marks})", row)


class _Row(NamedTuple):
    attempt_id: str
    profile_id: str
    device: str
    module: str
    module_version: str
    lang: str
    exercise: str
    kind: str
    good: int
    total: int
    score: float
    cards: str  # JSON list of CardRow
    started_at: str
    finished_at: str


def _stored(row: _Row) -> StoredExerciseAttempt:
    found = tuple(_card_result(c) for c in json.loads(row.cards))
    result = ExerciseResult(found, row.good, row.total, row.score)
    return StoredExerciseAttempt(
        row.attempt_id,
        row.profile_id,
        row.device,
        row.module,
        row.module_version,
        row.lang,
        row.exercise,
        row.kind,
        result,
        row.started_at,
        row.finished_at,
    )


def read(
    conn: sqlite3.Connection, profile_ids: Sequence[str], module: str | None
) -> list[StoredExerciseAttempt]:
    """The live profiles' exercise attempts (at ``module``, or all), oldest first."""
    columns = ", ".join(f"e.{c.strip()}" for c in COLUMNS.split(","))
    sql = (
        f"SELECT {columns} FROM exercise_attempts e JOIN profiles p ON p.id = e.profile_id "
        f"WHERE p.deleted_at IS NULL AND e.profile_id IN ({','.join('?' * len(profile_ids))})"
    )
    params: Params = list(profile_ids)
    if module is not None:
        sql += " AND e.module = ?"
        params = [*params, module]
    rows = fetch(conn, _Row, sql + " ORDER BY e.finished_at, e.rowid", params)
    return [_stored(row) for row in rows]
