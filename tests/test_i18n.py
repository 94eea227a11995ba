"""The UI catalogs: the .pot matches the code, ru and fr are complete and consistent, plurals right."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from courseware_app.core import i18n
from courseware_app.core.formats import format_duration
from tests.conftest import ROOT

LOCALES = ROOT / "locales"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def read(path):
    with path.open("rb") as f:
        return read_po(f)


def code_message_ids() -> set:
    ids = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "courseware_app"), method_map=[("**.py", "python")]
    ):
        key = message[0] if isinstance(message, tuple) else message
        ids.add((context, key))
    return ids


def test_pot_matches_the_code():
    pot = read(LOCALES / "courseware.pot")
    in_pot = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in pot if m.id}
    in_code = code_message_ids()
    assert in_code - in_pot == set(), "run 'python3 dev.py i18n': new messages are not in the .pot"
    assert in_pot - in_code == set(), (
        "run 'python3 dev.py i18n': the .pot has messages the code no longer uses"
    )


@pytest.mark.parametrize("lang", ["ru", "fr"])
def test_catalog_complete_with_matching_placeholders(lang):
    catalog = read(LOCALES / lang / "LC_MESSAGES" / "courseware.po")
    assert not catalog.fuzzy, "the catalog header is fuzzy"
    pot_ids = {
        m.id if isinstance(m.id, str) else m.id[0] for m in read(LOCALES / "courseware.pot") if m.id
    }
    po_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert pot_ids <= po_ids, f"messages missing from {lang}: {sorted(pot_ids - po_ids)[:5]}"
    problems = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for s in strings:
            if set(PLACEHOLDER.findall(s)) != wanted and not (
                len(strings) > 1 and set(PLACEHOLDER.findall(s)) <= wanted
            ):
                problems.append(f"placeholders differ: {ids[0]!r} -> {s!r}")
    assert problems == []


def test_the_english_catalog_holds_no_fuzzy_guess():
    """English is the msgid itself; a fuzzy guess there (babel's, on update) would make
    `courseware i18n-status --strict` fail."""
    catalog = read(LOCALES / "en" / "LC_MESSAGES" / "courseware.po")
    assert [m.id for m in catalog if m.id and m.fuzzy] == []


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_plural_header_is_babels(lang):
    catalog = read(LOCALES / lang / "LC_MESSAGES" / "courseware.po")
    expected = get_plural(lang)
    assert catalog.num_plurals == expected.num_plurals
    assert catalog.plural_expr == expected.plural_expr


RUSSIAN = {
    0: "вопросов",
    1: "вопрос",
    2: "вопроса",
    5: "вопросов",
    11: "вопросов",
    21: "вопрос",
    22: "вопроса",
    25: "вопросов",
    101: "вопрос",
    111: "вопросов",
}


@pytest.mark.parametrize(("n", "word"), sorted(RUSSIAN.items()))
def test_russian_plurals(n, word):
    i18n.set_language("ru")
    text = i18n.ngettext("{count} question", "{count} questions", n).format(count=n)
    assert text == f"{n} {word}"


def test_french_plurals_zero_and_one_are_singular():
    i18n.set_language("fr")
    assert i18n.ngettext("{count} question", "{count} questions", 0).format(count=0) == "0 question"
    assert (
        i18n.ngettext("{count} question", "{count} questions", 2).format(count=2) == "2 questions"
    )


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "1 h 35 min"), ("ru", "1 ч 35 мин"), ("fr", "1 h 35 min")]
)
def test_durations_in_hours_and_minutes(lang, expected):
    i18n.set_language(lang)
    assert format_duration(95).replace("\u00a0", " ") == expected


def test_empty_string_is_not_the_catalog_header():
    i18n.set_language("ru")
    assert i18n._("") == ""


def test_stale_mo_is_recompiled_into_the_cache(tmp_path):
    import shutil

    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    for mo in locales.glob("*/LC_MESSAGES/*.mo"):
        mo.unlink()
    mo = i18n.find_mo("ru", locales, tmp_path / "cache")
    assert mo is not None and mo.is_relative_to(tmp_path / "cache")
    i18n.set_language("ru", locales, tmp_path / "cache")
    assert i18n._("&File") != "&File"


def test_no_message_is_hidden_in_an_f_string():
    """Babel's extractor does not read inside an f-string (on Python < 3.12 it is one token):
    a ``_()`` there would never reach the catalogs."""
    import io
    import tokenize

    hidden = []
    for path in (ROOT / "courseware_app").rglob("*.py"):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for tok in tokens:
            prefix = tok.string[:2].lower()
            if tok.type == tokenize.STRING and "f" in prefix and "_(" in tok.string:
                hidden.append(f"{path.relative_to(ROOT)}:{tok.start[0]}")
    assert hidden == []
