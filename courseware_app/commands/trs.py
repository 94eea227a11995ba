"""trs analyze: a TRS extract's intervals, medians, percentiles and bottleneck per segment."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from courseware_app.commands.common import BAD_USAGE, cannot_write, fail
from courseware_app.core.i18n import _, ngettext

COMMAND = "trs"
REPORT_SUFFIXES = (".csv", ".pdf")


def register(sub, common) -> None:
    trs = sub.add_parser(
        COMMAND, parents=[common], help=_("analyse Time Release Study milestone data")
    )
    actions = trs.add_subparsers(dest="trs_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "analyze",
        parents=[common],
        help=_("intervals, medians, 90th percentiles and the bottleneck of a CSV extract"),
        description=_(
            "Reads a CSV extract (comma, semicolon or tab; UTF-8 or Windows-1251) with one row "
            "per consignment and one column per milestone. Milestones headed in English, "
            "Russian or French are recognised; otherwise name them with --milestones."
        ),
    )
    p.add_argument("file", metavar="FILE.csv", help=_("the extract to analyse"))
    p.add_argument("--id", metavar="COL", help=_("the column that identifies consignments"))
    p.add_argument(
        "--milestones",
        metavar="COL,COL,...",
        help=_("the milestone columns in process order (default: recognised from the headers)"),
    )
    p.add_argument(
        "--by", metavar="COL[,COL]", help=_("segment by the values of one or two columns")
    )
    p.add_argument("--json", action="store_true", help=_("print the analysis as JSON"))
    p.add_argument("-o", "--output", metavar="REPORT", help=_("write a report (.csv or .pdf)"))
    p.set_defaults(func=run_analyze)


def _columns(text: str | None) -> list[str]:
    return [c.strip() for c in (text or "").split(",") if c.strip()]


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{done * 100 // max(total, 1)}%…")
    sys.stderr.flush()


def _refuse_output(output: Path) -> int:
    """The exit code after saying why ``output`` cannot be a report; 0 when it can."""
    if output.suffix.lower() not in REPORT_SUFFIXES:
        message = _("{path}: a report is a .csv or a .pdf file").format(path=output)
        return fail(COMMAND, message, BAD_USAGE)
    if output.is_dir():
        message = _("{path} is a folder; give a file name").format(path=output)
        return fail(COMMAND, message, BAD_USAGE)
    return 0


def run_analyze(args) -> int:
    output = Path(args.output) if args.output else None
    if output is not None and (refused := _refuse_output(output)):
        return refused
    from courseware_app.core.trs import TrsError, analyse, make_plan, read_extract

    progress = _progress if sys.stderr.isatty() else None
    try:
        extract = read_extract(args.file)
        plan = make_plan(
            extract,
            id_column=args.id,
            milestones=_columns(args.milestones),
            by=_columns(args.by),
        )
        analysis = analyse(extract, plan, progress=progress)
    except TrsError as exc:
        return fail(COMMAND, str(exc))
    finally:
        if progress is not None:
            sys.stderr.write("\r\033[K")
    for warning in analysis.warnings:
        line = _("warning: {warning}").format(warning=warning)
        print(f"courseware trs: {line}", file=sys.stderr)
    if output is not None:
        code = _write_report(analysis, output)
        if code:
            return code
    if args.json:
        from courseware_app.core.trs import to_document

        print(json.dumps(to_document(analysis), ensure_ascii=False, indent=2))
    else:
        print_text(analysis)
    return 0


def _write_report(analysis, output: Path) -> int:
    from courseware_app.core import atomic
    from courseware_app.core.trs import report_csv_bytes

    if output.suffix.lower() == ".pdf":
        return _write_pdf(analysis, output)
    try:
        atomic.write_bytes(output, report_csv_bytes(analysis))
    except OSError as exc:
        return fail(COMMAND, cannot_write(output, exc))
    return 0


def _write_pdf(analysis, output: Path) -> int:
    from courseware_app.commands.pdf import ensure_gui_application
    from courseware_app.core.i18n import current_language
    from courseware_app.core.trs import report_document

    ensure_gui_application()
    from courseware_app.printing import write_pdf

    try:
        write_pdf(report_document(analysis, current_language()), output)
    except OSError as exc:
        return fail(COMMAND, cannot_write(output, exc))
    return 0


def _figures(summary) -> str:
    if not summary.count:
        return "-"
    return _("mean {mean}, median {median}, p90 {p90}, max {max} min").format(
        mean=round(summary.mean, 1),
        median=round(summary.median, 1),
        p90=round(summary.p90, 1),
        max=round(summary.maximum, 1),
    )


def print_text(analysis) -> None:
    """A readable summary: the cleaning log, then per segment its total and intervals."""
    from courseware_app.core.trs import segment_label

    print(
        _("{file}: {rows} rows, {used} with every milestone").format(
            file=analysis.file, rows=analysis.rows, used=analysis.used
        )
    )
    for e in analysis.excluded:
        print(_("  line {line} ({id}): {reason}").format(line=e.line, id=e.id, reason=e.reason))
    for s in analysis.segments:
        print()
        print(f"{segment_label(s.by)}  n={s.count}  {_figures(s.total)}")
        for i in s.intervals:
            share = "-" if i.share is None else f"{i.share:.1%}"
            mark = "  *" if i is s.bottleneck else ""
            print(
                f"  {i.start} → {i.end}  n={i.summary.count}  {_figures(i.summary)}  {share}{mark}"
            )
    _print_pre_arrival(analysis.pre_arrival)
    print()
    print(_("* the bottleneck (largest share of the total); percentiles as PERCENTILE.INC"))


def _print_pre_arrival(pre) -> None:
    """The total per segment for the consignments declared before arrival and after it."""
    from courseware_app.core.trs import segment_label

    if pre is None or not pre.flagged:
        return
    print()
    count = len(pre.flagged)
    print(
        ngettext(
            "{count} consignment declared before arrival (pre-arrival):",
            "{count} consignments declared before arrival (pre-arrival):",
            count,
        ).format(count=count)
    )
    words = {"before_arrival": _("before arrival"), "after_arrival": _("after arrival")}
    for declared, s in pre.segments:
        label = f"{segment_label(s.by)}, {words[declared]}"
        print(f"  {label}  n={s.count}  {_figures(s.total)}")
