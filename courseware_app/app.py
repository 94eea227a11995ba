"""GUI bootstrap: paths, logging, settings, languages, QApplication and the main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from courseware_app import APP_ID, APP_NAME, ORG_NAME, __version__
from courseware_app.core import paths

log = logging.getLogger(__name__)
SEARCH_AFTER_MS = 150


def setup_logging(data: Path) -> None:
    """A rotating log file in the data folder; Qt's messages go to the 'qt' logger."""
    import logging.handlers

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


def choose_ui_language(args, prefs, parent=None) -> str:
    if args.lang:
        return args.lang
    if prefs.ui_language:
        return prefs.ui_language
    from courseware_app.ui.language_dialog import LanguageDialog
    from courseware_app.ui.retranslate import suggested_language

    dialog = LanguageDialog(suggested_language(), parent)
    dialog.exec()
    return dialog.chosen()


def make_application():
    from PySide6.QtWidgets import QApplication

    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def open_window(args, app, data: Path):
    """The window's frame, in the chosen language, before the course is loaded. It shows the
    page the last session ended on when that is still current (core.startpage), or on a shared
    laptop the course's title page."""
    from courseware_app.core.startpage import StartPages
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.retranslate import LanguageController
    from courseware_app.ui.settings import Settings

    settings = Settings(data / "settings.ini")
    prefs = settings.load()
    lang = choose_ui_language(args, prefs)
    languages = LanguageController(app, paths.cache_dir(data))
    languages.switch(lang)
    content = paths.content_dir(args.content, data)
    start_pages = StartPages(paths.cache_dir(data), content, paths.locales_dir())
    window = MainWindow(
        None,
        settings,
        trainer=args.trainer,
        content_root=content,
        start_pages=start_pages,
        languages=languages,
    )
    window.prefs.ui_language = lang
    cover = start_pages.cover_page(lang)
    if cover is not None:
        window.show_cover(cover)
        return window, languages
    start = start_pages.load(
        ui_language=lang,
        trainer=args.trainer,
        content_preference=window.prefs.content_language,
        module=args.open.partition("#")[0] if args.open else None,
    )
    if start is not None:
        window.show_start_page(start)
    return window, languages


def attach_everything(window, args, data: Path, languages, log_to_file: bool = True) -> bool:
    """The log file, the course, profiles and progress: what the first page does not need.
    False when the person at the start chose no profile (and quits). (``log_to_file`` False:
    leave the process's logging alone, for the self-test and tests.)"""
    from courseware_app.core.coursecache import load_course_cached
    from courseware_app.core.pagecache import PageCache
    from courseware_app.core.startpage import cover_of
    from courseware_app.ui.editor.part import install_editor
    from courseware_app.ui.glossary_part import install_glossary
    from courseware_app.ui.packs import install_packs
    from courseware_app.ui.parity_part import install_parity
    from courseware_app.ui.present.part import install_presenter
    from courseware_app.ui.print_part import install_print
    from courseware_app.ui.progress_ui import install_progress
    from courseware_app.ui.trs_part import install_trs_lab

    if log_to_file:
        setup_logging(data)
    fingerprint = window.start_pages.fingerprint if window.start_pages else None
    cache = paths.cache_dir(data)
    content = paths.content_dir(args.content, data)
    course = load_course_cached(content, cache / "course", fingerprint)
    for d in course.errors:
        log.warning("content: %s", d.format())
    pages = PageCache(cache / "pages", paths.locales_dir(), fingerprint)
    if window.start_pages is not None:
        window.start_pages.cover = cover_of(course)
    window.attach_course(course, pages)
    progress = install_progress(window, None, data, ui_language_locked=bool(args.lang))
    install_presenter(window, data)
    install_print(window, data)
    install_trs_lab(window, data)
    install_parity(window)
    install_glossary(window)
    install_editor(window, data, editor=getattr(args, "editor", False))
    install_packs(window, data)
    return progress.profile is not None


def add_search(window, data: Path) -> None:
    """The search box and index: after the first page has painted, since nothing needs it sooner."""
    from courseware_app.core.search import default_index_path
    from courseware_app.ui.search import install_search

    install_search(window, default_index_path(data, window.reader.course.root))


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer

    app = make_application()
    data = paths.data_dir(args.data_dir)
    install_excepthook()
    window, languages = open_window(args, app, data)

    def open_first_page() -> None:
        if args.open:
            module, _sep, section = args.open.partition("#")
            window.prefs.last_module, window.prefs.last_section = module, section
        window.reader.open_start()
        QTimer.singleShot(SEARCH_AFTER_MS, window, lambda: add_search(window, data))
        window.ready.emit()

    if window.start_page_shown or window.cover_shown:
        window.show()  # the start page paints first; the rest is attached right after

        def complete() -> None:
            if attach_everything(window, args, data, languages):
                open_first_page()
            else:
                window.close()  # the last window: the application quits

        # The view itself (its frame) paints in the same pass as its text; asking for its
        # viewport() would make PySide build the Python type of every QWidget class (~9 ms).
        after_first_paint(window.view, complete)
    else:
        if not attach_everything(window, args, data, languages):  # may ask for a profile first
            window.close()
            return 0
        window.show()
        open_first_page()
    if os.environ.get("COURSEWARE_BENCH_EXIT"):
        from courseware_app.ui.paint_probe import exit_when_visible

        exit_when_visible(app, window, os.environ["COURSEWARE_BENCH_EXIT"])
    return app.exec()


def after_first_paint(widget, callback, fallback_ms: int = 1000) -> None:
    """Call ``callback`` once, in the event loop after ``widget`` first paints (or after
    ``fallback_ms`` if it never does, say the window opens minimised)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        def __init__(self):
            super().__init__(widget)
            self.fired = False

        def eventFilter(self, _obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.fire()
            return False

        def fire(self) -> None:
            if not self.fired:
                self.fired = True
                widget.removeEventFilter(self)
                QTimer.singleShot(0, widget, callback)

    watcher = Watcher()
    widget.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, watcher, watcher.fire)
