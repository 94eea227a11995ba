"""Results exports: the CSV contract, JSON, XLSX, reading back, merging, the class summary."""

import csv
import io
import json
import re
from datetime import datetime, timedelta

import pytest

from courseware_app.core.i18n import set_language
from courseware_app.core.progress import ProgressStore
from courseware_app.core.results import (
    REQUIRED_COLUMNS,
    ExportError,
    class_summary,
    csv_bytes,
    export_records,
    merge,
    number_text,
    read_export,
    write_export,
    write_merged,
)
from tests.core.test_progress import T0, make_attempt

HEADER = "attempt_id,profile,module,module_version,lang,score,passed,finished_at"


@pytest.fixture
def laptop(tmp_path):
    """A data folder with two profiles (one Cyrillic, one needing CSV quotes) and 3 attempts."""
    store = ProgressStore.open(tmp_path / "laptop-1")
    aigerim = store.create_profile("Айгерим Сапарова")
    bob = store.create_profile('Bob "B", Jr')
    store.record_attempt(aigerim.id, make_attempt(score_points=7.0), device="ПОСТ-1")  # 87.5
    store.record_attempt(aigerim.id, make_attempt(score_points=2.0, minute=5), device="ПОСТ-1")
    store.record_attempt(
        bob.id, make_attempt("beta", "1.0.0", 8.0, quiz="b", minute=9), device="ПОСТ-1"
    )
    store.flush()
    yield store, aigerim, bob
    store.close()


def rows_of(path):
    raw = path.read_bytes()
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_contract(laptop, tmp_path):
    store, aigerim, bob = laptop
    set_language("ru")  # a Russian UI must not turn 87.5 into 87,5
    out = tmp_path / "out.csv"
    write_export(export_records(store), out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b",profile_id,device")
    assert raw.count(b"\r\n") == 4 and raw.endswith(b"\r\n")  # header + 3 rows, CRLF
    rows = rows_of(out)
    assert rows[0][:10] == [*REQUIRED_COLUMNS, "profile_id", "device"]
    by_score = {r[5]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert set(by_score) == {"87.5", "25", "100"}
    first = by_score["87.5"]
    assert first["profile"] == "Айгерим Сапарова" and first["passed"] == "true"
    assert by_score["25"]["passed"] == "false"
    assert first["profile_id"] == aigerim.id and first["device"] == "ПОСТ-1"
    assert first["finished_at"] == "2025-03-01T09:16:30Z"
    assert by_score["100"]["profile"] == 'Bob "B", Jr' and by_score["100"]["module"] == "beta"
    assert b'"Bob ""B"", Jr"' in raw  # RFC 4180 quoting
    for row in rows[1:]:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row[7])
        assert re.fullmatch(r"\d+(\.\d)?", row[5])


def test_number_text():
    assert [number_text(x) for x in (87.5, 100.0, 0.0, 66.66666, 12, True, None)] == [
        "87.5",
        "100",
        "0",
        "66.6667",
        "12",
        "true",
        "",
    ]


def test_json_carries_the_same_fields_and_the_responses(laptop, tmp_path):
    store, aigerim, _bob = laptop
    out = tmp_path / "out.json"
    write_export(export_records(store, [aigerim.id]), out, "json", device="ПОСТ-1")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "courseware-results" and doc["version"] == 1
    assert doc["device"] == "ПОСТ-1"
    assert len(doc["attempts"]) == 2
    first = doc["attempts"][0]
    assert first["score"] == 87.5 and first["passed"] is True
    assert first["profile"] == "Айгерим Сапарова" and first["profile_id"] == aigerim.id
    assert first["responses"]["q-multi"] == [0, 1]
    assert first["responses"]["q-match"] == {"0": 0, "1": 1}
    assert first["results"]["q-order"]["correct"] is False
    assert "Айгерим" in out.read_text(encoding="utf-8")  # not \\u escapes


