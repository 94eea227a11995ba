"""Results for trainers: export attempts as CSV/JSON/XLSX, read exports back, merge them."""

from courseware_app.core.results.export import FORMATS, format_for, write_export
from courseware_app.core.results.formats import (
    JSON_FORMAT,
    JSON_VERSION,
    DocumentValue,
    Export,
    csv_bytes,
    json_bytes,
    read_csv,
    read_export,
    read_json,
)
from courseware_app.core.results.merge import Merged, merge, write_merged
from courseware_app.core.results.neutral import neutralise, xlsx_text
from courseware_app.core.results.records import (
    CSV_COLUMNS,
    NUMBER_COLUMNS,
    REQUIRED_COLUMNS,
    Amount,
    AttemptRecord,
    ExportError,
    Record,
    cells,
    columns_of,
    export_records,
    from_fields,
    number_text,
    record,
)
from courseware_app.core.results.summary import Cell, ClassSummary, Person, class_summary
from courseware_app.core.results.xlsx import TIME_COLUMNS, xlsx_bytes

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "JSON_FORMAT",
    "JSON_VERSION",
    "NUMBER_COLUMNS",
    "REQUIRED_COLUMNS",
    "TIME_COLUMNS",
    "Amount",
    "AttemptRecord",
    "Cell",
    "ClassSummary",
    "DocumentValue",
    "Export",
    "ExportError",
    "Merged",
    "Person",
    "Record",
    "cells",
    "class_summary",
    "columns_of",
    "csv_bytes",
    "export_records",
    "format_for",
    "from_fields",
    "json_bytes",
    "merge",
    "number_text",
    "read_csv",
    "read_export",
    "read_json",
    "record",
    "write_export",
    "write_merged",
    "neutralise",
    "xlsx_bytes",
    "xlsx_text",
]
