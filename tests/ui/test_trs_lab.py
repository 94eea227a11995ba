"""The TRS lab: opening trs-02's dataset and a user's file, the column mapping, the tables and
pictures of the chosen segment, the exports (CSV, PNG, SVG, PDF), a Cancel, a language switch."""

import subprocess
import sys
import threading
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from courseware_app.core.formats import format_number, format_percentage
from courseware_app.core.trs import analyse, make_plan, read_extract, to_document
from courseware_app.ui.trs_lab.charts import BoxPlot, MedianBars
from courseware_app.ui.trs_lab.jobs import LabJob
from courseware_app.ui.trs_lab.mapping import IDENTIFIER, SEGMENT, UNUSED, MappingDialog
from courseware_app.ui.trs_lab.window import LabWindow
from tests.conftest import BUNDLED_CONTENT, ROOT

DATASET = BUNDLED_CONTENT / "modules" / "trs-02" / "consignments.csv"


@pytest.fixture
def lab(qtbot):
    window = LabWindow(DATASET)
    qtbot.addWidget(window)
    window.show()
    return window


def opened(qtbot, lab, path=None):
    with qtbot.waitSignal(lab.job.idle, timeout=10000):
        if path is None:
            lab.actions_["openDataset"].trigger()
        else:
            lab.open_path(path)
    qtbot.waitUntil(lambda: lab.analysis is not None and not lab.job.running, timeout=10000)
    return lab.analysis


def cell(table, row, column):
    return table.item(row, column).text()


def test_the_lab_opens_trs02s_dataset_segmented_by_channel(qtbot, lab):
    analysis = opened(qtbot, lab)
    assert analysis.milestones == ("arrival", "declaration_lodged", "release")
    assert analysis.by == ("channel",) and analysis.rows == 42
    assert "42 rows, 40 consignments with every milestone" in lab.about.text()
    labels = [lab.results.segment_box.itemText(i) for i in range(lab.results.segment_box.count())]
    assert labels == [
        "All consignments (n=40)",
        "channel = green (n=22)",
        "channel = yellow (n=11)",
        "channel = red (n=7)",
    ]


def test_the_segment_table_shows_the_numbers_of_the_json_document(qtbot, lab):
    opened(qtbot, lab)
    extract = read_extract(DATASET)
    doc = to_document(analyse(extract, make_plan(extract, by=["channel"])))
    table = lab.results.segment_table
    for index, segment in enumerate(doc["segments"]):
        lab.results.segment_box.setCurrentIndex(index)
        for row, interval in enumerate(segment["intervals"]):
            assert [cell(table, row, c) for c in range(2)] == [interval["from"], interval["to"]]
            keys = ("count", "mean_min", "median_min", "p90_min", "max_min")
            assert [cell(table, row, 2 + k) for k in range(5)] == [
                format_number(interval[key]) for key in keys
            ]
            assert cell(table, row, 7) == format_percentage(interval["share"])
            neck = segment["bottleneck"]
            is_neck = (interval["from"], interval["to"]) == (neck["from"], neck["to"])
            assert cell(table, row, 8) == ("bottleneck" if is_neck else "")
        total = len(segment["intervals"])
        figures = [segment["count"], *segment["total"].values()]
        assert [cell(table, total, 2 + k) for k in range(5)] == [format_number(v) for v in figures]
        assert cell(table, total, 8) == "total"
        assert f"Bottleneck: {neck['from']} → {neck['to']}" in lab.results.bottleneck.text()


def test_the_report_tables_hold_outliers_the_cleaning_log_and_pre_arrival(qtbot, lab):
    opened(qtbot, lab)
    titles = [lab.results.tabs.tabText(i) for i in range(lab.results.tabs.count())]
    assert titles[:2] == ["Chosen segment", "Pictures"]
    assert {"Outliers (1.5 × IQR)", "Cleaning log", "Pre-arrival declarations"} <= set(titles)
    log = lab.results.report_tables[titles.index("Cleaning log") - 2]
    rows = [[cell(log, r, c) for c in range(3)] for r in range(log.rowCount())]
    assert rows == [
        ["16", "ALT-015", "release before declaration_lodged"],
        ["43", "ALT-042", "missing timestamp: release"],
    ]


