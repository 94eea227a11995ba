"""The Qt-free per-user data folder is the one QStandardPaths gives the GUI."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from courseware_app import APP_ID, ORG_NAME
from courseware_app.core import paths


def test_qt_free_rule_matches_app_data_location(qapp, monkeypatch, tmp_path):
    before = (qapp.organizationName(), qapp.applicationName(), QStandardPaths.isTestModeEnabled())
    QStandardPaths.setTestModeEnabled(False)  # test mode would put the folder under ~/.qttest
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_ID)
    location = QStandardPaths.StandardLocation.AppDataLocation
    try:
        for xdg in (None, str(tmp_path / "xdg"), "relative/xdg"):
            if xdg is None:
                monkeypatch.delenv("XDG_DATA_HOME", raising=False)
            else:
                monkeypatch.setenv("XDG_DATA_HOME", xdg)
            assert paths.user_data_dir() == Path(QStandardPaths.writableLocation(location))
    finally:
        qapp.setOrganizationName(before[0])
        qapp.setApplicationName(before[1])
        QStandardPaths.setTestModeEnabled(before[2])
