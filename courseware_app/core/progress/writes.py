"""The changes the writer thread applies, each given the connection inside its transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from courseware_app.core.progress import unfinished
from courseware_app.core.progress.db import SQLValue
from courseware_app.core.progress.helpers import iso_utc, to_jsonable
from courseware_app.core.progress.profiles import name_key
from courseware_app.core.progress.records import Profile
from courseware_app.core.scoring import Attempt, Result

SQLRow = tuple[SQLValue, ...]


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def create_profile(conn: sqlite3.Connection, profile: Profile) -> None:
    conn.execute(
        "INSERT INTO profiles (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
        (profile.id, profile.name, name_key(profile.name), profile.created_at),
    )


def rename_profile(conn: sqlite3.Connection, profile_id: str, name: str) -> None:
    conn.execute(
        "UPDATE profiles SET name = ?, name_key = ? WHERE id = ?",
        (name, name_key(name), profile_id),
    )


def delete_profile(conn: sqlite3.Connection, profile_id: str, when: str) -> None:
    conn.execute(
        "UPDATE profiles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        (when, profile_id),
    )


def restore_profile(conn: sqlite3.Connection, profile_id: str, name: str) -> None:
    conn.execute(
        "UPDATE profiles SET deleted_at = NULL, name = ?, name_key = ? WHERE id = ?",
        (name, name_key(name), profile_id),
    )


def purge_deleted(conn: sqlite3.Connection) -> int:
    return conn.execute("DELETE FROM profiles WHERE deleted_at IS NOT NULL").rowcount


def set_settings(conn: sqlite3.Connection, pairs: Sequence[tuple[str, str, str]]) -> None:
    conn.executemany(
        "INSERT INTO profile_settings (profile_id, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
        pairs,
    )


def visit(
    conn: sqlite3.Connection,
    profile_id: str,
    module: str,
    section: str,
    when: str,
    visits: int,
    seconds: float,
) -> None:
    conn.execute(
        "INSERT INTO visits (profile_id, module, section, first_at, last_at, visits, seconds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, module, section) DO UPDATE SET "
        "last_at = excluded.last_at, visits = visits + excluded.visits, "
        "seconds = seconds + excluded.seconds",
        (profile_id, module, section, when, when, visits, seconds),
    )


def attempt_row(profile_id: str, attempt: Attempt, device: str) -> SQLRow:
    """The attempts row of ``attempt``, in insert_attempt's column order."""
    return (
        attempt.attempt_id,
        profile_id,
        attempt.module_id,
        attempt.module_version,
        attempt.lang,
        attempt.quiz_id,
        attempt.points,
        attempt.max_points,
        attempt.pass_mark,
        attempt.score,
        int(attempt.passed),
        iso_utc(attempt.started_at),
        iso_utc(attempt.finished_at),
        device,
    )


def answer_rows(attempt: Attempt) -> list[SQLRow]:
    """One answers row per response, in question order; responses and feedback as JSON."""
    rows: list[SQLRow] = []
    for position, (question, response) in enumerate(attempt.responses.items()):
        result = attempt.results.get(question) or Result(0.0, 0.0, False)
        rows.append(
            (
                attempt.attempt_id,
                question,
                position,
                json.dumps(to_jsonable(response), ensure_ascii=False),
                result.points,
                result.max_points,
                int(result.correct),
                json.dumps(list(result.feedback), ensure_ascii=False),
            )
        )
    return rows


def insert_attempt(conn: sqlite3.Connection, row: SQLRow, answers: Sequence[SQLRow]) -> None:
    """An attempt and its answers; one already recorded (same id) is kept as it is."""
    conn.execute(
        "INSERT OR IGNORE INTO attempts (id, profile_id, module, module_version, lang, quiz, "
        "points, max_points, pass_mark, score, passed, started_at, finished_at, device) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO answers (attempt_id, question, position, response, points, "
        "max_points, correct, feedback) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        answers,
    )


def record_attempt(
    conn: sqlite3.Connection, row: SQLRow, answers: Sequence[SQLRow], place: tuple[str, str, str]
) -> None:
    """A finished attempt, and the end of the unfinished one it was (profile, module, quiz)."""
    insert_attempt(conn, row, answers)
    unfinished.discard(conn, *place)


def _delete_place(conn: sqlite3.Connection, table: str, place: tuple[str, str, str]) -> None:
    """Remove the row of (profile, module, section) from bookmarks or notes."""
    conn.execute(f"DELETE FROM {table} WHERE profile_id = ? AND module = ? AND section = ?", place)


def bookmark(
    conn: sqlite3.Connection, profile_id: str, module: str, section: str, on: bool, when: str
) -> None:
    if not on:
        _delete_place(conn, "bookmarks", (profile_id, module, section))
        return
    conn.execute(
        "INSERT OR IGNORE INTO bookmarks (profile_id, module, section, created_at) "
        "VALUES (?, ?, ?, ?)",
        (profile_id, module, section, when),
    )


def note(
    conn: sqlite3.Connection, profile_id: str, module: str, section: str, text: str, when: str
) -> None:
    """Blank text removes the note."""
    if not text.strip():
        _delete_place(conn, "notes", (profile_id, module, section))
        return
    conn.execute(
        "INSERT INTO notes (profile_id, module, section, text, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, module, section) DO UPDATE SET "
        "text = excluded.text, updated_at = excluded.updated_at",
        (profile_id, module, section, text, when),
    )
