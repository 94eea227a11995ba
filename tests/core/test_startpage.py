"""The start record: the page painted before the course loads, and when it must not be used."""

import json
import shutil

import pytest

from courseware_app.core.fingerprint import Fingerprint
from courseware_app.core.startpage import FILE_NAME, StartPages
from tests.conftest import TEST_CONTENT
from tests.core.cache_helpers import edit, package_copy

CONDITIONS = {"ui_language": "en", "trainer": False, "content_preference": ""}


@pytest.fixture(autouse=True)
def _caches_on(monkeypatch):
    monkeypatch.delenv("COURSEWARE_NO_CACHE", raising=False)


def page_file(cache, html="<p>Alpha page</p>", toc=(("intro", "Intro"), ("matrix", "Matrix"))):
    path = cache / "pages" / "abc.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"page": html, "rendered": {"toc": [list(t) for t in toc]}}))
    return path


def record(**changes):
    base = {
        "ui_language": "en",
        "content_preference": "",
        "content_language": "en",
        "trainer": False,
        "module": "alpha",
        "section": "matrix",
        "zoom": 2,
        "languages": ["en", "ru", "fr"],
        "title": "Alpha — Courseware",
        "position": "alpha · v1.2.0",
    }
    return base | changes


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, root)
    return root


def test_saved_page_comes_back_with_its_html_and_sections(tmp_path, content):
    cache = tmp_path / "cache"
    StartPages(cache, content).save(record(), page_file(cache))
    start = StartPages(cache, content).load(**CONDITIONS)  # a new session
    assert start["html"] == "<p>Alpha page</p>"
    assert start["section_ids"] == ["intro", "matrix"]
    assert (start["module"], start["section"], start["zoom"]) == ("alpha", "matrix", 2)
    assert start["title"] == "Alpha — Courseware"
    assert StartPages(cache, content).load(**CONDITIONS, module="alpha") is not None


@pytest.mark.parametrize(
    "condition",
    [
        {"ui_language": "ru"},
        {"trainer": True},
        {"content_preference": "fr"},
        {"module": "beta"},
    ],
)
def test_a_start_that_would_show_something_else_gets_nothing(tmp_path, content, condition):
    cache = tmp_path / "cache"
    StartPages(cache, content).save(record(), page_file(cache))
    assert StartPages(cache, content).load(**(CONDITIONS | condition)) is None


def test_an_edited_content_file_invalidates_the_record(tmp_path, content):
    cache = tmp_path / "cache"
    StartPages(cache, content).save(record(), page_file(cache))
    md = next(content.rglob("*.md"))
    md.write_text(md.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert StartPages(cache, content).load(**CONDITIONS) is None


def test_an_edited_catalog_invalidates_the_record(tmp_path, content):
    cache, locales = tmp_path / "cache", tmp_path / "locales"
    po = locales / "en" / "LC_MESSAGES" / "courseware.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    StartPages(cache, content, locales).save(record(), page_file(cache))
    assert StartPages(cache, content, locales).load(**CONDITIONS) is not None
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Back"\nmsgstr "Back"\n', encoding="utf-8")
    assert StartPages(cache, content, locales).load(**CONDITIONS) is None


def test_the_stamp_is_taken_once_per_session(tmp_path, content):
    """A page shown later in a session was rendered from the course as loaded at its start."""
    cache = tmp_path / "cache"
    pages = StartPages(cache, content)
    before = pages.stamp("en")
    (content / "extra.txt").write_text("edited meanwhile")
    assert pages.stamp("en") == before
    assert StartPages(cache, content).stamp("en") != before


@pytest.mark.parametrize("damage", ["no page file", "bad page file", "bad record", "no record"])
def test_a_damaged_or_missing_record_means_the_ordinary_start(tmp_path, content, damage):
    cache = tmp_path / "cache"
    page = page_file(cache)
    StartPages(cache, content).save(record(), page)
    if damage == "no page file":
        page.unlink()
    elif damage == "bad page file":
        page.write_text("{not json")
    elif damage == "bad record":
        (cache / FILE_NAME).write_text('{"ui_language": "en"')
    else:
        (cache / FILE_NAME).unlink()
    assert StartPages(cache, content).load(**CONDITIONS) is None


@pytest.mark.parametrize("elsewhere", ["../outside.json", "/tmp/outside.json"])
def test_a_record_pointing_outside_its_cache_is_ignored(tmp_path, content, elsewhere):
    cache = tmp_path / "cache"
    StartPages(cache, content).save(record(), page_file(cache))
    data = json.loads((cache / FILE_NAME).read_text(encoding="utf-8"))
    outside = (cache / elsewhere) if not elsewhere.startswith("/") else tmp_path / "outside.json"
    outside.write_text(json.dumps({"page": "<p>x</p>", "rendered": {"toc": []}}))
    data["page"] = elsewhere if not elsewhere.startswith("/") else str(outside)
    (cache / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    assert StartPages(cache, content).load(**CONDITIONS) is None


def test_an_error_page_forgets_the_record(tmp_path, content):
    cache = tmp_path / "cache"
    pages = StartPages(cache, content)
    pages.save(record(), page_file(cache))
    pages.save(record(module="beta"), None)
    assert not (cache / FILE_NAME).exists()
    assert StartPages(cache, content).load(**CONDITIONS) is None


def test_the_record_names_its_page_relative_to_the_cache(tmp_path, content):
    """The data folder may be a USB stick mounted elsewhere next time."""
    cache = tmp_path / "cache"
    StartPages(cache, content).save(record(), page_file(cache))
    data = json.loads((cache / FILE_NAME).read_text(encoding="utf-8"))
    assert data["page"] == "pages/abc.json"


def test_an_edit_of_the_code_or_styles_invalidates_the_record(tmp_path, content):
    cache, package = tmp_path / "cache", package_copy(tmp_path / "package")
    StartPages(cache, content, fingerprint=Fingerprint(package=package)).save(
        record(), page_file(cache)
    )
    assert StartPages(cache, content, fingerprint=Fingerprint(package=package)).load(**CONDITIONS)
    edit(package / "resources" / "reader.css")
    assert (
        StartPages(cache, content, fingerprint=Fingerprint(package=package)).load(**CONDITIONS)
        is None
    )


def test_no_cache_switch_reads_and_writes_no_record(tmp_path, content, monkeypatch):
    cache = tmp_path / "cache"
    page = page_file(cache)
    StartPages(cache, content).save(record(), page)
    monkeypatch.setenv("COURSEWARE_NO_CACHE", "1")
    assert StartPages(cache, content).load(**CONDITIONS) is None  # a present record is not used
    (cache / FILE_NAME).unlink()
    StartPages(cache, content).save(record(), page)
    assert sorted(p.name for p in cache.iterdir()) == ["pages"]