def test_both_pictures_are_drawn_and_said_in_words(qtbot, lab):
    opened(qtbot, lab)
    lab.results.tabs.setCurrentIndex(1)
    box, bars = lab.results.box_chart, lab.results.bar_chart
    qtbot.waitUntil(lambda: box.isVisible() and bars.isVisible())
    assert box.accessibleName() == "Distribution of each interval: All consignments"
    assert "arrival → declaration_lodged: median 50 min" in box.accessibleDescription()
    assert "Total (arrival → release): median 121.5 min" in box.accessibleDescription()
    assert "channel = red (n=7): 60 + 395 min" in bars.accessibleDescription()
    lab.results.segment_box.setCurrentIndex(3)
    assert box.accessibleName() == "Distribution of each interval: channel = red"
    picture = box.grab().toImage()
    colours = {picture.pixel(x, y) for x in range(0, picture.width(), 7)
               for y in range(0, picture.height(), 7)}  # fmt: skip
    assert len(colours) > 3  # painted: more than a blank background


def test_pictures_export_as_png_and_svg_with_real_text(qtbot, lab, tmp_path):
    analysis = opened(qtbot, lab)
    png, svg = tmp_path / "box.png", tmp_path / "bars.svg"
    lab.save_picture(BoxPlot(analysis.segments[1]), ".png", png)
    lab.save_picture(MedianBars(analysis), ".svg", svg)
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 1600
    root = ET.parse(svg).getroot()
    texts = "".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Median of each interval, per segment" in texts and "channel = green" in texts
    assert lab.message.text() == f"Saved {svg}"


