"""The search index: morphology, accents, phrases, ranking, trainer-only text, incremental
re-indexing and hostile queries."""

import logging
import shutil
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseware_app.core import paths
from courseware_app.core.course import Option, Question, Quiz
from courseware_app.core.loader import load_course
from courseware_app.core.questions import QuestionType
from courseware_app.core.search import (
    SearchIndex,
    default_index_path,
    fold,
    highlight_spans,
    parse_query,
    query_terms,
    question_search_text,
    quiz_markdown,
    translation_docs,
    word_forms,
)
from tests.conftest import BUNDLED_CONTENT, ROOT
from tests.core.helpers import front, write_tree

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


@pytest.fixture(scope="module")
def index():
    with SearchIndex(":memory:") as idx:
        idx.update(load_course(SEARCH_CONTENT))
        yield idx


def found(index, query, lang="en", trainer=False):
    return {(h.module, h.section) for h in index.search(query, lang, trainer=trainer)}


# ---------------------------------------------------------------- words


def test_word_forms_keep_both_accent_orders():
    assert word_forms("fr", "mainlevée") == ("mainlev", "mainleve")
    assert word_forms("fr", "mainlevee") == ("mainleve",)
    assert "control" in word_forms("fr", "contrôlée") and word_forms("fr", "contrôles") == (
        "control",
    )
    assert word_forms("ru", "Ёмкость") == word_forms("ru", "емкость")
    assert fold("Mainlevée") == "mainlevee" and fold("ЁЛКА") == "елка" and fold("Œuvre") == "oeuvre"


def test_parse_query_words_phrases_prefixes():
    terms = parse_query('risk «таможенная декларация» decl* post-clearance "open')
    assert [(t.words, t.prefix) for t in terms] == [
        (("risk",), False),
        (("таможенная", "декларация"), False),
        (("decl",), True),
        (("post", "clearance"), False),
        (("open",), False),
    ]
    assert parse_query("declar", prefix_last=True)[0].prefix
    assert not parse_query("declar ", prefix_last=True)[0].prefix
    assert not parse_query("de", prefix_last=True)[0].prefix  # too short to widen
    assert query_terms('a "b c" d*') == ["a", "b", "c", "d"]


# ---------------------------------------------------------------- morphology and folding


def test_russian_declensions_find_each_other(index):
    forms = [found(index, q, "ru") for q in ("декларации", "декларация", "декларацию")]
    assert forms[0] == forms[1] == forms[2]
    assert {("declarations", "declarations"), ("declarations", "filing")} <= forms[0]


def test_french_and_english_inflections(index):
    assert ("declarations", "filing") in found(index, "contrôle", "fr")  # "contrôles"
    assert found(index, "contrôles", "fr") == found(index, "contrôle", "fr")
    assert ("declarations", "profiles") in found(index, "contrôles", "fr")  # "contrôlée"
    assert found(index, "release", "en") == found(index, "released", "en")
    assert {("release", "why"), ("release", "time")} <= found(index, "release", "en")


def test_accents_are_optional(index):
    accented = found(index, "mainlevée", "fr")
    assert accented and found(index, "mainlevee", "fr") == accented
    assert found(index, "MAINLEVEE", "fr") == accented
    assert found(index, "controle", "fr") == found(index, "contrôle", "fr")


def test_yo_folds_to_ye(index):
    assert ("declarations", "filing") in found(index, "объем", "ru")  # text has "Объём"
    assert (
        found(index, "емкость", "ru")
        == found(index, "ёмкость", "ru")
        == {("declarations", "profiles")}
    )


# ---------------------------------------------------------------- query forms


def test_all_words_must_match(index):
    assert found(index, "declaration invoice") == {("declarations", "filing")}
    assert found(index, "declaration mainlevée") == set()


def test_quoted_phrase_needs_adjacent_words(index):
    assert found(index, '"risk profile"') == {("declarations", "profiles")}
    assert found(index, '"profile risk"') == set()
    hits = index.search('"risk profile"', "en")
    assert "<mark>risk profile</mark>" in hits[0].snippet
    assert found(index, "«таможенная декларация»", "ru") == {("declarations", "declarations")}


