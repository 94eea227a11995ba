"""Which sections changed between two versions of a module translation, by their texts."""

from pathlib import Path

from courseware_app.core.loader.module_file import load_translation
from courseware_app.core.packs.changes import (
    SectionChange,
    old_translation,
    previous_content,
    section_changes,
    section_texts,
)
from tests.core.helpers import front, write_tree

OLD = "Intro.\n\n## One {#one}\n\nText.\n\n## Two {#two}\n\nMore.\n\n## Three {#three}\n\nEnd.\n"


def translation(tmp_path: Path, name: str, text: str, version: str = '"1.0.0"'):
    path = tmp_path / name / "en.md"
    path.parent.mkdir(parents=True)
    path.write_text(front(version=version) + text, encoding="utf-8")
    tr, _diagnostics = load_translation(path, "m1", "en", "en")
    assert tr is not None
    return tr


def test_section_texts_hold_each_heading_and_its_text_only(tmp_path):
    texts = section_texts(translation(tmp_path, "a", OLD))
    assert texts == {
        "one": "## One {#one}\n\nText.",
        "two": "## Two {#two}\n\nMore.",
        "three": "## Three {#three}\n\nEnd.",
    }


def test_an_unchanged_module_has_no_changes_even_rewrapped_at_line_ends(tmp_path):
    old = translation(tmp_path, "a", OLD)
    new = translation(tmp_path, "b", OLD.replace("Text.\n", "Text.   \n\n"), '"1.1.0"')
    assert section_changes(old, new) == ()


def test_changed_added_and_removed_sections_are_named_in_order(tmp_path):
    old = translation(tmp_path, "a", OLD)
    text = (
        "Intro changed.\n\n## One {#one}\n\nText.\n\n## Two, renamed {#two}\n\nMore.\n\n"
        "## Four {#four}\n\nNew.\n"
    )
    new = translation(tmp_path, "b", text, '"1.1.0"')
    assert section_changes(old, new) == (
        SectionChange("two", "Two, renamed", "changed"),
        SectionChange("four", "Four", "added"),
        SectionChange("three", "Three", "removed"),
    )


def test_a_change_in_the_last_section_counts(tmp_path):
    old = translation(tmp_path, "a", OLD)
    new = translation(tmp_path, "b", OLD.replace("End.", "The end."), '"1.0.1"')
    assert section_changes(old, new) == (SectionChange("three", "Three", "changed"),)


def test_previous_content_is_the_newest_older_version_of_the_module():
    a, b, c, d = Path("a"), Path("b"), Path("c"), Path("d")
    candidates = [
        (a, {"m1": "1.0.0"}),
        (b, {"m1": "1.1.0", "m2": "2.0.0"}),
        (c, {"m1": "1.3.0"}),  # newer than the active one: not a previous version
        (d, {"m2": "1.0.0"}),
    ]
    assert previous_content(candidates, "m1", "1.2.0") == (b, "1.1.0")
    assert previous_content(candidates, "m1", "1.0.0") is None
    assert previous_content(candidates, "m3", "1.0.0") is None


def test_old_translation_reads_one_language_of_another_tree(tmp_path):
    root = write_tree(tmp_path / "old", {"modules/m1/en.md": front() + OLD})
    tr = old_translation(root, "m1", "en", "en")
    assert tr is not None and [s.id for s in tr.sections] == ["one", "two", "three"]
    assert old_translation(root, "m1", "ru", "en") is None
    assert old_translation(root, "m9", "en", "en") is None
