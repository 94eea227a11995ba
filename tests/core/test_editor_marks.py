"""core.editor.marks and problems: the banner with lines, a placeholder naming a missing image,
a marked dead link; problems located by module, language and section; the editor command."""

from pathlib import Path

from courseware_app.core.course import Diagnostic, Severity
from courseware_app.core.editor.external import default_command, editor_argv
from courseware_app.core.editor.marks import mark_problems, page_facts, previous_version_link
from courseware_app.core.editor.problems import (
    ProblemFilter,
    counts,
    locate,
    problems_of,
    section_at,
)
from courseware_app.core.loader import load_course
from courseware_app.core.render import module_page
from courseware_app.core.validate import validate_course


def _page(course, body_extra):
    path = course.root / "modules" / "alpha" / "en.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "## Quiz {#quiz}", body_extra + "\n\n## Quiz {#quiz}"
        ),
        encoding="utf-8",
    )
    course = load_course(course.root)
    html, _rendered = module_page(course, "alpha", "en", theme=None)
    problems = problems_of(locate(course, validate_course(course)), "alpha", "en")
    return course, html, problems


def test_missing_image_becomes_a_placeholder_naming_the_file(content_copy):
    course, html, problems = _page(load_course(content_copy), "![Gone](gone.png)")
    marked = mark_problems(html, page_facts(course, "alpha", "en", problems))
    assert "[Missing image: gone.png]" in marked
    assert 'src="asset:alpha/gone.png"' not in marked
    assert 'src="asset:alpha/diagram.svg"' in marked  # a present image stays


def test_dead_links_are_marked_and_good_ones_are_not(content_copy):
    extra = "[no module](nowhere) [no section](beta#nope) [no file](missing.csv) [fine](beta#data)"
    course, html, problems = _page(load_course(content_copy), extra)
    marked = mark_problems(html, page_facts(course, "alpha", "en", problems))
    assert "[Dead link: nowhere]" in marked
    assert "[Dead link: beta#nope]" in marked
    assert "[Dead link: missing.csv]" in marked
    assert "Dead link: beta#data" not in marked
    assert "<s>no module</s>" in marked


def test_the_banner_lists_the_file_s_problems_with_their_lines(content_copy):
    course, html, problems = _page(load_course(content_copy), "![Gone](gone.png)")
    line = next(p.line for p in problems if p.diagnostic.code == "image-missing")
    marked = mark_problems(html, page_facts(course, "alpha", "en", problems))
    body = marked.split("<body>", 1)[1]
    assert body.startswith('<table class="banner error problems"')
    assert f"line {line} — image-missing" in body
    assert "This file has 2 problems:" in body  # the missing image and the remote one


def test_a_page_without_problems_gets_no_banner(content_copy):
    course = load_course(content_copy)
    html, _r = module_page(course, "beta", "en", theme=None)
    assert mark_problems(html, page_facts(course, "beta", "en", [])) == html


def test_problems_are_located_by_module_language_and_section(content_copy):
    course = load_course(content_copy)
    problems = locate(course, validate_course(course))
    gamma = [p for p in problems if p.module == "gamma" and p.lang == "en"]
    assert [p.diagnostic.code for p in gamma] == ["version-not-string"]
    tr = course.modules["alpha"].translations["en"]
    matrix = next(s for s in tr.sections if s.id == "matrix")
    assert section_at(tr, matrix.line + 1) == "matrix"
    assert section_at(tr, 1) == ""
    assert section_at(None, 40) == ""
    outside = locate(
        course, [Diagnostic(str(content_copy / "course.yaml"), 3, Severity.ERROR, "x", "y")]
    )
    assert (outside[0].module, outside[0].lang) == ("", "")


def test_filters_and_counts(content_copy):
    course = load_course(content_copy)
    problems = locate(course, validate_course(course))
    errors, warnings = counts(problems)
    assert errors == 1 and warnings == len(problems) - 1
    only_ru = [p for p in problems if ProblemFilter(lang="ru").accepts(p)]
    assert only_ru and all(p.lang == "ru" for p in only_ru)
    assert all(
        p.severity == "error" for p in problems if ProblemFilter(severity="error").accepts(p)
    )


def test_the_error_page_link_goes_to_the_last_good_version():
    assert 'href="editor:previous/rm-02"' in previous_version_link("rm-02")


def test_the_editor_command_gets_file_and_line_in_place_and_the_first_editor_found():
    argv = editor_argv('code -g "{file}:{line}"', Path("/a b/c.md"), 12)
    assert argv == ["code", "-g", "/a b/c.md:12"]
    assert editor_argv("kate -l {line} {file}", Path("x.md"), 0) == ["kate", "-l", "1", "x.md"]
    found = {"kate", "gedit"}
    assert default_command(lambda p: p if p in found else None) == "kate -l {line} {file}"
    assert default_command(lambda p: None) == ""
