"""What each printed document contains (Qt-free): ``build_document(course, request)`` -> HTML
parts; courseware_app.printing lays them out on pages and writes the PDF."""

from __future__ import annotations

from pathlib import Path

from courseware_app.core.course import Course
from courseware_app.core.documents.model import (
    KINDS,
    PAPERS,
    TRAINEE_KINDS,
    Document,
    DocumentError,
    DocumentRequest,
)

__all__ = [
    "KINDS",
    "PAPERS",
    "TRAINEE_KINDS",
    "Document",
    "DocumentError",
    "DocumentRequest",
    "build_document",
]


def build_document(
    course: Course, request: DocumentRequest, data_dir: Path | None = None
) -> Document:
    """The document ``request`` asks for, in its language; DocumentError (a translated message)
    when it cannot be made. ``data_dir`` holds the progress a certificate reads. Translates with
    the global catalog switched to the document's language meanwhile: one thread at a time."""
    from courseware_app.core.documents import certificate, handout, plan, quizdocs  # noqa: F401
    from courseware_app.core.documents.context import assets, make_context
    from courseware_app.core.documents.registry import KIND_CLASSES
    from courseware_app.core.documents.style import PRINT_CSS
    from courseware_app.core.i18n import _, in_language

    if request.kind not in KIND_CLASSES:
        message = _("unknown kind “{kind}” (kinds: {kinds})")
        raise DocumentError(message.format(kind=request.kind, kinds=", ".join(KINDS)))
    if request.paper not in PAPERS:
        message = _("unknown paper “{paper}” (papers: {papers})")
        raise DocumentError(message.format(paper=request.paper, papers=", ".join(PAPERS)))
    ctx = make_context(course, request)
    kind = KIND_CLASSES[request.kind]()
    kind.check(ctx, data_dir)
    with in_language(request.lang):
        pages = kind.build(ctx, data_dir)
        label = _("Page {page} of {pages}")
    parts = tuple(pages.parts)
    return Document(
        title=f"{pages.title} — {ctx.course_title}",
        lang=request.lang,
        running_title=ctx.course_title,
        parts=parts,
        part_titles=tuple(pages.headers),
        style=PRINT_CSS,
        page_label=label,
        assets=assets(course, parts),
    )
