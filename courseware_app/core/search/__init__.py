"""Full-text search: an SQLite FTS5 index of stemmed, accent-folded words, one row per section.

words: word forms (stemming, accent folding); query: parsing, compiling, highlighting;
snippets: marked excerpts; documents: what is indexed from a course; index: the SQLite file.
"""

from courseware_app.core.search.documents import (
    Doc,
    html_text,
    question_search_text,
    quiz_markdown,
    translation_docs,
    translation_hash,
)
from courseware_app.core.search.index import (
    PROGRESS,
    SCHEMA_VERSION,
    Cancelled,
    Hit,
    SearchIndex,
    UpdateStats,
    default_index_path,
    group_by_module,
)
from courseware_app.core.search.query import (
    CompiledQuery,
    Term,
    highlight_spans,
    parse_query,
    query_terms,
)
from courseware_app.core.search.snippets import mark, snippet
from courseware_app.core.search.words import (
    STEMMER_NAME,
    STEMMERS,
    WORD_RE,
    fold,
    index_text,
    stem,
    word_forms,
)

__all__ = [
    "PROGRESS",
    "SCHEMA_VERSION",
    "STEMMERS",
    "STEMMER_NAME",
    "WORD_RE",
    "Cancelled",
    "CompiledQuery",
    "Doc",
    "Hit",
    "SearchIndex",
    "Term",
    "UpdateStats",
    "default_index_path",
    "fold",
    "group_by_module",
    "highlight_spans",
    "html_text",
    "index_text",
    "mark",
    "parse_query",
    "query_terms",
    "question_search_text",
    "quiz_markdown",
    "snippet",
    "stem",
    "translation_docs",
    "translation_hash",
    "word_forms",
]
