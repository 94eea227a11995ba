"""Offline by construction: a full GUI session opens no socket and never loads QtNetwork."""

import subprocess
import sys

from tests.conftest import BUNDLED_CONTENT, ROOT

SESSION = r"""
import socket, sys
attempts = []
class Guard(socket.socket):
    def __init__(self, *a, **k):
        attempts.append(a)
        raise OSError("network access attempted")
socket.socket = Guard
socket.create_connection = lambda *a, **k: (attempts.append(a), (_ for _ in ()).throw(OSError("no network")))[1]

import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pathlib import Path
from courseware_app.core.history import Location
from courseware_app.core.loader import load_course
from courseware_app.ui.main_window import MainWindow
from courseware_app.ui.retranslate import LanguageController
from courseware_app.ui.settings import Settings
course = load_course(sys.argv[1])
languages = LanguageController(app, None)
w = MainWindow(course, Settings(Path(sys.argv[2]) / "settings.ini"), languages=languages)
w.show(); w.reader.open_start()
for lang in ("ru", "fr", "en"):
    w.switch_ui_language(lang); w.reader.set_content_language(lang)
    for m in course.ordered_modules():
        w.reader.navigate(Location(m.id)); app.processEvents()
        for s in w.reader.section_ids(m.id):
            w.reader.navigate(Location(m.id, s))
w.reader.set_trainer(True)
w.view.anchorClicked.emit(QUrl("https://example.com/x.png")) if False else None
m = next(m for m in course.ordered_modules() if m.source and m.source.quizzes)
w.reader.open_quiz(m.id, m.source.quizzes[0].id); w.reader.quiz_dialog.submit(); w.reader.quiz_dialog.close()
w.reader.pages.shutdown(); app.processEvents(); w.close()
qtnetwork = [k for k in sys.modules if "QtNetwork" in k]
print("ATTEMPTS", len(attempts), "QTNETWORK", qtnetwork)
"""


def test_full_session_opens_no_socket_and_never_loads_qtnetwork(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", SESSION, str(BUNDLED_CONTENT), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ATTEMPTS 0 QTNETWORK []" in out.stdout, out.stdout + out.stderr[-2000:]


def test_the_guard_itself_catches_a_socket(tmp_path):
    probe = (
        SESSION.split("import os")[0]
        + "\ntry:\n    socket.socket()\nexcept OSError:\n    pass\nprint('ATTEMPTS', len(attempts))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert "ATTEMPTS 1" in out.stdout
