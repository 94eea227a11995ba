"""Issue 20 #1: whatever Python-Markdown renders as a trainer note never reaches a trainee: not
in the page, not in trainee search; the validator names near misses and non-canonical spellings."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseware_app.core.course import ModuleTranslation, Section
from courseware_app.core.loader import load_course
from courseware_app.core.loader.files import Report
from courseware_app.core.loader.module_file import check_trainer_notes_hidden
from courseware_app.core.render import markdown_to_html, trainer_notes_html
from courseware_app.core.search import SearchIndex, translation_docs
from courseware_app.core.validate import validate_course
from tests.core.helpers import good_module, write_tree

SECRET = "zqsecretmarker"
FIRST = 19  # the line the extra body text of helpers.good_module starts on

# Every form Python-Markdown renders as an admonition of class "trainer".
HIDDEN = {
    "canonical": f'!!! trainer "Plan"\n    {SECRET} one.\n',
    "tab-body": f'!!! trainer "Plan"\n\t{SECRET} one.\n',
    "capital": f'!!! Trainer "Plan"\n    {SECRET} one.\n',
    "no-space": f"!!!trainer\n    {SECRET} one.\n",
    "upper-no-title": f"!!! TRAINER\n    {SECRET} one.\n",
    "second-class": f"!!! note trainer\n    {SECRET} one.\n",
    "secret-title": f'!!! trainer "{SECRET} plan"\n    Body.\n',
    "after-paragraph": f"Lead-in text.\n!!! trainer\n    {SECRET} one.\n",
    "two-paragraphs": f"!!! trainer\n    First.\n\n    {SECRET} second.\n",
    "in-callout": f'!!! note "Visible"\n    Shown.\n\n    !!! trainer\n        {SECRET} one.\n',
    "in-callout-tabs": f"!!! note\n\tShown.\n\n\t!!! trainer\n\t\t{SECRET} one.\n",
    "in-list": f"- item one\n\n    !!! trainer\n        {SECRET} one.\n\n- item two\n",
    "in-ordered-list": f"1. step\n\n    !!! Trainer\n        {SECRET} one.\n",
    "in-quote": f"> Quoted.\n>\n> !!! trainer\n>     {SECRET} one.\n",
    "footnote-inside": f"Text.\n\n!!! trainer\n    Note.\n\n    [^n]: {SECRET} one.\n",
    "reference-inside": f"!!! trainer\n    [x]: https://{SECRET}.example\n\nSee [x].\n",
}

# What validate says about each (code, line offset from the snippet's first line).
SPELLING = {
    "tab-body": [("trainer-note-spelling", 1)],
    "capital": [("trainer-note-spelling", 0)],
    "no-space": [("trainer-note-spelling", 0)],
    "upper-no-title": [("trainer-note-spelling", 0)],
    "second-class": [("trainer-note-spelling", 0)],
    "in-callout-tabs": [("trainer-note-spelling", 3)],
    "in-ordered-list": [("trainer-note-spelling", 2)],
    "after-paragraph": [],
}

# Lines that look like a trainer note but that Python-Markdown shows to everyone.
NEAR_MISSES = {
    "two-spaces": f"!!!  trainer\n    {SECRET} one.\n",
    "indented-opener": f" !!! trainer\n {SECRET} one.\n",
    "hyphenated-kind": f"!!! trainer-notes\n    {SECRET} one.\n",
    "colon": f"!!! trainer:\n    {SECRET} one.\n",
    "unindented-body": f"!!! trainer\n{SECRET} one.\n",
}


def page(snippet: str, trainer: bool = False) -> str:
    source = f"## A {{#a}}\n\nIntro.\n\n{snippet}\nAfter.\n"
    return markdown_to_html(source, module_id="m1", trainer=trainer)[0]


@pytest.mark.parametrize("snippet", HIDDEN.values(), ids=HIDDEN.keys())
def test_no_trainer_note_reaches_the_trainee_page(snippet):
    html = page(snippet)
    assert SECRET not in html
    assert "Intro." in html and "After." in html


@pytest.mark.parametrize(
    "name", [n for n in HIDDEN if n not in ("footnote-inside", "reference-inside")]
)
def test_every_trainer_note_is_shown_to_the_trainer_as_a_trainer_callout(name):
    html = page(HIDDEN[name], trainer=True)
    assert SECRET in html and 'class="callout trainer"' in html


def test_trainee_page_keeps_what_surrounds_a_nested_note():
    assert "Shown." in page(HIDDEN["in-callout"]) and "Visible" in page(HIDDEN["in-callout"])
    html = page(HIDDEN["in-list"])
    assert "item one" in html and "item two" in html


def test_trainer_notes_html_holds_only_the_notes():
    notes = trainer_notes_html("Intro.\n\n" + HIDDEN["in-list"] + "\nAfter.\n")
    assert SECRET in notes and "Intro." not in notes and "After." not in notes


# ---------------------------------------------------------------- search


def loader_codes(snippet: str) -> list[str]:
    """What the loader says of a module body: trainer-note-shown means the module is refused."""
    report = Report(Path("x.md"))
    check_trainer_notes_hidden(snippet.split("\n"), 1, report)
    return [d.code for d in report.items]


def translation(snippet: str) -> ModuleTranslation:
    body = f"## A {{#a}}\n\nIntro.\n\n{snippet}\nAfter.\n"
    return ModuleTranslation(
        module_id="m1",
        lang="en",
        path=Path("m1/en.md"),
        version="1.0.0",
        title="Title",
        summary="Summary",
        duration_minutes=10,
        objectives=("Do",),
        translated_from=None,
        body=body,
        body_line=1,
        sections=(Section(id="a", title="A", line=1),),
    )


@pytest.mark.parametrize("snippet", HIDDEN.values(), ids=HIDDEN.keys())
def test_trainee_search_rows_never_hold_a_trainer_note(snippet):
    docs = translation_docs(translation(snippet))
    assert all(SECRET not in doc.body for doc in docs)


@pytest.mark.parametrize(
    "name", [n for n in HIDDEN if n not in ("footnote-inside", "reference-inside")]
)
def test_trainer_search_rows_hold_every_trainer_note(name):
    docs = translation_docs(translation(HIDDEN[name]))
    assert any(SECRET in doc.notes for doc in docs)


def test_search_index_finds_variant_notes_only_in_trainer_mode(tmp_path):
    snippet = "\n".join(HIDDEN[name] for name in ("tab-body", "capital", "in-list", "in-quote"))
    files = {**good_module("m1", snippet), **good_module("m2")}
    course = load_course(write_tree(tmp_path / "c", files))
    with SearchIndex(":memory:") as index:
        index.update(course)
        assert index.search(SECRET, "en", trainer=False) == []
        assert index.search(SECRET, "en", trainer=True)


# ---------------------------------------------------------------- validate


def diagnose(tmp_path: Path, snippet: str) -> list[tuple[str, int]]:
    files = {**good_module("m1", snippet), **good_module("m2")}
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    return [
        (d.code, d.line - FIRST)
        for d in diags
        if d.file.endswith("m1/en.md") and d.code.startswith("trainer")
    ]


@pytest.mark.parametrize("name", HIDDEN.keys())
def test_validate_asks_for_the_one_spelling_and_finds_no_leak(tmp_path, name):
    assert diagnose(tmp_path, HIDDEN[name]) == SPELLING.get(name, [])


@pytest.mark.parametrize("snippet", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_validate_rejects_a_trainer_note_that_trainees_would_see(tmp_path, snippet):
    assert SECRET in page(snippet)  # what the check guards against
    assert ("trainer-note-shown", 0) in diagnose(tmp_path, snippet)


def test_a_trainer_note_shown_as_code_in_a_fence_is_not_reported(tmp_path):
    assert diagnose(tmp_path, f"```\n!!! trainer\n    {SECRET}\n```\n") == []


def test_a_callout_titled_with_the_word_trainer_is_no_trainer_note(tmp_path):
    assert diagnose(tmp_path, '!!! tip "Ask your trainer"\n    Visible.\n') == []


# ---------------------------------------------------------------- property

OPENERS = st.sampled_from(
    [
        "!!! trainer",
        "!!!trainer",
        "!!! Trainer",
        "!!! TRAINER",
        "!!! note trainer",
        "!!! trainer tip",
        "!!!  trainer",  # near misses: Python-Markdown shows these to everyone
        " !!! trainer",
        "!!! trainer-notes",
    ]
)
TITLES = st.sampled_from(["", ' "Plan"', f' "{SECRET} title"', ' ""'])
INDENTS = st.sampled_from(["    ", "\t"])
FILLERS = st.lists(
    st.sampled_from(
        [
            "Plain paragraph.",
            "- a\n- b",
            "1. one\n2. two",
            "> quoted",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "Term\n:   Definition",
            "```\ncode\n```",
            "    indented code",
            "### Sub",
            "Text[^f].\n\n[^f]: A footnote.",
            '!!! tip "Tip"\n    Tip body.',
            "***",
        ]
    ),
    max_size=3,
)


def nest(note: str, how: str, indent: str) -> str:
    lines = note.split("\n")
    if how == "callout":
        return '!!! note "N"\n    Shown.\n\n' + "\n".join(indent + line for line in lines)
    if how == "list":
        return "- item\n\n" + "\n".join(indent + line for line in lines)
    if how == "quote":
        return "\n".join("> " + line for line in lines)
    return note


@st.composite
def documents(draw: st.DrawFn) -> str:
    indent = draw(INDENTS)
    body = [f"{indent}{SECRET} line {k}." for k in range(draw(st.integers(1, 3)))]
    note = f"{draw(OPENERS)}{draw(TITLES)}\n" + "\n".join(body)
    for _depth in range(draw(st.integers(0, 2))):
        note = nest(note, draw(st.sampled_from(["none", "callout", "list", "quote"])), indent)
    joiner = draw(st.sampled_from(["\n\n", "\n"]))
    parts = [*draw(FILLERS), note, *draw(FILLERS)]
    return joiner.join(parts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_no_spelling_or_nesting_of_a_trainer_note_reaches_trainees(snippet):
    """Hidden from trainees (page and search), or rejected by validate: never shown silently."""
    tr = translation(snippet)
    rejected = "trainer-note-shown" in loader_codes(snippet)
    shown = SECRET in page(snippet) or any(SECRET in doc.body for doc in translation_docs(tr))
    assert rejected or not shown
    assert rejected == shown  # validate rejects exactly what would be shown


def test_a_tab_after_a_quote_marker_is_not_a_note_body_and_validate_says_so():
    assert loader_codes("> !!! trainer\n> \tzqsecretmarker line 0.") == ["trainer-note-shown"]


@pytest.mark.parametrize("snippet", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_a_module_whose_trainer_note_trainees_would_see_is_not_shown(tmp_path, snippet):
    from courseware_app.core.course import Status
    from courseware_app.core.render import module_page

    files = {**good_module("m1", snippet), **good_module("m2")}
    course = load_course(write_tree(tmp_path / "c", files))
    assert course.modules["m1"].status("en") == Status.ERROR
    html, rendered = module_page(course, "m1", "en", False)
    assert rendered is None and SECRET not in html  # the error page, not the module
    with SearchIndex(":memory:") as index:
        index.update(course)
        assert index.search(SECRET, "en", trainer=False) == []