def test_prefix_with_star(index):
    assert found(index, "decla", "en") == set()
    assert ("declarations", "declarations") in found(index, "decla*", "en")
    assert ("declarations", "filing") in found(index, "деклар*", "ru")
    assert found(index, "mainl*", "fr") == found(index, "mainlevée", "fr")


def test_title_matches_rank_first(index):
    hits = index.search("declarations", "en")
    assert hits[0].score >= hits[-1].score and all(h.score > 0 for h in hits)
    titled = [h for h in hits if "declaration" in h.title.lower()]
    body_only = [h for h in hits if "declaration" not in h.title.lower()]
    assert titled and body_only
    assert min(h.score for h in titled) > max(h.score for h in body_only)
    # the filing section says "declaration" four times, the title section once
    assert hits.index(next(h for h in hits if h.section == "filing")) > hits.index(
        next(h for h in hits if h.section == "declarations")
    )


def test_snippets_are_original_text_with_marks(index):
    hit = index.search("mainlevee", "fr")[0]
    assert "<mark>mainlevée</mark>" in hit.snippet and "mainlev " not in hit.snippet
    assert hit.lang == "fr" and hit.title and hit.module_title
    title_hit = next(h for h in index.search("декларации", "ru") if h.section == "declarations")
    assert title_hit.title_html == "Таможенная <mark>декларация</mark>"


def test_snippet_escapes_html(tmp_path):
    root = write_tree(
        tmp_path / "c",
        {
            "modules/m1/en.md": front("en", module="m1")
            + "\n## One {#one}\n\nTom &amp; Jerry write `<b>` near the declaration.\n",
            "modules/m2/en.md": front("en", module="m2") + "\n## Two {#two}\n\nNothing.\n",
        },
    )
    with SearchIndex() as idx:
        idx.update(load_course(root))
        snippet = idx.search("declaration", "en")[0].snippet
    assert snippet == "Tom &amp; Jerry write &lt;b&gt; near the <mark>declaration</mark>."


def test_highlight_spans_in_any_text():
    text = "Les Contrôles précèdent la mainlevée ; un contrôle a posteriori suit."
    spans = highlight_spans(text, 'controle "mainlevee"', "fr")
    assert [text[s:e] for s, e in spans] == ["Contrôles", "mainlevée", "contrôle"]
    spans = highlight_spans(text, "la mainl", "fr", prefix_last=True)
    assert [text[s:e] for s, e in spans] == ["la", "mainlevée"]


def test_all_languages_at_once(index):
    hits = index.search("declaration", None)
    assert {h.lang for h in hits} == {"en", "fr"}  # ru spells it differently
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert index.search("declaration", ["en", "ru"]) == index.search("declaration", "en")


# ---------------------------------------------------------------- trainer-only text

SECRETS = {  # trainer note, option feedback, explanation, accepted answer
    "en": ["saffron", "nutmeg", "cardamom", "vanilla"],
    "ru": ["шафрана", "мускатный", "кардамоном", "ванильная"],
    "fr": ["safran", "muscade", "cardamome", "vanille"],
}


@pytest.mark.parametrize("lang", sorted(SECRETS))
def test_trainer_notes_and_answer_keys_only_in_trainer_mode(index, lang):
    for word in SECRETS[lang]:
        assert index.search(word, lang) == [], word
        hits = index.search(word, lang, trainer=True)
        assert hits and all(h.where == "notes" for h in hits), word
        assert f"<mark>{word}</mark>" in hits[0].snippet.lower()


def test_trainee_rows_hold_no_quiz_or_notes(index):
    for hit in index.search("audit", "en") + index.search("release", "en"):
        assert not any(word in hit.snippet for word in SECRETS["en"])
    correct = "✓ Post-clearance"  # the [x] option, marked as the answer
    assert all(correct not in h.snippet for h in index.search("audit", "en"))
    assert any(correct in h.snippet for h in index.search("audit", "en", trainer=True))


