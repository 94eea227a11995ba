"""The index: one SQLite file with an FTS5 table of word forms, one row per section."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from courseware_app.core import paths
from courseware_app.core.course import Course, ModuleTranslation
from courseware_app.core.fingerprint import Fingerprint, caches_enabled, digest
from courseware_app.core.i18n import _
from courseware_app.core.search.documents import Doc, translation_docs, translation_hash
from courseware_app.core.search.query import CompiledQuery, Term, parse_query
from courseware_app.core.search.snippets import mark, snippet
from courseware_app.core.search.words import STEMMER_NAME, index_text

if TYPE_CHECKING:  # the glossary finds words with this package's stemmer
    from courseware_app.core.glossary import Entry, Glossary

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
TITLE_WEIGHT, BODY_WEIGHT, NOTES_WEIGHT = 10.0, 1.0, 1.0
PHRASE_CANDIDATES = 5000  # rows checked for a phrase query before giving up
PROGRESS = Callable[[int, int], None]
Key = tuple[str, str]  # (module id, language)
# a section's stored text: module, section, lang, module_title, title, body, notes
DocRow = tuple[str, str, str, str, str, str, str]


@dataclass(frozen=True)
class Hit:
    """One search result: a section in one language."""

    module: str
    section: str
    lang: str
    score: float  # higher is better (bm25, negated)
    title: str
    snippet: str  # HTML: escaped text with <mark> around matched words
    module_title: str = ""
    title_html: str = ""  # the title, escaped, with <mark> around matched words
    where: str = "body"  # title, body or notes (trainer notes and quiz key)

    def as_dict(self) -> dict[str, str | float]:
        return {
            "module": self.module,
            "section": self.section,
            "lang": self.lang,
            "score": round(self.score, 6),
            "title": self.title,
            "snippet": self.snippet,
            "module_title": self.module_title,
            "title_html": self.title_html,
            "where": self.where,
        }


@dataclass
class UpdateStats:
    """What one ``SearchIndex.update`` did."""

    reindexed: list[Key] = field(default_factory=list)  # (module, lang)
    removed: list[Key] = field(default_factory=list)
    full: bool = False  # everything was rebuilt (new index, content or app version)
    documents: int = 0  # rows written
    seconds: float = 0.0
    warning: str = ""  # the index file could not be used: the index is in memory

    @property
    def modules(self) -> list[str]:
        """The modules that were re-indexed, in course order."""
        return list(dict.fromkeys(m for m, _l in self.reindexed))


class Cancelled(Exception):
    """Raised by a progress callback to stop an update; finished languages are kept."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    module TEXT NOT NULL, lang TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY(module, lang));
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY, module TEXT NOT NULL, lang TEXT NOT NULL, section TEXT NOT NULL,
    ord INTEGER NOT NULL, module_title TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
    notes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_module ON docs(module, lang);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, notes, lang, tokenize='ascii');
