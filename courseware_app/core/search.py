"""Full-text search: an SQLite FTS5 index of stemmed, accent-folded words, one row per section."""

from __future__ import annotations

import hashlib
import html
import logging
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from courseware_app import __version__
from courseware_app.core import paths
from courseware_app.core.blocks import iter_blocks
from courseware_app.core.course import Course, ModuleTranslation, Quiz
from courseware_app.core.render import markdown_to_html

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
TITLE_WEIGHT, BODY_WEIGHT, NOTES_WEIGHT = 10.0, 1.0, 1.0
MAX_TERMS = 32  # words and phrases taken from one query; the rest is ignored
MAX_PHRASE_WORDS = 16
MAX_WORD_CHARS = 64
MIN_AUTO_PREFIX = 3  # as-you-type: the last word counts as a prefix from this length
SNIPPET_CHARS = 220  # about 30 words
SNIPPET_LEAD = 50  # characters of context before the first match in a snippet
PHRASE_CANDIDATES = 5000  # rows checked for a phrase query before giving up
STEMMERS = {  # content language -> Snowball algorithm; other languages are not stemmed
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}
WORD_RE = re.compile(r"[^\W_]+")
QUERY_RE = re.compile(r"[\"«“„]([^\"»”“]*)[\"»”“]?|([^\s\"«“„]+)")
PROGRESS = Callable[[int, int], None]


# ---------------------------------------------------------------- words and their forms


