"""For benchmarks/run.py: report when the first page has been painted, then quit.

Set ``COURSEWARE_BENCH_EXIT`` to use it; nothing imports this module otherwise. It lives in the
package, not in benchmarks/, because the frozen bundle is measured too, and a frozen program
runs only the code it was built with. Mode "ready" also waits until everything is attached and
the first page opened; mode "modules" also lists what was imported by the first paint (a test
keeps that path light).
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from courseware_app.ui.main_window import MainWindow


def exit_when_visible(app: QApplication, window: MainWindow, mode: str = "1") -> None:
    wait_ready = mode == "ready"

    def visible() -> None:
        window.repaint()  # the whole window, now (as the floor repaints its one widget)
        if mode == "modules":
            print("LOADED " + " ".join(loaded_modules()), flush=True)
        print(f"VISIBLE {time.time():.6f}", flush=True)
        if not wait_ready or hasattr(window, "reader") and window.reader.location is not None:
            ready()
        else:
            window.ready.connect(ready)

    def ready() -> None:
        if wait_ready:
            window.repaint()
            print(f"READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, visible)


def loaded_modules() -> list[str]:
    """Our modules, Markdown and YAML as imported now, and Qt's `Qt` namespace if built."""
    import PySide6.QtCore

    loaded = [m for m in sys.modules if m.startswith(("courseware_app", "markdown", "yaml"))]
    if "Qt" in PySide6.QtCore.__dict__:  # Qt's `Qt` namespace is built on first use
        loaded.append("PySide6.QtCore.Qt")
    return sorted(loaded)
