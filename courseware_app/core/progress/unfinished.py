"""Unfinished quiz attempts: what a trainee had answered when a quiz was closed, kept per
profile (one per quiz) so that it can be continued, in the same shuffled order.

An unfinished attempt is not an attempt: it lives in its own table, so it is never exported,
merged, counted in the dashboard or scored; finishing the quiz records the attempt and removes
it in the same transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from courseware_app.core.progress.db import fetch
from courseware_app.core.progress.helpers import to_jsonable


@dataclass(frozen=True)
class UnfinishedAttempt:
    """A quiz left before it was finished: the version and language it was taken in, the
    question shown, the order each question's options or items were shown in, the answers."""

    module: str
    quiz: str
    module_version: str
    lang: str
    started_at: str  # ISO 8601 UTC, as iso_utc writes it
    position: int = 0  # the question shown when it was left (one question at a time)
    arrangements: Mapping[str, Sequence[int]] = field(default_factory=dict)
    responses: Mapping[str, object] = field(default_factory=dict)  # None: not answered
    saved_at: str = ""

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        return sum(r is not None for r in self.responses.values())

    def fits(self, module_version: str, lang: str) -> bool:
        """Whether it can be continued on this version and language of the quiz."""
        return (self.module_version, self.lang) == (module_version, lang)


class _Row(NamedTuple):
    module: str
    quiz: str
    module_version: str
    lang: str
    started_at: str
    position: int
    arrangements: str  # JSON
    responses: str  # JSON
    saved_at: str


_COLUMNS = (
    "module, quiz, module_version, lang, started_at, position, arrangements, responses, saved_at"
)


def _json(value: object) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def save(conn: sqlite3.Connection, profile_id: str, u: UnfinishedAttempt, when: str) -> None:
    """Keep ``u`` as the profile's unfinished attempt at its quiz (replacing an older one)."""
    conn.execute(
        f"INSERT OR REPLACE INTO unfinished_attempts (profile_id, {_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            profile_id,
            u.module,
            u.quiz,
            u.module_version,
            u.lang,
            u.started_at,
            u.position,
            _json({q: list(a) for q, a in u.arrangements.items()}),
            _json(dict(u.responses)),
            when,
        ),
    )


def discard(conn: sqlite3.Connection, profile_id: str, module: str, quiz: str) -> None:
    conn.execute(
        "DELETE FROM unfinished_attempts WHERE profile_id = ? AND module = ? AND quiz = ?",
        (profile_id, module, quiz),
    )


def read(
    conn: sqlite3.Connection, profile_id: str, module: str, quiz: str
) -> UnfinishedAttempt | None:
    """The profile's unfinished attempt at this quiz, if it left one."""
    rows = fetch(
        conn,
        _Row,
        f"SELECT {_COLUMNS} FROM unfinished_attempts "
        "WHERE profile_id = ? AND module = ? AND quiz = ?",
        (profile_id, module, quiz),
    )
    if not rows:
        return None
    row = rows[0]
    arrangements = json.loads(row.arrangements)
    return UnfinishedAttempt(
        module=row.module,
        quiz=row.quiz,
        module_version=row.module_version,
        lang=row.lang,
        started_at=row.started_at,
        position=int(row.position),
        arrangements={str(q): [int(i) for i in a] for q, a in arrangements.items()},
        responses=dict(json.loads(row.responses)),
        saved_at=row.saved_at,
    )
