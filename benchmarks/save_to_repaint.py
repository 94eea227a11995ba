"""Save to repaint in editor mode: the largest module file of the bundled course is saved with a
changed sentence, and the time until its page is painted again is measured (median of N).

    python benchmarks/save_to_repaint.py [--runs 7] [--json]

Offscreen, in one process, on a copy of the course. ``total_ms`` is the whole path an editor
sees: the file watcher's report, its debounce (ui/editor/watcher.py), reading the file again,
rendering, and the page painted; ``work_ms`` leaves out the watcher and the debounce. Target:
total under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
TIMEOUT_S = 10.0


def largest_file(content: Path) -> Path:
    return max((content / "modules").glob("*/*.md"), key=lambda p: p.stat().st_size)


def open_editor(content: Path, data: Path, lang: str):
    """A main window on ``content`` in editor mode, showing ``lang``; its workbench."""
    from courseware_app.app import make_application
    from courseware_app.core.i18n import set_language
    from courseware_app.core.loader import load_course
    from courseware_app.ui.editor.part import install_editor
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.settings import Settings

    app = make_application()
    set_language("en")
    window = MainWindow(load_course(content), Settings(data / "settings.ini"), content_lang=lang)
    window.resize(1366, 768)
    window.show()
    part = install_editor(window, data, editor=True)
    return app, window, part.workbench


def wait_for(app, done) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the page was not shown again in time")
        app.processEvents()
        time.sleep(0.001)


def _idle(window, workbench) -> bool:
    """No page rendering ahead and no check of the course running: a quiet application."""
    pools = (workbench.tasks.pool, window.reader.pages.tasks.pool)
    return all(pool.activeThreadCount() == 0 for pool in pools)


def measure(runs: int) -> dict[str, object]:
    from courseware_app.core.history import Location

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", content)
        path = largest_file(content)
        app, window, workbench = open_editor(content, Path(tmp) / "data", path.stem)
        module = path.parent.name
        sections = window.reader.section_ids(module)
        window.reader.navigate(Location(module, sections[len(sections) // 2]))
        workbench.dock.tree.setFocus()  # the editor's keyboard is elsewhere, not in the page
        idle = partial(_idle, window, workbench)
        wait_for(app, idle)
        text = path.read_text(encoding="utf-8")
        totals, work = [], []
        for run in range(runs):
            done: list[float] = []
            workbench.reloaded.connect(lambda s, d=done: d.append(s))
            started = time.perf_counter()
            path.write_text(text.replace("\n## ", f"\nSaved {run}.\n\n## ", 1), encoding="utf-8")
            wait_for(app, lambda d=done: bool(d))
            window.view.viewport().repaint()  # the page painted, now
            totals.append(time.perf_counter() - started)
            work.append(done[0])
            workbench.reloaded.disconnect()
            wait_for(app, idle)  # the check of the course that follows each save, done
        window.close()
        return {
            "file": f"{module}/{path.name}",
            "bytes": path.stat().st_size,
            "runs": runs,
            "total_ms": round(statistics.median(totals) * 1000, 1),
            "work_ms": round(statistics.median(work) * 1000, 1),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure(args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"save to repaint, {result['file']} ({result['bytes']} bytes), median of "
            f"{result['runs']}: {result['total_ms']} ms (reading, rendering and painting: "
            f"{result['work_ms']} ms; target < 300 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
