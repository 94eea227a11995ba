"""The print worker: outcomes of a write (pages, an error said for people, a cancel)."""

import threading
from pathlib import Path

from courseware_app.core.documents import Document
from courseware_app.printing import PrintCancelled
from courseware_app.ui.print_export import DocumentJob, Outcome, file_error, printer_error

DOC = Document(title="t", lang="en", running_title="t", parts=("<p>x</p>",) * 3)


def run(qtbot, write, failure=printer_error, then=None):
    job = DocumentJob()
    steps = []
    job.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=10000) as finished:
        job.start(DOC, write, failure)
        if then is not None:
            then(job)
    assert not job.running
    return finished.args[0], steps


def test_pages_written_and_progress_arrive_on_the_ui_thread(qtbot):
    threads = []

    def write(doc, progress, cancelled):
        for n in range(len(doc.parts)):
            threads.append(threading.current_thread())
            progress(n + 1, len(doc.parts))
        return 3

    outcome, steps = run(qtbot, write)
    assert outcome == Outcome(pages=3) and steps == [(1, 3), (2, 3), (3, 3)]
    assert threading.main_thread() not in threads


def test_an_oserror_is_said_for_the_file_or_the_printer(qtbot):
    def refused(_doc, _progress, _cancelled):
        raise PermissionError(13, "Permission denied", "/x/.guide.pdf.tmp")

    outcome, _steps = run(qtbot, refused, file_error(Path("/x/guide.pdf")))
    assert outcome.error == "The file /x/guide.pdf could not be written: Permission denied"
    outcome, _steps = run(qtbot, refused)
    assert outcome.error == "The printer could not print: Permission denied"


def test_a_cancel_is_a_cancel_whether_the_writer_raises_or_stops_early(qtbot):
    started, go = threading.Event(), threading.Event()

    def stops_early(_doc, progress, cancelled):  # a printer: the pages printed so far
        progress(1, 3)
        started.set()
        go.wait(5)
        return 1 if cancelled() else 3

    def cancel(job):
        started.wait(5)
        job.cancel()
        go.set()

    outcome, _steps = run(qtbot, stops_early, then=cancel)
    assert outcome == Outcome(pages=1, cancelled=True)

    def raises(_doc, _progress, _cancelled):  # write_pdf: nothing written
        raise PrintCancelled()

    assert run(qtbot, raises)[0] == Outcome(cancelled=True)


def test_a_cancel_after_the_last_page_still_counts_the_document_done(qtbot):
    def done_then_cancelled(_doc, progress, _cancelled):
        progress(3, 3)
        return 3

    def cancel(job):
        job.cancel()

    assert run(qtbot, done_then_cancelled, then=cancel)[0] == Outcome(pages=3)


def test_an_unexpected_failure_ends_the_job_with_its_message(qtbot):
    def broken(_doc, _progress, _cancelled):
        raise ValueError("bad page")

    outcome, _steps = run(qtbot, broken)
    assert outcome.error == "ValueError: bad page" and not outcome.cancelled
