"""The analysis as tables: a CSV report (UTF-8 with BOM, every text cell neutralised against
formula injection) and the HTML a printed report lays out."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from courseware_app.core.documents.model import Document
from courseware_app.core.documents.style import PRINT_CSS
from courseware_app.core.i18n import _
from courseware_app.core.results.neutral import neutralise
from courseware_app.core.trs.analysis import Analysis, PreArrival, SegmentStats
from courseware_app.core.trs.document import minutes
from courseware_app.core.trs.stats import Summary

Cell = str | int | float | None
Table = tuple[str, list[str], list[list[Cell]]]  # title, column headings, rows


def segment_label(by: Sequence[tuple[str, str]]) -> str:
    """A segment's name for people: "All consignments" or "channel = green, mode = road"."""
    if not by:
        return _("All consignments")
    return ", ".join(f"{column} = {value}" for column, value in by)


def _figures(s: Summary) -> list[Cell]:
    return [s.count, minutes(s.mean), minutes(s.median), minutes(s.p90), minutes(s.maximum)]


def _figure_headings() -> list[str]:
    return [
        _("Count"),
        _("Mean (min)"),
        _("Median (min)"),
        _("90th percentile (min)"),
        _("Maximum (min)"),
    ]


def _share(value: float | None) -> Cell:
    return None if value is None else round(value, 4)


def _segment_rows(segments: Iterable[tuple[str, SegmentStats]]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for label, s in segments:
        neck = f"{s.bottleneck.start} → {s.bottleneck.end}" if s.bottleneck else ""
        rows.append([label, *_figures(s.total), neck])
    return rows


Labelled = list[tuple[str, SegmentStats]]


def _totals_table(title: str, labelled: Labelled) -> Table:
    return (title, [_("Segment"), *_figure_headings(), _("Bottleneck")], _segment_rows(labelled))


def _intervals_table(labelled: Labelled) -> Table:
    rows: list[list[Cell]] = [
        [label, i.start, i.end, *_figures(i.summary), _share(i.share)]
        for label, s in labelled
        for i in s.intervals
    ]
    headings = [_("Segment"), _("From"), _("To"), *_figure_headings(), _("Share of total")]
    return (_("Intervals per segment"), headings, rows)


def _pre_arrival_table(pre: PreArrival) -> Table:
    words = {
        "before_arrival": _("declared before arrival"),
        "after_arrival": _("declared after arrival"),
    }
    labelled = [(f"{segment_label(s.by)}: {words[d]}", s) for d, s in pre.segments]
    return _totals_table(_("Pre-arrival declarations"), labelled)


def _outliers_table(labelled: Labelled) -> Table:
    rows: list[list[Cell]] = [
        [label, o.id, o.line, o.start, o.end, round(o.minutes, 1)]
        for label, s in labelled
        for o in s.outliers
    ]
    headings = [_("Segment"), _("ID"), _("Line"), _("From"), _("To"), _("Minutes")]
    return (_("Outliers (1.5 × IQR)"), headings, rows)


def tables(a: Analysis) -> list[Table]:
    """The report's tables: totals per segment, intervals, pre-arrival, outliers, cleaning log."""
    labelled = [(segment_label(s.by), s) for s in a.segments]
    found = [_totals_table(_("Total time per segment"), labelled), _intervals_table(labelled)]
    if a.pre_arrival is not None:
        found.append(_pre_arrival_table(a.pre_arrival))
    found.append(_outliers_table(labelled))
    log: list[list[Cell]] = [[e.line, e.id, e.reason] for e in a.excluded]
    found.append((_("Cleaning log"), [_("Line"), _("ID"), _("Reason")], log))
    return found


def _summary_lines(a: Analysis) -> list[tuple[str, Cell]]:
    return [
        (_("File"), a.file),
        (_("Rows"), a.rows),
        (_("Consignments with every milestone"), a.used),
        (_("Milestones"), " → ".join(a.milestones)),
        (_("Percentile method"), _("inclusive (as PERCENTILE.INC)")),
        *((_("Warning"), w) for w in a.warnings),
    ]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return neutralise(value)


def report_csv_bytes(a: Analysis) -> bytes:
    """The report's tables one after another (a title row, the headings, the rows, a blank
    line), after the summary lines; comma, CRLF, UTF-8 with a BOM so a spreadsheet reads
    Cyrillic."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for name, value in _summary_lines(a):
        writer.writerow([_csv_cell(name), _csv_cell(value)])
    for title, headings, rows in tables(a):
        writer.writerow([])
        writer.writerow([_csv_cell(title)])
        writer.writerow([_csv_cell(h) for h in headings])
        writer.writerows([_csv_cell(c) for c in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _html_cell(value: Cell) -> str:
    return "" if value is None else html.escape(str(value))


def report_html(a: Analysis) -> str:
    """The report as HTML (headings, a summary list, grid tables) for a printed document."""
    heading = _("TRS analysis")
    parts = [f"<h1>{html.escape(heading)}</h1>", "<ul>"]
    parts += [f"<li>{_html_cell(n)}: {_html_cell(v)}</li>" for n, v in _summary_lines(a)]
    parts.append("</ul>")
    for title, headings, rows in tables(a):
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if not rows:
            none = _("None.")
            parts.append(f"<p>{html.escape(none)}</p>")
            continue
        widths = [' width="20%"'] + [""] * (len(headings) - 1)  # room for the segment's name
        head = "".join(
            f"<th{w}>{html.escape(h)}</th>" for w, h in zip(widths, headings, strict=True)
        )
        body = "".join(
            "<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        parts.append(f'<table class="grid"><tr>{head}</tr>{body}</table>')
    return "\n".join(parts)


def report_document(a: Analysis, lang: str) -> Document:
    """The report as a printable document (one part: the tables and the cleaning log)."""
    title = _("TRS analysis")
    return Document(
        title=title,
        lang=lang,
        running_title=f"{title}: {Path(a.file).name}",
        parts=(report_html(a),),
        style=PRINT_CSS,
        page_label=_("Page {page} of {pages}"),
    )
