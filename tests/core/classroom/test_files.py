"""Sessions files: the CSV contract, JSON and XLSX, reading them back, bad files, merging."""

import dataclasses
import io
import json

import pytest

from courseware_app.core import limits
from courseware_app.core.classroom import (
    ClassroomSession,
    SessionStore,
    merge_sessions,
    question_result,
    read_sessions,
    sessions_csv_bytes,
    sessions_json_bytes,
    sessions_xlsx_bytes,
)
from courseware_app.core.results import ExportError
from tests.core.classroom.helpers import MULTIPLE, SESSION_ID, record_session

HEADER = (
    "session_id,started_at,place,trainer,module,module_version,lang,question,option,count,correct"
)


@pytest.fixture
def sessions(tmp_path):
    store = SessionStore.open(tmp_path / "data")
    record_session(store)
    found = store.sessions()
    store.close()
    return [dataclasses.replace(found[0], id=SESSION_ID)]


def test_csv_has_the_exact_header_and_a_row_per_question_and_option(sessions):
    data = sessions_csv_bytes(sessions)
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b",")
    lines = data.decode("utf-8-sig").split("\r\n")
    head = f"{SESSION_ID},2025-03-01T09:00:00Z,Ташкент,'=Иван,rm-02,1.2.0,ru"
    tail = "2025-03-01T10:05:00Z,counts"
    assert lines[1:] == [
        f"{head},q-single,A,2,0,{tail},0,0,",
        f"{head},q-single,B,9,1,{tail},0,0,",
        f"{head},q-single,C,1,0,{tail},0,0,",
        f"{head},q-single,D,0,0,{tail},0,0,",
        f"{head},q-multi,A,8,1,{tail},1,1,",
        f"{head},q-multi,B,3,0,{tail},1,1,",
        f"{head},q-multi,C,6,1,{tail},1,1,",
        f"{head},q-tf,A,4,0,{tail},2,0,",
        f"{head},q-tf,B,7,1,{tail},2,0,",
        f"{head},q-order,correct,5,1,{tail},3,0,",
        f"{head},q-order,incorrect,6,0,{tail},3,0,",
        "",
    ]


def test_no_sessions_is_the_header_alone():
    text = sessions_csv_bytes([]).decode("utf-8-sig")
    assert text == HEADER + ",finished_at,mode,position,multiple,teams\r\n"


def test_csv_names_the_teams_behind_each_option(tmp_path):
    s = ClassroomSession(SESSION_ID, "2025-03-01T09:00:00Z", None, "", "", "m", "1", "en", "teams")
    q = question_result(MULTIPLE, 0, teams={"-Blue": "A", "Red": "A,C"})
    data = sessions_csv_bytes([dataclasses.replace(s, questions=(q,))])
    rows = data.decode("utf-8-sig").split("\r\n")
    assert [r.rsplit(",", 1)[1] for r in rows[1:4]] == ["'-Blue;Red", "", "Red"]
    [back] = read_sessions_from_bytes(data, ".csv", tmp_path)
    assert back.questions == (q,)


def read_sessions_from_bytes(data, suffix, folder):
    path = folder / f"sessions{suffix}"
    path.write_bytes(data)
    return read_sessions(path)


def test_json_carries_every_session_whole_and_reads_back(sessions, tmp_path):
    doc = json.loads(sessions_json_bytes(sessions, device="laptop"))
    assert (doc["format"], doc["version"], doc["device"]) == ("courseware-sessions", 1, "laptop")
    [s] = doc["sessions"]
    assert s["sections"] == [
        {"section": "intro", "planned_minutes": 10, "actual_seconds": 540.0},
        {"section": "matrix", "planned_minutes": 30, "actual_seconds": 2400.0},
    ]
    assert s["questions"][0]["counts"] == {"A": 2, "B": 9, "C": 1, "D": 0}
    assert read_sessions_from_bytes(sessions_json_bytes(sessions), ".json", tmp_path) == sessions


def test_csv_reads_back_without_the_section_times(sessions, tmp_path):
    back = read_sessions_from_bytes(sessions_csv_bytes(sessions), ".csv", tmp_path)
    assert back == [dataclasses.replace(sessions[0], sections=())]  # '=Иван un-neutralised


