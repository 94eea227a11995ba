"""Reading extracts: delimiters, encodings, line numbers, odd rows."""

import codecs

import pytest

from courseware_app.core.trs import TrsError, parse_extract, read_extract
from tests.core.trs.helpers import analysis_of, extract_of

ROWS = [
    ["id", "прибытие", "выпуск"],
    ["A-1", "10.03.2025 07:40", "10.03.2025 08:32"],
    ["A-2", "10.03.2025 09:15", "10.03.2025 09:33"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_is_detected(delimiter):
    text = "\n".join(delimiter.join(r) for r in ROWS) + "\n"
    extract = extract_of(text)
    assert extract.delimiter == delimiter
    assert extract.header == ("id", "прибытие", "выпуск")
    assert extract.records[1] == ["A-2", "10.03.2025 09:15", "10.03.2025 09:33"]


def test_semicolon_wins_over_decimal_commas():
    text = "id;arrival;release;weight\nA;2025-03-10T07:40;2025-03-10T08:00;1,5\n"
    assert extract_of(text).delimiter == ";"


@pytest.mark.parametrize(
    ("encoding", "bom", "found"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("cp1251", b"", "cp1251"),
    ],
)
def test_each_encoding_reads_cyrillic_headers(encoding, bom, found):
    text = "\n".join(";".join(r) for r in ROWS) + "\n"
    extract = parse_extract(bom + text.encode(encoding), "x.csv")
    assert extract.encoding == found
    assert extract.header[1] == "прибытие"  # no BOM left on the first header either
    assert extract.header[0] == "id"


def test_a_file_in_neither_encoding_is_refused():
    with pytest.raises(TrsError, match="neither UTF-8 nor Windows-1251"):
        parse_extract(b"id,arrival\n\x98\x98,1\n", "bad.csv")


def test_line_numbers_count_blank_lines_and_quoted_line_breaks():
    text = (
        "\n"
        "id,arrival,release,note\n"
        'A,2025-03-10T07:40,2025-03-10T08:00,"two\nlines"\n'
        "\n"
        "B,2025-03-10T09:00,,x\n"
        ",,,\n"
    )
    extract = extract_of(text)
    assert extract.lines == [3, 6]  # the header is line 2; B starts after a 2-line cell
    assert len(extract) == 2  # blank lines and empty rows are no rows


def test_short_rows_are_padded_and_their_missing_cells_logged():
    analysis = analysis_of("id,arrival,release\nA,2025-03-10T07:40\n")
    assert [(e.line, e.id, e.problem.value) for e in analysis.excluded] == [(2, "A", "missing")]


def test_no_columns_and_no_rows_are_errors(tmp_path):
    with pytest.raises(TrsError, match="no columns"):
        extract_of("just one column\nvalue\n")
    with pytest.raises(TrsError, match="empty"):
        extract_of("\n\n")
    with pytest.raises(TrsError, match="cannot read"):
        read_extract(tmp_path / "missing.csv")
