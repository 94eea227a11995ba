"""The progress store: one file's reads on the calling thread and its writes through the Writer."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Concatenate, NamedTuple, ParamSpec, TypeVar

from courseware_app.core.progress import exercises, unfinished, writes
from courseware_app.core.progress.db import DB_NAME, Params, SQLValue, connect, fetch, transaction
from courseware_app.core.progress.errors import StoreError
from courseware_app.core.progress.exercises import ExerciseSubmission, StoredExerciseAttempt
from courseware_app.core.progress.helpers import device_name, iso_utc
from courseware_app.core.progress.profiles import ProfileBook, profile_write_error
from courseware_app.core.progress.records import (
    Profile,
    ProfileSummary,
    StoredAttempt,
    VisitStat,
    attempts_query,
    read_attempts,
    with_answers,
)
from courseware_app.core.progress.recovery import Recovered, check_for_reading, prepare
from courseware_app.core.progress.unfinished import UnfinishedAttempt
from courseware_app.core.progress.writer import Listener, ReadOnlyWriter, Writer
from courseware_app.core.scoring import Attempt

T = TypeVar("T")
P = ParamSpec("P")


class _KeyValue(NamedTuple):
    key: str
    value: str


class _Place(NamedTuple):
    module: str
    section: str


class _Visit(NamedTuple):
    module: str
    section: str
    visits: int
    seconds: float
    first_at: str
    last_at: str


class _Note(NamedTuple):
    module: str
    section: str
    text: str


class ProgressStore:
    """One progress file. Reads run on the calling thread (one connection per thread);
    every change goes through the Writer and returns a Future."""

    def __init__(
        self,
        path: Path,
        *,
        recovered: Recovered | None = None,
        temporary: tempfile.TemporaryDirectory[str] | None = None,
        readonly: bool = False,
    ):
        self.path = path
        self.readonly = readonly
        self.recovered = recovered
        self.temporary = temporary is not None
        self._tempdir = temporary
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.writer: Writer | ReadOnlyWriter = ReadOnlyWriter(path) if readonly else Writer(path)
        self.device = device_name()
        rows = "SELECT id, name, created_at, deleted_at FROM profiles"
        self._profiles = ProfileBook(self._rows(Profile, rows))

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
    def open_for_reading(cls, data_dir: Path | str) -> ProgressStore:
        """Open ``data_dir/progress.sqlite3`` to read it only (``profiles list``, ``results
        export``): read-only, no writer thread, nothing created, migrated or moved, so that
        a read-only folder or a full disk does not matter. A file of an older schema is
        opened as ``open`` does, to be migrated. Raises StoreMissingError, NewerSchemaError,
        StoreError (damaged, or cannot be opened)."""
        path = Path(data_dir) / DB_NAME
        try:
            if not check_for_reading(path):
                return cls.open(data_dir, create=False)
            return cls(path, readonly=True)
        except (OSError, sqlite3.Error) as exc:
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
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=self.readonly)
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    def read(self, sql: str, params: Params = ()) -> list[tuple[SQLValue, ...]]:
        """The rows of a query, on this thread's read-only connection."""
        return self._reader().execute(sql, params).fetchall()

    def _rows(self, factory: Callable[..., T], sql: str, params: Params = ()) -> list[T]:
        return fetch(self._reader(), factory, sql, params)

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one consistent state (nested snapshots join the outer one)."""
        conn = self._reader()
        if conn.in_transaction:
            yield conn
            return
        with transaction(conn, "DEFERRED"):
            yield conn

    def _write(
        self,
        kind: str,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Future[T]:
        return self.writer.submit(kind, fn, *args, **kwargs)

    def add_listener(self, listener: Listener) -> None:
        self.writer.listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
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
        rows = self._rows(str, "SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0] if rows else None

    def set_meta(self, key: str, value: str) -> Future[None]:
        return self._write("meta", writes.set_meta, key, value)

    @property
    def device_id(self) -> str:
        return self.meta("device_id") or ""

    # ------------------------------------------------------------ profiles

    def profiles(self, *, deleted: bool = False) -> list[Profile]:
        """Live profiles (or the deleted ones not purged yet), by name."""
        return self._profiles.listed(deleted=deleted)

    def profile(self, profile_id: str) -> Profile | None:
        return self._profiles.get(profile_id)

    def find_profile(self, name: str) -> Profile | None:
        """The live profile called ``name`` (any case)."""
        return self._profiles.find(name)

    def create_profile(self, name: str) -> Profile:
        """Check the name and record the profile, waiting for the file to take it: a name
        another process took meanwhile (the file's UNIQUE index) is a ProfileError."""
        profile = Profile(str(uuid.uuid4()), self._profiles.check_free(name), iso_utc())
        self._profiles.keep(profile)
        future = self._write("profile", writes.create_profile, profile)
        self._saved(future, None, profile)
        return profile

    def rename_profile(self, profile: Profile, name: str) -> Profile:
        """Rename, waiting for the file to take it (a ProfileError when it refuses)."""
        renamed = replace(profile, name=self._profiles.check_free(name, except_id=profile.id))
        self._profiles.keep(renamed)
        future = self._write("profile", writes.rename_profile, profile.id, renamed.name)
        self._saved(future, profile, renamed)
        return renamed

    def _saved(self, future: Future[None], before: Profile | None, after: Profile) -> None:
        """Wait for a profile's write; when it failed, put ``before`` back (or forget
        ``after``), learn the profiles the file holds now, and raise a ProfileError."""
        try:
            future.result()
        except sqlite3.Error as exc:
            if before is None:
                self._profiles.drop(after.id)
            else:
                self._profiles.keep(before)
            self._reload_profiles()
            raise profile_write_error(exc) from exc

    def _reload_profiles(self) -> None:
        rows = "SELECT id, name, created_at, deleted_at FROM profiles"
        try:
            fresh = self._rows(Profile, rows)
        except sqlite3.Error:  # keep what is known; the error is being reported anyway
            return
        for profile in fresh:
            self._profiles.keep(profile)

    def delete_profile(self, profile: Profile) -> Future[None]:
        """Soft delete: hidden at once, purged by ``purge_deleted`` at the next start."""
        self._profiles.keep(replace(profile, deleted_at=iso_utc()))
        return self._write("profile", writes.delete_profile, profile.id, iso_utc())

    def restore_profile(self, profile: Profile) -> Profile:
        """Bring a deleted profile back; its name gets a number if it was taken meanwhile."""
        restored = replace(profile, name=self._profiles.free_variant(profile.name), deleted_at=None)
        self._profiles.keep(restored)
        self._write("profile", writes.restore_profile, profile.id, restored.name)
        return restored

    def purge_deleted(self) -> Future[int]:
        """Remove for good the profiles deleted earlier (the app does this when it starts)."""
        for profile in self.profiles(deleted=True):
            self._profiles.drop(profile.id)
        return self._write("profile", writes.purge_deleted)

    def last_profile_id(self) -> str | None:
        return self.meta("last_profile")

    def set_last_profile(self, profile_id: str) -> Future[None]:
        return self.set_meta("last_profile", profile_id)

    # ------------------------------------------------------------ per-profile settings

    def settings(self, profile_id: str) -> dict[str, str]:
        sql = "SELECT key, value FROM profile_settings WHERE profile_id = ?"
        return dict(self._rows(_KeyValue, sql, (profile_id,)))

    def set_settings(self, profile_id: str, values: dict[str, object]) -> Future[None]:
        pairs = [(profile_id, k, str(v)) for k, v in values.items()]
        return self._write("settings", writes.set_settings, pairs)

    # ------------------------------------------------------------ visits and time

    def record_visit(self, profile_id: str, module: str, section: str) -> Future[None]:
        return self._write("visit", writes.visit, profile_id, module, section, iso_utc(), 1, 0.0)

    def add_time(self, profile_id: str, module: str, section: str, seconds: float) -> Future[None]:
        when, seconds = iso_utc(), float(seconds)
        return self._write("time", writes.visit, profile_id, module, section, when, 0, seconds)

    def visits(self, profile_id: str) -> dict[str, dict[str, VisitStat]]:
        rows = self._rows(
            _Visit,
            "SELECT module, section, visits, seconds, first_at, last_at FROM visits "
            "WHERE profile_id = ?",
            (profile_id,),
        )
        out: dict[str, dict[str, VisitStat]] = {}
        for r in rows:
            out.setdefault(r.module, {})[r.section] = VisitStat(
                r.visits, r.seconds, r.first_at, r.last_at
            )
        return out

    # ------------------------------------------------------------ attempts

    def record_attempt(
        self, profile_id: str, attempt: Attempt, device: str | None = None
    ) -> Future[None]:
        """Record a finished attempt; the profile's unfinished attempt at that quiz ends."""
        row = writes.attempt_row(profile_id, attempt, device or self.device)
        place = (profile_id, attempt.module_id, attempt.quiz_id)
        return self._write(
            "attempt", writes.record_attempt, row, writes.answer_rows(attempt), place
        )

    def attempts(
        self,
        profile_ids: Sequence[str] | None = None,
        *,
        module: str | None = None,
        attempt_id: str | None = None,
        answers: bool = False,
    ) -> list[StoredAttempt]:
        """Attempts of live profiles (all, or those given), oldest first."""
        sql, params = attempts_query(profile_ids, module, attempt_id)
        with self.snapshot() as conn:
            found = read_attempts(conn, sql, params)
            if answers:
                found = [with_answers(conn, a) for a in found]
        return found

    def attempt(self, attempt_id: str) -> StoredAttempt | None:
        found = self.attempts(attempt_id=attempt_id, answers=True)
        return found[0] if found else None

    def summary(self, profile_id: str) -> ProfileSummary:
        with self.snapshot():
            return ProfileSummary(self.visits(profile_id), tuple(self.attempts([profile_id])))

    # ------------------------------------------------------------ exercise attempts

    def record_exercise(self, profile_id: str, submitted: ExerciseSubmission) -> Future[None]:
        """Record an exercise attempt: apart from quiz attempts, never part of a pass mark."""
        row = exercises.attempt_row(str(uuid.uuid4()), profile_id, submitted, self.device)
        return self._write("exercise", exercises.insert, row)

    def exercise_attempts(
        self, profile_id: str, module: str | None = None
    ) -> list[StoredExerciseAttempt]:
        """The profile's exercise attempts (at ``module``, or all), oldest first."""
        return exercises.read(self._reader(), [profile_id], module)

    # ------------------------------------------------------------ unfinished attempts

    def keep_unfinished(self, profile_id: str, attempt: UnfinishedAttempt) -> Future[None]:
        """Keep a quiz left unfinished, to be continued (replaces the one kept before)."""
        return self._write("unfinished", unfinished.save, profile_id, attempt, iso_utc())

    def discard_unfinished(self, profile_id: str, module: str, quiz: str) -> Future[None]:
        return self._write("unfinished", unfinished.discard, profile_id, module, quiz)

    def unfinished(self, profile_id: str, module: str, quiz: str) -> UnfinishedAttempt | None:
        """The profile's unfinished attempt at this quiz (never among ``attempts``)."""
        return unfinished.read(self._reader(), profile_id, module, quiz)

    # ------------------------------------------------------------ bookmarks and notes

    def set_bookmark(self, profile_id: str, module: str, section: str, on: bool) -> Future[None]:
        return self._write("bookmark", writes.bookmark, profile_id, module, section, on, iso_utc())

    def bookmarks(self, profile_id: str) -> list[tuple[str, str]]:
        """(module, section) pairs, oldest first."""
        sql = "SELECT module, section FROM bookmarks WHERE profile_id = ? ORDER BY created_at"
        return [(p.module, p.section) for p in self._rows(_Place, sql, (profile_id,))]

    def set_note(self, profile_id: str, module: str, section: str, text: str) -> Future[None]:
        """Blank text removes the note."""
        return self._write("note", writes.note, profile_id, module, section, text, iso_utc())

    def notes(self, profile_id: str) -> dict[tuple[str, str], str]:
        sql = "SELECT module, section, text FROM notes WHERE profile_id = ? ORDER BY updated_at"
        return {(n.module, n.section): n.text for n in self._rows(_Note, sql, (profile_id,))}
