"""The fingerprint: what the caches depend on, and the switch that turns them all off."""

import subprocess
import sys

import pytest

from courseware_app import build, bundle
from courseware_app.core import fingerprint
from courseware_app.core.fingerprint import Fingerprint, caches_enabled
from tests.conftest import TEST_CONTENT
from tests.core.cache_helpers import edit, package_copy


@pytest.mark.parametrize(
    ("value", "enabled"), [(None, True), ("", True), ("0", True), ("1", False), ("yes", False)]
)
def test_the_switch(monkeypatch, value, enabled):
    if value is None:
        monkeypatch.delenv("COURSEWARE_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("COURSEWARE_NO_CACHE", value)
    assert caches_enabled() is enabled


@pytest.mark.parametrize("edited", ["resources/reader.css", "core/render.py", "core/course.py"])
def test_editing_code_or_styles_changes_the_build(tmp_path, edited):
    package = package_copy(tmp_path / "package")
    before = Fingerprint(package=package).build()
    edit(package / edited)
    assert Fingerprint(package=package).build() != before


def test_bytecode_does_not_change_the_build(tmp_path):
    package = package_copy(tmp_path / "package")
    before = Fingerprint(package=package).build()
    (package / "core" / "__pycache__").mkdir()
    (package / "core" / "__pycache__" / "render.cpython-311.pyc").write_bytes(b"x")
    assert Fingerprint(package=package).build() == before


def test_build_and_content_are_taken_once_per_session(tmp_path, content_copy):
    package = package_copy(tmp_path / "package")
    session = Fingerprint(package=package)
    before = session.of(content_copy)
    edit(package / "resources" / "reader.css")
    edit(content_copy / "course.yaml", "\n# edited\n")
    assert session.of(content_copy) == before
    assert Fingerprint(package=package).of(content_copy) != before


def test_the_catalog_part_follows_the_po_file(tmp_path):
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "courseware.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    session = Fingerprint(tmp_path / "locales")
    before = session.of(TEST_CONTENT, "ru")
    assert session.of(TEST_CONTENT, "fr") != before
    edit(po, '\nmsgid "Back"\nmsgstr "Назад"\n')
    assert session.of(TEST_CONTENT, "ru") != before


def frozen_bundle(tmp_path, monkeypatch, build_id):
    root = tmp_path / "_internal"
    (root / "courseware_app" / "resources").mkdir(parents=True, exist_ok=True)
    (root / "courseware_app" / "resources" / "reader.css").write_text("body {}")
    (root / "courseware_app" / fingerprint.BUILD_ID_FILE).write_text(build_id + "\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_a_frozen_bundle_is_known_by_its_build_id(tmp_path, monkeypatch):
    frozen_bundle(tmp_path, monkeypatch, "abc123")
    first = Fingerprint().build()
    assert first.splitlines()[1] == "abc123"
    frozen_bundle(tmp_path, monkeypatch, "def456")
    assert Fingerprint().build() != first


def test_the_build_id_hashes_the_same_files(tmp_path):
    package = package_copy(tmp_path / "package")
    before = build.build_id(package)
    assert build.build_id(package) == before
    (package / "core" / "__pycache__").mkdir()
    (package / "core" / "__pycache__" / "x.pyc").write_bytes(b"x")
    assert build.build_id(package) == before
    edit(package / "resources" / "reader.css")
    assert build.build_id(package) != before


def test_the_build_writes_its_id_into_the_bundle(tmp_path):
    root = tmp_path / "source"
    package_copy(root / "courseware_app")
    for lang in bundle.UI_LANGUAGES:
        mo = root / "locales" / lang / "LC_MESSAGES" / "courseware.mo"
        mo.parent.mkdir(parents=True)
        mo.write_bytes(b"")
    assert not any(dest == "courseware_app" for _src, dest in bundle.data_files(root))
    written = build.write_build_id(root)
    assert written.read_text().strip() == build.build_id(root / "courseware_app")
    assert (str(written), "courseware_app") in bundle.data_files(root)


def test_importing_it_stays_light():
    script = (
        "import sys\nimport courseware_app.core.fingerprint as f\n"
        "f.Fingerprint().of(f.paths.content_dir(), 'en')\n"
        "print(sorted(m for m in ('hashlib', 'json', 'yaml', 'markdown') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
