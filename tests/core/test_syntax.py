"""The course's Markdown syntax, construct by construct, and its agreement with the renderer."""

import pytest

from courseware_app.core.render import markdown_to_html
from courseware_app.core.syntax import (
    Destination,
    Fences,
    LinkUse,
    ReferenceDefinition,
    callout_title,
    classify_destination,
    closes_front_matter,
    heading_id,
    is_canonical_trainer_opener,
    is_trainer_kind,
    iter_blocks,
    iter_link_uses,
    looks_like_trainer_note,
    opens_front_matter,
    opens_trainer_note,
    parse_reference_definition,
    quiz_id,
    raw_image_sources,
    visible_text,
)


def test_fences_close_only_on_the_same_character_at_least_as_long():
    fences = Fences()
    lines = ["text", "````python", "```", "~~~", "````", "after"]
    assert [fences.inside(line) for line in lines] == [False, True, True, True, True, False]
    assert fences.open is None


def test_front_matter_delimiters():
    assert opens_front_matter("---  ") and not opens_front_matter("...")
    assert closes_front_matter("---") and closes_front_matter("...")
    assert not closes_front_matter("-- -")


def test_heading_id_and_title():
    assert heading_id("Risk process {#process}") == ("Risk process", "process")
    assert heading_id("Risk process { #process .wide }") == ("Risk process", "process")
    assert heading_id("No id here") is None


def test_callout_title():
    assert callout_title('!!! trainer "Group exercise"') == "Group exercise"
    assert callout_title("!!! note") is None
    assert callout_title('Not a callout "x"') is None


def test_quiz_id():
    assert quiz_id("::: quiz rm-02-check pass=80") == "rm-02-check"
    assert quiz_id(":::quiz") == ""


def test_blocks_are_found_outside_fences_with_their_extent():
    lines = [
        "## A {#a}",
        "!!! trainer",
        "    note",
        "",
        "    more",
        "",
        "prose",
        "```",
        "::: quiz hidden",
        "```",
        "::: quiz q1",
        "? a single",
        ":::",
        "::: quiz open",
        "never closed",
    ]
    assert list(iter_blocks(lines)) == [("trainer", 1, 5), ("quiz", 10, 13), ("quiz", 13, 15)]


def test_link_uses_in_every_form():
    line = (
        '[a](m2 "title") ![i](<my pic.png>) [b][Ref] [c][] [Short] ![d][img] '
        "`[code](x)` [^1] [e] [f]"
    )
    assert list(iter_link_uses(line)) == [
        LinkUse(False, "a", target="m2"),
        LinkUse(True, "i", target="my pic.png"),
        LinkUse(False, "b", ref="ref", explicit=True),
        LinkUse(False, "c", ref="c", explicit=True),
        LinkUse(False, "Short", ref="short"),
        LinkUse(True, "d", ref="img", explicit=True),
        LinkUse(False, "e", ref="f"),  # "[e] [f]": a reference if [f] is defined, else prose
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[ref]: m2#two", ReferenceDefinition("ref", "m2#two")),
        ('  [Big  Ref]: <data.csv> "The data"', ReferenceDefinition("big ref", "data.csv")),
        ("[r]: https://example.org (Example)", ReferenceDefinition("r", "https://example.org")),
        ("[^1]: A footnote", None),
        ("[r]: two words", None),
        ("Not [r]: a definition", None),
    ],
)
def test_reference_definitions(line, expected):
    assert parse_reference_definition(line) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#one", Destination("anchor", "", "one")),
        ("rm-02", Destination("module", "rm-02", "")),
        ("rm-02#process", Destination("module", "rm-02", "process")),
        ("module:rm-02#process", Destination("module", "rm-02", "process")),
        ("module:Bad Id", Destination("unknown", "module:Bad Id", "")),
        ("https://example.org", Destination("external", "https://example.org", "")),
        ("my%20data.csv", Destination("asset", "my data.csv", "")),
        ("../up/file.txt", Destination("unknown", "../up/file.txt", "")),
    ],
)
def test_destinations(href, expected):
    assert classify_destination(href) == expected


def test_raw_html_image_sources():
    line = "<img src=\"a.png\"> <IMG alt='x' src='b c.png'/> <img src=d.png> <image src=\"no\">"
    assert raw_image_sources(line) == ["a.png", "b c.png", "d.png"]


def test_visible_text_drops_markup():
    line = 'Say `"x"` and [see](https://a.org/"q") {#id} <b>bold</b> https://b.org/"z" end'
    assert '"' not in visible_text(line)
    assert visible_text(line).split() == ["Say", "and", "[see]", "bold", "end"]


def _resolved_by_syntax(source: str) -> set[tuple[bool, str]]:
    definitions = {}
    for line in source.split("\n"):
        found = parse_reference_definition(line)
        if found is not None:
            definitions.setdefault(found.key, found.destination)
    out = set()
    for line in source.split("\n"):
        if parse_reference_definition(line) is not None:
            continue
        for use in iter_link_uses(line):
            target = use.target if use.ref is None else definitions.get(use.ref)
            if target is not None:
                out.add((use.image, target))
    return out


def test_the_syntax_finds_exactly_the_links_and_images_the_renderer_collects():
    source = (
        "## One {#one}\n\n"
        '[a](m2 "t") and [b][ref] and [c][] and [Short], [d] [e], ![i][pic], ![j](x.png)\n'
        "and [not a link] and `[code](nowhere)` and [f](<my file.csv>).\n\n"
        "[ref]: module:m2#two\n"
        "[c]: <c.csv>\n"
        "[short]: #one\n"
        "[e]: https://example.org 'Example'\n"
        "[pic]: pic.svg\n"
    )
    _html, links, images = markdown_to_html(source, module_id="m1")
    rendered = {(False, href) for _kind, href in links} | {(True, src) for src in images}
    assert _resolved_by_syntax(source) == rendered


def test_one_definition_of_a_trainer_note():
    assert is_trainer_kind("admonition trainer") and is_trainer_kind("note Trainer")
    assert not is_trainer_kind("admonition trainer-notes") and not is_trainer_kind("note")
    assert opens_trainer_note("!!!trainer") and opens_trainer_note('    !!! TRAINER "T"')
    assert not opens_trainer_note("!!!  trainer") and not opens_trainer_note("!!! trainer:")
    assert looks_like_trainer_note("> !!!  Trainer-notes")
    assert not looks_like_trainer_note('!!! tip "Ask your trainer"')
    assert is_canonical_trainer_opener('    !!! trainer "Plan" ')
    assert not is_canonical_trainer_opener("!!! Trainer") and not is_canonical_trainer_opener(
        "\t!!! trainer"
    )
