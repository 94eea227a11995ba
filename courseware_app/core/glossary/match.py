"""Finding glossary terms in running text, whatever their grammatical form.

Words are compared by their Snowball stems (core.search.words), so «профиля риска» is a use of
«профиль риска» and "risk profiles" of "risk profile". A phrase's words may be separated by
spaces (no-break ones too), hyphens or apostrophes, never by punctuation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from courseware_app.core.glossary.model import Avoid, Entry, Glossary
from courseware_app.core.search.words import WORD_RE, fold, word_forms

GAP_RE = re.compile(r"[\s'’\-]{1,3}")  # what may stand between the words of a term
KEY_CHARS = 3  # phrases are indexed by their first stem's first letters
STEM_SLACK = 2  # Snowball cuts some forms shorter: «профили» -> «проф», «профиль» -> «профил»


@dataclass(frozen=True)
class Hit:
    """A use of a glossary entry's term (``avoid`` None) or of a variant to avoid."""

    start: int
    end: int
    entry: Entry
    avoid: Avoid | None = None


@dataclass(frozen=True)
class _Phrase:
    stems: tuple[str, ...]
    entry: Entry
    avoid: Avoid | None


def stems(lang: str, text: str) -> tuple[str, ...]:
    """The stem of every word of ``text``."""
    return tuple(word_forms(lang, w)[0] for w in WORD_RE.findall(text))


def same_word(a: str, b: str, lang: str = "ru") -> bool:
    """Whether two stems are one word: equal or, in Russian, one a long enough beginning of the
    other."""
    if a == b:
        return True
    if lang != "ru":
        return False
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and len(long) - len(short) <= STEM_SLACK and long.startswith(short)


class TermFinder:
    """Every term, variant and variant to avoid of one language, indexed by first stem."""

    def __init__(self, glossary: Glossary, lang: str):
        self.lang = lang
        self._phrases: dict[str, list[_Phrase]] = defaultdict(list)
        self._patterns: list[tuple[re.Pattern[str], Entry, Avoid]] = []
        for entry in glossary.entries:
            wording = entry.wording(lang)
            if wording is None:
                continue
            for name in wording.names:
                self._add(_Phrase(stems(lang, name), entry, None))
            for avoid in wording.avoid:
                if avoid.match:
                    self._patterns.append((re.compile(avoid.match, re.I), entry, avoid))
                else:
                    self._add(_Phrase(stems(lang, avoid.term), entry, avoid))
        for found in self._phrases.values():  # longest first; a variant to avoid before a name
            found.sort(key=lambda p: (-len(p.stems), p.avoid is None))

    def _add(self, phrase: _Phrase) -> None:
        if phrase.stems:
            self._phrases[phrase.stems[0][:KEY_CHARS]].append(phrase)

    def find(self, text: str) -> list[Hit]:
        """Uses in ``text``, in order, none overlapping (the longest wins)."""
        words = [
            (m.start(), m.end(), word_forms(self.lang, m.group())[0])
            for m in WORD_RE.finditer(text)
        ]
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            phrase = self._phrase_at(text, words, i)
            if phrase is None:
                i += 1
                continue
            last = i + len(phrase.stems) - 1
            hits.append(Hit(words[i][0], words[last][1], phrase.entry, phrase.avoid))
            i = last + 1
        for pattern, entry, avoid in self._patterns:
            hits.extend(Hit(m.start(), m.end(), entry, avoid) for m in pattern.finditer(text))
        return sorted(hits, key=lambda h: (h.start, -h.end))

    def _phrase_at(self, text: str, words: list[tuple[int, int, str]], i: int) -> _Phrase | None:
        for phrase in self._phrases.get(words[i][2][:KEY_CHARS], ()):
            n = len(phrase.stems)
            if i + n > len(words):
                continue
            if all(
                same_word(words[i + k][2], phrase.stems[k], self.lang) for k in range(n)
            ) and all(
                GAP_RE.fullmatch(text[words[i + k - 1][1] : words[i + k][0]]) for k in range(1, n)
            ):
                return phrase
        return None


@lru_cache(maxsize=8)
def finder(glossary: Glossary, lang: str) -> TermFinder:
    """A finder per glossary and language, built once."""
    return TermFinder(glossary, lang)


def entry_named(glossary: Glossary, text: str) -> Entry | None:
    """The entry whose term or allowed variant, in any language, is the whole of ``text``
    (in any grammatical form)."""
    for lang in ("en", "ru", "fr"):
        words = stems(lang, text)
        if words:
            found = next(
                (e for n, e in _named(glossary, lang) if _same_words(n, words, lang)), None
            )
            if found is not None:
                return found
    return None


@lru_cache(maxsize=8)
def _named(glossary: Glossary, lang: str) -> tuple[tuple[tuple[str, ...], Entry], ...]:
    """The stems of every term and allowed variant of ``lang``, with their entry, in order
    (worked out once per glossary: a search in all languages asks at every keystroke)."""
    return tuple(
        (stems(lang, name), entry)
        for entry in glossary.entries
        if (wording := entry.wording(lang)) is not None
        for name in wording.names
    )


def _same_words(a: tuple[str, ...], b: tuple[str, ...], lang: str) -> bool:
    return len(a) == len(b) and all(same_word(x, y, lang) for x, y in zip(a, b, strict=True))


def matching(glossary: Glossary, query: str) -> list[Entry]:
    """Entries whose terms, variants or definitions, in any language, contain every word of
    ``query`` (case and accents ignored, any grammatical form); all entries for an empty
    query. The entry the whole query names comes first, then those whose terms hold the
    words, then those whose definitions do."""
    words = [fold(w) for w in WORD_RE.findall(query)]
    if not words:
        return list(glossary.entries)
    named = entry_named(glossary, query)
    ranked = []
    for entry in glossary.entries:
        if entry is named:
            ranked.append((0, entry))
        elif _has_words(_names(entry), words):
            ranked.append((1, entry))
        elif _has_words([entry.id, entry.source, *_definitions(entry)], words):
            ranked.append((2, entry))
    return [entry for _rank, entry in sorted(ranked, key=lambda r: r[0])]


def _has_words(texts: list[str], words: list[str]) -> bool:
    text = fold(" ".join(texts))
    return all(w in text for w in words)


def _names(entry: Entry) -> list[str]:
    return [name for wording in entry.wordings.values() for name in wording.names]


def _definitions(entry: Entry) -> list[str]:
    return [t for w in entry.wordings.values() for t in (w.definition, w.eaeu)]
