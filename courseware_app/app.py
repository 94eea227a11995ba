"""GUI bootstrap: paths, logging, settings, languages, QApplication and the main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
import traceback
from pathlib import Path

from courseware_app import APP_ID, APP_NAME, ORG_NAME, __version__
from courseware_app.core import paths

log = logging.getLogger(__name__)
SEARCH_AFTER_MS = 150


def setup_logging(data: Path) -> None:
    """A rotating log file in the data folder; Qt's messages go to the 'qt' logger."""
    logs = data / "logs"
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    try:
        logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            logs / "courseware.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qInstallMessageHandler(lambda kind, _ctx, msg: qt_log.log(levels.get(kind, logging.INFO), msg))


def install_excepthook() -> None:
    def hook(kind, value, tb):
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        from courseware_app.core.i18n import _

        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                APP_NAME,
                _("Something went wrong:\n{error}\n\nDetails are in the log file.").format(
                    error="".join(traceback.format_exception_only(kind, value)).strip()
                ),
            )

    sys.excepthook = hook


def standard_data_location() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


def choose_ui_language(args, prefs, parent=None) -> str:
    from courseware_app.ui.language_dialog import LanguageDialog
    from courseware_app.ui.retranslate import suggested_language

    if args.lang:
        return args.lang
    if prefs.ui_language:
        return prefs.ui_language
    dialog = LanguageDialog(suggested_language(), parent)
    dialog.exec()
    return dialog.chosen()


def make_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def build_window(args, app, data: Path):
    """Settings, languages, the course and the main window with search and progress attached."""
    from courseware_app.core.coursecache import load_course_cached
    from courseware_app.core.pagecache import PageCache
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.progress_ui import install_progress
    from courseware_app.ui.retranslate import LanguageController
    from courseware_app.ui.settings import Settings

    settings = Settings(data / "settings.ini")
    lang = choose_ui_language(args, settings.load())
    languages = LanguageController(app, paths.cache_dir(data))
    languages.switch(lang)
    course = load_course_cached(paths.content_dir(args.content), paths.cache_dir(data) / "course")
    for d in course.errors:
        log.warning("content: %s", d.format())
    pages = PageCache(paths.cache_dir(data) / "pages", paths.locales_dir())
    window = MainWindow(course, settings, trainer=args.trainer, page_cache=pages)
    window.prefs.ui_language = lang
    window.uiLanguageRequested.connect(lambda new: switch_language(window, languages, new))
    window.progress = install_progress(window, None, data, ui_language_locked=bool(args.lang))
    return window


def switch_language(window, languages, lang: str) -> None:
    window.prefs.ui_language = lang
    languages.switch(lang)
    window.retranslate_ui()
    window.refresh()


def add_search(window, data: Path) -> None:
    """The search box and index: after the first page has painted, since nothing needs it sooner."""
    from courseware_app.core.search import default_index_path
    from courseware_app.ui.search_panel import install_search

    install_search(window, default_index_path(data, window.course.root))


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer

    app = make_application()
    data = paths.data_dir(args.data_dir, standard_data_location)
    setup_logging(data)
    install_excepthook()
    window = build_window(args, app, data)
    window.show()
    if args.open:
        module, _sep, section = args.open.partition("#")
        window.prefs.last_module, window.prefs.last_section = module, section
    window.open_start()
    QTimer.singleShot(SEARCH_AFTER_MS, window, lambda: add_search(window, data))
    if os.environ.get("COURSEWARE_BENCH_EXIT"):
        _exit_when_visible(app, window)
    return app.exec()


def _exit_when_visible(app, window) -> None:
    """For benchmarks/run.py: report when the first module has been painted, then quit."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        window.view.viewport().repaint()
        print(f"VISIBLE {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
