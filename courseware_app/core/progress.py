"""The progress store: profiles, visits, quiz attempts, bookmarks and notes in one SQLite file."""

from __future__ import annotations

import atexit
import json
import logging
import os
import platform
import queue
import sqlite3
import tempfile
import threading
import unicodedata
import uuid
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from courseware_app.core.course import Course, Module, is_outdated, parse_semver
from courseware_app.core.scoring import Attempt, Result

log = logging.getLogger(__name__)

DB_NAME = "progress.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0
MAX_NAME_LENGTH = 60
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside the database
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26

# ---------------------------------------------------------------- errors


class StoreError(Exception):
    """The progress file cannot be used; the message says why and what to do."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Courseware; it is refused and left untouched."""

    def __init__(self, path: Path, found: int):
        self.path, self.found, self.supported = path, found, SCHEMA_VERSION
        super().__init__(
            f"{path} was written by a newer version of Courseware (progress schema {found}; "
            f"this version understands up to {SCHEMA_VERSION}). It was left untouched: "
            "update Courseware to use it."
        )


class StoreMissingError(StoreError):
    """There is no progress file yet (and the caller did not want one created)."""


class ProfileError(StoreError):
    """A profile name is refused: ``code`` is empty, too-long, bad-start, duplicate or unknown."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


# ---------------------------------------------------------------- small helpers


def iso_utc(moment: datetime | None = None) -> str:
    """2025-03-01T09:15:00Z: ISO 8601 in UTC, whole seconds."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def device_name() -> str:
    return platform.node() or "unknown"


def name_key(name: str) -> str:
    """What makes two profile names the same: case (Cyrillic too) and Unicode form ignored."""
    return unicodedata.normalize("NFC", name).casefold()


def clean_name(name: str) -> str:
    """Collapse whitespace and check a profile name; raise ProfileError when it is refused."""
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not name:
        raise ProfileError("empty", "a profile name cannot be empty")
    if len(name) > MAX_NAME_LENGTH:
        raise ProfileError("too-long", f"a profile name has at most {MAX_NAME_LENGTH} characters")
    if name[0] in "=+-@":  # spreadsheets would read the exported name as a formula
        raise ProfileError("bad-start", "a profile name cannot start with = + - or @")
    return name


