"""Merging exports from several laptops: each attempt once, oldest first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from courseware_app.core.atomic import write_bytes
from courseware_app.core.results.export import write_export
from courseware_app.core.results.formats import Export, csv_bytes
from courseware_app.core.results.records import (
    REQUIRED_COLUMNS,
    AttemptRecord,
    cells,
    columns_of,
    number_text,
)


@dataclass
class Merged:
    records: list[AttemptRecord]
    columns: list[str]
    kinds: set[str]
    read: int  # records in all inputs
    duplicates: int  # removed because their attempt id was seen before
    conflicts: list[str]  # attempt ids seen twice with different contents

    @property
    def profiles(self) -> int:
        return len({r.get("profile_id") or (r["profile"], r.get("device")) for r in self.records})

    @property
    def devices(self) -> int:
        return len({r.get("device", "") for r in self.records})


def _same(a: AttemptRecord, b: AttemptRecord) -> bool:
    keys = (*REQUIRED_COLUMNS, "profile_id")
    cells_a, cells_b = cells(a), cells(b)
    return all(number_text(cells_a.get(k)) == number_text(cells_b.get(k)) for k in keys)


def merge(exports: list[Export]) -> Merged:
    """All records, each attempt id once (the first seen wins), oldest first."""
    seen: dict[str, AttemptRecord] = {}
    duplicates, conflicts, read = 0, [], 0
    for export in exports:
        for rec in export.records:
            read += 1
            key = rec["attempt_id"].lower()
            if key in seen:
                duplicates += 1
                if not _same(seen[key], rec):
                    conflicts.append(rec["attempt_id"])
                continue
            seen[key] = rec
    records = sorted(seen.values(), key=lambda r: (r["finished_at"], r["attempt_id"]))
    columns = columns_of(records, first=[c for e in exports for c in e.columns])
    return Merged(records, columns, {e.kind for e in exports}, read, duplicates, conflicts)


def write_merged(merged: Merged, path: Path, fmt: str, sources: list[str]) -> None:
    if fmt == "csv":
        write_bytes(Path(path), csv_bytes(merged.records, merged.columns))
    else:
        write_export(merged.records, path, fmt, merged_from=sources)
