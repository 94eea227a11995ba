"""File › Print… and File › Export PDF…: the actions, the choices, the preview, the worker."""

import subprocess
import sys

import pypdf
import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from courseware_app.core.documents import DocumentRequest
from courseware_app.core.progress import ProgressStore
from courseware_app.ui import print_dialog, print_preview
from courseware_app.ui.print_choices import ChoiceDefaults, DocumentChoices
from courseware_app.ui.print_part import install_print
from courseware_app.ui.progress_ui import install_progress
from tests.conftest import ROOT


@pytest.fixture
def printing(make_window, tmp_path):
    """A window with its print part; returns (window, part)."""
    window = make_window()
    return window, install_print(window, tmp_path / "data")


def pick(box, data):
    box.setCurrentIndex(box.findData(data))


def choose_modules(dialog, *ids):
    from PySide6.QtCore import Qt

    dialog.choices.scope_buttons["chosen"].setChecked(True)
    items = dialog.choices.module_list
    for row in range(items.count()):
        item = items.item(row)
        on = item.data(Qt.ItemDataRole.UserRole) in ids
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), "*.pdf"))


def pdf_text(path):
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def export(qtbot, dialog, then=None):
    """Press Export PDF… (or Print…), do ``then`` at once, and wait for the worker; the outcome."""
    with qtbot.waitSignal(dialog.job.finished, timeout=30000) as finished:
        dialog.go_button.click()
        if then is not None:
            then()
    return finished.args[0]


def test_print_and_export_pdf_sit_before_quit_with_their_own_shortcuts(printing):
    window, part = printing
    names = [a.objectName() for a in window.menu("file").actions()]
    assert names[-4:] == ["print", "exportPdf", "", "quit"]
    assert part.actions["print"].shortcut() == QKeySequence("Ctrl+P")
    assert part.actions["exportPdf"].shortcut() == QKeySequence("Ctrl+Shift+E")
    taken = [
        (a.objectName(), k.toString())
        for a in window.findChildren(type(part.actions["print"]))
        for k in a.shortcuts()
    ]
    keys = [k for _name, k in taken]
    assert keys.count("Ctrl+P") == 1 and keys.count("Ctrl+Shift+E") == 1
    assert part.actions["exportPdf"].text() == "Export P&DF…"
    part.actions["print"].trigger()
    assert part.dialog.objectName() == "printDialog" and part.dialog.isVisible()
    first = part.dialog
    part.actions["exportPdf"].trigger()  # one dialog at a time
    assert part.dialog.objectName() == "exportPdfDialog" and not first.isVisible()


