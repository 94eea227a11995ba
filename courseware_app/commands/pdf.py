"""courseware pdf: a handout, trainer guide, paper quiz, answer key, session plan or
certificate as a PDF file (core.documents decides what it holds, courseware_app.printing draws it)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from courseware_app.commands.common import BAD_USAGE, cannot_write, fail, load_content
from courseware_app.core import paths
from courseware_app.core.documents.model import KINDS, PAPERS
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.languages import LANGUAGES

COMMAND = "pdf"


def register(sub, common) -> None:
    p = sub.add_parser(
        COMMAND,
        parents=[common],
        help=_("write a handout, trainer guide, quiz, answer key, session plan or certificate"),
    )
    p.add_argument("--kind", choices=KINDS, required=True, help=_("the kind of document"))
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--modules", metavar="ID,ID", help=_("these modules, in this order (default: all)")
    )
    which.add_argument("--all", action="store_true", help=_("every module of the course"))
    # SUPPRESS keeps `courseware --lang ru pdf ...` (the global option) working too.
    p.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_("the document's language")
    )
    p.add_argument("--profile", metavar="NAME", help=_("the learner a certificate is for"))
    p.add_argument("--paper", choices=PAPERS, default="a4", help=_("paper size (default: a4)"))
    p.add_argument(
        "--start", metavar="HH:MM", default="09:00", help=_("a session plan's start time")
    )
    p.add_argument("--no-breaks", action="store_true", help=_("a session plan without breaks"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the PDF to write"))
    p.set_defaults(func=run)


def _modules(args) -> tuple[str, ...]:
    if args.all or not args.modules:
        return ()
    return tuple(m.strip() for m in args.modules.split(",") if m.strip())


def ensure_gui_application():
    """The QGuiApplication that fonts and pictures need (offscreen when there is no display)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{done}/{total}…")
    sys.stderr.flush()


def run(args) -> int:
    lang = getattr(args, "lang", None)
    if lang is None:
        return fail(
            COMMAND,
            _("say --lang (one of: {languages})").format(languages=", ".join(LANGUAGES)),
            BAD_USAGE,
        )
    output = Path(args.output)
    if output.is_dir():
        return fail(
            COMMAND, _("{path} is a folder; give a file name").format(path=output), BAD_USAGE
        )
    course = load_content(args.content, COMMAND, args.data_dir)
    if isinstance(course, int):
        return course
    from courseware_app.core.documents import DocumentError, DocumentRequest, build_document

    request = DocumentRequest(
        kind=args.kind,
        modules=_modules(args),
        lang=lang,
        profile=args.profile,
        paper=args.paper,
        start=args.start,
        breaks=not args.no_breaks,
    )
    try:
        document = build_document(course, request, paths.data_dir(args.data_dir))
    except DocumentError as exc:
        return fail(COMMAND, str(exc))
    return _write(document, output, args.paper)


def _write(document, output: Path, paper: str) -> int:
    ensure_gui_application()
    from courseware_app.printing import write_pdf

    progress = _progress if sys.stderr.isatty() else None
    try:
        count = write_pdf(document, output, paper, progress=progress)
    except OSError as exc:
        return fail(COMMAND, cannot_write(output, exc))
    finally:
        if progress is not None:
            sys.stderr.write("\r\033[K")
    message = ngettext("{path}: {count} page", "{path}: {count} pages", count)
    print(message.format(path=output, count=count))
    return 0
