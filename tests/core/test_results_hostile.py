"""Results files against hostile values: formulas, control characters, broken inputs (issue 20)."""

import csv
import io
import json

import pytest

from courseware_app.core import limits
from courseware_app.core.limits import MAX_JSON_DEPTH, MAX_RESULTS_FIELD_CHARS
from courseware_app.core.progress import ProgressStore
from courseware_app.core.results import (
    ExportError,
    export_records,
    merge,
    neutralise,
    read_export,
    write_export,
    write_merged,
    xlsx_text,
)
from tests.core.test_progress import make_attempt

openpyxl = pytest.importorskip("openpyxl")

# What a spreadsheet would run: OWASP's "CSV injection" examples, one per dangerous start.
HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]
TEXT_COLUMNS = (
    "profile",
    "module",
    "module_version",
    "lang",
    "profile_id",
    "device",
    "quiz",
)  # and started_at: a results file with a formula there is refused (not a time)
HEADER = "attempt_id,profile,module,module_version,lang,score,passed,finished_at"


def attempt_id(n: int) -> str:
    return f"7f0e7d52-3b7c-4c38-9f7a-{n:012d}"


def hostile_record(n: int, value: str) -> dict[str, object]:
    """An attempt (as a JSON export holds it) with ``value`` in every text column."""
    rec: dict[str, object] = dict.fromkeys(TEXT_COLUMNS, value)
    rec |= {
        "attempt_id": attempt_id(n),
        "score": 50,
        "passed": True,
        "finished_at": f"2025-03-01T09:{n:02d}:00Z",
        "points": -2,  # a real negative number stays a number
        "max_points": 8,
        "pass_mark": 60,
        "started_at": f"2025-03-01T09:{n:02d}:00Z",
    }
    return rec


def hostile_json(path, values=HOSTILE):
    attempts = [hostile_record(n, v) for n, v in enumerate(values)]
    doc = {"format": "courseware-results", "version": 1, "attempts": attempts}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def hostile_csv(path, values=HOSTILE):
    columns = [*HEADER.split(","), "profile_id", "device", "quiz", "points", "started_at"]
    lines = [",".join(columns)]
    for n, value in enumerate(values):
        rec = hostile_record(n, value)
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow([rec[c] for c in columns])
        lines.append(buffer.getvalue())
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def csv_cells(path):
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    return rows[0], rows[1:]


def assert_csv_neutral(path):
    header, rows = csv_cells(path)
    assert rows, "no rows written"
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        for column in TEXT_COLUMNS:
            assert cells[column] in {f"'{v}" for v in HOSTILE}, (column, cells[column])
        assert cells["points"] == "-2" and cells["score"] == "50"


def xlsx_cells(path):
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def assert_xlsx_neutral(path):
    cells = xlsx_cells(path)
    assert not [c.coordinate for c in cells if c.data_type == "f"], "formulas written"
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for value in HOSTILE:
        assert f"'{value}" in texts
    numbers = [c.value for c in cells if isinstance(c.value, int | float)]
    assert -2 in numbers and 50 in numbers


# ---------------------------------------------------------------- the one neutralising rule


@pytest.mark.parametrize("value", [*HOSTILE, "\tx", "\rx", "=1+1"])
def test_neutralise_prefixes_every_dangerous_start(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["", "Айгерим", "1.5", "a=b", "'=already", "Bob -2"])
def test_neutralise_leaves_harmless_text_alone(value):
    assert neutralise(value) == value


def test_neutralise_is_idempotent():
    for value in HOSTILE:
        assert neutralise(neutralise(value)) == neutralise(value)


def test_xlsx_text_strips_control_characters_and_neutralises():
    assert xlsx_text("Bob\x01\x1b") == "Bob"
    assert xlsx_text("\x01=1+1") == "'=1+1"
    assert xlsx_text("line\nbreak") == "line\nbreak"


# ---------------------------------------------------------------- merge (issue 20 #4)


def test_merged_csv_neutralises_every_text_column(tmp_path):
    merged = merge([read_export(hostile_csv(tmp_path / "a.csv"))])
    out = tmp_path / "m.csv"
    write_merged(merged, out, "csv", ["a.csv"])
    assert_csv_neutral(out)