def test_xlsx_opens_with_numbers_dates_and_text(laptop, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    store, *_ = laptop
    out = tmp_path / "out.xlsx"
    write_export(export_records(store), out, "xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book["Attempts"]
    header = [c.value for c in sheet[1]]
    assert header[:10] == [*REQUIRED_COLUMNS, "profile_id", "device"]
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(2)]
    first = next(r for r in rows if r["score"] == 87.5)
    assert isinstance(first["score"], float) and first["passed"] is True
    assert first["finished_at"] == datetime(2025, 3, 1, 9, 16, 30)
    assert first["profile"] == "Айгерим Сапарова" and first["module_version"] == "1.2.0"
    summary = book["Summary"]
    assert [c.value for c in summary[1]] == ["profile", "device", "alpha", "beta"]
    assert [c.value for c in summary[3]] == ["Айгерим Сапарова", "ПОСТ-1", 87.5, None]


def test_xlsx_keeps_formula_like_text_as_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    rec = {
        "attempt_id": "7f0e7d52-3b7c-4c38-9f7a-1f1f1f1f1f1f",
        "profile": "=1+1",
        "module": "alpha",
        "module_version": "1.2.0",
        "lang": "en",
        "score": 50.0,
        "passed": False,
        "finished_at": "2025-03-01T09:16:30Z",
    }
    write_export([rec], tmp_path / "x.xlsx", "xlsx")
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")["Attempts"]["B2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"  # neutralised (issue 20 #4)


def test_reading_back_an_export(laptop, tmp_path):
    store, *_ = laptop
    for fmt in ("csv", "json"):
        write_export(export_records(store), tmp_path / f"x.{fmt}", fmt)
        export = read_export(tmp_path / f"x.{fmt}")
        assert export.kind == fmt and len(export.records) == 3
        scores = sorted(r["score"] for r in export.records)
        assert scores == [25.0, 87.5, 100.0]
        assert {r["passed"] for r in export.records} == {True, False}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,score\r\nA,5\r\n", "not a Courseware results export"),
        (b"attempt_id;profile;module;module_version;lang;score;passed;finished_at\r\n", "';'"),
        (b"\xff\xfe\x00a\x00b", "not UTF-8"),
        ((HEADER + "\r\nnot-a-uuid,A,m,1,en,5,true,2025-01-01T00:00:00Z\r\n").encode(), "UUID"),
        (
            (HEADER + "\r\n7f0e7d52-3b7c-4c38-9f7a-1f1f1f1f1f1f,A,m,1,en,5,yes,x\r\n").encode(),
            "passed must be true or false",
        ),
        (
            (HEADER + "\r\n7f0e7d52-3b7c-4c38-9f7a-1f1f1f1f1f1f,A,m,1,en,5,true\r\n").encode(),
            "line 2: 7 fields",
        ),
        (b'{"attempts": []}', "not a Courseware results export"),
        (b'{"format": "courseware-results", "version": 9, "attempts": []}', "newer"),
        (b"{oops", "not a Courseware results export"),
    ],
)
def test_non_exports_are_refused_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / ("bad.json" if content.startswith(b"{") else "bad.csv")
    path.write_bytes(content)
    with pytest.raises(ExportError) as exc:
        read_export(path)
    assert message in str(exc.value) and str(path) in str(exc.value)


def second_laptop(tmp_path):
    """Another data folder: another 'Айгерим Сапарова' (another UUID) and one attempt."""
    store = ProgressStore.open(tmp_path / "laptop-2")
    other = store.create_profile("Айгерим Сапарова")
    store.record_attempt(other.id, make_attempt(score_points=8.0, minute=20), device="ПОСТ-2")
    store.flush()
    return store, other