"""
INSERT_DOC = (
    "INSERT INTO docs(module, lang, section, ord, module_title, title, body, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_FTS = "INSERT INTO fts(rowid, title, body, notes, lang) VALUES (?, ?, ?, ?, ?)"


def default_index_path(data_dir: Path, content_root: Path | None = None) -> Path | str:
    """The index file in the user cache folder; one per content tree when ``content_root``.
    ``":memory:"`` when caches are off ($COURSEWARE_NO_CACHE): then nothing is kept on disk."""
    if not caches_enabled():
        return ":memory:"
    folder = paths.cache_dir(Path(data_dir)) / "search"
    if content_root is None:
        return folder / "index.sqlite"
    key = hashlib.sha1(str(Path(content_root).resolve()).encode("utf-8", "surrogatepass"))
    return folder / f"index-{key.hexdigest()[:12]}.sqlite"


def memory_uri(path: Path) -> str:
    """The in-memory index that stands in for the file ``path`` in this process."""
    key = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"file:courseware-search-{key}?mode=memory&cache=shared"


def _content_key(course: Course) -> str:
    """What the whole index depends on besides the files: its schema, the app build (tokenizer,
    stemmer and document code), the stemmer and the course."""
    build = digest(Fingerprint().build())
    return f"{SCHEMA_VERSION}|{build}|{STEMMER_NAME}|{course.id}|{course.version}"


class SearchIndex:
    """The FTS5 index in one SQLite file (or ``:memory:``); use one instance per thread."""

    def __init__(self, path: Path | str = ":memory:"):
        self.path = str(path)
        self.warning = ""  # why the file could not be used (the index is then in memory)
        try:
            self.conn = self._open_file()
        except (OSError, sqlite3.DatabaseError) as exc:  # read-only, full, not creatable
            self._fall_back(exc)

    def _open_file(self) -> sqlite3.Connection:
        if self.path == ":memory:":
            return self._open()
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.OperationalError:  # cannot open or write it: not damage
            raise
        except sqlite3.DatabaseError as exc:  # a damaged cache file: start again
            log.warning("search index %s unusable (%s); rebuilding it", self.path, exc)
            self._delete_files()
            return self._open()

    def _fall_back(self, exc: BaseException) -> None:
        """Use an index in memory, shared by every connection to the same file in this
        process (the GUI builds on a worker thread and searches on the UI thread)."""
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message = _(
            "the search index cannot be kept in {path} ({reason}); searching an index in memory"
        )
        self.warning = message.format(path=self.path, reason=reason)
        log.warning("%s", self.warning)
        self.path = memory_uri(Path(self.path))
        self.conn = self._open()

    def _open(self) -> sqlite3.Connection:
        shared = self.path.startswith("file:")
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, uri=shared)
        try:
            if shared:  # readers do not wait for the builder's table locks
                conn.execute("PRAGMA read_uncommitted = 1")
            elif self.path != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            if not self._schema_ok(conn):
                conn.execute("BEGIN IMMEDIATE")
                if not self._schema_ok(conn):  # nobody else created it meanwhile
                    self._create_schema(conn)
                conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @staticmethod
    def _schema_ok(conn: sqlite3.Connection) -> bool:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not {"meta", "files", "docs", "fts"} <= names:
            return False
        row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        return row is not None and row[0] == str(SCHEMA_VERSION)

    @staticmethod
    def _create_schema(conn: sqlite3.Connection) -> None:
        for table in ("fts", "docs", "files", "meta"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        weights = f"bm25({TITLE_WEIGHT}, {BODY_WEIGHT}, {NOTES_WEIGHT}, 0.0)"
        conn.execute("INSERT INTO fts(fts, rank) VALUES ('rank', ?)", (weights,))

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(self.path + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ building

    def stored_hashes(self) -> dict[Key, str]:
        rows = self.conn.execute("SELECT module, lang, hash FROM files")
        return {(m, lang): h for m, lang, h in rows}

    def document_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM docs").fetchone()[0])

    def update(self, course: Course, progress: PROGRESS | None = None) -> UpdateStats:
        """Bring the index in line with ``course``, re-indexing only changed translations.
        When the file cannot be written (full, read-only), go on in memory with a warning."""
        try:
            stats = self._update(course, progress)
        except sqlite3.OperationalError as exc:
            if self.path == ":memory:" or self.path.startswith("file:"):
                raise
            self.conn.close()
            self._fall_back(exc)
            stats = self._update(course, progress)
        stats.warning = self.warning
        return stats

    def _update(self, course: Course, progress: PROGRESS | None) -> UpdateStats:
        started = time.perf_counter()
        stats = UpdateStats(full=self._clear_if_new_content(course))
        wanted = {
            (m.id, tr.lang): tr for m in course.ordered_modules() for tr in m.translations.values()
        }
        stored = self.stored_hashes()
        hashes = {k: translation_hash(tr) for k, tr in wanted.items()}
        stale = [k for k in stored if k not in wanted]
        todo = [k for k in wanted if stored.get(k) != hashes[k]]
        if stale:
            self._write(lambda c: [self._delete(c, m, lang) for m, lang in stale])
            stats.removed = stale
        for done, key in enumerate(todo):
            if progress is not None:
                progress(done, len(todo))
            title = course.modules[key[0]].title(key[1])
            stats.documents += self._index_translation(key, wanted[key], title, hashes[key])
            stats.reindexed.append(key)
        if progress is not None:
            progress(len(todo), len(todo))
        stats.seconds = time.perf_counter() - started
        return stats

    def _clear_if_new_content(self, course: Course) -> bool:
        """Empty the index when the course, the app or the stemmer changed; True if it did."""
        key = _content_key(course)
        row = self.conn.execute("SELECT value FROM meta WHERE key='content'").fetchone()
        if row is not None and row[0] == key:
            return False
        self._write(
            lambda c: (
                c.execute("DELETE FROM docs"),
                c.execute("DELETE FROM fts"),
                c.execute("DELETE FROM files"),
                c.execute("INSERT OR REPLACE INTO meta VALUES ('content', ?)", (key,)),
            )
        )
        return True

    def _index_translation(
        self, key: Key, tr: ModuleTranslation, module_title: str, digest: str
    ) -> int:
        """Replace one translation's rows; returns how many were written."""
        lang = key[1]
        docs = translation_docs(tr, module_title)
        rows = [
            (d, index_text(lang, d.title), index_text(lang, d.body), index_text(lang, d.notes))
            for d in docs
        ]
        self._write(lambda c: self._replace(c, key, rows, digest))
        return len(docs)

    def _write(self, work: Callable[[sqlite3.Connection], object]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            work(self.conn)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @staticmethod
    def _delete(conn: sqlite3.Connection, module: str, lang: str) -> None:
        ids = "SELECT id FROM docs WHERE module=? AND lang=?"
        conn.execute(f"DELETE FROM fts WHERE rowid IN ({ids})", (module, lang))
        conn.execute("DELETE FROM docs WHERE module=? AND lang=?", (module, lang))
        conn.execute("DELETE FROM files WHERE module=? AND lang=?", (module, lang))

    def _replace(
        self,
        conn: sqlite3.Connection,
        key: Key,
        rows: list[tuple[Doc, str, str, str]],
        digest: str,
    ) -> None:
        module, lang = key
        self._delete(conn, module, lang)
        for doc, title, body, notes in rows:
            stored = (doc.module, doc.lang, doc.section, doc.order, doc.module_title)
            cur = conn.execute(INSERT_DOC, (*stored, doc.title, doc.body, doc.notes))
            conn.execute(INSERT_FTS, (cur.lastrowid, title, body, notes, lang))
        conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (module, lang, digest))

    # ------------------------------------------------------------ searching

    def languages(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT lang FROM files ORDER BY lang")]

    def search(
        self,
        query: str,
        langs: Sequence[str] | str | None = None,
        trainer: bool = False,
        limit: int = 50,
        prefix_last: bool = False,
        glossary: Glossary | None = None,
    ) -> list[Hit]:
        """Sections matching every word and phrase of ``query``, best first.

        ``langs`` is one language, several, or None for every indexed language. Trainer
        notes and quiz answer keys are searched only when ``trainer``. With a ``glossary``
        and more than one language, a query that names a glossary term also finds that term
        in the other languages ("risk profile" finds «профиль риска»). Never raises on any
        query text.
        """
        terms = parse_query(query, prefix_last)
        if not terms or limit <= 0:
            return []
        if isinstance(langs, str):
            langs = [langs]
        try:
            names = list(langs) if langs is not None else self.languages()
            entry = _glossary_entry(glossary, query) if len(names) > 1 else None
            hits = []
            for lang in names:
                found = self._search(terms, lang, trainer, limit)
                if entry is not None:
                    found = _merged(found, self._glossary_hits(entry, lang, trainer, limit))
                hits.extend(found)
        except sqlite3.Error as exc:  # a damaged or locked index: no results, not a crash
            log.warning("search failed for %r: %s", query[:200], exc)
            return []
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]

    def _glossary_hits(self, entry: Entry, lang: str, trainer: bool, limit: int) -> list[Hit]:
        """The sections of ``lang`` that use ``entry``'s term in that language."""
        wording = entry.wording(lang)
        terms = parse_query(f'"{wording.term}"') if wording is not None else []
        return self._search(terms, lang, trainer, limit) if terms else []

    def _search(self, terms: list[Term], lang: str, trainer: bool, limit: int) -> list[Hit]:
        compiled = CompiledQuery(terms, lang)
        cap = PHRASE_CANDIDATES if compiled.has_phrase else limit
        ranked: list[tuple[int, float]] = self.conn.execute(
            "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?",
            (compiled.fts(trainer), cap),
        ).fetchall()
        hits: list[Hit] = []
        for start in range(0, len(ranked), max(limit, 50)):
            chunk = ranked[start : start + max(limit, 50)]
            rows = self._docs([rowid for rowid, _r in chunk])
            for rowid, rank in chunk:
                hit = _hit(compiled, rows[rowid], -rank, trainer)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= limit:
                        return hits
        return hits

    def _docs(self, ids: list[int]) -> dict[int, DocRow]:
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT id, module, section, lang, module_title, title, body, notes FROM docs"
            f" WHERE id IN ({marks})",
            ids,
        )
        return {r[0]: r[1:] for r in rows}


