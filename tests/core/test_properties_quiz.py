"""Properties of the quiz parser on any text inside a ``::: quiz`` block (issue 20, keep it
fixed): no parser bug (the catch-all ``quiz-internal`` never fires), every diagnostic on a line of
the block, quickly; and the same through the loader, where the block sits in a module file."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseware_app.core.loader import load_course
from courseware_app.core.quiz import parse_quiz
from tests.core.helpers import front, good_module, write_tree

# Lines made of the quiz syntax's own pieces, mixed with any text: what a typo or a hostile file
# would put in a block.
PIECES = [
    "? single a",
    "? multiple b",
    "? truefalse c",
    "? short d",
    "? numeric e",
    "? order f",
    "? match g",
    "? essay h",
    "? single a points=2",
    "- [x] yes",
    "- [ ] no",
    "- [X]",
    "  credit: 50%",
    "  credit: 150%",
    "  feedback: f",
    "answer: true",
    "answer: 1..",
    "answer: 5 ± 0.1",
    "answer: ..",
    "tolerance: -1",
    "accept: a | b",
    "accept:",
    "1. x",
    "- a -> b",
    "- -> b",
    "explanation: e",
    "title: T",
    "::: quiz nested",
    ":::",
    "",
    "    indented",
    "\t- [x] tab",
]
ANY_LINE = st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=80)
LINES = st.lists(st.one_of(st.sampled_from(PIECES), ANY_LINE), max_size=40)
OPENERS = st.sampled_from(
    [
        "::: quiz q",
        "::: quiz q pass=70 shuffle=true",
        "::: quiz q pass=x",
        "::: quiz Q!",
        "::: quiz",
    ]
)
FIRST = 10  # the line the block starts on in parse()


def parse(opener: str, lines: list[str]):
    numbered = [(FIRST + i, line) for i, line in enumerate([opener, *lines])]
    return parse_quiz("f.md", numbered), FIRST + len(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPENERS, LINES)
def test_any_block_gives_diagnostics_on_its_own_lines_quickly(opener, lines):
    start = time.perf_counter()
    (quiz, diags), last = parse(opener, lines)
    assert time.perf_counter() - start < 1
    assert quiz is not None or diags
    assert not [d for d in diags if d.code == "quiz-internal"], diags
    for d in diags:
        assert d.file == "f.md" and FIRST <= d.line <= last, (d, last)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2_000))
def test_any_text_as_one_block_never_raises(text):
    (quiz, diags), last = parse("::: quiz q", text.split("\n"))
    assert not [d for d in diags if d.code == "quiz-internal"], diags
    assert all(FIRST <= d.line <= last for d in diags)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_a_module_with_any_quiz_block_loads_with_diagnostics_inside_the_block(
    tmp_path_factory, lines
):
    root = write_tree(
        tmp_path_factory.mktemp("quiz") / "c", {**good_module("m1"), **good_module("m2")}
    )
    head = front() + "\n## A {#a}\n\n"
    block = "\n".join(["::: quiz q", *[line.replace(":::", "") for line in lines], ":::"])
    (root / "modules" / "m1" / "en.md").write_text(head + block + "\n", encoding="utf-8")
    first = head.count("\n") + 1
    last = first + len(lines) + 1
    start = time.perf_counter()
    course = load_course(root)
    assert time.perf_counter() - start < 2
    quiz_diags = [d for d in course.diagnostics if d.code.startswith("quiz")]
    assert not [d for d in quiz_diags if d.code == "quiz-internal"]
    for d in quiz_diags:
        assert d.file.endswith("m1/en.md") and first <= d.line <= last, (d, first, last)
