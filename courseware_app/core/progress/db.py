"""SQLite plumbing: how a connection to the progress file is opened, read and written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

DB_NAME = "progress.sqlite3"
BUSY_TIMEOUT_S = 5.0

SQLValue = str | int | float | bytes | None
Params = Sequence[SQLValue]
T = TypeVar("T")


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on and synchronous=FULL; transactions are explicit.
    ``readonly`` opens it so that nothing can be written (``mode=ro``)."""
    conn = _connect_readonly(path) if readonly else _connect(str(path), uri=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect(target: str, *, uri: bool) -> sqlite3.Connection:
    return sqlite3.connect(
        target, uri=uri, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """``mode=ro``; in a folder where SQLite cannot create the WAL index (-shm) beside a WAL
    file (a read-only stick), ``immutable=1`` too: nobody can be writing the file there."""
    base = path.resolve().as_uri()
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(f"{base}?mode=ro", uri=True)
        conn.execute("PRAGMA schema_version").fetchone()  # opening is lazy: try it now
        return conn
    except sqlite3.OperationalError:
        if conn is not None:
            conn.close()
    return _connect(f"{base}?mode=ro&immutable=1", uri=True)


@contextmanager
def transaction(conn: sqlite3.Connection, mode: str = "IMMEDIATE") -> Iterator[None]:
    """BEGIN, then COMMIT, or ROLLBACK when the block raises."""
    conn.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def fetch(
    conn: sqlite3.Connection, factory: Callable[..., T], sql: str, params: Params = ()
) -> list[T]:
    """Each row of the query, made into ``factory(*row)``: a typed value per row."""
    return [factory(*row) for row in conn.execute(sql, params).fetchall()]