def test_attaching_the_part_imports_neither_print_support_nor_documents():
    code = (
        "import sys; import courseware_app.ui.print_part; "
        "print([m for m in ('PySide6.QtPrintSupport', 'courseware_app.core.documents', "
        "'courseware_app.printing', 'courseware_app.ui.print_dialog') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_choices_make_the_request(qtbot, printing):
    window, _part = printing
    course = window.reader.course
    defaults = ChoiceDefaults("beta", "fr", ("Ann", "Бекзат"), "Бекзат")
    choices = DocumentChoices(course, defaults)
    qtbot.addWidget(choices)
    assert choices.request() == DocumentRequest("handout", ("beta",), "fr", None, "a4", "09:00")
    assert not choices.profile_box.isEnabled() and not choices.start_edit.isEnabled()
    pick(choices.kind_box, "certificate")
    assert choices.profile_box.isEnabled() and not choices.start_edit.isEnabled()
    choices.scope_buttons["all"].setChecked(True)
    pick(choices.lang_box, "ru")
    pick(choices.paper_box, "letter")
    assert choices.request() == DocumentRequest("certificate", (), "ru", "Бекзат", "letter")
    pick(choices.kind_box, "session-plan")
    choices.start_edit.setTime(QTime(8, 30))
    choices.breaks_box.setChecked(False)
    choices.scope_buttons["chosen"].setChecked(True)
    assert choices.module_list.isEnabled() and choices.modules() == ("beta",)
    expected = DocumentRequest("session-plan", ("beta",), "ru", None, "letter", "08:30", False)
    assert choices.request() == expected
    assert choices.module_list.item(0).text() == course.modules["alpha"].title("ru")


def test_the_dialog_starts_on_the_module_being_read_with_the_progress_profiles(
    make_window, tmp_path
):
    data = tmp_path / "data"
    window = make_window(start=False)
    progress = install_progress(window, ProgressStore.open(data), data, pick=False)
    progress.profile_manager.new("Бекзат")
    window.reader.open_start()
    dialog = install_print(window, data).open_dialog("pdf")
    defaults = print_dialog.choice_defaults(window)
    assert defaults.module == window.reader.location.module
    assert "Бекзат" in defaults.profiles and defaults.profile == progress.profile.name
    assert dialog.choices.profile_box.findData("Бекзат") >= 0
    assert dialog.windowTitle() == "Export PDF" and dialog.isVisible()


def test_the_preview_shows_the_document_or_why_not(qtbot, printing):
    _window, part = printing
    dialog = part.open_dialog("pdf")
    assert dialog.preview.document is not None and dialog.go_button.isEnabled()
    assert dialog.preview.stack.currentWidget() is dialog.preview.pages
    choose_modules(dialog)
    dialog.refresh_preview()
    assert dialog.preview.message.text() == "Choose at least one module."
    assert not dialog.go_button.isEnabled()
    dialog.choices.scope_buttons["all"].setChecked(True)  # gamma has errors in the test content
    qtbot.waitUntil(lambda: "gamma" in dialog.preview.message.text())
    assert dialog.preview.document is None


def test_the_preview_of_a_long_document_says_it_shows_its_first_parts(printing, monkeypatch):
    _window, part = printing
    monkeypatch.setattr(print_preview, "PREVIEW_PARTS", 2)
    dialog = part.open_dialog("pdf")
    pick(dialog.choices.kind_box, "trainer-guide")
    choose_modules(dialog, "alpha", "beta")
    dialog.refresh_preview()
    parts = len(dialog.document(dialog.choices.request()).parts)
    assert (
        parts > print_preview.PREVIEW_PARTS
        and len(dialog.preview.document.parts) == print_preview.PREVIEW_PARTS
    )
    assert dialog.preview.note.text() == (
        f"The preview shows the first {print_preview.PREVIEW_PARTS} parts of {parts}; the document holds "
        "them all."
    )
    choose_modules(dialog, "beta")
    dialog.refresh_preview()
    assert dialog.preview.note.text() == ""


def test_export_writes_the_pdf_on_the_worker_with_progress(qtbot, printing, monkeypatch, tmp_path):
    window, part = printing
    dialog = part.open_dialog("pdf")
    pick(dialog.choices.kind_box, "trainer-guide")
    choose_modules(dialog, "alpha", "beta")
    save_as(monkeypatch, tmp_path / "guide")  # the suffix is added
    steps = []
    dialog.job.progress.connect(lambda done, total: steps.append((done, total)))
    outcome = export(qtbot, dialog)
    target = tmp_path / "guide.pdf"
    pages, text = pdf_text(target)
    assert outcome.pages == pages and not outcome.error and not outcome.cancelled
    assert steps[-1] == (pages, pages) and len(steps) == pages
    assert "Alpha module" in text and "Beta module" in text
    assert dialog.result() == QDialog.DialogCode.Accepted and part.dialog is None
    assert window.statusBar().currentMessage() == f"Saved {target} ({pages} pages)."
    assert part.folder == tmp_path
    assert sorted(p.name for p in tmp_path.glob("*guide*")) == ["guide.pdf"]  # no temp file


def test_cancel_leaves_no_file(qtbot, printing, monkeypatch, tmp_path):
    window, part = printing
    dialog = part.open_dialog("pdf")
    pick(dialog.choices.kind_box, "trainer-guide")
    choose_modules(dialog, "alpha", "beta")
    save_as(monkeypatch, tmp_path / "out" / "guide.pdf")
    (tmp_path / "out").mkdir()
    outcome = export(qtbot, dialog, then=dialog.cancel_button.click)
    assert outcome.cancelled and not outcome.error
    assert list((tmp_path / "out").iterdir()) == []
    assert dialog.isVisible() and dialog.choices.isEnabled() and dialog.go_button.isEnabled()
    assert window.statusBar().currentMessage() == "Cancelled: nothing was written."


def test_an_unwritable_folder_says_so_and_leaves_nothing(qtbot, printing, monkeypatch, tmp_path):
    _window, part = printing
    dialog = part.open_dialog("pdf")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[1:3]))
    target = tmp_path / "missing" / "handout.pdf"
    save_as(monkeypatch, target)
    outcome = export(qtbot, dialog)
    assert outcome.error and warnings == [("Export PDF", outcome.error)]
    assert outcome.error.startswith(f"The file {target} could not be written: ")
    assert not target.parent.exists() and dialog.isVisible()


def test_a_document_error_is_a_message_box_and_no_file(make_window, monkeypatch, tmp_path):
    data = tmp_path / "data"
    window = make_window(start=False)
    install_progress(window, ProgressStore.open(data), data, pick=False)
    window.reader.open_start()
    dialog = install_print(window, data).open_dialog("pdf")
    pick(dialog.choices.kind_box, "certificate")  # the profile has completed nothing
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    save_as(monkeypatch, tmp_path / "certificate.pdf")
    dialog.go_button.click()
    assert warnings == ["“Learner” has completed no module yet: there is nothing to certify"]
    dialog.refresh_preview()
    assert dialog.preview.message.text() == warnings[0]
    assert not dialog.job.running and not (tmp_path / "certificate.pdf").exists()


def test_print_sends_the_document_to_the_printer_chosen(qtbot, printing, monkeypatch, tmp_path):
    window, part = printing
    dialog = part.open_dialog("print")
    pick(dialog.choices.kind_box, "quiz")
    pick(dialog.choices.paper_box, "letter")
    printed = tmp_path / "printed.pdf"
    asked = []

    def printer(_parent, paper):
        asked.append(paper)
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        print_dialog.set_paper(p, paper)
        return p

    monkeypatch.setattr(print_dialog, "ask_printer", printer)
    assert dialog.windowTitle() == "Print" and dialog.go_button.text() == "&Print…"
    outcome = export(qtbot, dialog)
    pages, _text = pdf_text(printed)
    assert asked == ["letter"] and outcome.pages == pages
    box = pypdf.PdfReader(str(printed)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert window.statusBar().currentMessage().startswith("Sent ")


def test_closing_during_an_export_cancels_it(qtbot, printing, monkeypatch, tmp_path):
    _window, part = printing
    dialog = part.open_dialog("pdf")
    pick(dialog.choices.kind_box, "trainer-guide")
    choose_modules(dialog, "alpha", "beta")
    save_as(monkeypatch, tmp_path / "guide.pdf")
    dialog.go_button.click()
    assert dialog.job.running and dialog.bar.isVisible() and not dialog.choices.isEnabled()
    dialog.reject()  # waits for the worker
    assert not dialog.job.running and part.dialog is None
    assert not (tmp_path / "guide.pdf").exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