def test_a_question_is_searchable_with_its_answer_key():
    q = Question(
        "q1",
        QuestionType.SINGLE,
        "Which document\nis filed first?",
        1,
        options=(Option("The invoice", True, "Yes: it comes first.", 2), Option("A", False, "", 3)),
        explanation="The invoice starts the file.",
    )
    parts = question_search_text(q)
    assert parts == [
        "Which document\nis filed first?",
        "✓ The invoice",
        "Yes: it comes first.",
        "A",
        "",
        "The invoice starts the file.",
    ]
    keys = {
        QuestionType.SHORT: (dict(accepted=("invoice", "bill")), "invoice | bill"),
        QuestionType.TRUEFALSE: (dict(answer_bool=False), "false"),
        QuestionType.NUMERIC: (dict(numeric=(2.0, 2.5)), "2..2.5"),
        QuestionType.ORDER: (dict(items=("file", "check")), "check"),
        QuestionType.MATCH: (dict(pairs=(("EAD", "export"),)), "EAD → export"),
    }
    for qtype, (fields, expected) in keys.items():
        assert expected in question_search_text(Question("q", qtype, "Text?", 1, **fields)), qtype
    numeric = question_search_text(Question("q2", "numeric", "How many?", 1, numeric=(3.0, 3.0)))
    assert "3" in numeric and "How many?" in numeric
    quiz = quiz_markdown(Quiz("z", 1, "Filing", questions=(q,)))
    assert quiz.startswith("Filing\n\nWhich document is filed first?\n\n✓ The invoice\n\n")
    assert "\n\n\n" not in quiz  # empty parts left out


def quiz_section(tr, docs, quiz):
    """The Doc of the section holding ``quiz`` (the last section starting before it)."""
    ids = [s.id for s in tr.sections if s.line < quiz.line]
    return next(d for d in docs if d.section == ids[-1])


def test_bundled_content_keeps_quiz_keys_out_of_trainee_text():
    course = load_course(BUNDLED_CONTENT)
    checked = 0
    for module in course.modules.values():
        for tr in module.translations.values():
            docs = translation_docs(tr)
            assert not any(k in d.body for d in docs for k in ("explanation:", "accept:", "[x]"))
            for quiz in tr.quizzes:
                doc = quiz_section(tr, docs, quiz)
                for q in quiz.questions:
                    if len(q.explanation) > 60:
                        key = " ".join(q.explanation.split())[:40]
                        assert key not in doc.body, (tr.path, q.id)
                        checked += 1
                assert doc.notes and quiz.questions[0].text.split()[0] in doc.notes
    assert checked > 20


@pytest.fixture(scope="module")
def bundled():
    with SearchIndex(":memory:") as idx:
        idx.update(load_course(BUNDLED_CONTENT))
        yield idx


def test_bundled_curriculum_morphology(bundled):
    modules = {h.module for h in bundled.search("декларации", "ru")}
    assert len(modules) >= 3
    hit = bundled.search("mainlevee", "fr")[0]
    assert "<mark>mainlevée</mark>" in hit.snippet.lower()


# ---------------------------------------------------------------- incremental builds


def test_incremental_update_touches_only_the_changed_module(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEARCH_CONTENT, content)
    path = tmp_path / "index.sqlite"
    with SearchIndex(path) as idx:
        first = idx.update(load_course(content))
        assert first.full and len(first.reindexed) == 6
        ids = idx.conn.execute("SELECT id FROM docs WHERE module='declarations' ORDER BY id")
        before = ids.fetchall()
    fr = content / "modules" / "release" / "fr.md"
    fr.write_text(fr.read_text(encoding="utf-8") + "\nLe dédouanement est distinct.\n", "utf-8")
    calls = []
    with SearchIndex(path) as idx:
        stats = idx.update(load_course(content), progress=lambda d, t: calls.append((d, t)))
        assert stats.reindexed == [("release", "fr")] and stats.modules == ["release"]
        assert not stats.full and calls == [(0, 1), (1, 1)]
        ids = idx.conn.execute("SELECT id FROM docs WHERE module='declarations' ORDER BY id")
        assert ids.fetchall() == before  # untouched rows
        assert found(idx, "dedouanement", "fr") == {("release", "time")}
        assert idx.update(load_course(content)).reindexed == []


