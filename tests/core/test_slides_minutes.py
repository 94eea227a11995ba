"""Slides and planned minutes: how the loader reads and checks them, how the page shows them."""

from pathlib import Path

import pytest

from courseware_app.core.loader import load_course
from courseware_app.core.render import render_translation
from tests.core.helpers import front, write_tree

SLIDE = """\
!!! slide "Three steps"
    - Establish the context
    - Identify the risks
    - Analyse **and** evaluate

    !!! trainer "Say"
        Ask the room which step they skip most often.
"""


def module(body: str, duration: int = 30) -> dict[str, str]:
    text = front("en").replace("duration_minutes: 30", f"duration_minutes: {duration}") + body
    return {"modules/m1/en.md": text}


def load(tmp_path: Path, body: str, duration: int = 30):
    course = load_course(write_tree(tmp_path / "c", module(body, duration)))
    tr = course.modules["m1"].translations.get("en")
    codes = sorted(d.code for d in course.diagnostics if Path(d.file).name == "en.md")
    return tr, codes


def test_a_slide_is_read_with_its_section_points_and_line(tmp_path):
    tr, codes = load(tmp_path, f"\n## One {{#one}}\n\nText.\n\n{SLIDE}\n## Two {{#two}}\n\nMore.\n")
    assert codes == []
    (slide,) = tr.slides
    assert slide.section == "one"
    assert slide.title == "Three steps"
    assert slide.points == (
        "Establish the context",
        "Identify the risks",
        "Analyse **and** evaluate",
    )
    assert tr.body.split("\n")[slide.line - tr.body_line].startswith("!!! slide")


def test_a_picture_slide_has_an_image_and_no_points(tmp_path):
    body = '\n## One {#one}\n\n!!! slide "The loop"\n    ![The process](process.svg)\n\n    The six steps.\n'
    tr, codes = load(tmp_path, body)
    assert codes == []
    assert tr.slides[0].image == "process.svg"
    assert tr.slides[0].points == ()


@pytest.mark.parametrize(
    ("slide", "code"),
    [
        ('!!! slide "Two"\n    - one\n    - two\n', "slide-shape"),
        ('!!! slide "Seven"\n' + "".join(f"    - point {i}\n" for i in range(7)), "slide-shape"),
        ("!!! slide\n    - a\n    - b\n    - c\n", "slide-no-title"),
        ('!!! slide "Both"\n    ![x](x.svg)\n    - a\n    - b\n    - c\n', "slide-shape"),
        (
            '!!! slide "Prose"\n    - a\n    - b\n    - c\n    A sentence of reading text.\n',
            "slide-text",
        ),
        (
            '!!! slide "Long"\n    - a\n    - b\n    - ' + " ".join(["word"] * 17) + "\n",
            "slide-point-long",
        ),
    ],
)
def test_a_slide_of_the_wrong_shape_is_a_warning(tmp_path, slide, code):
    tr, codes = load(tmp_path, f"\n## One {{#one}}\n\n{slide}")
    assert tr is not None  # a warning: the module is still shown
    assert code in codes


def test_minutes_are_read_from_the_heading_attributes(tmp_path):
    body = "\n## One {#one minutes=10}\n\nText.\n\n## Two {#two .x minutes=20}\n\nMore.\n"
    tr, codes = load(tmp_path, body)
    assert [s.minutes for s in tr.sections] == [10, 20]
    assert tr.planned_minutes == 30
    assert codes == []


def test_minutes_that_do_not_add_up_to_the_duration_are_a_warning(tmp_path):
    body = "\n## One {#one minutes=10}\n\nText.\n\n## Two {#two minutes=15}\n\nMore.\n"
    _tr, codes = load(tmp_path, body)
    assert codes == ["minutes-total"]


def test_a_section_without_minutes_is_a_warning_when_others_have_them(tmp_path):
    body = (
        "\n## One {#one minutes=30}\n\nText.\n\n## Two {#two}\n\nMore.\n\n"
        "## Sources {#sources}\n\n- A source.\n"
    )
    _tr, codes = load(tmp_path, body)
    assert codes == ["minutes-missing"]  # Sources plans no time and is not reported


def test_a_module_with_no_minutes_is_not_checked_for_them(tmp_path):
    _tr, codes = load(tmp_path, "\n## One {#one}\n\nText.\n\n## Two {#two}\n\nMore.\n", 999)
    assert codes == []


def test_minutes_that_are_not_a_whole_number_are_reported(tmp_path):
    tr, codes = load(tmp_path, "\n## One {#one minutes=ten}\n\nText.\n")
    assert "section-bad-minutes" in codes
    assert tr.sections[0].minutes is None


def test_the_page_shows_a_slide_as_a_key_points_box_without_the_speaker_note(tmp_path):
    tr, _codes = load(tmp_path, f"\n## One {{#one}}\n\nText.\n\n{SLIDE}")
    html = render_translation(tr).html
    assert 'class="callout slide"' in html
    assert "Key points: Three steps" in html
    assert "<strong>and</strong>" in html
    assert "which step they skip" not in html
    trainer = render_translation(tr, trainer=True).html
    assert "which step they skip" in trainer


def test_key_points_can_be_left_off_the_page(tmp_path):
    tr, _codes = load(tmp_path, f"\n## One {{#one}}\n\nText.\n\n{SLIDE}")
    html = render_translation(tr, trainer=True, key_points=False).html
    assert "Three steps" not in html
    assert "which step they skip" not in html  # its speaker note goes with it
    assert "Text." in html


def test_an_image_in_a_callout_is_marked_to_fit_inside_it(tmp_path):
    body = '\n## One {#one}\n\n!!! slide "The loop"\n    ![The process](p.svg)\n\n![Alone](q.svg)\n'
    tr, _codes = load(tmp_path, body)
    html = render_translation(tr).html
    assert 'src="asset:m1/p.svg#inset"' in html
    assert 'src="asset:m1/q.svg"' in html


def test_the_bundled_worked_examples_plan_their_whole_duration():
    course = load_course(Path(__file__).parents[2] / "content")
    for module_id in ("rm-02", "trs-01"):
        shapes = set()
        for lang, tr in course.modules[module_id].translations.items():
            assert tr.planned_minutes == tr.duration_minutes, (module_id, lang)
            assert tr.slides, (module_id, lang)
            shapes.add(tuple((s.section, len(s.points), bool(s.image)) for s in tr.slides))
        assert len(shapes) == 1, module_id  # the same slides in every language


def test_a_quiz_placeholder_may_render_markdown_while_its_module_is_converted(tmp_path):
    from courseware_app.core.render import markdown_to_html

    source = (
        "## One {#one}\n\n::: quiz q1\n? single a\nQ\n- [x] yes\n- [ ] no\n:::\n\n"
        '!!! trainer "Later"\n    The note after the quiz.\n'
    )
    html, _links, _images = markdown_to_html(
        source, trainer=True, quiz_html=lambda qid: markdown_to_html(f"*{qid}*")[0]
    )
    assert "<em>q1</em>" in html
    assert "The note after the quiz." in html
