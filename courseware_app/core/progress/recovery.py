"""Checking the progress file before use: a damaged one is moved aside, a newer one left alone."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from courseware_app.core.progress.db import connect
from courseware_app.core.progress.errors import NewerSchemaError, StoreError, StoreMissingError
from courseware_app.core.progress.schema import SCHEMA_VERSION, migrate, schema_version

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside the database
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


@dataclass(frozen=True)
class Recovered:
    """A damaged progress file that was moved aside (never deleted) before starting afresh."""

    original: Path
    moved_to: Path
    files: tuple[Path, ...]
    reason: str


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite's error says the file is damaged (rather than, say, locked)."""
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _check_existing(path: Path) -> str | None:
    """None when the file is usable, else why it is not; raises NewerSchemaError."""
    size = path.stat().st_size
    if size == 0:
        return None if not Path(f"{path}-wal").exists() else _check_with_sqlite(path)
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database"
    if int.from_bytes(header[60:64], "big") > SCHEMA_VERSION:  # user_version, read raw
        raise NewerSchemaError(path, int.from_bytes(header[60:64], "big"))
    return _check_with_sqlite(path)


def _check_with_sqlite(path: Path) -> str | None:
    """Read-only: the WAL is read, never checkpointed into the file or deleted."""
    try:
        conn = connect(path, readonly=True)
        try:
            return _check_contents(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            return f"damaged: {exc}"
        raise StoreError(f"{path} cannot be opened: {exc}") from exc


def _check_contents(conn: sqlite3.Connection, path: Path) -> str | None:
    """The version, SQLite's quick check and the tables of an open file: why it is unusable."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version)
    check = conn.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        return "damaged: " + "; ".join(str(r[0]) for r in check[:3])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if (version == 0 and tables) or (version > 0 and "profiles" not in tables):
        return "not a Courseware progress file"
    return None


def _free_name(path: Path) -> Path:
    """progress.corrupt-<UTC stamp>[-n].sqlite3: a name that neither it nor a companion has."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        tag = f"corrupt-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(f"{path.stem}.{tag}{path.suffix}")
        if not any(Path(f"{target}{s}").exists() for s in ("", *COMPANIONS)):
            break
    return target


def move_aside(path: Path, reason: str) -> Recovered:
    """Rename the file and its -wal/-shm/-journal with a timestamp; companions first, so that
    an old WAL can never sit beside a new database and be replayed into it."""
    target = _free_name(path)
    moved = []
    try:
        for suffix in (*COMPANIONS, ""):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.replace(source, f"{target}{suffix}")
                moved.append(Path(f"{target}{suffix}"))
    except OSError as exc:
        raise StoreError(f"{path} is damaged and could not be moved aside: {exc}") from exc
    log.warning("progress file %s (%s) moved to %s", path, reason, target)
    return Recovered(path, target, tuple(moved), reason)


def _recover(path: Path, create: bool) -> Recovered | None:
    """Move aside a damaged file, or the leftovers of a missing one; None when nothing moved."""
    if path.exists():
        reason = _check_existing(path)
        return move_aside(path, reason) if reason is not None else None
    if not create:
        raise StoreMissingError(f"no progress file at {path}")
    for suffix in COMPANIONS:  # leftovers of a database that is gone: never replay them
        if Path(f"{path}{suffix}").exists():
            return move_aside(path, "a journal without its database")
    return None


def check_for_reading(path: Path) -> bool:
    """Whether ``path`` can be read as it is, without a change: False when it has to be
    migrated first. Raises StoreMissingError, NewerSchemaError, or StoreError for a damaged
    file (left in place: only an open for writing moves it aside)."""
    if not path.exists():
        raise StoreMissingError(f"no progress file at {path}")
    reason = _check_existing(path)
    if reason is not None:
        raise StoreError(f"{path} cannot be read ({reason}); start Courseware to repair it")
    conn = connect(path, readonly=True)
    try:
        return schema_version(conn) == SCHEMA_VERSION
    finally:
        conn.close()


def prepare(path: Path, *, create: bool = True) -> Recovered | None:
    """Make ``path`` a current, healthy progress database; return what was moved aside."""
    recovered = _recover(path, create)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("progress file %s: journal mode %s, not WAL", path, mode)
        migrate(conn)
    finally:
        conn.close()
    return recovered