def _fold_table() -> dict[int, str]:
    """Lower-case letter -> the same letter without accents (Latin), ё -> е, ligatures spelt out."""
    table: dict[int, str] = {}
    for cp in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base and base != ch:
            table[cp] = base
    table.update({ord("ё"): "е", ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss"})
    return table


FOLD = _fold_table()
_local = threading.local()


def fold(word: str) -> str:
    """Lower case without accents: 'Mainlevée' -> 'mainlevee', 'Ёмкость' -> 'емкость'."""
    return word.lower().translate(FOLD)


def _stemmer_module() -> tuple[str, Callable[[str], object] | None]:
    """PyStemmer (Snowball in C), else the pure-Python snowballstemmer, else no stemming."""
    try:
        import Stemmer

        version = getattr(Stemmer, "version", "")  # a function in PyStemmer 3, not before
        return f"pystemmer-{version() if callable(version) else version}", Stemmer.Stemmer
    except ImportError:
        pass
    try:
        import snowballstemmer

        return "snowballstemmer", snowballstemmer.stemmer
    except ImportError:
        log.warning("no Snowball stemmer installed: search matches whole words only")
        return "none", None


STEMMER_NAME, _new_stemmer = _stemmer_module()


def _stemmer(lang: str):
    """A stemmer for ``lang`` (one per thread: PyStemmer objects are not thread-safe)."""
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        algorithm = STEMMERS.get(lang)
        cache[lang] = _new_stemmer(algorithm) if algorithm and _new_stemmer else None
    return cache[lang]


def stem(lang: str, word: str) -> str:
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer is not None else word


@lru_cache(maxsize=100_000)
def word_forms(lang: str, word: str) -> tuple[str, ...]:
    """The index forms of one word: stem-then-fold and fold-then-stem (one form when equal).

    Stemming first keeps 'contrôlée' and 'contrôles' together (both 'control'); folding
    first lets 'mainlevee' (typed without accents) meet 'mainlevée' ('mainleve').
    """
    low = word.lower().replace("ё", "е")
    first = stem(lang, low).translate(FOLD)
    second = stem(lang, low.translate(FOLD))
    forms = tuple(f for f in dict.fromkeys((first, second)) if f)
    return forms or (low.translate(FOLD),)


_INDEX_FORMS: dict[str, dict[str, str]] = {}  # lang -> word -> its forms, space-separated


def index_text(lang: str, text: str) -> str:
    """The space-separated forms of every word of ``text``: what FTS5 indexes."""
    cache = _INDEX_FORMS.setdefault(lang, {})
    if len(cache) > 200_000:
        cache.clear()
    out = []
    for word in WORD_RE.findall(text):
        forms = cache.get(word)
        if forms is None:
            forms = cache[word] = " ".join(word_forms(lang, word))
        out.append(forms)
    return " ".join(out)


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class Term:
    """One query item: a word, or a phrase (several words that must be adjacent)."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word is a prefix ('decl*')

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


def parse_query(query: str, prefix_last: bool = False) -> list[Term]:
    """Words (all must match), "quoted phrases" and prefixes (``word*``); never raises.

    Operators and other syntax are ordinary text here: nothing reaches FTS5 unquoted.
    ``prefix_last`` treats the last unquoted word as a prefix (search as you type).
    """
    text = unicodedata.normalize("NFC", str(query or ""))[:10_000]
    terms: list[Term] = []
    last_bare = -1
    for m in QUERY_RE.finditer(text):
        quoted = m.group(1) is not None
        chunk = m.group(1) if quoted else m.group(2)
        words = tuple(w[:MAX_WORD_CHARS] for w in WORD_RE.findall(chunk))[:MAX_PHRASE_WORDS]
        if not words:
            continue
        terms.append(Term(words, chunk.rstrip().endswith("*")))
        last_bare = len(terms) - 1 if not quoted else -1
        if len(terms) >= MAX_TERMS:
            break
    at_end = bool(text) and not text[-1].isspace() and not text.endswith(("*", '"', "»", "”"))
    if prefix_last and at_end and last_bare == len(terms) - 1 >= 0:
        last = terms[-1]
        if len(last.words[-1]) >= MIN_AUTO_PREFIX and not last.prefix:
            terms[-1] = Term(last.words, True)
    return terms


def query_terms(query: str) -> list[str]:
    """The words of a query, as typed (for showing what is being highlighted)."""
    return [w for t in parse_query(query) for w in t.words]


@dataclass(frozen=True)
class _Word:
    """One query word compiled for a language: exact forms, or prefixes."""

    forms: frozenset[str]
    prefixes: tuple[str, ...] = ()

    def matches(self, forms: tuple[str, ...]) -> bool:
        if self.prefixes:
            return any(f.startswith(p) for f in forms for p in self.prefixes)
        return any(f in self.forms for f in forms)

    def fts(self) -> str:
        if self.prefixes:
            return "(" + " OR ".join(f'"{p}"*' for p in self.prefixes) + ")"
        return "(" + " OR ".join(f'"{f}"' for f in sorted(self.forms)) + ")"

    def stems(self) -> tuple[str, ...]:
        return self.prefixes or tuple(self.forms)


def _compile_word(lang: str, word: str, prefix: bool) -> _Word:
    forms = word_forms(lang, word)
    if not prefix:
        return _Word(frozenset(forms))
    return _Word(frozenset(), tuple(dict.fromkeys((fold(word), *forms))))


def _unfold_table() -> dict[str, str]:
    """Folded letter -> the lower-case letters that fold to it: 'e' -> 'èéêë…', 'е' -> 'ё'."""
    out: dict[str, set[str]] = {}
    for cp, base in FOLD.items():
        if len(base) == 1 and chr(cp).lower() != base:
            out.setdefault(base, set()).add(chr(cp).lower())
    return {base: "".join(sorted(chars)) for base, chars in out.items()}


UNFOLD = _unfold_table()
WORD_CHAR_RE = re.compile(r"[^\W_]")
STEM_SLACK = 3  # stemmers rewrite at most this many final letters (fr 'ication' -> 'iqu')


def _head(stem: str) -> str:
    """A regex for how a lower-case word starts when one of its forms is ``stem``: accents
    optional, and the last letters free (stemmers rewrite endings)."""
    head = stem[: max(min(3, len(stem)), len(stem) - STEM_SLACK)]
    return "".join(
        f"[{re.escape(c)}{re.escape(UNFOLD[c])}]" if c in UNFOLD else re.escape(c) for c in head
    )


class CompiledQuery:
    """A parsed query bound to one language: the FTS5 expression and a Python matcher."""

    def __init__(self, terms: Sequence[Term], lang: str):
        self.lang = lang
        self.terms = list(terms)
        self.words: list[list[_Word]] = [
            [
                _compile_word(lang, w, t.prefix and i == len(t.words) - 1)
                for i, w in enumerate(t.words)
            ]
            for t in self.terms
        ]
        self.flat = [w for ws in self.words for w in ws]
        self.patterns = [_term_pattern(ws) for ws in self.words]

    @property
    def has_phrase(self) -> bool:
        return any(t.is_phrase for t in self.terms)

    def fts(self, trainer: bool) -> str:
        """FTS5 MATCH text: every form double-quoted, so no query text is ever FTS5 syntax."""
        groups = " AND ".join(w.fts() for w in self.flat)
        scope = "{title body notes}" if trainer else "{title body}"
        return f'lang : "{self.lang}" AND {scope} : ({groups})'

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of every match in ``text``, phrases as one span.

        A regex per term over the lower-case text finds candidates at C speed (accents
        optional, word endings free); only those are stemmed and compared.
        """
        folded = text.lower()
        if len(folded) != len(text):  # rare letters whose lower case is longer
            folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        memo: dict[str, tuple[str, ...]] = {}
        out = []
        for ti, (pattern, words) in enumerate(zip(self.patterns, self.words, strict=True)):
            for m in pattern.finditer(folded):
                start, end = m.span()
                if start and WORD_CHAR_RE.match(folded, start - 1):
                    continue  # inside a word
                tokens = [text[start:end]] if len(words) == 1 else WORD_RE.findall(text, start, end)
                if len(tokens) == len(words) and all(
                    w.matches(self._forms(t, memo)) for w, t in zip(words, tokens, strict=True)
                ):
                    out.append((start, end, ti))
        out.sort(key=lambda span: (span[0], -span[1]))
        return out

    def _forms(self, token: str, memo: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        forms = memo.get(token)
        if forms is None:
            forms = memo[token] = word_forms(self.lang, token)
        return forms


def _term_pattern(words: list[_Word]) -> re.Pattern:
    """Candidates for a word or phrase: each word's possible beginnings, separated by non-words."""
    parts = []
    for w in words:
        heads = sorted({_head(s) for s in w.stems()}, key=len, reverse=True)
        parts.append("(?:" + "|".join(heads) + r")[^\W_]*")
    return re.compile(r"[\W_]+".join(parts))


def highlight_spans(
    text: str, query: str, lang: str, prefix_last: bool = False
) -> list[tuple[int, int]]:
    """Character spans of ``text`` that ``query`` matches (for highlighting a page)."""
    compiled = CompiledQuery(parse_query(query, prefix_last), lang)
    return [(s, e) for s, e, _t in compiled.spans(text)]


def mark(text: str, spans: Iterable[tuple[int, int, int]], start: int = 0, end=None) -> str:
    """HTML-escaped ``text[start:end]`` with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out, pos = [], start
    for s, e, _t in spans:
        if s < pos or e > end:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append(f"<mark>{html.escape(text[s:e], quote=False)}</mark>")
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    return "".join(out)


def _densest(spans: list[tuple[int, int, int]], width: int) -> int:
    """Start of the first match of the ``width``-character window with most distinct terms."""
    counts: dict[int, int] = {}
    best, best_count, j = 0, -1, 0
    for i, (a, _e, term) in enumerate(spans):  # the window [a, a + width): two pointers
        while j < len(spans) and spans[j][0] < a + width:
            counts[spans[j][2]] = counts.get(spans[j][2], 0) + 1
            j += 1
        if len(counts) > best_count:
            best, best_count = i, len(counts)
        counts[term] -= 1
        if not counts[term]:
            del counts[term]
    return spans[best][0]


def snippet(text: str, spans: list[tuple[int, int, int]], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around the densest group of matches, marked."""
    start = 0
    if spans:
        first = _densest(spans, width - SNIPPET_LEAD)
        if first > SNIPPET_LEAD:
            cut = text.rfind(" ", 0, first - SNIPPET_LEAD)
            start = cut + 1 if cut >= 0 else 0
    end = len(text)
    if end - start > width:
        cut = text.rfind(" ", start, start + width)
        end = cut if cut > start else start + width
    body = mark(text, spans, start, end).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


# ---------------------------------------------------------------- text of a translation


@dataclass(frozen=True)
class Doc:
    """The searchable text of one section in one language."""

    module: str
    lang: str
    section: str
    order: int
    module_title: str
    title: str
    body: str  # what trainees see
    notes: str  # trainer notes and the quiz with its answer key: trainer mode only


FOOTNOTE_REF_RE = re.compile(r"<sup\b[^>]*>\s*<a\b[^>]*footnote-ref[^>]*>.*?</a>\s*</sup>", re.S)
BACKREF_RE = re.compile(r"<a\b[^>]*footnote-backref[^>]*>.*?</a>", re.S)
PLACEHOLDER_RE = re.compile(r"<span\b[^>]*image-placeholder[^>]*>\[[^\]]*?: (.*?)\]</span>", re.S)
BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|table|tr|td|th|thead|tbody|tfoot|h[1-6]|br|hr|pre|blockquote"
    r"|dl|dt|dd|caption)\b[^>]*>",
    re.I,
)
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")
INLINE_MARKUP_RE = re.compile(r"[*_`\[\]<>&\\]")
TRAINER_TITLE_RE = re.compile(r'^!!!\s+trainer\b\s*(?:"(.*)")?\s*$')


def html_text(fragment: str) -> str:
    """Plain text of a rendered fragment: no tags, no footnote markers, one line."""
    fragment = FOOTNOTE_REF_RE.sub("", fragment)
    fragment = BACKREF_RE.sub("", fragment)
    fragment = PLACEHOLDER_RE.sub(r"\1", fragment)
    fragment = BLOCK_TAG_RE.sub(" ", fragment)
    text = html.unescape(TAG_RE.sub("", fragment))
    return SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def markdown_text(source: str, tr: ModuleTranslation) -> str:
    if not source.strip():
        return ""
    body, _links, _images = markdown_to_html(
        source, module_id=tr.module_id, lang=tr.lang, trainer=False
    )
    return html_text(body)


def inline_text(source: str, tr: ModuleTranslation) -> str:
    """A one-line Markdown string (a title) as plain text; rendered only when it has markup."""
    if INLINE_MARKUP_RE.search(source):
        return markdown_text(source, tr)
    return SPACE_RE.sub(" ", unicodedata.normalize("NFC", source)).strip()


def quiz_markdown(quiz: Quiz) -> str:
    """The whole quiz, answer key included, as Markdown paragraphs (trainer rows only)."""
    parts = [quiz.title]
    for q in quiz.questions:
        parts.append(q.text)
        for o in q.options:
            parts.extend((("✓ " if o.correct else "") + o.text, o.feedback))
        parts.append(" | ".join(q.accepted))
        if q.answer_bool is not None:
            parts.append(str(q.answer_bool).lower())
        if q.numeric is not None:
            low, high = q.numeric
            parts.append(f"{low:g}" if low == high else f"{low:g}..{high:g}")
        parts.extend(q.items)
        parts.extend(f"{a} → {b}" for a, b in q.pairs)
        parts.append(q.explanation)
    return "\n\n".join(p.replace("\n", " ") for p in parts if p and p.strip())


def trainer_markdown(lines: list[str]) -> str:
    """A ``!!! trainer "Title"`` block as ordinary Markdown: its title, then its body."""
    m = TRAINER_TITLE_RE.match(lines[0]) if lines else None
    title = m.group(1) if m and m.group(1) else ""
    body = "\n".join(line[4:] if line.startswith("    ") else line.lstrip() for line in lines[1:])
    return f"{title}\n\n{body}" if title else body


def translation_docs(tr: ModuleTranslation, module_title: str | None = None) -> list[Doc]:
    """One Doc per section (plus one for the module's title, summary and objectives)."""
    lines = tr.body.split("\n")
    title = module_title or tr.title
    head = Doc(
        tr.module_id,
        tr.lang,
        "",
        0,
        title,
        inline_text(tr.title, tr),
        inline_text(" ".join((tr.summary, *tr.objectives)), tr),
        "",
    )
    sections = sorted(tr.sections, key=lambda s: s.line)
    starts = [s.line - tr.body_line for s in sections] + [len(lines)]
    notes: dict[int, list[str]] = {}
    for kind, start, end in iter_blocks(lines):
        if kind == "trainer":
            notes.setdefault(start, []).append(trainer_markdown(lines[start:end]))
    for quiz in tr.quizzes:
        notes.setdefault(quiz.line - tr.body_line, []).append(quiz_markdown(quiz))
    docs = [head]
    for k, section in enumerate(sections):
        lo, hi = starts[k], starts[k + 1]
        extra = [md for at, mds in sorted(notes.items()) if lo <= at < hi for md in mds]
        docs.append(
            Doc(
                tr.module_id,
                tr.lang,
                section.id,
                k + 1,
                title,
                inline_text(section.title, tr),
                markdown_text("\n".join(lines[lo + 1 : hi]), tr),
                markdown_text("\n\n".join(extra), tr),
            )
        )
    return docs


def translation_hash(tr: ModuleTranslation) -> str:
    """A digest of everything in one language file that the index holds."""
    data = "\x1f".join(
        (tr.version, tr.title, tr.summary, *tr.objectives, str(tr.body_line), tr.body)
    )
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


# ---------------------------------------------------------------- the index


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

    def as_dict(self) -> dict:
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

    reindexed: list[tuple[str, str]] = field(default_factory=list)  # (module, lang)
    removed: list[tuple[str, str]] = field(default_factory=list)
    full: bool = False  # everything was rebuilt (new index, content or app version)
    documents: int = 0  # rows written
    seconds: float = 0.0

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


def default_index_path(data_dir: Path, content_root: Path | None = None) -> Path:
    """The index file in the user cache folder; one per content tree when ``content_root``."""
    folder = paths.cache_dir(Path(data_dir)) / "search"
    if content_root is None:
        return folder / "index.sqlite"
    key = hashlib.sha1(str(Path(content_root).resolve()).encode("utf-8", "surrogatepass"))
    return folder / f"index-{key.hexdigest()[:12]}.sqlite"


def _content_key(course: Course) -> str:
    return f"{SCHEMA_VERSION}|{__version__}|{STEMMER_NAME}|{course.id}|{course.version}"


class SearchIndex:
    """The FTS5 index in one SQLite file (or ``:memory:``); use one instance per thread."""

    def __init__(self, path: Path | str = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = self._open()
        except sqlite3.DatabaseError as exc:  # a damaged cache file: start again
            log.warning("search index %s unusable (%s); rebuilding it", self.path, exc)
            self._delete_files()
            self.conn = self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            if self.path != ":memory:":
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

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ building

    def stored_hashes(self) -> dict[tuple[str, str], str]:
        rows = self.conn.execute("SELECT module, lang, hash FROM files")
        return {(m, lang): h for m, lang, h in rows}

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM docs").fetchone()[0]

    def update(self, course: Course, progress: PROGRESS | None = None) -> UpdateStats:
        """Bring the index in line with ``course``, re-indexing only changed translations."""
        started = time.perf_counter()
        stats = UpdateStats()
        key = _content_key(course)
        row = self.conn.execute("SELECT value FROM meta WHERE key='content'").fetchone()
        if row is None or row[0] != key:
            stats.full = True
            self._write(
                lambda c: (
                    c.execute("DELETE FROM docs"),
                    c.execute("DELETE FROM fts"),
                    c.execute("DELETE FROM files"),
                    c.execute("INSERT OR REPLACE INTO meta VALUES ('content', ?)", (key,)),
                )
            )
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
        for done, (module_id, lang) in enumerate(todo):
            if progress is not None:
                progress(done, len(todo))
            module = course.modules[module_id]
            docs = translation_docs(wanted[module_id, lang], module.title(lang))
            rows = [(d, index_text(lang, d.title), index_text(lang, d.body)) for d in docs]
            rows = [(*r, index_text(lang, r[0].notes)) for r in rows]
            self._write(lambda c, k=(module_id, lang), r=rows: self._replace(c, k, r, hashes[k]))
            stats.reindexed.append((module_id, lang))
            stats.documents += len(docs)
        if progress is not None:
            progress(len(todo), len(todo))
        stats.seconds = time.perf_counter() - started
        return stats

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

    def _replace(self, conn, key: tuple[str, str], rows: list, digest: str) -> None:
        module, lang = key
        self._delete(conn, module, lang)
        for doc, title, body, notes in rows:
            cur = conn.execute(
                "INSERT INTO docs(module, lang, section, ord, module_title, title, body, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.module,
                    doc.lang,
                    doc.section,
                    doc.order,
                    doc.module_title,
                    doc.title,
                    doc.body,
                    doc.notes,
                ),
            )
            conn.execute(
                "INSERT INTO fts(rowid, title, body, notes, lang) VALUES (?, ?, ?, ?, ?)",
                (cur.lastrowid, title, body, notes, lang),
            )
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
    ) -> list[Hit]:
        """Sections matching every word and phrase of ``query``, best first.

        ``langs`` is one language, several, or None for every indexed language. Trainer
        notes and quiz answer keys are searched only when ``trainer``. Never raises on any
        query text.
        """
        terms = parse_query(query, prefix_last)
        if not terms or limit <= 0:
            return []
        if isinstance(langs, str):
            langs = [langs]
        try:
            langs = list(langs) if langs is not None else self.languages()
            hits = [h for lang in langs for h in self._search(terms, lang, trainer, limit)]
        except sqlite3.Error as exc:  # a damaged or locked index: no results, not a crash
            log.warning("search failed for %r: %s", query[:200], exc)
            return []
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]

    def _search(self, terms: list[Term], lang: str, trainer: bool, limit: int) -> list[Hit]:
        compiled = CompiledQuery(terms, lang)
        cap = PHRASE_CANDIDATES if compiled.has_phrase else limit
        ranked = self.conn.execute(
            "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?",
            (compiled.fts(trainer), cap),
        ).fetchall()
        hits: list[Hit] = []
        for start in range(0, len(ranked), max(limit, 50)):
            chunk = ranked[start : start + max(limit, 50)]
            rows = self._docs([rowid for rowid, _r in chunk])
            for rowid, rank in chunk:
                hit = self._hit(compiled, rows[rowid], -rank, trainer)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= limit:
                        return hits
        return hits

    def _docs(self, ids: list[int]) -> dict[int, tuple]:
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT id, module, section, lang, module_title, title, body, notes FROM docs"
            f" WHERE id IN ({marks})",
            ids,
        )
        return {r[0]: r[1:] for r in rows}

    def _hit(self, compiled: CompiledQuery, row: tuple, score: float, trainer: bool):
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


def group_by_module(hits: Sequence[Hit]) -> list[tuple[str, list[Hit]]]:
    """Hits grouped by module; groups ordered by their best hit, hits by score."""
    groups: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: -h.score):
        groups.setdefault(hit.module, []).append(hit)
    return list(groups.items())
