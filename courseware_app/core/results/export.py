"""Writing an export file: csv, json or xlsx, whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from courseware_app.core.atomic import write_bytes
from courseware_app.core.results.formats import DocumentValue, csv_bytes, json_bytes
from courseware_app.core.results.records import AttemptRecord
from courseware_app.core.results.xlsx import xlsx_bytes

FORMATS: Final = ("csv", "json", "xlsx")


def write_export(
    records: list[AttemptRecord], path: Path, fmt: str, **json_extra: DocumentValue
) -> None:
    """Write ``records`` as csv, json or xlsx; the file appears whole or not at all."""
    if fmt == "csv":
        data = csv_bytes(records)
    elif fmt == "json":
        data = json_bytes(records, **json_extra)
    elif fmt == "xlsx":
        data = xlsx_bytes(records)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    write_bytes(Path(path), data)


def format_for(path: Path | str) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None
