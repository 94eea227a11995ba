"""``courseware self-test``: load, render and open everything once, offscreen; exit 1 on any failure."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from courseware_app.commands.common import no_course
from courseware_app.core import paths
from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.core.course import Course

T = TypeVar("T")


def register(sub, common) -> None:
    p = sub.add_parser(
        "self-test",
        parents=[common],
        help=_("check that everything loads and renders (offscreen)"),
    )
    p.add_argument(
        "--verbose", action="store_true", help=_("show where a failed check failed (a traceback)")
    )
    p.set_defaults(func=run)


class Checks:
    """Runs named checks, remembering what failed: one line each, and where it failed when
    ``verbose`` (a developer's traceback)."""

    def __init__(self) -> None:
        self.passed = 0
        self.verbose = False
        self.failures: list[str] = []
        self.skipped: list[str] = []

    def skip(self, name: str, reason: str) -> None:
        """A check that cannot tell anything here: reported as skipped, not failed."""
        self.skipped.append(f"{name}: {reason}")

    def check(self, name: str, fn: Callable[[], T]) -> T | None:
        try:
            result = fn()
        except Exception as exc:
            where = traceback.format_exc(limit=3).strip() if self.verbose else ""
            line = "".join(traceback.format_exception_only(exc)).strip()
            self.failures.append(f"{name}: {line}" + (f"\n{where}" if where else ""))
            return None
        self.passed += 1
        return result


def check_content(checks: Checks, content: Path) -> Course | None:
    from courseware_app.core.course import Status
    from courseware_app.core.loader import load_course
    from courseware_app.core.render import render_translation

    course = checks.check("load the course", lambda: load_course(content))
    if course is None:
        return None
    for d in course.errors:
        checks.failures.append(f"content error: {d.format()}")
    for module in course.ordered_modules():
        for lang in course.languages:
            if module.status(lang) == Status.ERROR:
                continue
            tr = module.translations.get(lang)
            if tr is None:
                continue
            for trainer in (False, True):
                checks.check(
                    f"render {module.id}/{lang} trainer={trainer}",
                    partial(render_translation, tr, trainer),
                )
    return course


def check_search(checks: Checks, course, data) -> None:
    try:
        from courseware_app.core import search
    except ImportError:
        return
    index_path = data / "selftest-search.sqlite3"
    index = checks.check("build the search index", lambda: search.SearchIndex(index_path))
    if index is not None:
        checks.check("index the course", lambda: index.update(course))
        checks.check("search", lambda: index.search("risk", [course.source_language]))
        checks.check("search all languages through the glossary", partial(_across, index, course))


def _across(index, course) -> None:
    from courseware_app.core.glossary import glossary_for

    glossary = glossary_for(course.root)
    if glossary.entries:
        langs = {h.lang for h in index.search("risk profile", None, glossary=glossary)}
        if not {"ru", "fr"} <= langs:
            raise AssertionError(f"'risk profile' found in {sorted(langs)} only")


def check_glossary(checks: Checks, course) -> None:
    """The glossary reads whole, marks a page and widens a search in all languages."""
    from courseware_app.core.glossary import glossary_for, glossary_path
    from courseware_app.core.render import module_page

    if not glossary_path(course.root).is_file():
        return  # a course without a glossary: nothing to check (as one without quizzes)
    glossary = glossary_for(course.root)

    def read() -> None:
        if glossary.diagnostics or not glossary.entries:
            raise AssertionError("; ".join(d.format() for d in glossary.diagnostics) or "empty")

    def mark() -> None:
        module = course.ordered_modules()[0].id
        if 'class="gloss"' not in module_page(course, module, "ru", glossary=True)[0]:
            raise AssertionError("no glossary term marked on the page")

    checks.check("read the glossary", read)
    checks.check("mark glossary terms on a page", mark)


def check_gui(checks: Checks, course, data) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from courseware_app.core.glossary import glossary_path
    from courseware_app.core.history import Location
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.retranslate import LanguageController
    from courseware_app.ui.settings import Settings

    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication(sys.argv[:1])
    languages = LanguageController(app, paths.cache_dir(data))
    window = checks.check(
        "open the main window",
        lambda: MainWindow(course, Settings(data / "settings.ini"), languages=languages),
    )
    if window is None:
        return
    window.show()
    checks.check("open the first module", window.reader.open_start)

    def switch(lang: str) -> None:
        window.switch_ui_language(lang)

    for lang in course.languages:
        checks.check(f"switch the interface to {lang}", partial(switch, lang))
    for module in course.ordered_modules():
        checks.check(f"show {module.id}", partial(window.reader.navigate, Location(module.id)))
    quiz_module = next((m for m in course.ordered_modules() if m.source and m.source.quizzes), None)
    if quiz_module is not None:

        def quiz_round() -> None:
            window.reader.open_quiz(quiz_module.id, quiz_module.source.quizzes[0].id)
            dialog = window.reader.quiz_dialog
            if dialog is None:
                raise AssertionError("the quiz did not open")
            dialog.submit()
            dialog.close()

        checks.check("open, submit and close a quiz", quiz_round)
    if glossary_path(course.root).is_file():
        checks.check("open and search the glossary", partial(_glossary_window, window))
    app.processEvents()
    window.reader.pages.shutdown()
    window.close()
    languages.switch("en")


def _glossary_window(window) -> None:
    from courseware_app.ui.glossary_part import install_glossary

    part = install_glossary(window)
    part.show_glossary()
    glossary = part.glossary_window
    if glossary is None or glossary.list.topLevelItemCount() == 0:
        raise AssertionError("the glossary window is empty")
    glossary.search.setText("профиль риска")
    if glossary.current_entry() is None:
        raise AssertionError("the glossary search found nothing")
    glossary.close()


def check_pdf(checks: Checks, course, data) -> None:
    """A one-module handout written as a PDF (the bundled fonts, the PDF writer), and its
    module's title found in the file (the text is embedded with its Unicode map)."""
    from courseware_app.core.course import Status

    lang = course.source_language
    module = next((m for m in course.ordered_modules() if m.status(lang) != Status.ERROR), None)
    if module is None:
        checks.skip("write a PDF handout", _("no module loads"))
        return

    def write() -> None:
        from courseware_app.core.documents import DocumentRequest, build_document
        from courseware_app.printing import write_pdf

        document = build_document(course, DocumentRequest("handout", (module.id,), lang))
        path = data / "selftest-handout.pdf"
        write_pdf(document, path)
        title = module.title(lang)
        if b"/FontFile2" not in path.read_bytes() or not _pdf_has_text(path, title):
            raise AssertionError(f"{path}: the fonts or the title are not in the PDF")

    checks.check("write a PDF handout", write)


def _pdf_has_text(path: Path, text: str) -> bool:
    """Whether the PDF's ToUnicode maps (how a reader gets characters back from glyphs) hold
    every letter of ``text``: cheap, no PDF parser."""
    import re
    import zlib

    raw = path.read_bytes()
    mapped: set[bytes] = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        if b"begincmap" not in stream:
            try:
                stream = zlib.decompress(stream)
            except zlib.error:
                continue
        if b"begincmap" in stream:
            mapped.update(m.upper() for m in re.findall(rb"<([0-9A-Fa-f]{4})>", stream))
    wanted = {f"{ord(c):04X}".encode() for c in text if not c.isspace()}
    return bool(wanted) and wanted <= mapped


def check_start_page(checks: Checks, content) -> None:
    """The start-up's two ways: everything first (no record yet), then the recorded page
    painted before the course is attached (core.startpage). In a folder of their own, made
    for this run: a record left by an earlier run in the data folder would fail the first."""
    from argparse import Namespace

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from courseware_app.app import attach_everything, open_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)  # check_gui made it
    options = Namespace(lang="en", trainer=False, content=str(content), open=None, data_dir=None)

    def start(expect_start_page: bool) -> None:
        window, languages = open_window(options, app, folder)
        try:
            if window.start_page_shown != expect_start_page:
                raise AssertionError(f"start page shown: {window.start_page_shown}")
            window.show()
            attach_everything(window, options, folder, languages, log_to_file=False)
            window.reader.open_start()
            if window.reader.location is None:
                raise AssertionError("no page opened")
        finally:
            window.close()
            window.deleteLater()  # gone now, not at some later language switch
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    with tempfile.TemporaryDirectory(prefix="courseware-start-up-") as tmp:
        folder = Path(tmp)
        checks.check("start without a start page", lambda: start(False))
        checks.check("start from the recorded start page", lambda: start(True))


