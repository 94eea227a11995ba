"""core.scaffold: a new module's files, its line in course.yaml and its changelog stub."""

import shutil
from pathlib import Path

import pytest
import yaml

from courseware_app.core.course import Severity
from courseware_app.core.loader import load_course
from courseware_app.core.release import check_stubs, write_lock
from courseware_app.core.scaffold import (
    NewModule,
    ScaffoldError,
    ScaffoldRefused,
    add_changelog_entry,
    add_to_track,
    create_module,
    module_text,
)
from courseware_app.core.validate import validate_course
from tests.conftest import BUNDLED_CONTENT

BLOCK_YAML = """\
id: c  # the course
tracks:
  - id: one
    title: {en: One}
    modules:
      - a   # first
      - b
    # a comment after the list
  - id: two
    modules: []
"""


def test_a_flow_list_gets_the_id_at_its_end_and_nothing_else_changes():
    text = (BUNDLED_CONTENT / "course.yaml").read_text(encoding="utf-8")
    edited = add_to_track(text, "time-release-study", "trs-03")
    assert edited == text.replace("[trs-01, trs-02]", "[trs-01, trs-02, trs-03]")


def test_a_block_list_gets_a_line_after_its_last_item():
    edited = add_to_track(BLOCK_YAML, "one", "c-new")
    assert edited == BLOCK_YAML.replace("      - b\n", "      - b\n      - c-new\n")
    assert yaml.safe_load(edited)["tracks"][0]["modules"] == ["a", "b", "c-new"]


def test_an_empty_flow_list_and_crlf_line_ends():
    assert "modules: [x]" in add_to_track(BLOCK_YAML, "two", "x")
    crlf = BLOCK_YAML.replace("\n", "\r\n")
    assert add_to_track(crlf, "one", "x") == crlf.replace("- b\r\n", "- b\r\n      - x\r\n")


def test_an_unknown_track_or_broken_yaml_is_refused():
    with pytest.raises(ScaffoldError, match="no track 'three'"):
        add_to_track(BLOCK_YAML, "three", "x")
    with pytest.raises(ScaffoldError):
        add_to_track("tracks: [", "one", "x")


def test_the_changelog_entry_comes_first_and_a_missing_changelog_is_created():
    old = "# Changelog\n\nIntro.\n\n## a 1.0.0\n\nFirst release.\n"
    assert add_changelog_entry(old, "b", "Note.") == old.replace(
        "## a 1.0.0", "## b 0.1.0\n\nNote.\n\n## a 1.0.0"
    )
    crlf = old.replace("\n", "\r\n")
    assert add_changelog_entry(crlf, "b", "N.") == crlf.replace(
        "## a", "## b 0.1.0\r\n\r\nN.\r\n\r\n## a"
    )
    created = add_changelog_entry(None, "b", "Note.")
    assert created.startswith("# Changelog\n") and created.endswith("\n## b 0.1.0\n\nNote.\n")


def test_every_language_file_has_the_same_four_sections_a_note_and_a_quiz():
    for lang in ("en", "ru", "fr"):
        text = module_text("m-new", 'A "quoted" title', lang)
        assert text.count("\n## ") == 4 and text.count("{#quiz}") == 1
        assert text.count('!!! trainer "') == 1 and text.count("\n? single q-1\n") == 1
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["title"] == 'A "quoted" title' and front["version"] == "0.1.0"
        assert ("translated_from" in front) == (lang != "en")


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, target)
    return target


def test_a_new_module_loads_and_validates_with_a_stub_warning_per_stub(content):
    request = NewModule("rm-10", "risk-management", "Post-clearance audit")
    written = create_module(content, request)
    assert {p.name for p in written} == {"en.md", "ru.md", "fr.md", "course.yaml", "CHANGELOG.md"}
    course = load_course(content)
    assert course.tracks[0].modules[-1] == "rm-10"
    module = course.modules["rm-10"]
    assert sorted(module.translations) == ["en", "fr", "ru"] and not module.failed
    assert [s.id for s in module.translations["ru"].sections] == [
        "introduction",
        "key-ideas",
        "practice",
        "quiz",
    ]
    assert not [d for d in validate_course(course) if d.severity == Severity.ERROR]
    for tr in module.translations.values():
        stubs = check_stubs(tr)
        assert len(stubs) == 10, tr.lang  # summary, objective, 3 sections, note, quiz (4)
    assert "## rm-10 0.1.0" in (content / "CHANGELOG.md").read_text(encoding="utf-8")


def test_refusals_write_nothing(content):
    before = (content / "course.yaml").read_bytes()
    for request, reason in (
        (NewModule("rm-02", "risk-management", "T"), "already exists"),
        (NewModule("Bad_Id", "risk-management", "T"), "not a module id"),
        (NewModule("rm-99", "nope", "T"), "no track 'nope'"),
        (NewModule("rm-99", "risk-management", " "), "one line"),
    ):
        with pytest.raises(ScaffoldRefused, match=reason):
            create_module(content, request)
    (content / "modules" / "stray").mkdir()
    with pytest.raises(ScaffoldRefused, match="already exists"):
        create_module(content, NewModule("stray", "risk-management", "T"))
    assert (content / "course.yaml").read_bytes() == before
    assert not (content / "modules" / "rm-99").exists()


def test_a_new_module_is_not_checked_against_the_lock(content):
    write_lock(load_course(content), content)
    create_module(content, NewModule("rm-10", "risk-management", "T"))
    from courseware_app.core.release import check_release

    assert check_release(load_course(content), content) == []
