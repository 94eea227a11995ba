"""The plan of an analysis from what the caller names (or leaves to recognition)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from courseware_app.core.i18n import _
from courseware_app.core.trs.cleaning import Plan
from courseware_app.core.trs.headers import named_milestones, recognise_id, recognise_milestones
from courseware_app.core.trs.reading import Extract, TrsError
from courseware_app.core.trs.timestamps import DateFormat


def make_plan(
    extract: Extract,
    *,
    id_column: str | None = None,
    milestones: Sequence[str] = (),
    by: Sequence[str] = (),
    formats: Mapping[str, DateFormat] | None = None,
) -> Plan:
    """The plan for ``extract``: the milestones named (in process order) or else recognised
    from the headers, the identifier named or else recognised, and the segment columns.
    TrsError names what is missing or ambiguous."""
    chosen = named_milestones(milestones) if milestones else recognise_milestones(extract.header)
    columns = [m.column for m in chosen]
    for column in [*columns, *by, *([id_column] if id_column else [])]:
        extract.column(column)  # TrsError when the file has no such column
    clash = set(by) & set(columns)
    if clash:
        message = _("{column} is a milestone; it cannot also be a segment")
        raise TrsError(message.format(column=", ".join(sorted(clash))))
    ident = id_column or recognise_id(extract.header, [*columns, *by])
    return Plan(chosen, ident, tuple(by), dict(formats or {}))
