"""Issue 17: the trilingual glossary file, finding its terms in any grammatical form, marking
their first use per section, search in all languages, and the validator's glossary and
typography rules."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from courseware_app.core.glossary import entry_named, finder, glossary_for, load_glossary
from courseware_app.core.glossary.marks import mark_terms, tooltip
from courseware_app.core.glossary.match import matching
from courseware_app.core.loader import load_course
from courseware_app.core.render import module_page
from courseware_app.core.search import SearchIndex
from courseware_app.core.validate import validate_course
from tests.core.helpers import front, good_module, write_tree

GLOSSARY = """\
- id: risk-profile
  source: "WCO Customs Risk Management Compendium, Volume 1 (2022)"
  en:
    term: risk profile
    variants: [targeting profile]
    avoid: []
    definition: A set of risk indicators that selects declarations for control.
  ru:
    term: профиль риска
    eaeu: "Термин Таможенного кодекса ЕАЭС."
    variants: []
    avoid:
      - term: рисковый профиль
        reason: калька с английского
    definition: Набор индикаторов риска, по которому отбираются декларации для контроля.
  fr:
    term: profil de risque
    variants: []
    avoid:
      - term: brigade
        reason: une équipe de service, pas une unité
      - term: inspecteur des douanes
        reason: le vérificateur examine les marchandises
        match: "\\\\binspecteurs? des douanes\\\\b"
    definition: Ensemble d’indicateurs de risque qui sélectionne des déclarations.
- id: bottleneck
  source: "WCO Time Release Study Guide, Version 4 (2025)"
  en: {term: bottleneck, variants: [], avoid: [], definition: "The step that holds goods longest."}
  ru: {term: узкое место, variants: [], avoid: [], definition: "Этап, где товары ждут дольше."}
  fr:
    term: goulet d’étranglement
    variants: [goulot d’étranglement]
    avoid: []
    definition: L’étape où les marchandises attendent le plus longtemps.
