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
    """A connection with foreign keys on and synchronous=FULL; transactions are explicit."""
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(
        target,
        uri=readonly,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


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