def test_merging_a_merged_file_does_not_stack_prefixes(tmp_path):
    merged = merge([read_export(hostile_csv(tmp_path / "a.csv"))])
    write_merged(merged, tmp_path / "m1.csv", "csv", [])
    write_merged(merge([read_export(tmp_path / "m1.csv")]), tmp_path / "m2.csv", "csv", [])
    assert (tmp_path / "m1.csv").read_bytes() == (tmp_path / "m2.csv").read_bytes()


def test_merged_json_records_make_a_neutral_csv_and_xlsx(tmp_path):
    merged = merge([read_export(hostile_json(tmp_path / "a.json"))])
    write_export(merged.records, tmp_path / "m.csv", "csv")
    assert_csv_neutral(tmp_path / "m.csv")
    write_export(merged.records, tmp_path / "m.xlsx", "xlsx")
    assert_xlsx_neutral(tmp_path / "m.xlsx")


def test_xlsx_summary_device_and_module_headers_are_text(tmp_path):
    merged = merge([read_export(hostile_json(tmp_path / "a.json"))])
    write_export(merged.records, tmp_path / "m.xlsx", "xlsx")
    summary = openpyxl.load_workbook(tmp_path / "m.xlsx")["Summary"]
    headers = [c.value for c in summary[1]][2:]
    assert sorted(headers) == sorted(f"'{v}" for v in HOSTILE)
    devices = [row[1].value for row in summary.iter_rows(min_row=2)]
    assert sorted(devices) == sorted(f"'{v}" for v in HOSTILE)
    assert all(c.data_type != "f" for row in summary.iter_rows() for c in row)


def test_unknown_column_names_are_neutralised_too(tmp_path):
    bad = "=cmd()"
    row = f"{attempt_id(1)},A,m,1,en,50,true,2025-01-01T00:00:00Z,{bad}"
    (tmp_path / "a.csv").write_text(f"{HEADER},{bad}\r\n{row}\r\n", encoding="utf-8")
    merged = merge([read_export(tmp_path / "a.csv")])
    write_merged(merged, tmp_path / "m.csv", "csv", [])
    header, rows = csv_cells(tmp_path / "m.csv")
    assert header[-1] == "'=cmd()" and rows[0][-1] == "'=cmd()"
    write_export(merged.records, tmp_path / "m.xlsx", "xlsx")
    assert all(c.data_type != "f" for c in xlsx_cells(tmp_path / "m.xlsx"))


def test_writers_neutralise_started_at_too(tmp_path):
    """Records made in memory (not read from a file) may hold anything in started_at."""
    records = [hostile_record(n, v) | {"started_at": v} for n, v in enumerate(HOSTILE)]
    write_export(records, tmp_path / "x.csv", "csv")  # type: ignore[arg-type]
    header, rows = csv_cells(tmp_path / "x.csv")
    started = [row[header.index("started_at")] for row in rows]
    assert started == [f"'{v}" for v in HOSTILE]
    write_export(records, tmp_path / "x.xlsx", "xlsx")  # type: ignore[arg-type]
    assert_xlsx_neutral(tmp_path / "x.xlsx")


def test_a_formula_in_started_at_is_refused_when_read(tmp_path):
    doc = {"format": "courseware-results", "version": 1, "attempts": [hostile_record(1, "x")]}
    doc["attempts"][0]["started_at"] = HOSTILE[0]
    (tmp_path / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ExportError, match="started_at"):
        read_export(tmp_path / "a.json")


# ---------------------------------------------------------------- export from the store


@pytest.fixture
def hostile_store(tmp_path):
    """A laptop whose device name and module data hold formulas (a profile name cannot)."""
    store = ProgressStore.open(tmp_path / "data")
    person = store.create_profile("Ann")
    for n, value in enumerate(HOSTILE):
        attempt = make_attempt(module=value, version=value, quiz=value, minute=n)
        store.record_attempt(person.id, attempt, device=value)
    store.flush()
    yield store
    store.close()


def test_export_csv_neutralises_device_module_and_quiz(hostile_store, tmp_path):
    write_export(export_records(hostile_store), tmp_path / "x.csv", "csv")
    header, rows = csv_cells(tmp_path / "x.csv")
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        for column in ("device", "module", "module_version", "quiz"):
            assert cells[column] in {f"'{v}" for v in HOSTILE}, (column, cells[column])


def test_export_xlsx_writes_no_formula(hostile_store, tmp_path):
    write_export(export_records(hostile_store), tmp_path / "x.xlsx", "xlsx")
    cells = xlsx_cells(tmp_path / "x.xlsx")
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {f"'{v}" for v in HOSTILE} <= texts