def test_csv_and_pdf_exports_write_valid_files(qtbot, lab, tmp_path):
    analysis = opened(qtbot, lab)
    lab.export_csv(tmp_path / "report.csv")
    data = (tmp_path / "report.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "Cleaning log" in data.decode("utf-8-sig")
    lab.export_pdf(tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: not lab.pdf_job.running, timeout=20000)
    assert lab.message.text() == f"Saved {tmp_path / 'report.pdf'}"
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert analysis is lab.analysis


def test_an_unwritable_picture_is_said_not_raised(qtbot, lab, tmp_path):
    analysis = opened(qtbot, lab)
    lab.save_picture(MedianBars(analysis), ".png", tmp_path / "missing" / "bars.png")
    assert lab.message.text().startswith(f"The file {tmp_path / 'missing' / 'bars.png'}")


def test_the_mapping_dialog_shows_roles_and_a_changed_mapping_changes_the_result(qtbot, lab):
    opened(qtbot, lab)
    dialog = lab.edit_columns()
    recognised = {cell(dialog.table, r, 0): cell(dialog.table, r, 2) for r in range(6)}
    assert recognised["arrival"] == "Arrival" and recognised["release"] == "Release"
    assert recognised["declaration_lodged"] == "Declaration lodged"
    assert recognised["channel"] == "nothing"
    uses = dialog.uses()
    assert uses["consignment_id"] == IDENTIFIER and uses["channel"] == SEGMENT
    assert uses["mode"] == UNUSED and uses["arrival"] == "arrival"
    box = dialog.use_boxes[lab.extract.header.index("declaration_lodged")]
    box.setCurrentIndex(box.findData(UNUSED))
    mode = dialog.use_boxes[lab.extract.header.index("mode")]
    mode.setCurrentIndex(mode.findData(SEGMENT))
    with qtbot.waitSignal(lab.job.idle, timeout=10000):
        dialog.accept()
    assert lab.analysis.milestones == ("arrival", "release")
    assert lab.analysis.by == ("channel", "mode")
    assert lab.results.segment_table.rowCount() == 1  # one interval, which is the total


def test_the_mapping_dialog_refuses_a_plan_without_two_milestones(qtbot, lab):
    opened(qtbot, lab)
    dialog = lab.edit_columns()
    box = dialog.use_boxes[lab.extract.header.index("release")]
    box.setCurrentIndex(box.findData(UNUSED))
    box = dialog.use_boxes[lab.extract.header.index("arrival")]
    box.setCurrentIndex(box.findData(UNUSED))
    assert dialog.plan() is None
    assert dialog.problem.text() == "Choose at least two milestone columns."
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_a_users_file_with_unknown_headers_opens_the_mapping_and_reports_ambiguity(
    qtbot, lab, tmp_path
):
    path = tmp_path / "post.csv"
    rows = ["n;t1;t2", "A;01/02/2025 08:00;01/02/2025 09:30", "B;03/04/2025 10:00;03/04/2025 10:45"]
    path.write_text("\n".join(rows) + "\n", encoding="cp1251")
    with qtbot.waitSignal(lab.job.idle, timeout=10000):
        lab.open_path(path)
    dialog = lab.findChild(MappingDialog)
    assert dialog is not None and dialog.isVisible()
    assert "fewer than two milestone columns" in lab.message.text()
    for column, role in (("t1", "arrival"), ("t2", "release")):
        box = dialog.use_boxes[lab.extract.header.index(column)]
        box.setCurrentIndex(box.findData(role))
    assert "every date reads both as day/month and as month/day" in dialog.problem.text()
    assert "ambiguous" in dialog.form_boxes[1].currentText()
    with qtbot.waitSignal(lab.job.idle, timeout=10000):
        dialog.accept()
    assert lab.analysis.segments[0].total.median == 67.5


def test_cancel_stops_an_analysis(qtbot):
    job = LabJob()
    started, results = threading.Event(), []

    def slow(progress, cancelled):
        started.set()
        for n in range(500):
            if cancelled():
                from courseware_app.core.trs import TrsCancelled

                raise TrsCancelled
            progress(n, 500)
            threading.Event().wait(0.01)
        return "finished"

    with qtbot.waitSignal(job.cancelled, timeout=10000):
        job.start(slow, results.append)
        started.wait(5)
        job.cancel()
    assert results == [] and not job.running


def test_the_cancel_button_stops_the_labs_analysis(qtbot, lab, monkeypatch):
    opened(qtbot, lab)
    gate = threading.Event()
    import courseware_app.ui.trs_lab.window as window_module

    def held(extract, plan, progress, cancelled):
        gate.wait(5)
        return analyse(extract, plan, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(window_module, "analyse", held)
    shown = lab.analysis
    with qtbot.waitSignal(lab.job.cancelled, timeout=10000):
        lab.run(lab.plan)
        assert lab.busy.isVisible()
        lab.cancel_button.click()
        gate.set()
    assert lab.message.text() == "The analysis was cancelled."
    assert lab.analysis is shown and not lab.busy.isVisible()


def test_the_lab_follows_a_language_switch(qtbot, lab):
    from PySide6.QtWidgets import QApplication

    from courseware_app.ui.retranslate import LanguageController

    opened(qtbot, lab)
    LanguageController(QApplication.instance(), None).switch("ru")
    qtbot.waitUntil(lambda: lab.file_menu.title() == "&Файл")
    tabs = [lab.results.tabs.tabText(i) for i in range(lab.results.tabs.count())]
    assert "Журнал очистки данных" in tabs  # the report's tables, made again in Russian
    assert lab.results.segment_table.horizontalHeaderItem(2).text() == "Кол-во"


def test_opening_the_window_part_imports_no_lab_chart_or_svg_module():
    code = (
        "import sys; import courseware_app.ui.trs_part; "
        "print([m for m in sys.modules if m.startswith('courseware_app.ui.trs_lab') "
        "or m == 'PySide6.QtSvg'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
