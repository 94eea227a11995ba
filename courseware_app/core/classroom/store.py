"""Classroom sessions in the progress file (the tables of schema 4), through its writer.

Every change waits until it is committed: a question recorded is kept even if the laptop
is switched off a moment later."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple, TypeVar

from courseware_app.core.classroom.model import ClassroomSession, QuestionResult, SectionTime
from courseware_app.core.progress import ProgressStore, StoreError, iso_utc

T = TypeVar("T")

_SESSION_COLUMNS = "id, started_at, finished_at, place, trainer, module, module_version, lang, mode"


class _QuestionRow(NamedTuple):
    session_id: str
    question: str
    position: int
    counts: str  # JSON object: letter -> count
    correct: str  # JSON list of letters
    teams: str  # JSON object: team -> letters
    multiple: int


class _SectionRow(NamedTuple):
    session_id: str
    section: str
    planned_minutes: int | None
    actual_seconds: float


# ---------------------------------------------------------------- writes (on the writer thread)


def _insert_session(conn: sqlite3.Connection, s: ClassroomSession, device: str) -> None:
    conn.execute(
        f"INSERT INTO classroom_sessions ({_SESSION_COLUMNS}, device) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (s.id, s.started_at, s.finished_at, s.place, s.trainer)
        + (s.module, s.module_version, s.lang, s.mode, device),
    )


def _update_people(
    conn: sqlite3.Connection, session_id: str, place: str, trainer: str, mode: str
) -> None:
    cursor = conn.execute(
        "UPDATE classroom_sessions SET place = ?, trainer = ?, mode = ? WHERE id = ?",
        (place, trainer, mode, session_id),
    )
    _found(cursor, session_id)


def _insert_question(conn: sqlite3.Connection, session_id: str, r: QuestionResult) -> None:
    _found(conn.execute("SELECT 1 FROM classroom_sessions WHERE id = ?", (session_id,)), session_id)
    conn.execute(
        "INSERT OR REPLACE INTO classroom_questions (session_id, question, position, counts, "
        "correct, teams, multiple, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session_id,
            r.question,
            r.position,
            json.dumps(r.counts, ensure_ascii=False),
            json.dumps(list(r.correct), ensure_ascii=False),
            json.dumps(r.teams, ensure_ascii=False),
            int(r.multiple),
            iso_utc(),
        ),
    )


def _finish(
    conn: sqlite3.Connection, session_id: str, sections: Sequence[SectionTime], when: str
) -> None:
    cursor = conn.execute(
        "UPDATE classroom_sessions SET finished_at = ? WHERE id = ?", (when, session_id)
    )
    _found(cursor, session_id)
    conn.execute("DELETE FROM classroom_sections WHERE session_id = ?", (session_id,))
    conn.executemany(
        "INSERT OR REPLACE INTO classroom_sections (session_id, section, position, "
        "planned_minutes, actual_seconds) VALUES (?, ?, ?, ?, ?)",
        [
            (session_id, s.section, i, s.planned_minutes, float(s.actual_seconds))
            for i, s in enumerate(sections)
        ],
    )


def _found(cursor: sqlite3.Cursor, session_id: str) -> None:
    if cursor.rowcount == 0 or (cursor.rowcount < 0 and cursor.fetchone() is None):
        raise StoreError(f"no classroom session {session_id}")


# ---------------------------------------------------------------- reads


def _question(row: _QuestionRow) -> QuestionResult:
    counts = {str(k): int(v) for k, v in json.loads(row.counts).items()}
    teams = {str(k): str(v) for k, v in json.loads(row.teams).items()}
    correct = tuple(str(x) for x in json.loads(row.correct))
    return QuestionResult(
        row.question, int(row.position), counts, correct, teams, bool(row.multiple)
    )


def read_sessions_from(conn: sqlite3.Connection) -> list[ClassroomSession]:
    """Every session in the file, newest first, with its questions and sections in order."""
    sessions = [
        ClassroomSession(*r)
        for r in conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM classroom_sessions ORDER BY started_at DESC, id"
        )
    ]
    questions: dict[str, list[QuestionResult]] = {}
    for r in conn.execute(
        "SELECT session_id, question, position, counts, correct, teams, multiple "
        "FROM classroom_questions ORDER BY session_id, position, question"
    ):
        row = _QuestionRow(*r)
        questions.setdefault(row.session_id, []).append(_question(row))
    sections: dict[str, list[SectionTime]] = {}
    for r in conn.execute(
        "SELECT session_id, section, planned_minutes, actual_seconds FROM classroom_sections "
        "ORDER BY session_id, position"
    ):
        s = _SectionRow(*r)
        sections.setdefault(s.session_id, []).append(
            SectionTime(s.section, s.planned_minutes, float(s.actual_seconds))
        )
    return [
        replace(s, questions=tuple(questions.get(s.id, ())), sections=tuple(sections.get(s.id, ())))
        for s in sessions
    ]


class SessionStore:
    """Classroom sessions on a progress store: one opened here (``open``) or the one the
    application already has (``SessionStore(store)``, which ``close`` leaves open)."""

    def __init__(self, progress: ProgressStore, *, owned: bool = False):
        self.progress = progress
        self._owned = owned

    @classmethod
    def open(cls, data_dir: Path) -> SessionStore:
        """The sessions of ``data_dir/progress.sqlite3`` (created or migrated as needed).
        Raises StoreError, NewerSchemaError as ProgressStore.open does."""
        return cls(ProgressStore.open(data_dir), owned=True)

    @classmethod
    def open_for_reading(cls, data_dir: Path) -> SessionStore:
        """Read-only (an export from a write-protected stick): every change is refused."""
        return cls(ProgressStore.open_for_reading(data_dir), owned=True)

    def close(self) -> None:
        if self._owned:
            self.progress.close()

    def _wait(self, kind: str, fn: Callable[..., T], *args: object) -> T:
        future: Future[T] = self.progress.writer.submit(kind, fn, *args)
        try:
            return future.result()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record the classroom session: {exc}") from exc

    def start(
        self,
        *,
        module: str,
        module_version: str,
        lang: str,
        place: str = "",
        trainer: str = "",
        mode: str = "",
        started_at: str | None = None,
    ) -> str:
        """Record a new session at once; return its id (a UUID)."""
        session = ClassroomSession(
            str(uuid.uuid4()),
            started_at or iso_utc(),
            None,
            place,
            trainer,
            module,
            module_version,
            lang,
            mode,
        )
        self._wait("classroom", _insert_session, session, self.progress.device)
        return session.id

    def set_people(self, session_id: str, *, place: str, trainer: str, mode: str) -> None:
        """Place, trainer and quiz mode, asked when the quiz starts (after the session did)."""
        self._wait("classroom", _update_people, session_id, place, trainer, mode)

    def record_question(self, session_id: str, result: QuestionResult) -> None:
        """Keep one question's result (again: replaces the earlier one), committed at once."""
        self._wait("classroom", _insert_question, session_id, result)

    def finish(
        self,
        session_id: str,
        *,
        sections: Sequence[SectionTime],
        finished_at: str | None = None,
    ) -> None:
        """The end of the session, with the time each section took (the delivery record)."""
        self._wait("classroom", _finish, session_id, tuple(sections), finished_at or iso_utc())

    def sessions(self) -> list[ClassroomSession]:
        """Every session, newest first."""
        with self.progress.snapshot() as conn:
            return read_sessions_from(conn)

    def session(self, session_id: str) -> ClassroomSession | None:
        return next((s for s in self.sessions() if s.id == session_id), None)