def test_index_is_reused_by_the_next_run(tmp_path):
    script = (
        "import sys\n"
        "from courseware_app.core.loader import load_course\n"
        "from courseware_app.core.search import SearchIndex\n"
        "with SearchIndex(sys.argv[1]) as idx:\n"
        "    print(len(idx.update(load_course(sys.argv[2])).reindexed))\n"
    )
    args = [sys.executable, "-c", script, str(tmp_path / "i.sqlite"), str(SEARCH_CONTENT)]
    runs = [subprocess.run(args, capture_output=True, text=True, cwd=ROOT) for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["6", "0"], runs[0].stderr


def test_removed_module_leaves_the_index(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEARCH_CONTENT, content)
    with SearchIndex(tmp_path / "i.sqlite") as idx:
        idx.update(load_course(content))
        yaml = content / "course.yaml"
        yaml.write_text(yaml.read_text("utf-8").replace("[declarations, release]", "[release]"))
        stats = idx.update(load_course(content))
        assert sorted(stats.removed) == [("declarations", lang) for lang in ("en", "fr", "ru")]
        assert found(idx, "declaration") == set()


def test_new_content_version_rebuilds_everything(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEARCH_CONTENT, content)
    with SearchIndex(tmp_path / "i.sqlite") as idx:
        idx.update(load_course(content))
        yaml = content / "course.yaml"
        yaml.write_text(yaml.read_text("utf-8").replace('"1.0.0"', '"1.1.0"'))
        stats = idx.update(load_course(content))
        assert stats.full and len(stats.reindexed) == 6


def test_damaged_index_file_is_replaced(tmp_path):
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with SearchIndex(path) as idx:
        idx.update(load_course(SEARCH_CONTENT))
        assert found(idx, "declaration")


def test_default_index_path_is_in_the_cache(tmp_path):
    path = default_index_path(tmp_path, SEARCH_CONTENT)
    assert path.parent == paths.cache_dir(tmp_path) / "search"
    assert path != default_index_path(tmp_path, BUNDLED_CONTENT)


# ---------------------------------------------------------------- hostile queries

HOSTILE = [
    '"',
    '""',
    '"""',
    "AND",
    "OR",
    "NOT",
    "a OR",
    "NEAR",
    "NEAR(a b, 2)",
    "*",
    "**",
    "a*b*c",
    "^risk",
    "title: risk",
    "{title body}: risk",
    "(",
    ")",
    "-risk",
    "+",
    "risk AND NOT",
    "'; DROP TABLE docs; --",
    "\x00",
    "risk\x00profile",
    "\x1b[31m",
    "\ud800",
    "risk \udfff",
    "\u0301e",
    "İstanbul",
    "ǅ",
    "x" * 10_000,
    "декларации " * 1000,
    " ".join(f'"{i}' for i in range(500)),
    "\u202e\u200b\ufeff",
    "😀 risk",
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(index, query, caplog):
    with caplog.at_level(logging.WARNING, logger="courseware_app.core.search"):
        for trainer in (False, True):
            for langs in ("en", None):
                hits = index.search(query, langs, trainer=trainer, limit=10)
                assert isinstance(hits, list)
                index.search(query, langs, trainer=trainer, prefix_last=True)
    assert not caplog.records  # no SQLite error was swallowed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
def test_any_string_is_a_valid_query(index, query):
    logger = logging.getLogger("courseware_app.core.search")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        index.search(query, None, trainer=True)
        index.search(query, "ru", prefix_last=True)
    finally:
        logger.removeHandler(handler)
    assert not records, records[0].getMessage()


def test_a_search_on_a_broken_index_returns_nothing(tmp_path, caplog):
    idx = SearchIndex(tmp_path / "i.sqlite")
    idx.conn.execute("DROP TABLE fts")
    with caplog.at_level(logging.WARNING):
        assert idx.search("risk", "en") == []
    idx.close()
    with pytest.raises(sqlite3.ProgrammingError):
        idx.conn.execute("SELECT 1")


def test_no_index_file_is_kept_when_caches_are_off(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEWARE_NO_CACHE", "1")
    assert default_index_path(tmp_path, SEARCH_CONTENT) == ":memory:"
    monkeypatch.setenv("COURSEWARE_NO_CACHE", "0")
    assert str(default_index_path(tmp_path, SEARCH_CONTENT)).endswith(".sqlite")