# ---------------------------------------------------------------- #9: every input checked first

GOOD = {
    "attempt_id": attempt_id(1),
    "profile": "Ann",
    "module": "alpha",
    "module_version": "1.0.0",
    "lang": "en",
    "score": 50,
    "passed": True,
    "finished_at": "2025-03-01T09:00:00Z",
}


def json_export(path, **changes):
    doc = {"format": "courseware-results", "version": 1, "attempts": [GOOD | changes]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def refused(path) -> str:
    with pytest.raises(ExportError) as exc:
        read_export(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message.removeprefix(f"{path}: ")  # the reason (the test's folder name aside)


def test_a_csv_field_over_the_limit_is_refused_with_its_line(tmp_path):
    for size in (MAX_RESULTS_FIELD_CHARS + 1, 200_000):  # under and over the csv module's own
        row = f"{attempt_id(1)},{'A' * size},m,1,en,50,true,2025-01-01T00:00:00Z"
        path = tmp_path / f"big{size}.csv"
        path.write_text(f"{HEADER}\r\n{row}\r\n", encoding="utf-8")
        message = refused(path)
        assert "line 2" in message and str(MAX_RESULTS_FIELD_CHARS) in message


def test_a_json_string_over_the_limit_is_refused(tmp_path):
    path = json_export(tmp_path / "big.json", device="x" * (MAX_RESULTS_FIELD_CHARS + 1))
    assert str(MAX_RESULTS_FIELD_CHARS) in refused(path)


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 100_000])
def test_deeply_nested_json_is_refused(tmp_path, depth):
    path = tmp_path / "deep.json"
    head = json.dumps({"format": "courseware-results", "version": 1, "attempts": [GOOD]})
    path.write_text(head[:-3] + ', "responses": ' + "[" * depth + "]" * depth + "}]}")
    assert "nested" in refused(path)


def test_real_responses_are_not_too_deep(tmp_path):
    responses = {"q-match": {"0": [1, 2]}, "q-multi": [0, 1]}
    assert read_export(json_export(tmp_path / "ok.json", responses=responses)).records


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("profile", {"a": [1, 2]}),
        ("profile", None),
        ("module", ["alpha"]),
        ("module_version", True),
        ("lang", {}),
        ("device", ["x"]),
        ("quiz", 5),
        ("profile_id", {}),
        ("started_at", 5),
        ("started_at", "2"),
        ("points", "many"),
        ("max_points", [8]),
        ("pass_mark", True),
    ],
)
def test_wrong_json_types_are_refused_naming_the_field(tmp_path, field, value):
    message = refused(json_export(tmp_path / "t.json", **{field: value}))
    assert "attempt 1" in message and field in message


def test_a_results_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_RESULTS_FILE_BYTES", 100)
    path = json_export(tmp_path / "big.json")
    assert "larger than" in refused(path)


# ---------------------------------------------------------------- #18: truncated rows


def exported_csv(tmp_path):
    rows = [
        f"{attempt_id(n)},Ann,m,1,en,50,true,2025-01-01T00:0{n}:00Z,dev,q,4,8,60,"
        f"2025-01-01T00:0{n}:00Z"
        for n in (1, 2)
    ]
    header = f"{HEADER},device,quiz,points,max_points,pass_mark,started_at"
    return "\r\n".join([header, *rows]) + "\r\n"


@pytest.mark.parametrize("cut", [1, 2, 3, 10, 19, 30])
def test_a_csv_cut_short_is_refused_with_its_line(tmp_path, cut):
    path = tmp_path / "cut.csv"
    path.write_text(exported_csv(tmp_path)[:-cut], encoding="utf-8")
    message = refused(path)
    assert "line 3" in message


def test_a_whole_csv_is_read(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(exported_csv(tmp_path), encoding="utf-8")
    assert len(read_export(path).records) == 2


@pytest.mark.parametrize(("fields", "count"), [(",x", "15 fields"), ("", None)])
def test_long_and_short_rows_are_refused(tmp_path, fields, count):
    text = exported_csv(tmp_path).replace("T00:02:00Z\r\n", f"T00:02:00Z{fields}\r\n")
    if count is None:  # a short row: the last two fields gone
        text = text.replace(",60,2025-01-01T00:02:00Z", "")
        count = "12 fields"
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    message = refused(path)
    assert "line 3" in message and count in message
