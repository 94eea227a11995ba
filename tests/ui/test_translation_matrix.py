"""View › Translation matrix: the facts of ``i18n-status --format json``, sortable, coloured and
said in words, exported as CSV; a double click opens side by side."""

import csv
import io
import json

from PySide6.QtCore import Qt

from courseware_app.cli import main
from courseware_app.core.i18n_status import CSV_COLUMNS
from courseware_app.core.loader import load_course
from courseware_app.ui.parity_part import install_parity
from courseware_app.ui.translation_matrix import COLUMNS, FACT, TranslationMatrix, state_text
from tests.conftest import BUNDLED_CONTENT
from tests.core.helpers import COURSE, front, write_tree


def small_course(tmp_path):
    """m1: English 1.1.0, Russian behind it (1.0.0) and with a misspelt trainer note; French
    current. m2: English only."""
    files = {
        "modules/m1/en.md": front("en", version='"1.1.0"')
        + "\n## One {#one}\n\nText in nine words, one more than eight here.\n",
        "modules/m1/ru.md": front("ru")
        + '\n## Один {#one}\n\nТекст.\n\n!!! Trainer "Скажите"\n    Спросите.\n',
        "modules/m1/fr.md": front("fr").replace('"1.0.0"\n---', '"1.1.0"\n---')
        + "\n## Un {#one}\n\nTexte.\n",
        "modules/m2/en.md": front("en", module="m2")
        + "\n## One {#one}\n\nThis text has ten words, two more than eight here.\n",
    }
    return write_tree(tmp_path / "c", files, COURSE)


def status_json(capsys, content) -> dict:
    assert main(["i18n-status", "--format", "json", "--content", str(content)]) == 0
    return json.loads(capsys.readouterr().out)


def filled_matrix(qtbot, content) -> TranslationMatrix:
    course = load_course(content)
    matrix = TranslationMatrix(lambda: course)
    qtbot.addWidget(matrix)
    with qtbot.waitSignal(matrix.filled, timeout=20000):
        matrix.refresh()
    return matrix


def table_facts(matrix) -> dict[tuple[str, str], dict]:
    table = matrix.table
    out = {}
    for r in range(table.rowCount()):
        facts = {key: table.item(r, c).data(FACT) for c, key in enumerate(COLUMNS)}
        out[facts.pop("module"), facts.pop("language")] = facts
    return out


def json_facts(doc) -> dict[tuple[str, str], dict]:
    return {
        (row["module"], lang): {k: v for k, v in cell.items() if k in COLUMNS}
        for row in doc["modules"]
        for lang, cell in row["languages"].items()
    }


def test_the_matrix_shows_the_same_facts_as_i18n_status_json_on_the_bundled_course(qtbot, capsys):
    doc = status_json(capsys, BUNDLED_CONTENT)
    matrix = filled_matrix(qtbot, BUNDLED_CONTENT)
    assert table_facts(matrix) == json_facts(doc)
    assert len(doc["modules"]) == 12 and matrix.table.rowCount() == 36
    cell = doc["modules"][0]["languages"]["ru"]
    assert cell["words"] > 1000 and cell["questions"] > 0 and cell["trainer_notes"] > 0
    assert "catalogs" in doc  # the keys it had are kept


def test_states_are_said_in_words_and_coloured_and_problems_counted(qtbot, capsys, tmp_path):
    content = small_course(tmp_path)
    doc = status_json(capsys, content)
    matrix = filled_matrix(qtbot, content)
    facts = table_facts(matrix)
    assert facts == json_facts(doc)
    assert facts["m1", "ru"]["status"] == "outdated"
    assert facts["m1", "fr"]["status"] == "ok"
    assert facts["m2", "ru"]["status"] == "missing" and facts["m2", "ru"]["words"] is None
    assert facts["m1", "ru"]["warnings"] >= 1  # trainer-note-spelling
    assert facts["m1", "ru"]["trainer_notes"] == 1
    table, state = matrix.table, COLUMNS.index("status")
    shown = {table.item(r, state).text(): table.item(r, state) for r in range(table.rowCount())}
    assert {"current", "outdated", "missing"} <= set(shown)
    colours = {text: item.background().color().name() for text, item in shown.items()}
    assert len({colours["current"], colours["outdated"], colours["missing"]}) == 3
    assert state_text("outdated") == "outdated"
    assert "2 modules" in matrix.status.text()


def test_sorting_by_a_count_sorts_by_number(qtbot, tmp_path):
    matrix = filled_matrix(qtbot, small_course(tmp_path))
    table, words = matrix.table, COLUMNS.index("words")
    table.sortItems(words, Qt.SortOrder.AscendingOrder)
    values = [table.item(r, words).data(FACT) for r in range(table.rowCount())]
    assert values == [None, None, 2, 2, 10, 11]  # with the heading; as text, "10" < "2"
    assert [table.item(r, words).text() for r in range(2)] == ["—", "—"]


def test_export_writes_the_facts_as_csv_with_a_bom(qtbot, capsys, tmp_path):
    content = small_course(tmp_path)
    doc = status_json(capsys, content)
    matrix = filled_matrix(qtbot, content)
    target = tmp_path / "out" / "matrix.csv"
    target.parent.mkdir()
    matrix.export_csv(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + 6
    by_place = {(r[0], r[1]): dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]}
    ru = doc["modules"][0]["languages"]["ru"]
    assert by_place["m1", "ru"]["status"] == "outdated"
    assert by_place["m1", "ru"]["words"] == str(ru["words"])
    assert by_place["m2", "fr"]["words"] == ""
    assert [p.name for p in target.parent.iterdir()] == ["matrix.csv"]  # no temporary left


def test_a_double_click_opens_that_module_side_by_side_in_that_language(
    make_window, qtbot, tmp_path
):
    w = make_window(small_course(tmp_path))
    part = install_parity(w)
    assert part.open_matrix in w.menu("tools").actions()
    part.open_matrix.trigger()
    matrix = part.matrix
    assert matrix is not None and matrix.isVisible()
    qtbot.waitUntil(lambda: matrix.table.rowCount() == 6, timeout=20000)
    table = matrix.table
    row = next(r for r in range(table.rowCount()) if table.place_at(r) == ("m2", "en"))
    rect = table.visualItemRect(table.item(row, COLUMNS.index("words")))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.reader.location.module == "m2"
    assert part.toggle.isChecked()
    row = next(r for r in range(table.rowCount()) if table.place_at(r) == ("m1", "ru"))
    table.selectRow(row)
    matrix.open_button.click()
    assert w.reader.location.module == "m1"
    assert part.side_by_side.second_language == "ru"
    assert "Текст." in part.side_by_side.pane.toPlainText()


def test_rows_come_in_the_courses_order_until_a_column_is_sorted(qtbot, tmp_path):
    matrix = filled_matrix(qtbot, small_course(tmp_path))
    table = matrix.table
    places = [table.place_at(r) for r in range(table.rowCount())]
    assert places == [(m, lang) for m in ("m1", "m2") for lang in ("en", "ru", "fr")]
