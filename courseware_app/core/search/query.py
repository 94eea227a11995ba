"""Queries: words, "phrases" and prefixes, compiled per language into FTS5 text and a matcher."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from courseware_app.core.limits import MAX_PHRASE_WORDS, MAX_TERMS, MAX_WORD_CHARS
from courseware_app.core.search.words import FOLD, WORD_RE, fold, word_forms

MIN_AUTO_PREFIX = 3  # as-you-type: the last word counts as a prefix from this length
QUERY_RE = re.compile(r"[\"«“„]([^\"»”“]*)[\"»”“]?|([^\s\"«“„]+)")
WORD_CHAR_RE = re.compile(r"[^\W_]")
STEM_SLACK = 3  # stemmers rewrite at most this many final letters (fr 'ication' -> 'iqu')

Span = tuple[int, int, int]  # (start, end, index of the query term it matches)


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


def _head(stem: str) -> str:
    """A regex for how a lower-case word starts when one of its forms is ``stem``: accents
    optional, and the last letters free (stemmers rewrite endings)."""
    head = stem[: max(min(3, len(stem)), len(stem) - STEM_SLACK)]
    return "".join(
        f"[{re.escape(c)}{re.escape(UNFOLD[c])}]" if c in UNFOLD else re.escape(c) for c in head
    )


def _term_pattern(words: list[_Word]) -> re.Pattern[str]:
    """Candidates for a word or phrase: each word's possible beginnings, separated by non-words."""
    parts = []
    for w in words:
        heads = sorted({_head(s) for s in w.stems()}, key=len, reverse=True)
        parts.append("(?:" + "|".join(heads) + r")[^\W_]*")
    return re.compile(r"[\W_]+".join(parts))


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

    def spans(self, text: str) -> list[Span]:
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


def highlight_spans(
    text: str, query: str, lang: str, prefix_last: bool = False
) -> list[tuple[int, int]]:
    """Character spans of ``text`` that ``query`` matches (for highlighting a page)."""
    compiled = CompiledQuery(parse_query(query, prefix_last), lang)
    return [(s, e) for s, e, _t in compiled.spans(text)]
