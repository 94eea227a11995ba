"""The progress file's schema: the tables, and the forward migrations between its versions."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from courseware_app.core.progress.db import transaction
from courseware_app.core.progress.helpers import device_name, iso_utc

SCHEMA_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE profiles (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE UNIQUE INDEX profiles_name_key ON profiles(name_key)",
    """CREATE TABLE profile_settings (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (profile_id, key)) WITHOUT ROWID""",
    """CREATE TABLE visits (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        section TEXT NOT NULL,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        visits INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (profile_id, module, section)) WITHOUT ROWID""",
    """CREATE TABLE attempts (
        id TEXT PRIMARY KEY NOT NULL,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        module_version TEXT NOT NULL,
        lang TEXT NOT NULL,
        quiz TEXT NOT NULL,
        points REAL NOT NULL,
        max_points REAL NOT NULL,
        pass_mark REAL NOT NULL,
        score REAL NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL)""",
    "CREATE INDEX attempts_by_profile ON attempts(profile_id, module, finished_at)",
    """CREATE TABLE answers (
        attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        position INTEGER NOT NULL,
        response TEXT NOT NULL,
        points REAL NOT NULL,
        max_points REAL NOT NULL,
        correct INTEGER NOT NULL,
        feedback TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (attempt_id, question)) WITHOUT ROWID""",
    """CREATE TABLE bookmarks (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        section TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, module, section)) WITHOUT ROWID""",
    """CREATE TABLE notes (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        section TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, module, section)) WITHOUT ROWID""",
)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    """The first schema, and this file's device id."""
    for statement in SCHEMA_V1:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("device_id", str(uuid.uuid4())), ("created_at", iso_utc())],
    )


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Soft deletion (the "recently deleted" list) and the device each attempt was taken on."""
    conn.execute("ALTER TABLE profiles ADD COLUMN deleted_at TEXT")
    conn.execute("DROP INDEX profiles_name_key")
    conn.execute(
        "CREATE UNIQUE INDEX profiles_live_name ON profiles(name_key) WHERE deleted_at IS NULL"
    )
    conn.execute("ALTER TABLE attempts ADD COLUMN device TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE attempts SET device = ?", (device_name(),))


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    """Unfinished quiz attempts, kept to be continued (core.progress.unfinished)."""
    conn.execute(
        """CREATE TABLE unfinished_attempts (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        quiz TEXT NOT NULL,
        module_version TEXT NOT NULL,
        lang TEXT NOT NULL,
        started_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        arrangements TEXT NOT NULL DEFAULT '{}',
        responses TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (profile_id, module, quiz)) WITHOUT ROWID"""
    )


def _migrate_to_4(conn: sqlite3.Connection) -> None:
    """Classroom sessions (core.classroom): the room's answers per question, and the time
    each section took (the delivery record)."""
    conn.execute(
        """CREATE TABLE classroom_sessions (
        id TEXT PRIMARY KEY NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        place TEXT NOT NULL DEFAULT '',
        trainer TEXT NOT NULL DEFAULT '',
        module TEXT NOT NULL,
        module_version TEXT NOT NULL,
        lang TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT '',
        device TEXT NOT NULL DEFAULT '')"""
    )
    conn.execute(
        """CREATE TABLE classroom_questions (
        session_id TEXT NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        position INTEGER NOT NULL,
        counts TEXT NOT NULL DEFAULT '{}',
        correct TEXT NOT NULL DEFAULT '[]',
        teams TEXT NOT NULL DEFAULT '{}',
        multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (session_id, question)) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE classroom_sections (
        session_id TEXT NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        position INTEGER NOT NULL,
        planned_minutes INTEGER,
        actual_seconds REAL NOT NULL,
        PRIMARY KEY (session_id, section)) WITHOUT ROWID"""
    )


def _migrate_to_5(conn: sqlite3.Connection) -> None:
    """Exercise attempts (core.progress.exercises), apart from quiz attempts: they never count
    toward a module's pass mark or completion."""
    conn.execute(
        """CREATE TABLE exercise_attempts (
        id TEXT PRIMARY KEY NOT NULL,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        module_version TEXT NOT NULL,
        lang TEXT NOT NULL,
        exercise TEXT NOT NULL,
        kind TEXT NOT NULL,
        good INTEGER NOT NULL,
        total INTEGER NOT NULL,
        score REAL NOT NULL,
        cards TEXT NOT NULL DEFAULT '[]',
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        device TEXT NOT NULL DEFAULT '')"""
    )
    conn.execute(
        "CREATE INDEX exercise_attempts_by_profile "
        "ON exercise_attempts(profile_id, module, finished_at)"
    )


# MIGRATIONS[n] takes a database from schema n to n + 1; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
    _migrate_to_5,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version the file is at (SQLite's user_version)."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the forward migrations one transaction each; return the version reached. Two
    processes opening a new file at once: each step re-reads the version inside its write
    transaction, so a step another process has just applied is not applied again."""
    while (version := schema_version(conn)) < target:
        with transaction(conn):
            if schema_version(conn) == version:  # nobody migrated it meanwhile
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
    return version