def _hit(compiled: CompiledQuery, row: DocRow, score: float, trainer: bool) -> Hit | None:
    """The row as a result with its snippet, or None when a phrase is not really in it."""
    module, section, lang, module_title, title, body, notes = row
    fields = {"title": title, "body": body}
    if trainer:
        fields["notes"] = notes
    spans = {name: compiled.spans(text) for name, text in fields.items()}
    if compiled.has_phrase:
        found = {t for s in spans.values() for _a, _b, t in s}
        if any(t.is_phrase and i not in found for i, t in enumerate(compiled.terms)):
            return None
    where = "body" if spans["body"] else ("notes" if spans.get("notes") else "title")
    text = notes if where == "notes" else body
    return Hit(
        module=module,
        section=section,
        lang=lang,
        score=score,
        title=title,
        snippet=snippet(text, spans.get(where, [])),
        module_title=module_title,
        title_html=mark(title, spans["title"]),
        where=where,
    )


def _glossary_entry(glossary: Glossary | None, query: str) -> Entry | None:
    if glossary is None or not glossary.entries:
        return None
    from courseware_app.core.glossary import entry_named

    return entry_named(glossary, query)


def _merged(first: list[Hit], second: list[Hit]) -> list[Hit]:
    """Both lists' hits, each section once (its best score)."""
    best: dict[tuple[str, str, str], Hit] = {}
    for hit in [*first, *second]:
        key = (hit.module, hit.section, hit.lang)
        if key not in best or hit.score > best[key].score:
            best[key] = hit
    return list(best.values())


def group_by_module(hits: Sequence[Hit]) -> list[tuple[str, list[Hit]]]:
    """Hits grouped by module; groups ordered by their best hit, hits by score."""
    groups: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: -h.score):
        groups.setdefault(hit.module, []).append(hit)
    return list(groups.items())
