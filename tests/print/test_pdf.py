"""courseware_app.printing: the PDF as a reader sees it (pypdf extracts its text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from courseware_app.core.documents import KINDS, DocumentRequest, build_document
from courseware_app.core.i18n import translator
from tests.print.conftest import normal, pdf_text

A4 = (595, 842)  # points
LETTER = (612, 792)


def write(course, tmp_path: Path, kind="handout", modules=("alpha",), lang="en", **kw) -> Path:
    from courseware_app.printing import write_pdf

    paper = kw.get("paper", "a4")
    document = build_document(course, DocumentRequest(kind, modules, lang, **kw))
    path = tmp_path / f"{kind}-{lang}-{'-'.join(modules)}.pdf"
    count = write_pdf(document, path, paper)
    assert count == len(PdfReader(path).pages)
    return path


def page_size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_a4_by_default_and_letter_when_asked(qapp, course, tmp_path):
    assert page_size(write(course, tmp_path)) == A4
    assert page_size(write(course, tmp_path, lang="fr", paper="letter")) == LETTER


def test_every_page_says_page_n_of_m(qapp, course, tmp_path):
    reader = PdfReader(write(course, tmp_path))
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} of {total}" in normal(page.extract_text())


def test_the_running_header_is_the_module_title(qapp, course, tmp_path):
    reader = PdfReader(write(course, tmp_path))
    assert normal(reader.pages[1].extract_text()).startswith("Alpha module")


def test_trainee_pdf_has_no_note_or_explanation_and_the_guide_has_both(qapp, course, tmp_path):
    for kind in ("handout", "quiz"):
        text = pdf_text(write(course, tmp_path, kind))
        assert "SECRET-TRAINER-TEXT" not in text and "SECRET-EXPLANATION" not in text
    for kind, expected in (("trainer-guide", 2), ("answer-key", 1)):
        text = pdf_text(write(course, tmp_path, kind))
        found = ("SECRET-TRAINER-TEXT" in text) + ("SECRET-EXPLANATION" in text)
        assert found == expected, kind


def test_cyrillic_and_french_accents_extract_as_written(qapp, bundled, tmp_path):
    ru = pdf_text(write(bundled, tmp_path, modules=("rm-02",), lang="ru"))
    assert normal("Процесс управления рисками") in ru
    assert normal("Определение контекста и выявление рисков") in ru
    fr = pdf_text(write(bundled, tmp_path, modules=("rm-02",), lang="fr"))
    assert normal("Le processus en un coup d’œil") in fr
    assert normal("Établir le contexte") in fr


def test_no_ligature_glyphs_in_the_text(qapp, bundled, tmp_path):
    raw = " ".join(
        p.extract_text() for p in PdfReader(write(bundled, tmp_path, modules=("rm-02",))).pages
    )
    assert "fi" in raw and "fl" in raw
    assert not any("\ufb00" <= c <= "\ufb06" for c in raw)


def test_fonts_are_embedded(qapp, course, tmp_path):
    reader = PdfReader(write(course, tmp_path, lang="ru"))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
        assert "DejaVu" in str(font["/BaseFont"])


def test_pictures_are_drawn_sharp(qapp, course):
    from courseware_app.printing.images import PRINT_DPI, picture

    svg = course.modules["alpha"].folder / "diagram.svg"
    image = picture(svg, 600.0, 96.0)
    assert image is not None
    assert image.devicePixelRatio() == pytest.approx(PRINT_DPI / 96)
    assert image.width() / image.devicePixelRatio() <= 600.0 + 1


def test_progress_is_told_and_a_cancel_leaves_nothing(qapp, course, tmp_path):
    from courseware_app.printing import PrintCancelled, write_pdf

    document = build_document(course, DocumentRequest("trainer-guide", ("alpha",), "en"))
    seen: list[tuple[int, int]] = []
    path = tmp_path / "out" / "guide.pdf"
    path.parent.mkdir()
    write_pdf(document, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] == len(PdfReader(path).pages)
    path.unlink()
    with pytest.raises(PrintCancelled):
        write_pdf(
            document,
            path,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) > 3,
        )
    assert list(path.parent.iterdir()) == []


def test_an_unwritable_place_raises_and_leaves_nothing(qapp, course, tmp_path):
    from courseware_app.printing import write_pdf

    document = build_document(course, DocumentRequest("handout", ("alpha",), "en"))
    with pytest.raises(OSError):
        write_pdf(document, tmp_path / "missing" / "x.pdf")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if not _writable(folder):
            with pytest.raises(OSError):
                write_pdf(document, folder / "x.pdf")
            assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def _writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK)  # root writes anywhere


def test_pages_render_as_images_with_the_same_layout(qapp, course, tmp_path):
    from courseware_app.printing import render_pages

    document = build_document(course, DocumentRequest("handout", ("alpha",), "en"))
    (image,) = render_pages(document, "a4", dpi=72, numbers=[0])
    assert (image.width(), image.height()) == A4


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_matrix_every_kind_and_module_writes_a_pdf(qapp, course, certified, tmp_path, lang):
    from courseware_app.printing import write_pdf

    for module in ("alpha", "beta"):
        for kind in KINDS:
            if kind in ("quiz", "answer-key") and module == "beta":
                continue  # beta has no quiz (refused: tested in test_documents)
            profile = "Анна Петрова" if kind == "certificate" else None
            modules = ("alpha",) if kind == "certificate" else (module,)
            request = DocumentRequest(kind, modules, lang, profile=profile)
            path = tmp_path / f"{kind}-{module}-{lang}.pdf"
            count = write_pdf(build_document(course, request, certified), path)
            text = pdf_text(path)
            numbering = translator(lang).gettext("Page {page} of {pages}")
            assert count >= 1 and numbering.format(page=count, pages=count) in text
            if kind == "certificate":
                assert "Анна Петрова" in text and count == 1


def test_print_to_a_printer_uses_its_paper(qapp, course, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from courseware_app.printing import print_to

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    path = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(path))
    document = build_document(course, DocumentRequest("quiz", ("alpha",), "fr"))
    count = print_to(document, printer)
    assert count == len(PdfReader(path).pages)
    assert page_size(path) == LETTER
    numbering = translator("fr").gettext("Page {page} of {pages}")  # the document's language
    assert numbering.format(page=count, pages=count) in pdf_text(path)
