"""The writer thread: every change to the progress file, one transaction each, in order."""

from __future__ import annotations

import atexit
import logging
import queue
import sqlite3
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from courseware_app.core.progress.db import connect, transaction
from courseware_app.core.progress.errors import StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")
# Called on the writer thread after each commit with (kind, error-or-None).
Listener = Callable[[str, Exception | None], None]


@dataclass(frozen=True)
class _Task(Generic[T]):
    """One queued change: ``work`` runs in a transaction; None only marks a flush."""

    kind: str
    work: Callable[[sqlite3.Connection], T] | None
    future: Future[T]


_WRITERS: weakref.WeakSet[Writer] = weakref.WeakSet()


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
        self.listeners: list[Listener] = []
        # Tasks of every result type share the queue; Any is confined to this attribute.
        self._queue: queue.Queue[_Task[Any] | None] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="progress-writer", daemon=True)
        self.thread.start()
        _WRITERS.add(self)

    def submit(
        self,
        kind: str,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Future[T]:
        """Queue ``fn(conn, *args, **kwargs)`` for the writer thread."""
        return self._put(kind, lambda conn: fn(conn, *args, **kwargs))

    def _put(self, kind: str, work: Callable[[sqlite3.Connection], T] | None) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(StoreError("the progress store is closed"))
                return future
            self._queue.put(_Task(kind, work, future))
        return future

    def flush(self, timeout: float | None = 30) -> None:
        """Wait until everything submitted before this call is committed."""
        self._put("flush", None).result(timeout)

    def close(self, timeout: float = 30) -> None:
        """Write what is queued, then stop the thread (waiting for it unless called from it)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        if threading.current_thread() is not self.thread:
            self.thread.join(timeout)

    def _run(self) -> None:
        try:
            conn: sqlite3.Connection | None = connect(self.path)
        except sqlite3.Error as exc:
            log.exception("progress writer cannot open %s", self.path)
            conn, failure = None, exc
        while (task := self._queue.get()) is not None:
            if task.work is None:
                task.future.set_result(None)
            elif conn is None:
                task.future.set_exception(StoreError(f"cannot write progress: {failure}"))
            else:
                self._apply(conn, task, task.work)
        if conn is not None:
            conn.close()

    def _apply(
        self, conn: sqlite3.Connection, task: _Task[T], work: Callable[[sqlite3.Connection], T]
    ) -> None:
        try:
            with transaction(conn):
                result = work(conn)
        except Exception as exc:
            log.exception("progress write %s failed", task.kind)
            if conn.in_transaction:  # a failed COMMIT leaves the transaction open
                conn.execute("ROLLBACK")
            task.future.set_exception(exc)
            self._notify("error", exc)
        else:
            task.future.set_result(result)
            self._notify(task.kind, None)

    def _notify(self, kind: str, error: Exception | None) -> None:
        for listener in list(self.listeners):
            try:
                listener(kind, error)
            except Exception:
                log.exception("progress listener failed")


class ReadOnlyWriter:
    """The writer of a store opened read-only: no thread, and every change refused."""

    def __init__(self, path: Path):
        self.path = path
        self.listeners: list[Listener] = []

    def submit(
        self,
        kind: str,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Future[T]:
        future: Future[T] = Future()
        future.set_exception(StoreError(f"{self.path} was opened read-only"))
        return future

    def flush(self, timeout: float | None = 30) -> None:
        """Nothing is ever queued."""

    def close(self, timeout: float = 30) -> None:
        """There is no thread to stop."""
