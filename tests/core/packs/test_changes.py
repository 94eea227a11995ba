"""Which sections changed between two versions of a module translation, by their texts."""

from pathlib import Path

from courseware_app.core.loader import load_course
from courseware_app.core.loader.module_file import load_translation
from courseware_app.core.packs.changes import (
    SectionChange,
    old_translation,
    pack_changes_html,
    previous_content,
    section_changes,
    section_texts,
    what_changed_html,
)
from courseware_app.core.packs.model import ModuleChange, PackInfo
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


def test_the_header_box_names_versions_notes_and_links_the_sections_still_there():
    sections = (SectionChange("two", "Two & more", "changed"), SectionChange("x", "X", "removed"))
    html = what_changed_html("1.0.0", "1.1.0", "First <b>line</b>\nwrapped.\n\nSecond.", sections)
    assert "What changed since version 1.0.0 (now 1.1.0)" in html
    assert "<p>First &lt;b&gt;line&lt;/b&gt; wrapped.</p><p>Second.</p>" in html
    assert '<li><a href="#two">Two &amp; more (changed)</a></li>' in html
    assert "<li>X (removed)</li>" in html
    assert "No section changed." in what_changed_html("1.0.0", "1.0.1", "", ())


def test_a_packs_changes_are_listed_by_title_with_their_notes(tmp_path):
    root = write_tree(tmp_path / "c", {"modules/m1/en.md": front() + OLD})
    course = load_course(root)
    info = PackInfo(
        path=tmp_path / "p.cwpack",
        course_id="t",
        course_version="1.1.0",
        min_app="0",
        created_at="2026-12-07T00:00:00Z",
        key_id="k",
        publisher=None,
        modules={"m1": "1.1.0", "m3": "1.0.0"},
        changes=(
            ModuleChange("m1", "1.0.0", "1.1.0"),
            ModuleChange("m3", None, "1.0.0"),
            ModuleChange("m2", "1.0.0", None),
        ),
        notes={"m1": "Fixed a date.", "m3": "First release.", "m2": "Old notes."},
        downgrade=False,
    )
    html = pack_changes_html(info, course, "en")
    assert "<h3>Title en: version 1.0.0 → 1.1.0</h3><p>Fixed a date.</p>" in html
    assert "<h3>m3: added, version 1.0.0</h3><p>First release.</p>" in html
    assert "<h3>m2: removed (was version 1.0.0)</h3>" in html and "Old notes." not in html
    same = PackInfo(**{**info.__dict__, "changes": ()})
    assert "already at the version" in pack_changes_html(same, course, "en")
