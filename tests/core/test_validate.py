"""The validator checks reference-style links and images as the renderer resolves them."""

from pathlib import Path

import pytest

from courseware_app.core.loader import load_course
from courseware_app.core.validate import validate_course
from tests.core.helpers import good_module, write_tree

FIRST = 19  # the line the extra body text of helpers.good_module starts on


def diagnose(tmp_path: Path, snippet: str, **extra_files: str):
    """Validate a course whose m1 (every language) ends with ``snippet``; en.md's findings."""
    files = {**good_module("m1", extra_body=snippet), **good_module("m2")}
    files.update({f"modules/m1/{name}": text for name, text in extra_files.items()})
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    return [
        (d.code, d.line)
        for d in diags
        if Path(d.file).name == "en.md" and Path(d.file).parent.name == "m1"
    ]


BROKEN_REFERENCES = [
    ("See [the process][proc].\n\n[proc]: nowhere", "link-unknown-module", FIRST + 2),
    ("See [the process][proc].\n\n[proc]: m2#nope", "link-unknown-section", FIRST + 2),
    ("See [the process][proc].\n\n[proc]: module:m2#nope", "link-unknown-section", FIRST + 2),
    ("See [the process][proc].\n\n[proc]: module:ghost", "link-unknown-module", FIRST + 2),
    ("See [m2][].\n\n[m2]: <m2#nope>", "link-unknown-section", FIRST + 2),
    ("See [Two Words] here.\n\n[two   words]: m2#nope", "link-unknown-section", FIRST + 2),
    ("See [data][d].\n\n[d]: missing.csv 'The data'", "link-missing-file", FIRST + 2),
    ("![A diagram][fig]\n\n[fig]: missing.svg", "image-missing", FIRST + 2),
    ("![fig]\n\n[fig]: https://example.org/a.png", "image-remote", FIRST + 2),
    ("See [the process][nope].", "link-undefined-reference", FIRST),
]


@pytest.mark.parametrize(
    ("snippet", "code", "line"),
    BROKEN_REFERENCES,
    ids=[f"{i}-{c[1]}" for i, c in enumerate(BROKEN_REFERENCES)],
)
def test_broken_reference_style_links_are_reported_on_the_definition_line(
    tmp_path, snippet, code, line
):
    assert (code, line) in diagnose(tmp_path, snippet)


def test_good_reference_style_links_pass(tmp_path):
    snippet = (
        "[a][m2] [b][sec] [c][] [Local] ![f][pic] [d] [e][web] [f](<my data.csv>)\n"
        "\n"
        "[m2]: m2\n"
        "[sec]: module:m2#two\n"
        "[c]: #one\n"
        "[local]: #two\n"
        "[pic]: pic.svg\n"
        "[d]: my%20data.csv\n"
        '[web]: https://example.org "Example"\n'
    )
    found = diagnose(
        tmp_path,
        snippet,
        **{"pic.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>", "my data.csv": "a\n"},
    )
    assert [f for f in found if f[0].startswith(("link", "image"))] == []


def test_a_broken_definition_nothing_uses_is_not_reported(tmp_path):
    """The renderer only resolves a definition that a link uses; an unused one shows nothing."""
    assert diagnose(tmp_path, "Text.\n\n[proc]: nowhere") == []


def test_bracketed_prose_is_not_taken_for_a_link(tmp_path):
    snippet = "Participants will be able to [verb] [what] [condition]. See note [^1].\n\n[^1]: Yes."
    assert diagnose(tmp_path, snippet) == []


def test_links_in_code_spans_and_fences_are_not_checked(tmp_path):
    snippet = "Write `[x](nowhere)` or `[y][ref]`.\n\n```\n[z](nowhere)\n[ref]: nowhere\n```"
    assert diagnose(tmp_path, snippet) == []


def test_inline_destination_in_angle_brackets_may_hold_spaces(tmp_path):
    assert ("link-missing-file", FIRST) in diagnose(tmp_path, "[data](<no such file.csv>)")


def test_raw_html_image_is_checked(tmp_path):
    found = diagnose(tmp_path, 'Map: <img src="missing.png" alt="map">')
    assert ("image-missing", FIRST) in found


def test_each_used_definition_is_reported_once(tmp_path):
    snippet = "[a][p] and [b][p] and [c][P]\n\n[p]: nowhere"
    found = diagnose(tmp_path, snippet)
    assert found.count(("link-unknown-module", FIRST + 2)) == 1


def _quiz(pass_mark: int, options: str, extra: str = "") -> str:
    return f"::: quiz q pass={pass_mark}\n\n? single q1\nPick.\n{options}\n\n{extra}:::"


def test_a_translated_quiz_must_keep_the_source_structure(tmp_path):
    source = _quiz(60, "- [ ] A\n- [x] B")
    files = {**good_module("m1", source), **good_module("m2")}
    files["modules/m1/ru.md"] = files["modules/m1/ru.md"].replace(
        source, _quiz(70, "- [x] A\n- [ ] B")
    )
    files["modules/m1/fr.md"] = files["modules/m1/fr.md"].replace(
        source, _quiz(60, "- [ ] A\n- [x] B", "? truefalse q2\nTrue?\nanswer: true\n\n")
    )
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    found = {(Path(d.file).name, d.line, d.message) for d in diags if d.code == "quiz-mismatch"}
    first = FIRST + 1  # a translation's front matter has one line more: translated_from
    assert found == {
        ("ru.md", first, "pass mark 70 differs from en (60)"),
        ("ru.md", first + 2, "question 'q1' has different correct answers from en"),
        ("fr.md", first + 7, "question 'q2' is not in the en quiz"),
    }


@pytest.mark.parametrize(
    "raw",
    [
        '<img src="http://tracker.example/a.png" alt="Map">',
        "<IMG SRC='//tracker.example/a.png'>",
        "<img alt=Map src=https://tracker.example/a.png>",
    ],
)
def test_raw_html_remote_image_is_reported(tmp_path, raw):
    assert ("image-remote", FIRST) in diagnose(tmp_path, f"Map: {raw}")


def test_a_translated_quiz_must_keep_the_partial_credits(tmp_path):
    source = _quiz(60, "- [ ] A\n  credit: 50%\n- [x] B")
    files = {**good_module("m1", source), **good_module("m2")}
    files["modules/m1/ru.md"] = files["modules/m1/ru.md"].replace(
        source, _quiz(60, "- [ ] A\n- [x] B")
    )
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    found = {(Path(d.file).name, d.message) for d in diags if d.code == "quiz-mismatch"}
    assert found == {("ru.md", "question 'q1' has different correct answers from en")}