def test_merge_two_laptops_removes_duplicates_and_keeps_cyrillic(laptop, tmp_path):
    store1, aigerim, _bob = laptop
    store2, other = second_laptop(tmp_path)
    try:
        write_export(export_records(store1), tmp_path / "one.csv", "csv")
        write_export(export_records(store2), tmp_path / "two.csv", "csv")
    finally:
        store2.close()
    exports = [read_export(tmp_path / n) for n in ("one.csv", "two.csv", "one.csv")]
    merged = merge(exports)
    assert (merged.read, merged.duplicates, len(merged.records)) == (7, 3, 4)
    assert merged.conflicts == [] and merged.profiles == 3 and merged.devices == 2
    out = tmp_path / "merged.csv"
    write_merged(merged, out, "csv", ["one.csv", "two.csv"])
    rows = rows_of(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode())
    names = [r[1] for r in rows[1:]]
    assert names.count("Айгерим Сапарова") == 3
    ids = {r[8] for r in rows[1:] if r[1] == "Айгерим Сапарова"}
    assert ids == {aigerim.id, other.id}  # two people with one name stay apart
    finished = [r[7] for r in rows[1:]]
    assert finished == sorted(finished)
    assert finished[-1] == (T0 + timedelta(minutes=20, seconds=90)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_merge_keeps_unknown_columns_and_reports_conflicts(tmp_path):
    base = "7f0e7d52-3b7c-4c38-9f7a-1f1f1f1f1f1f,A,m,1,en,{score},true,2025-01-01T00:00:00Z"
    (tmp_path / "a.csv").write_text(
        f"{HEADER},group\r\n{base.format(score=80)},G1\r\n", encoding="utf-8-sig"
    )
    (tmp_path / "b.csv").write_text(f"{HEADER}\r\n{base.format(score=90)}\r\n", encoding="utf-8")
    merged = merge([read_export(tmp_path / "a.csv"), read_export(tmp_path / "b.csv")])
    assert merged.conflicts == ["7f0e7d52-3b7c-4c38-9f7a-1f1f1f1f1f1f"]
    assert [r["score"] for r in merged.records] == [80.0]
    out = tmp_path / "m.csv"
    write_merged(merged, out, "csv", [])
    rows = rows_of(out)
    assert "group" in rows[0] and rows[1][rows[0].index("group")] == "G1"


def test_json_merge_keeps_responses(laptop, tmp_path):
    store, *_ = laptop
    write_export(export_records(store), tmp_path / "a.json", "json")
    merged = merge([read_export(tmp_path / "a.json")] * 2)
    write_merged(merged, tmp_path / "m.json", "json", ["a.json", "a.json"])
    doc = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert doc["merged_from"] == ["a.json", "a.json"] and len(doc["attempts"]) == 3
    assert all(
        a["responses"]["q-short"] == "ПКА" for a in doc["attempts"] if a["module"] == "alpha"
    )


def test_class_summary_labels_namesakes_by_device(laptop, tmp_path):
    store1, aigerim, bob = laptop
    store2, other = second_laptop(tmp_path)
    records = export_records(store1) + export_records(store2)
    store2.close()
    summary = class_summary(records)
    assert [p.label for p in summary.people] == [
        'Bob "B", Jr',
        "Айгерим Сапарова (ПОСТ-1)",
        "Айгерим Сапарова (ПОСТ-2)",
    ]
    assert summary.modules == ["alpha", "beta"]
    cell = summary.cells[(aigerim.id, "alpha")]
    assert (cell.best, cell.last, cell.attempts, cell.passed) == (87.5, 25.0, 2, True)
    assert summary.cells[(other.id, "alpha")].best == 100.0
    assert (bob.id, "alpha") not in summary.cells


def test_writing_is_all_or_nothing(tmp_path):
    target = tmp_path / "x.csv"
    target.write_bytes(b"old")
    with pytest.raises(ValueError):
        write_export([], target, "pdf")
    assert target.read_bytes() == b"old"
    assert csv_bytes([]).decode("utf-8-sig").startswith(HEADER)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]