"""


@pytest.fixture
def glossary(tmp_path: Path):
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(path)


# ---------------------------------------------------------------- the file


def test_a_well_formed_file_gives_every_entry_and_no_diagnostic(glossary) -> None:
    assert [e.id for e in glossary.entries] == ["risk-profile", "bottleneck"]
    ru = glossary.entry("risk-profile").wording("ru")
    assert ru.term == "профиль риска" and ru.eaeu.startswith("Термин")
    assert ru.avoid[0].term == "рисковый профиль" and ru.avoid[0].reason == "калька с английского"
    assert glossary.entry("bottleneck").wording("fr").names == (
        "goulet d’étranglement",
        "goulot d’étranglement",
    )
    assert glossary.diagnostics == ()


BROKEN = [
    ("- id: x\n  source: s\n", "glossary-entry", 1),  # no languages
    ("- id: Bad Id\n  source: s\n", "glossary-entry", 1),
    ("- [1, 2]\n", "glossary-entry", 1),
    ("key: value\n", "glossary-yaml", 1),
    ("- id: x\n  source: [unclosed\n", "glossary-yaml", 3),
]


@pytest.mark.parametrize(("text", "code", "line"), BROKEN)
def test_a_broken_entry_is_reported_with_its_line_and_the_rest_is_kept(
    tmp_path: Path, text: str, code: str, line: int
) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY + text, encoding="utf-8")
    found = load_glossary(path)
    start = GLOSSARY.count("\n")
    if code == "glossary-yaml":
        assert found.entries == () and [d.code for d in found.diagnostics] == [code]
        return
    assert [e.id for e in found.entries] == ["risk-profile", "bottleneck"]
    assert [(d.code, d.line) for d in found.diagnostics] == [(code, start + line)]


def test_missing_definition_unknown_key_bad_pattern_and_twice_used_id_are_errors(
    tmp_path: Path,
) -> None:
    entry = dedent("""\
        - id: {id}
          source: s
          en: {{term: a, variants: [], avoid: [], definition: {definition}}}
          ru: {{term: б, variants: [], avoid: [{{term: в, reason: г, match: "{match}"}}], definition: Д.}}
          fr: {{term: e, variants: [], avoid: [], definition: F.{extra}}}
        """)
    cases = [
        entry.format(id="a", definition="''", match="x", extra=""),
        entry.format(id="b", definition="B.", match="(", extra=""),
        entry.format(id="c", definition="C.", match="x", extra=", colour: red"),
        entry.format(id="risk-profile", definition="R.", match="x", extra=""),
    ]
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY + "".join(cases), encoding="utf-8")
    found = load_glossary(path)
    assert [e.id for e in found.entries] == ["risk-profile", "bottleneck"]
    messages = [d.message for d in found.diagnostics]
    assert len(messages) == 4
    assert "definition" in messages[0] and "regular expression" in messages[1]
    assert "colour" in messages[2] and "risk-profile" in messages[3]


def test_a_content_tree_without_a_glossary_has_an_empty_one(tmp_path: Path) -> None:
    assert len(glossary_for(tmp_path)) == 0


def test_the_glossary_is_read_again_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    assert len(glossary_for(tmp_path)) == 2
    path.write_text(GLOSSARY.split("- id: bottleneck")[0], encoding="utf-8")
    assert [e.id for e in glossary_for(tmp_path).entries] == ["risk-profile"]


# ---------------------------------------------------------------- finding terms


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("ru", "Новый профиль риска.", ["профиль риска"]),
        ("ru", "Профили риска и профилей риска", ["Профили риска", "профилей риска"]),
        ("ru", "по профилю\u00a0риска", ["профилю\u00a0риска"]),
        ("ru", "профиль. Риска нет", []),  # punctuation between the words: not the term
        ("en", "Two risk profiles, one Bottleneck.", ["risk profiles", "Bottleneck"]),
        ("en", "a targeting profile", ["targeting profile"]),
        ("fr", "le goulot d’étranglement du poste", ["goulot d’étranglement"]),
        ("fr", "les goulets d'étranglement", ["goulets d'étranglement"]),
    ],
)
def test_terms_are_found_in_any_grammatical_form(glossary, lang, text, found) -> None:
    hits = finder(glossary, lang).find(text)
    assert [text[h.start : h.end] for h in hits if h.avoid is None] == found


def test_variants_to_avoid_are_found_literally_or_by_their_pattern(glossary) -> None:
    text = "La brigade de nuit et deux inspecteurs des douanes ; une brigadière."
    hits = [h for h in finder(glossary, "fr").find(text) if h.avoid is not None]
    assert [text[h.start : h.end] for h in hits] == ["brigade", "inspecteurs des douanes"]
    ru = "Рискового профиля нет."
    assert [ru[h.start : h.end] for h in finder(glossary, "ru").find(ru)] == ["Рискового профиля"]


def test_a_query_names_an_entry_in_any_language_and_form(glossary) -> None:
    assert entry_named(glossary, "Risk profiles").id == "risk-profile"
    assert entry_named(glossary, "профиля риска").id == "risk-profile"
    assert entry_named(glossary, "goulot d’étranglement").id == "bottleneck"
    assert entry_named(glossary, "risk") is None


def test_the_window_search_matches_any_language_part_of_a_word_and_definitions(glossary) -> None:
    assert [e.id for e in matching(glossary, "")] == ["risk-profile", "bottleneck"]
    assert [e.id for e in matching(glossary, "узкое")] == ["bottleneck"]
    assert [e.id for e in matching(glossary, "etrangl")] == ["bottleneck"]  # accents ignored
    assert [e.id for e in matching(glossary, "indicateurs")] == ["risk-profile"]
    assert matching(glossary, "zzz") == []


# ---------------------------------------------------------------- marks on the page


def test_the_first_use_per_section_is_marked_with_the_other_languages_and_definition(
    glossary,
) -> None:
    page = (
        "<h2>One</h2><p>A risk profile, another risk profile.</p>"
        "<h2>Two</h2><p><a href='#x'>risk profile</a> <code>risk profile</code></p>"
        "<p>Then risk profiles and a bottleneck.</p><h3>Risk profile</h3>"
    )
    marked = mark_terms(page, glossary, "en")
    assert marked.count('class="gloss"') == 3
    assert 'A <span class="gloss"' in marked and "another risk profile." in marked
    assert "<a href='#x'>risk profile</a> <code>risk profile</code>" in marked
    assert "<h3>Risk profile</h3>" in marked
    title = tooltip(glossary.entry("risk-profile"), "en")
    assert title.split("\n") == [
        "RU: профиль риска",
        "FR: profil de risque",
        "A set of risk indicators that selects declarations for control.",
    ]


def test_a_page_is_marked_only_when_asked_and_only_with_a_glossary(tmp_path: Path) -> None:
    files = good_module("m1", "A risk profile here.")
    root = write_tree(tmp_path / "c", {**files, **good_module("m2")})
    course = load_course(root)
    assert 'class="gloss"' not in module_page(course, "m1", "en", glossary=True)[0]
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert 'class="gloss"' in module_page(course, "m1", "en", glossary=True)[0]
    assert 'class="gloss"' not in module_page(course, "m1", "en", glossary=False)[0]


# ---------------------------------------------------------------- search in all languages


def test_search_in_all_languages_finds_the_term_in_the_other_languages(tmp_path: Path) -> None:
    files = {
        "modules/m1/en.md": front("en") + "\n## One {#one}\n\nEvery risk profile is tested.\n",
        "modules/m1/ru.md": front("ru") + "\n## One {#one}\n\nКаждый профиль риска проверяют.\n",
        "modules/m1/fr.md": front("fr") + "\n## One {#one}\n\nChaque profil de risque est testé.\n",
        **good_module("m2"),
    }
    root = write_tree(tmp_path / "c", files)
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    course = load_course(root)
    with SearchIndex() as index:
        index.update(course)
        glossary = glossary_for(root)
        everywhere = index.search("risk profile", None, glossary=glossary)
        assert {h.lang for h in everywhere} == {"en", "ru", "fr"}
        assert "<mark>" in next(h.snippet for h in everywhere if h.lang == "ru")
        assert {h.lang for h in index.search("risk profile", None)} == {"en"}
        assert {h.lang for h in index.search("risk profile", ["ru"], glossary=glossary)} == set()


# ---------------------------------------------------------------- the validator


def _findings(tmp_path: Path, lang: str, text: str, glossary: str = GLOSSARY):
    files = {**good_module("m1"), **good_module("m2")}
    files[f"modules/m1/{lang}.md"] = good_module("m1", text)[f"modules/m1/{lang}.md"]
    root = write_tree(tmp_path / "c", files)
    (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
    return [
        (d.code, d.line, d.message)
        for d in validate_course(load_course(root))
        if d.code.startswith(("glossary", "typo-"))
    ]


def test_validate_warns_about_a_variant_to_avoid_with_its_line_and_the_preferred_term(
    tmp_path: Path,
) -> None:
    found = _findings(tmp_path, "ru", "Рисковый профиль устарел.\n\nПрофиль риска — нет.")
    assert len(found) == 1
    code, line, message = found[0]
    assert code == "glossary-avoid" and line == 20  # the body's extra text starts on line 20
    assert "Рисковый профиль" in message and "профиль риска" in message
    assert "калька" in message


def test_an_avoided_variant_among_the_accepted_answers_is_no_finding(tmp_path: Path) -> None:
    quiz = (
        "::: quiz q pass=70\n\n? short q-name\nКак называется набор индикаторов?\n"
        "accept: профиль риска | рисковый профиль\n:::"
    )
    files = {**good_module("m1"), **good_module("m2")}
    for lang in ("en", "ru", "fr"):
        files[f"modules/m1/{lang}.md"] = good_module("m1", quiz)[f"modules/m1/{lang}.md"]
    root = write_tree(tmp_path / "c", files)
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    found = validate_course(load_course(root))
    assert [d for d in found if d.code == "glossary-avoid"] == []
    assert not [d for d in found if d.severity.value == "error"]
    question = quiz.replace("Как называется набор индикаторов?", "Рисковый профиль — это что?")
    files["modules/m1/ru.md"] = good_module("m1", question)["modules/m1/ru.md"]
    root = write_tree(tmp_path / "d", files)
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    found = validate_course(load_course(root))
    assert [(d.code, d.line) for d in found if d.code == "glossary-avoid"] == [
        ("glossary-avoid", 23)
    ]


def test_validate_reports_a_broken_glossary_file(tmp_path: Path) -> None:
    found = _findings(tmp_path, "en", "", GLOSSARY + "- id: x\n  source: s\n")
    assert [(c, line) for c, line, _m in found] == [("glossary-entry", GLOSSARY.count("\n") + 1)]


TYPOGRAPHY = [
    ("ru", "Проверка заняла 15 мин.", "typo-unit-space"),
    ("ru", "Доля — 12%.", "typo-unit-space"),
    ("ru", "Приказ № 5.", "typo-unit-space"),
    ("ru", "Груз 20 т и 3 млн руб.", "typo-unit-space"),
    ("ru", "В 2023 году.", "typo-year"),
    ("ru", "В 2022-2024\u00a0гг.", "typo-year"),
    ("ru", "В 2022–2024\u00a0г. было так.", "typo-year"),
    ("fr", "Il a fallu 15 min.", "typo-unit-space"),
    ("fr", "Un taux de 12 %.", "typo-unit-space"),
    ("fr", "Arrivée à 14 h 30.", "typo-unit-space"),
    ("fr", "Une étude 14–28 mars 2024.", "typo-date-range"),
    ("fr", "Voir *Le contrôle: une méthode* (2020).", "typo-nbsp"),  # a French title: French rules
]


@pytest.mark.parametrize(("lang", "text", "code"), TYPOGRAPHY)
def test_validate_warns_about_numbers_units_dates_and_years(tmp_path, lang, text, code) -> None:
    assert [c for c, _l, _m in _findings(tmp_path, lang, text)] == [code]


GOOD_TYPOGRAPHY = [
    ("ru", "Проверка заняла 15\u00a0мин, доля — 12\u00a0%, приказ №\u00a05."),
    ("ru", "В 2023\u00a0г. и в 2022–2024\u00a0гг. было 5 тонн и 2 часа."),
    ("fr", "Il a fallu 15\u00a0min\u00a0; un taux de 12\u202f%\u00a0; à 14\u00a0h\u00a030."),
    ("fr", "Une étude du 14 au 28 mars 2024, sur 3 postes."),
    ("en", "It took 15 min, 12 % of 14–28 March 2024 in 2023 year."),
    ("ru", "Код `15 мин` и [ссылка](https://example.org/15 %) не проверяются."),
    # English titles of sources stay as published, also when they run over two lines
    ("fr", "- Ayres, *Responsive Regulation: Transcending the Deregulation Debate*, 1992."),
    ("fr", "- Anderson (2001). *A Taxonomy for Learning, Teaching, and\n  Assessing: A Revision*."),
    (
        "fr",
        "- Pashler (2008). «\u00a0Learning Styles: Concepts and\n  Evidence\u00a0». *Psychological*.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), GOOD_TYPOGRAPHY)
def test_well_set_numbers_and_other_languages_pass(tmp_path, lang, text) -> None:
    assert _findings(tmp_path, lang, text) == []


def test_entries_named_by_the_query_come_before_those_whose_definitions_hold_it(glossary):
    # "indicat" is only in risk-profile's definitions; "bottleneck" names its entry
    assert [e.id for e in matching(glossary, "step")] == ["bottleneck"]
    assert [e.id for e in matching(glossary, "étranglement")] == ["bottleneck"]


def test_a_term_that_holds_the_words_ranks_above_a_definition_that_does(tmp_path):
    entry = "- id: {id}\n  source: s\n" + "".join(
        f"  {lang}: {{{{term: {{term}}, variants: [], avoid: [], definition: {{text}}}}}}\n"
        for lang in ("en", "ru", "fr")
    )
    path = tmp_path / "glossary.yaml"
    path.write_text(
        entry.format(id="alpha", term="alpha", text="Not a beta thing.")
        + entry.format(id="beta", term="beta test", text="A test.")
    )
    assert [e.id for e in matching(load_glossary(path), "beta")] == ["beta", "alpha"]


def test_a_variant_to_avoid_split_over_two_lines_is_found_on_its_first_line(tmp_path):
    found = _findings(tmp_path, "ru", "Здесь описан рисковый\nпрофиль и ничего больше.")
    assert [(code, line) for code, line, _m in found] == [("glossary-avoid", 20)]
    assert "'рисковый профиль'" in found[0][2]
    second = _findings(tmp_path / "b", "ru", "Первая строка.\nВторая: рисковый профиль.")
    assert [(code, line) for code, line, _m in second] == [("glossary-avoid", 21)]
