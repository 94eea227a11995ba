"""The page cache: typed keys and pages, served only while nothing they depend on changed."""

import json

import pytest

from courseware_app.core.fingerprint import Fingerprint
from courseware_app.core.loader import load_course
from courseware_app.core.pagecache import Page, PageCache, PageKey, read_page
from tests.core.cache_helpers import edit, package_copy

ALPHA = PageKey(module="alpha", content_lang="en", trainer=False, ui_lang="en")
GAMMA = PageKey(module="gamma", content_lang="en", trainer=False, ui_lang="en")


@pytest.fixture(autouse=True)
def _caches_on(monkeypatch):
    monkeypatch.delenv("COURSEWARE_NO_CACHE", raising=False)


@pytest.fixture
def setup(tmp_path, content_copy):
    """A course, a copy of the code, a locales folder and a page-cache folder."""
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "courseware.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    return {
        "course": load_course(content_copy),
        "package": package_copy(tmp_path / "package"),
        "locales": tmp_path / "locales",
        "folder": tmp_path / "pages",
        "po": po,
    }


def session(setup):
    """A page cache as a new start of the app would make it."""
    fingerprint = Fingerprint(setup["locales"], package=setup["package"])
    return PageCache(setup["folder"], fingerprint=fingerprint)


def plant_stale_page(setup, key=ALPHA):
    """Render and keep a page, then mark the kept copy so that serving it would show."""
    cache = session(setup)
    cache.get_or_render(setup["course"], key)
    path = cache.path(setup["course"], key)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data | {"page": "<p>STALE</p>"}), encoding="utf-8")
    return path


def test_a_rendered_page_comes_back_from_disk(setup):
    course = setup["course"]
    page = session(setup).get_or_render(course, ALPHA)
    again = session(setup).get(course, ALPHA)
    assert again == page and not page.is_error
    assert page.section_ids and page.section_ids == [s for s, _t in page.rendered.toc]
    assert read_page(session(setup).path(course, ALPHA)) == (page.html, page.section_ids)


def test_the_page_is_what_the_renderer_makes(setup):
    from courseware_app.core.render import module_page

    page = session(setup).get_or_render(setup["course"], ALPHA)
    assert page == Page(*module_page(setup["course"], "alpha", "en", False, theme=None))
    assert session(setup).render(setup["course"], ALPHA) == page


def test_an_unchanged_start_serves_the_kept_page(setup):
    plant_stale_page(setup)
    assert session(setup).get_or_render(setup["course"], ALPHA).html == "<p>STALE</p>"


@pytest.mark.parametrize(
    "edited", ["package/resources/reader.css", "package/core/render.py", "po", "course.yaml"]
)
def test_an_edit_of_anything_the_page_depends_on_misses(setup, content_copy, edited):
    plant_stale_page(setup)
    if edited == "po":
        edit(setup["po"], '\nmsgid "Quiz"\nmsgstr "Quiz!"\n')
    elif edited == "course.yaml":
        edit(content_copy / "course.yaml", "\n# edited\n")
    else:
        edit(setup["package"].parent / edited)
    cache = session(setup)
    assert cache.get(setup["course"], ALPHA) is None
    assert "STALE" not in cache.get_or_render(setup["course"], ALPHA).html


@pytest.mark.parametrize(
    "other",
    [
        PageKey("beta", "en", False, "en"),
        PageKey("alpha", "ru", False, "en"),
        PageKey("alpha", "en", True, "en"),
        PageKey("alpha", "en", False, "ru"),
    ],
)
def test_each_part_of_the_key_names_another_page(setup, other):
    cache = session(setup)
    assert cache.path(setup["course"], other) != cache.path(setup["course"], ALPHA)


def test_error_pages_are_rendered_but_never_kept(setup):
    page = session(setup).get_or_render(setup["course"], GAMMA)
    assert page.is_error and page.section_ids == [] and "<html" in page.html.lower()
    assert not setup["folder"].exists() or not any(setup["folder"].iterdir())


def test_no_cache_switch_reads_and_writes_nothing(setup, monkeypatch):
    stale = plant_stale_page(setup)
    monkeypatch.setenv("COURSEWARE_NO_CACHE", "1")
    cache = session(setup)
    assert cache.path(setup["course"], ALPHA) is None
    assert "STALE" not in cache.get_or_render(setup["course"], ALPHA).html
    cache.get_or_render(setup["course"], PageKey("beta", "en", False, "en"))
    assert list(setup["folder"].iterdir()) == [stale]


@pytest.mark.parametrize(
    "damage", ["{not json", "[]", '{"page": "x"}', '{"page": 1, "rendered": {}}']
)
def test_a_corrupt_page_file_is_ignored_and_rewritten(setup, damage):
    stale = plant_stale_page(setup)
    stale.write_text(damage, encoding="utf-8")
    cache = session(setup)
    assert cache.get(setup["course"], ALPHA) is None
    page = cache.get_or_render(setup["course"], ALPHA)
    assert session(setup).get(setup["course"], ALPHA) == page


def test_no_folder_keeps_nothing(setup):
    cache = PageCache(None)
    assert cache.path(setup["course"], ALPHA) is None
    assert not cache.get_or_render(setup["course"], ALPHA).is_error
