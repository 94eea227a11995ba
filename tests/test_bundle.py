"""The bundle's data list mirrors the runtime paths, and the trims keep what the app needs."""

import shutil
import sys
from pathlib import Path

import pytest

from courseware_app import bundle
from courseware_app.core import i18n, paths
from tests.conftest import ROOT


@pytest.fixture
def frozen_root(tmp_path, monkeypatch):
    """Lay out the spec's data files as PyInstaller would, then pretend to be frozen there."""
    root = tmp_path / "_internal"
    for source, destination in bundle.data_files(ROOT):
        src, target = Path(source), root / destination
        if src.is_dir():  # PyInstaller puts a folder's contents into its destination
            shutil.copytree(src, target, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / src.name)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_every_runtime_resource_resolves_in_the_bundle_layout(frozen_root):
    assert paths.resource_root() == frozen_root
    assert (paths.content_dir() / "course.yaml").is_file()
    assert (paths.content_dir() / "modules" / "rm-01" / "en.md").is_file()
    assert (paths.resources_dir() / "reader.css").is_file()
    for lang in ("ru", "fr"):
        mo = i18n.find_mo(lang, paths.locales_dir(), cache=None)
        assert mo is not None and mo.is_relative_to(frozen_root)


def test_missing_compiled_catalogs_fail_the_build(tmp_path):
    (tmp_path / "locales" / "ru" / "LC_MESSAGES").mkdir(parents=True)
    with pytest.raises(SystemExit, match="compiled catalogs missing"):
        bundle.data_files(tmp_path)


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("babel/locale-data/ru.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/fr.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/locale-data/ru_UA.dat", False),
        ("babel/locale-data/kk.dat", False),
        ("PySide6/Qt/translations/qtbase_ru.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_ru.qm", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", False),
    ],
)
def test_trims(path, kept):
    assert bundle.keep_data(path) is kept


def test_network_libraries_are_dropped_and_widgets_kept():
    assert not bundle.keep_binary("PySide6/Qt/lib/libQt6Network.so.6")
    assert not bundle.keep_binary("libssl.so.3")
    assert bundle.keep_binary("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert bundle.keep_binary("PySide6/Qt/lib/libQt6Svg.so.6")
    # print support stays (File > Print), the system's CUPS and TLS libraries do not
    assert bundle.keep_binary("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert bundle.keep_binary("PySide6/Qt/lib/libQt6PrintSupport.so.6")
    assert not bundle.keep_binary("libcups.so.2")
    assert not bundle.keep_binary("libgnutls.so.30")
    assert "PySide6.QtNetwork" in bundle.EXCLUDED_MODULES