def to_jsonable(value):
    """Responses as JSON: sets become sorted lists, dict keys strings, tuples lists."""
    if isinstance(value, set | frozenset):
        items = [to_jsonable(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=repr)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


# ---------------------------------------------------------------- schema and migrations

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


# MIGRATIONS[n] takes a database from schema n to n + 1; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the forward migrations one transaction each; return the version reached."""
    version = schema_version(conn)
    while version < target:
        with transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
    return version


@contextmanager
def transaction(conn: sqlite3.Connection, mode: str = "IMMEDIATE") -> Iterator[None]:
    conn.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


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


# ---------------------------------------------------------------- opening, checking, recovery


@dataclass(frozen=True)
class Recovered:
    """A damaged progress file that was moved aside (never deleted) before starting afresh."""

    original: Path
    moved_to: Path
    files: tuple[Path, ...]
    reason: str


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
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
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            return f"damaged: {exc}"
        raise StoreError(f"{path} cannot be opened: {exc}") from exc


def move_aside(path: Path, reason: str) -> Recovered:
    """Rename the file and its -wal/-shm/-journal with a timestamp; companions first, so that
    an old WAL can never sit beside a new database and be replayed into it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        tag = f"corrupt-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(f"{path.stem}.{tag}{path.suffix}")
        if not any(Path(f"{target}{s}").exists() for s in ("", *COMPANIONS)):
            break
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


def prepare(path: Path, *, create: bool = True) -> Recovered | None:
    """Make ``path`` a current, healthy progress database; return what was moved aside."""
    recovered = None
    if path.exists():
        reason = _check_existing(path)
        if reason is not None:
            recovered = move_aside(path, reason)
    elif not create:
        raise StoreMissingError(f"no progress file at {path}")
    else:
        for suffix in COMPANIONS:  # leftovers of a database that is gone: never replay them
            if Path(f"{path}{suffix}").exists():
                recovered = move_aside(path, "a journal without its database")
                break
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


# ---------------------------------------------------------------- the writer thread

_WRITERS: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_writers() -> None:
    for writer in list(_WRITERS):
        writer.close()


class Writer:
    """Runs every change on one background thread, each in its own transaction, in order.

    ``submit`` returns at once with a Future; callers that may wait (the command line, tests,
    shutdown) call ``result()`` or ``flush()``. ``listeners`` are called on the writer thread
    after each commit with (kind, error-or-None)."""

    def __init__(self, path: Path):
        self.path = path
        self.listeners: list[Callable[[str, Exception | None], None]] = []
        self._queue: queue.Queue = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="progress-writer", daemon=True)
        self.thread.start()
        _WRITERS.add(self)

    def submit(self, kind: str, fn: Callable | None, *args) -> Future:
        future: Future = Future()
        with self._lock:
            if self._closed:
                future.set_exception(StoreError("the progress store is closed"))
                return future
            self._queue.put((kind, fn, args, future))
        return future

    def flush(self, timeout: float | None = 30) -> None:
        """Wait until everything submitted before this call is committed."""
        self.submit("flush", None).result(timeout)

    def close(self, timeout: float = 30) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        if threading.current_thread() is not self.thread:
            self.thread.join(timeout)

    def _run(self) -> None:
        try:
            conn = connect(self.path)
        except sqlite3.Error as exc:
            log.exception("progress writer cannot open %s", self.path)
            conn, failure = None, exc
        while (item := self._queue.get()) is not None:
            kind, fn, args, future = item
            if fn is None:
                future.set_result(None)
            elif conn is None:
                future.set_exception(StoreError(f"cannot write progress: {failure}"))
            else:
                self._apply(conn, kind, fn, args, future)
        if conn is not None:
            conn.close()

    def _apply(self, conn, kind, fn, args, future) -> None:
        try:
            with transaction(conn):
                result = fn(conn, *args)
        except Exception as exc:
            log.exception("progress write %s failed", kind)
            if conn.in_transaction:  # a failed COMMIT leaves the transaction open
                conn.execute("ROLLBACK")
            future.set_exception(exc)
            self._notify("error", exc)
        else:
            future.set_result(result)
            self._notify(kind, None)

    def _notify(self, kind: str, error: Exception | None) -> None:
        for listener in list(self.listeners):
            try:
                listener(kind, error)
            except Exception:
                log.exception("progress listener failed")


# ---------------------------------------------------------------- values read from the store


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    created_at: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class VisitStat:
    visits: int
    seconds: float
    first_at: str
    last_at: str


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
    responses: dict | None = None  # question id -> response (JSON form); None when not loaded
    results: dict | None = None  # question id -> {points, max_points, correct, feedback}

    def to_attempt(self) -> Attempt:
        """Back to a scoring.Attempt, for the quiz dialog's review mode."""
        results = {
            q: Result(r["points"], r["max_points"], r["correct"], tuple(r["feedback"]))
            for q, r in (self.results or {}).items()
        }
        return Attempt(
            module_id=self.module,
            module_version=self.module_version,
            lang=self.lang,
            quiz_id=self.quiz,
            responses=dict(self.responses or {}),
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


def _attempt_from_row(row) -> StoredAttempt:
    values = list(row)
    values[12] = bool(values[12])
    return StoredAttempt(*values)


# ---------------------------------------------------------------- the store


class ProgressStore:
    """One progress file. Reads run on the calling thread (one connection per thread);
    every change goes through the Writer and returns a Future."""

    def __init__(self, path: Path, *, recovered: Recovered | None = None, temporary=None):
        self.path = path
        self.recovered = recovered
        self.temporary = temporary is not None
        self._tempdir = temporary
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.writer = Writer(path)
        self.device = device_name()
        self._profiles = self._load_profiles()

    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = True) -> ProgressStore:
        """Open ``data_dir/progress.sqlite3``: create, migrate, or move a damaged one aside.

        Raises NewerSchemaError (file untouched), StoreMissingError (``create=False``),
        StoreError (the file cannot be opened at all)."""
        path = Path(data_dir) / DB_NAME
        try:
            recovered = prepare(path, create=create)
            return cls(path, recovered=recovered)
        except (OSError, sqlite3.Error) as exc:  # a read-only stick, a folder that is a file...
            raise StoreError(f"{path} cannot be opened: {exc}") from exc

    @classmethod
    def open_temporary(cls) -> ProgressStore:
        """A throw-away store, for a session whose real file had to be refused."""
        folder = tempfile.TemporaryDirectory(prefix="courseware-progress-")
        path = Path(folder.name) / DB_NAME
        prepare(path)
        return cls(path, temporary=folder)

    # ------------------------------------------------------------ plumbing

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    def read(self, sql: str, params=()) -> list[tuple]:
        return self._reader().execute(sql, params).fetchall()

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one consistent state (nested snapshots join the outer one)."""
        conn = self._reader()
        if conn.in_transaction:
            yield conn
            return
        with transaction(conn, "DEFERRED"):
            yield conn

    def _write(self, kind: str, fn: Callable, *args) -> Future:
        return self.writer.submit(kind, fn, *args)

    def add_listener(self, listener: Callable[[str, Exception | None], None]) -> None:
        self.writer.listeners.append(listener)

    def remove_listener(self, listener) -> None:
        if listener in self.writer.listeners:
            self.writer.listeners.remove(listener)

    def flush(self, timeout: float | None = 30) -> None:
        self.writer.flush(timeout)

    def close(self) -> None:
        self.writer.close()
        with self._lock:
            readers, self._readers = self._readers, []
        for conn in readers:
            conn.close()
        self._local = threading.local()
        if self._tempdir is not None:
            self._tempdir.cleanup()
            self._tempdir = None

    def meta(self, key: str) -> str | None:
        rows = self.read("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> Future:
        return self._write("meta", _sql_set_meta, key, value)

    @property
    def device_id(self) -> str:
        return self.meta("device_id") or ""

    # ------------------------------------------------------------ profiles

    # Profiles are read once at opening and then kept here, changed at once by this
    # store's methods, so that checks (a name already taken) never miss a pending write.

    def _load_profiles(self) -> dict[str, Profile]:
        rows = self.read("SELECT id, name, created_at, deleted_at FROM profiles")
        return {r[0]: Profile(*r) for r in rows}

    def profiles(self, *, deleted: bool = False) -> list[Profile]:
        """Live profiles (or the deleted ones not purged yet), by name."""
        with self._lock:
            found = [p for p in self._profiles.values() if (p.deleted_at is not None) == deleted]
        return sorted(found, key=lambda p: (name_key(p.name), p.created_at))

    def profile(self, profile_id: str) -> Profile | None:
        with self._lock:
            return self._profiles.get(profile_id)

    def find_profile(self, name: str) -> Profile | None:
        """The live profile called ``name`` (any case)."""
        key = name_key(" ".join((name or "").split()))
        return next((p for p in self.profiles() if name_key(p.name) == key), None)

    def _check_free(self, name: str, except_id: str | None = None) -> str:
        name = clean_name(name)
        other = self.find_profile(name)
        if other is not None and other.id != except_id:
            raise ProfileError("duplicate", f"there is already a profile called “{other.name}”")
        return name

    def _keep(self, profile: Profile | None, profile_id: str = "") -> None:
        with self._lock:
            if profile is None:
                self._profiles.pop(profile_id, None)
            else:
                self._profiles[profile.id] = profile

    def create_profile(self, name: str) -> Profile:
        """Check the name, then record the profile in the background; returns it at once."""
        profile = Profile(str(uuid.uuid4()), self._check_free(name), iso_utc())
        self._keep(profile)
        self._write("profile", _sql_create_profile, profile)
        return profile

    def rename_profile(self, profile: Profile, name: str) -> Profile:
        renamed = replace(profile, name=self._check_free(name, except_id=profile.id))
        self._keep(renamed)
        self._write("profile", _sql_rename_profile, profile.id, renamed.name)
        return renamed

    def delete_profile(self, profile: Profile) -> Future:
        """Soft delete: hidden at once, purged by ``purge_deleted`` at the next start."""
        self._keep(replace(profile, deleted_at=iso_utc()))
        return self._write("profile", _sql_delete_profile, profile.id, iso_utc())

    def restore_profile(self, profile: Profile) -> Profile:
        """Bring a deleted profile back; its name gets a number if it was taken meanwhile."""
        taken = {name_key(p.name) for p in self.profiles()}
        name, n = profile.name, 2
        while name_key(name) in taken:
            name, n = f"{profile.name} ({n})", n + 1
        restored = replace(profile, name=name, deleted_at=None)
        self._keep(restored)
        self._write("profile", _sql_restore_profile, profile.id, name)
        return restored

    def purge_deleted(self) -> Future:
        """Remove for good the profiles deleted earlier (the app does this when it starts)."""
        for profile in self.profiles(deleted=True):
            self._keep(None, profile.id)
        return self._write("profile", _sql_purge_deleted)

    def last_profile_id(self) -> str | None:
        return self.meta("last_profile")

    def set_last_profile(self, profile_id: str) -> Future:
        return self.set_meta("last_profile", profile_id)

    # ------------------------------------------------------------ per-profile settings

    def settings(self, profile_id: str) -> dict[str, str]:
        rows = self.read(
            "SELECT key, value FROM profile_settings WHERE profile_id = ?", (profile_id,)
        )
        return dict(rows)

    def set_settings(self, profile_id: str, values: dict[str, object]) -> Future:
        pairs = [(profile_id, k, str(v)) for k, v in values.items()]
        return self._write("settings", _sql_set_settings, pairs)

    # ------------------------------------------------------------ visits and time

    def record_visit(self, profile_id: str, module: str, section: str) -> Future:
        return self._write("visit", _sql_visit, profile_id, module, section, iso_utc(), 1, 0.0)

    def add_time(self, profile_id: str, module: str, section: str, seconds: float) -> Future:
        return self._write(
            "time", _sql_visit, profile_id, module, section, iso_utc(), 0, float(seconds)
        )

    def visits(self, profile_id: str) -> dict[str, dict[str, VisitStat]]:
        rows = self.read(
            "SELECT module, section, visits, seconds, first_at, last_at FROM visits "
            "WHERE profile_id = ?",
            (profile_id,),
        )
        out: dict[str, dict[str, VisitStat]] = {}
        for module, section, *stat in rows:
            out.setdefault(module, {})[section] = VisitStat(*stat)
        return out

    # ------------------------------------------------------------ attempts

    def record_attempt(
        self, profile_id: str, attempt: Attempt, device: str | None = None
    ) -> Future:
        row = (
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
            device or self.device,
        )
        answers = []
        for position, (question, response) in enumerate(attempt.responses.items()):
            result = attempt.results.get(question) or Result(0.0, 0.0, False)
            answers.append(
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
        return self._write("attempt", _sql_insert_attempt, row, answers)

    def attempts(
        self,
        profile_ids: list[str] | None = None,
        *,
        module: str | None = None,
        attempt_id: str | None = None,
        answers: bool = False,
    ) -> list[StoredAttempt]:
        """Attempts of live profiles (all, or those given), oldest first."""
        sql = (
            f"SELECT {ATTEMPT_COLUMNS} FROM attempts a JOIN profiles p ON p.id = a.profile_id "
            "WHERE p.deleted_at IS NULL"
        )
        params: list = []
        if profile_ids is not None:
            sql += f" AND a.profile_id IN ({','.join('?' * len(profile_ids))})"
            params += profile_ids
        for column, value in (("module", module), ("id", attempt_id)):
            if value is not None:
                sql += f" AND a.{column} = ?"
                params.append(value)
        with self.snapshot() as conn:
            rows = conn.execute(sql + " ORDER BY a.finished_at, a.rowid", params).fetchall()
            found = [_attempt_from_row(r) for r in rows]
            if answers:
                found = [self._with_answers(conn, a) for a in found]
        return found

    @staticmethod
    def _with_answers(conn, attempt: StoredAttempt) -> StoredAttempt:
        rows = conn.execute(
            "SELECT question, response, points, max_points, correct, feedback FROM answers "
            "WHERE attempt_id = ? ORDER BY position",
            (attempt.attempt_id,),
        ).fetchall()
        responses = {q: json.loads(r) for q, r, *_rest in rows}
        results = {
            q: {"points": p, "max_points": m, "correct": bool(c), "feedback": json.loads(f)}
            for q, _r, p, m, c, f in rows
        }
        return replace(attempt, responses=responses, results=results)

    def attempt(self, attempt_id: str) -> StoredAttempt | None:
        found = self.attempts(attempt_id=attempt_id, answers=True)
        return found[0] if found else None

    def summary(self, profile_id: str) -> ProfileSummary:
        with self.snapshot():
            return ProfileSummary(self.visits(profile_id), tuple(self.attempts([profile_id])))

    # ------------------------------------------------------------ bookmarks and notes

    def set_bookmark(self, profile_id: str, module: str, section: str, on: bool) -> Future:
        return self._write("bookmark", _sql_bookmark, profile_id, module, section, on, iso_utc())

    def bookmarks(self, profile_id: str) -> list[tuple[str, str]]:
        """(module, section) pairs, oldest first."""
        rows = self.read(
            "SELECT module, section FROM bookmarks WHERE profile_id = ? ORDER BY created_at",
            (profile_id,),
        )
        return [tuple(r) for r in rows]

    def set_note(self, profile_id: str, module: str, section: str, text: str) -> Future:
        """Blank text removes the note."""
        return self._write("note", _sql_note, profile_id, module, section, text, iso_utc())

    def notes(self, profile_id: str) -> dict[tuple[str, str], str]:
        rows = self.read(
            "SELECT module, section, text FROM notes WHERE profile_id = ? ORDER BY updated_at",
            (profile_id,),
        )
        return {(m, s): t for m, s, t in rows}


# ---------------------------------------------------------------- the writes (writer thread)


def _sql_set_meta(conn, key, value) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _sql_create_profile(conn, profile: Profile) -> None:
    conn.execute(
        "INSERT INTO profiles (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
        (profile.id, profile.name, name_key(profile.name), profile.created_at),
    )


def _sql_rename_profile(conn, profile_id, name) -> None:
    conn.execute(
        "UPDATE profiles SET name = ?, name_key = ? WHERE id = ?",
        (name, name_key(name), profile_id),
    )


def _sql_delete_profile(conn, profile_id, when) -> None:
    conn.execute(
        "UPDATE profiles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        (when, profile_id),
    )


def _sql_restore_profile(conn, profile_id, name) -> None:
    conn.execute(
        "UPDATE profiles SET deleted_at = NULL, name = ?, name_key = ? WHERE id = ?",
        (name, name_key(name), profile_id),
    )


def _sql_purge_deleted(conn) -> int:
    return conn.execute("DELETE FROM profiles WHERE deleted_at IS NOT NULL").rowcount


def _sql_set_settings(conn, pairs) -> None:
    conn.executemany(
        "INSERT INTO profile_settings (profile_id, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
        pairs,
    )


def _sql_visit(conn, profile_id, module, section, when, visits, seconds) -> None:
    conn.execute(
        "INSERT INTO visits (profile_id, module, section, first_at, last_at, visits, seconds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, module, section) DO UPDATE SET "
        "last_at = excluded.last_at, visits = visits + excluded.visits, "
        "seconds = seconds + excluded.seconds",
        (profile_id, module, section, when, when, visits, seconds),
    )


def _sql_insert_attempt(conn, row, answers) -> None:
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


def _sql_bookmark(conn, profile_id, module, section, on, when) -> None:
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO bookmarks (profile_id, module, section, created_at) "
            "VALUES (?, ?, ?, ?)",
            (profile_id, module, section, when),
        )
    else:
        conn.execute(
            "DELETE FROM bookmarks WHERE profile_id = ? AND module = ? AND section = ?",
            (profile_id, module, section),
        )


def _sql_note(conn, profile_id, module, section, text, when) -> None:
    if text.strip():
        conn.execute(
            "INSERT INTO notes (profile_id, module, section, text, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, module, section) DO UPDATE SET "
            "text = excluded.text, updated_at = excluded.updated_at",
            (profile_id, module, section, text, when),
        )
    else:
        conn.execute(
            "DELETE FROM notes WHERE profile_id = ? AND module = ? AND section = ?",
            (profile_id, module, section),
        )


# ---------------------------------------------------------------- status per module


class ModuleState(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    UPDATED = "updated"  # completed on an older version; the module changed since


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    state: ModuleState
    sections_total: int
    sections_visited: int
    seconds: float
    attempts: int
    best_score: float | None
    last_score: float | None
    passed_version: str | None  # the newest version a passing attempt was taken on
    current_version: str
    last_attempt_id: str | None = None


def _version_key(version: str) -> tuple[int, int, int]:
    return parse_semver(version) or (0, 0, 0)


def module_progress(module: Module, summary: ProfileSummary, lang: str) -> ModuleProgress:
    """Completed = every section visited and every quiz of the module passed."""
    tr = module.best(lang)
    sections = [s.id for s in tr.sections] if tr else []
    quizzes = [q.id for q in tr.quizzes] if tr else []
    visits = summary.visits.get(module.id, {})
    visited = [s for s in sections if s in visits]
    mine = [a for a in summary.attempts if a.module == module.id]
    passed_versions = []
    for quiz in quizzes:
        versions = [a.module_version for a in mine if a.quiz == quiz and a.passed]
        if versions:
            passed_versions.append(max(versions, key=_version_key))
    done = bool(sections or quizzes) and len(visited) == len(sections)
    done = done and len(passed_versions) == len(quizzes)
    passed_version = min(passed_versions, key=_version_key) if passed_versions else None
    if done:
        old = passed_version is not None and is_outdated(passed_version, module.version)
        state = ModuleState.UPDATED if old else ModuleState.COMPLETED
    else:
        state = ModuleState.IN_PROGRESS if (visits or mine) else ModuleState.NOT_STARTED
    return ModuleProgress(
        module_id=module.id,
        state=state,
        sections_total=len(sections),
        sections_visited=len(visited),
        seconds=sum(v.seconds for v in visits.values()),
        attempts=len(mine),
        best_score=max((a.score for a in mine), default=None),
        last_score=mine[-1].score if mine else None,
        passed_version=passed_version,
        current_version=module.version,
        last_attempt_id=mine[-1].attempt_id if mine else None,
    )


def course_progress(
    course: Course, summary: ProfileSummary, lang: str
) -> dict[str, ModuleProgress]:
    return {m.id: module_progress(m, summary, lang) for m in course.ordered_modules()}


@dataclass(frozen=True)
class Totals:
    modules: int
    completed: int  # including those completed on an older version
    started: int
    seconds: float
    attempts: int


def totals(progress: list[ModuleProgress]) -> Totals:
    finished = (ModuleState.COMPLETED, ModuleState.UPDATED)
    return Totals(
        modules=len(progress),
        completed=sum(p.state in finished for p in progress),
        started=sum(p.state != ModuleState.NOT_STARTED for p in progress),
        seconds=sum(p.seconds for p in progress),
        attempts=sum(p.attempts for p in progress),
    )