def test_xlsx_has_a_questions_and_a_sections_sheet(sessions):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(sessions_xlsx_bytes(sessions)))
    assert book.sheetnames == ["Questions", "Sections"]
    rows = list(book["Questions"].iter_rows(values_only=True))
    assert ",".join(rows[0][:11]) == HEADER and len(rows) == 12
    assert rows[1][3] == "'=Иван" and rows[2][9] == 9
    sections = list(book["Sections"].iter_rows(values_only=True))
    assert sections == [
        ("session_id", "module", "section", "planned_minutes", "actual_minutes"),
        (SESSION_ID, "rm-02", "intro", 10, 9),
        (SESSION_ID, "rm-02", "matrix", 30, 40),
    ]


def test_merge_keeps_each_session_once_in_its_most_complete_copy(sessions):
    [full] = sessions
    early = dataclasses.replace(full, finished_at=None, questions=full.questions[:1], sections=())
    other = dataclasses.replace(
        full, id="1f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", started_at="2025-01-01T00:00:00Z"
    )
    assert merge_sessions([[early, other], [full], [full]]) == [other, full]
    assert merge_sessions([[full], [early]]) == [full]


@pytest.mark.parametrize(
    ("data", "suffix", "says"),
    [
        (b"a,b,c\r\n1,2,3\r\n", ".csv", "first line must be session_id"),
        (b"\xff\xfe not utf-8", ".csv", "not UTF-8"),
        (b'{"format": "courseware-results", "version": 1}', ".json", 'no "format"'),
        (b'{"format": "courseware-sessions", "version": 9, "sessions": []}', ".json", "newer"),
        (b'{"format": "courseware-sessions", "version": 1, "sessions": {}}', ".json", "list"),
        (b"{not json", ".json", "not a Courseware sessions export"),
    ],
)
def test_bad_files_are_refused_with_their_name(tmp_path, data, suffix, says):
    with pytest.raises(ExportError, match=says) as exc:
        read_sessions_from_bytes(data, suffix, tmp_path)
    assert str(tmp_path) in str(exc.value)


def bad_row(sessions, old, new):
    text = sessions_csv_bytes(sessions).decode("utf-8-sig")
    return ("\ufeff" + text.replace(old, new, 1)).encode()


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (SESSION_ID, "not-a-uuid", "not a UUID"),
        (",q-single,A,2,", ",q-single,A,-2,", "count has a wrong value"),
        (",q-single,A,2,", ",q-single,A,many,", "count has a wrong value"),
        (",q-single,A,2,0,", ",q-single,A,2,maybe,", "correct has a wrong value"),
        (",q-single,B,", ",q-single,A,", "appears twice"),
        ("2025-03-01T09:00:00Z", "yesterday", "not a time"),
        ("rm-02,1.2.0,ru,q-single,A,2", "rm-02,1.2.0,ru,q-single,A", "fields, the header has"),
    ],
)
def test_bad_csv_rows_are_refused_with_their_line(sessions, tmp_path, old, new, says):
    with pytest.raises(ExportError, match=says) as exc:
        read_sessions_from_bytes(bad_row(sessions, old, new), ".csv", tmp_path)
    assert "line 2" in str(exc.value) or "line 3" in str(exc.value)


def test_a_cut_short_csv_and_a_too_large_file_are_refused(sessions, tmp_path, monkeypatch):
    cut = sessions_csv_bytes(sessions)[:-2]
    with pytest.raises(ExportError, match="cut short"):
        read_sessions_from_bytes(cut, ".csv", tmp_path)
    monkeypatch.setattr(limits, "MAX_RESULTS_FILE_BYTES", 100)
    with pytest.raises(ExportError, match="larger than 100 bytes"):
        read_sessions_from_bytes(sessions_csv_bytes(sessions), ".csv", tmp_path)


def test_bad_json_values_are_refused(sessions, tmp_path):
    doc = json.loads(sessions_json_bytes(sessions))
    doc["sessions"][0]["questions"][0]["counts"]["A"] = 10**9
    with pytest.raises(ExportError, match="session 1: question q-single: counts"):
        read_sessions_from_bytes(json.dumps(doc).encode(), ".json", tmp_path)
    doc = json.loads(sessions_json_bytes(sessions))
    doc["sessions"][0]["sections"][0]["actual_seconds"] = "long"
    with pytest.raises(ExportError, match="section intro: actual_seconds"):
        read_sessions_from_bytes(json.dumps(doc).encode(), ".json", tmp_path)
