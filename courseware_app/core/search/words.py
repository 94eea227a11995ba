"""Word forms: accent folding and Snowball stemming, the same for the index and for queries."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol, cast

log = logging.getLogger(__name__)

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


class Stemmer(Protocol):
    """A Snowball stemmer for one language (PyStemmer and snowballstemmer both fit)."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802 - the libraries' naming


StemmerFactory = Callable[[str], Stemmer]


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


def _stemmer_module() -> tuple[str, StemmerFactory | None]:
    """PyStemmer (Snowball in C), else the pure-Python snowballstemmer, else no stemming."""
    try:
        import Stemmer as pystemmer

        version = getattr(pystemmer, "version", "")  # a function in PyStemmer 3, not before
        name = f"pystemmer-{version() if callable(version) else version}"
        return name, cast(StemmerFactory, pystemmer.Stemmer)
    except ImportError:
        pass
    try:
        import snowballstemmer

        return "snowballstemmer", cast(StemmerFactory, snowballstemmer.stemmer)
    except ImportError:
        log.warning("no Snowball stemmer installed: search matches whole words only")
        return "none", None


STEMMER_NAME, _new_stemmer = _stemmer_module()


def _stemmer(lang: str) -> Stemmer | None:
    """A stemmer for ``lang`` (one per thread: PyStemmer objects are not thread-safe)."""
    cache: dict[str, Stemmer | None] | None = getattr(_local, "stemmers", None)
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
