"""Test set-up: Qt offscreen before any Qt import; never touch real user folders."""

import os
import shutil
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parents[1]
TEST_CONTENT = ROOT / "tests" / "data" / "content"
BUNDLED_CONTENT = ROOT / "content"


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogs():
    """Compile locales/*/LC_MESSAGES/*.po when the .mo is missing or older, as dev.py does,
    so a bare ``pytest`` on a fresh clone finds the catalogs the bundle and CLI need."""
    from courseware_app.core.i18n import compile_catalog

    for po in sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            compile_catalog(po, mo)
    yield


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEWARE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("COURSEWARE_CONTENT", raising=False)
    yield


@pytest.fixture(autouse=True)
def _english_ui():
    from courseware_app.core.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the test content tree."""
    target = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, target)
    return target


@pytest.fixture
def app_identity(qapp):
    """make_application renames the test application: give it its test name back."""
    names = qapp.organizationName(), qapp.applicationName()
    yield qapp
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
