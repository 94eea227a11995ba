"""The floor: a bare PySide6 script that shows the same HTML in a QTextBrowser, then reports."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

app = QApplication(sys.argv[:1])
browser = QTextBrowser()
browser.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"))
browser.resize(1280, 720)
browser.show()


def report() -> None:
    browser.repaint()  # the widget and its viewport, now (no viewport() call: see app.py)
    print(f"VISIBLE {time.time():.6f}", flush=True)
    app.quit()


QTimer.singleShot(0, report)
app.exec()