def run(args) -> int:
    started = time.perf_counter()
    checks = Checks()
    checks.verbose = bool(getattr(args, "verbose", False))
    content = paths.content_dir(args.content, args.data_dir)
    missing = no_course(content, "self-test")
    if missing:
        return missing
    with tempfile.TemporaryDirectory(prefix="courseware-selftest-") as tmp:
        data = paths.data_dir(args.data_dir) if args.data_dir else Path(tmp)
        course = check_content(checks, content)
        if course is not None:
            check_search(checks, course, data)
            check_glossary(checks, course)
            check_gui(checks, course, data)
            check_pdf(checks, course, data)
            if course.errors:  # no start page is recorded for content that failed to load
                checks.skip("start-up with a start page", _("the content has errors"))
            else:
                check_start_page(checks, content)
    report(checks, time.perf_counter() - started)
    return 1 if checks.failures else 0


def report(checks: Checks, seconds: float) -> None:
    for failure in checks.failures:
        print(f"FAIL {failure}", file=sys.stderr)
    for skipped in checks.skipped:
        print(f"SKIP {skipped}", file=sys.stderr)
    counts = {"passed": checks.passed, "failed": len(checks.failures), "seconds": f"{seconds:.1f}"}
    if checks.skipped:
        summary = _("self-test: {passed} passed, {failed} failed, {skipped} skipped ({seconds} s)")
        print(summary.format(skipped=len(checks.skipped), **counts))
    else:
        print(_("self-test: {passed} passed, {failed} failed ({seconds} s)").format(**counts))
