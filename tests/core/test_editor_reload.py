"""core.editor: what changed on disk, and the course after re-reading only what changed."""

import os

from courseware_app.core.course import Status
from courseware_app.core.editor.reload import apply_changes, module_of, with_translation
from courseware_app.core.editor.snapshot import changed, folders, snapshot
from courseware_app.core.loader import load_course


def test_a_snapshot_sees_rewrites_additions_removals_and_ignores_hidden_files(content_copy):
    before = snapshot(content_copy)
    en = content_copy / "modules" / "alpha" / "en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    (content_copy / "modules" / "beta" / "new.png").write_bytes(b"x")
    (content_copy / "modules" / "gamma" / "en.md").unlink()
    (content_copy / "modules" / "alpha" / ".en.md.swp").write_text("swap", encoding="utf-8")
    after = snapshot(content_copy)
    assert changed(before, after) == {
        en,
        content_copy / "modules" / "beta" / "new.png",
        content_copy / "modules" / "gamma" / "en.md",
    }
    assert content_copy / "modules" / "alpha" in folders(content_copy)


def test_a_file_the_watcher_names_counts_as_changed_even_with_the_same_stamp(content_copy):
    listing = snapshot(content_copy)
    en = content_copy / "modules" / "alpha" / "en.md"
    assert changed(listing, listing, [en]) == {en}
    assert changed(listing, listing, [content_copy / "nowhere.md"]) == set()


def _edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_saved_language_file_is_read_again_alone(content_copy):
    course = load_course(content_copy)
    ru = content_copy / "modules" / "alpha" / "ru.md"
    _edit(ru, "## Введение {#intro}", "## Начало {#intro}")
    result = apply_changes(course, [ru])
    assert not result.whole and result.modules == {"alpha"}
    sections = result.course.modules["alpha"].translations["ru"].sections
    assert sections[0].title == "Начало"
    assert (
        result.course.modules["alpha"].translations["en"]
        is course.modules["alpha"].translations["en"]
    )
    assert result.course.modules["beta"] is course.modules["beta"]


def test_a_broken_save_fails_the_language_and_its_errors_replace_the_old_ones(content_copy):
    course = load_course(content_copy)
    en = content_copy / "modules" / "alpha" / "en.md"
    good = en.read_text(encoding="utf-8")
    en.write_text(good.replace('version: "1.2.0"', "version: 1.2"), encoding="utf-8")
    broken = apply_changes(course, [en]).course
    assert broken.modules["alpha"].status("en") == Status.ERROR
    mine = [d for d in broken.diagnostics if d.file.endswith(os.path.join("alpha", "en.md"))]
    assert [d.code for d in mine] == ["version-not-string"]
    en.write_text(good, encoding="utf-8")
    fixed = apply_changes(broken, [en]).course
    assert fixed.modules["alpha"].status("en") == Status.OK
    assert not [d for d in fixed.diagnostics if d.file.endswith(os.path.join("alpha", "en.md"))]


def test_an_image_change_makes_pages_stale_without_reading_any_module(content_copy):
    course = load_course(content_copy)
    image = content_copy / "modules" / "alpha" / "diagram.svg"
    result = apply_changes(course, [image])
    assert result.modules == {"alpha"} and result.course is course


def test_a_deleted_language_file_reloads_its_module(content_copy):
    course = load_course(content_copy)
    fr = content_copy / "modules" / "alpha" / "fr.md"
    fr.unlink()
    result = apply_changes(course, [fr])
    assert "fr" not in result.course.modules["alpha"].translations
    assert any(
        d.code == "translation-missing" and "alpha" in d.file for d in result.course.diagnostics
    )


def test_course_yaml_or_a_new_module_folder_loads_the_whole_course(content_copy):
    course = load_course(content_copy)
    yaml = content_copy / "course.yaml"
    _edit(yaml, "modules: [gamma]", "modules: [gamma, beta2]")
    folder = content_copy / "modules" / "beta2"
    folder.mkdir()
    beta = (content_copy / "modules" / "beta" / "en.md").read_text(encoding="utf-8")
    (folder / "en.md").write_text(beta.replace("id: beta", "id: beta2"), encoding="utf-8")
    result = apply_changes(course, [yaml, folder / "en.md"])
    assert result.whole and "beta2" in result.course.modules
    assert result.course.tracks[1].modules == ("gamma", "beta2")


def test_module_of_names_the_module_and_file_inside_the_tree_only(content_copy):
    course = load_course(content_copy)
    assert module_of(course, content_copy / "modules" / "alpha" / "en.md") == ("alpha", "en.md")
    assert module_of(course, content_copy / "course.yaml") is None
    assert module_of(course, content_copy.parent / "elsewhere.md") is None


def test_with_translation_shows_a_good_version_in_place_of_a_failed_file(content_copy):
    course = load_course(content_copy)
    good = course.modules["alpha"].translations["en"]
    en = content_copy / "modules" / "alpha" / "en.md"
    _edit(en, 'version: "1.2.0"', "version: [")
    broken = apply_changes(course, [en]).course
    shown = with_translation(broken, good)
    assert shown.modules["alpha"].status("en") == Status.OK
    assert shown.diagnostics == broken.diagnostics
