"""Rendering of every construct, string -> HTML, without Qt."""

import re

import pytest

from courseware_app.core.loader import load_course
from courseware_app.core.render import (
    markdown_to_html,
    module_page,
    render_translation,
    sanitise,
    trainee_words,
)
from tests.conftest import TEST_CONTENT


def alpha(lang="en"):
    return load_course(TEST_CONTENT).modules["alpha"].translations[lang]


def test_every_construct_renders():
    html = render_translation(alpha()).html
    assert '<h2 id="intro"><a name="intro"></a>Introduction</h2>' in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert re.search(r"<th>Likelihood</th>", html)  # tables
    assert '<sup id="fnref:1">' in html  # footnotes
    assert "<dt>Term</dt>" in html and "<dd>Definition of the term.</dd>" in html
    assert '<span class="o">=</span>' in html  # Pygments token classes (the theme colours them)
    for kind in ("note", "tip", "warning", "example", "case-study"):
        assert f'class="callout {kind}"' in html
    assert '<div class="admonition' not in html  # callouts become tables for QTextBrowser


def test_trainer_notes_only_in_trainer_mode():
    trainee = render_translation(alpha(), trainer=False).html
    trainer = render_translation(alpha(), trainer=True).html
    assert "SECRET-TRAINER-TEXT" not in trainee
    assert "SECRET-TRAINER-TEXT" in trainer
    assert 'class="callout trainer"' in trainer and "Trainer notes: Group exercise" in trainer


def test_quiz_answer_key_never_in_the_page():
    for trainer in (False, True):
        html = render_translation(alpha(), trainer=trainer).html
        assert "SECRET-EXPLANATION" not in html and "[x]" not in html
        assert 'href="quiz:alpha/alpha-quiz"' in html
        assert "7 questions" in html


def test_links_are_rewritten():
    html = render_translation(alpha()).html
    assert 'href="module:alpha#matrix"' in html
    assert 'href="module:beta"' in html and 'href="module:beta#data"' in html
    assert 'href="asset:alpha/data.csv"' in html
    assert 'href="https://www.wcoomd.org"' in html


def test_images_local_variant_and_remote_placeholder():
    assert 'src="asset:alpha/diagram.svg"' in render_translation(alpha("en")).html
    assert 'src="asset:alpha/diagram.ru.svg"' in render_translation(alpha("ru")).html
    html = render_translation(alpha()).html
    assert "example.com" not in html
    assert "[Image not loaded: Remote picture]" in html


def test_sanitising_removes_active_content():
    dirty = (
        '<script>alert(1)</script><style>p{}</style><iframe src="x"></iframe><object></object>'
        '<form><input></form><b onclick="evil()">b</b><a href="javascript:alert(1)">j</a>'
        '<img src="x" onerror="evil()"><a href="https://ok.example">ok</a>'
    )
    clean = sanitise(dirty)
    for bad in (
        "script",
        "alert",
        "<style",
        "iframe",
        "object",
        "form",
        "input",
        "onclick",
        "onerror",
        "javascript",
    ):
        assert bad not in clean
    assert "<b>b</b>" in clean and 'href="https://ok.example"' in clean


def test_raw_html_in_markdown_is_sanitised():
    html, _links, _images = markdown_to_html(
        'Hi <span onmouseover="x()">there</span>\n\n<script>bad()</script>'
    )
    assert "onmouseover" not in html and "bad()" not in html and "there" in html


def test_quiz_and_trainer_inside_code_fences_are_left_as_code():
    source = '## A {#a}\n\n```\n::: quiz q\n!!! trainer "x"\n    hidden?\n:::\n```\n'
    html, _l, _i = markdown_to_html(source)
    assert "::: quiz q" in html and "hidden?" in html


def test_word_count_excludes_notes_quiz_code_and_markup():
    words = trainee_words(alpha())
    # Count by hand what a trainee reads in alpha/en.md (without front matter, notes, quiz, code).
    assert 50 < words < 90
    heavy = load_course(TEST_CONTENT).modules["beta"].translations["en"]
    assert trainee_words(heavy) == len(["Overview", "Back", "to", "alpha", "Data", "Some", "data"])


def test_module_page_banners_and_error_page():
    course = load_course(TEST_CONTENT)
    page, rendered = module_page(course, "beta", "ru")
    assert rendered is not None and rendered.lang == "en"
    assert "not yet available in Russian" in page
    page, _r = module_page(course, "alpha", "fr")
    assert "follows version 1.0.0" in page and "current version is 1.2.0" in page
    page, _r = module_page(course, "alpha", "ru")
    assert 'class="banner' not in page  # no banner (the stylesheet names the class)
    page, rendered = module_page(course, "gamma", "en")
    assert rendered is None
    assert (
        "could not be loaded" in page and "gamma/en.md:3" in page and "version-not-string" in page
    )


REMOTE_RAW_IMAGES = [
    '<img src="http://tracker.example/a.png" alt="Map">',
    "<IMG SRC='https://tracker.example/a.png' alt='Map'>",
    "<img alt=Map src=https://tracker.example/a.png>",
    '<img src="//tracker.example/a.png" alt="Map">',
    '<p><img src="ftp://tracker.example/a.png" alt="Map"></p>',
]


@pytest.mark.parametrize("raw", REMOTE_RAW_IMAGES)
def test_raw_html_remote_image_becomes_the_markdown_placeholder(raw):
    html, _links, _images = markdown_to_html(f"Before.\n\n{raw}\n\nAfter.")
    assert "tracker.example" not in html and "<img" not in html
    markdown_html, _l, _i = markdown_to_html("![Map](https://tracker.example/a.png)")
    placeholder = re.search(r'<span class="image-placeholder".*?</span>', markdown_html)
    assert placeholder and placeholder.group(0) in html


def test_sanitise_leaves_local_images_alone():
    assert sanitise('<img src="asset:m1/a.png" alt="A">') == '<img src="asset:m1/a.png" alt="A">'
    assert 'src="diagram.svg"' in sanitise('<img src="diagram.svg">')
