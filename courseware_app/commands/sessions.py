"""sessions export|merge: classroom sessions out of the data folder, and merged from laptops."""

from __future__ import annotations

from pathlib import Path

from courseware_app.commands.common import BAD_USAGE, cannot_write, fail
from courseware_app.commands.progress import open_store
from courseware_app.core.classroom import (
    ClassroomSession,
    SessionStore,
    merge_sessions,
    read_sessions,
    write_sessions,
)
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.results import FORMATS, ExportError, format_for


def register(sub, common) -> None:
    sessions = sub.add_parser(
        "sessions",
        parents=[common],
        help=_("export classroom sessions, merge exports from laptops"),
    )
    actions = sessions.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "export", parents=[common], help=_("write every classroom session to a file")
    )
    p.add_argument("--format", choices=FORMATS, help=_("file format (default: from -o's suffix)"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the file to write"))
    p.set_defaults(func=run_export)
    p = actions.add_parser(
        "merge",
        parents=[common],
        help=_("merge CSV or JSON session exports into one file, each session once"),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=_("the exports to merge"))
    p.add_argument("--format", choices=FORMATS, help=_("file format (default: from -o's suffix)"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the file to write"))
    p.set_defaults(func=run_merge)


def _format(args, command: str) -> str | int:
    """The output format, or the exit code after saying that none was given."""
    fmt: str | None = args.format or format_for(args.output)
    if fmt is None:
        message = _("say --format csv, json or xlsx (or end -o with one)")
        return fail(command, message, BAD_USAGE)
    return fmt


def _write(
    command: str, sessions: list[ClassroomSession], args, fmt: str, **extra: str | list[str]
) -> int:
    """Write the file; 0, or the exit code after a one-line message."""
    try:
        write_sessions(sessions, Path(args.output), fmt, **extra)
    except OSError as exc:
        return fail(command, cannot_write(args.output, exc))
    except ExportError as exc:
        return fail(command, str(exc))
    return 0


def _stored(args) -> tuple[list[ClassroomSession], str] | int:
    """The sessions in the data folder and the device's name (none when nothing was ever
    recorded there), or the exit code after saying why the store cannot be read."""
    store = open_store(args, "sessions export", create=False, missing_ok=True, readonly=True)
    if isinstance(store, int):
        return store or ([], "")
    try:
        return SessionStore(store).sessions(), store.device
    finally:
        store.close()


def run_export(args) -> int:
    fmt = _format(args, "sessions export")
    if isinstance(fmt, int):
        return fmt
    stored = _stored(args)
    if isinstance(stored, int):
        return stored
    sessions, device = stored
    code = _write("sessions export", sessions, args, fmt, device=device)
    if not code:
        message = ngettext(
            "exported {count} classroom session to {path}",
            "exported {count} classroom sessions to {path}",
            len(sessions),
        )
        print(message.format(count=len(sessions), path=args.output))
    return code


def run_merge(args) -> int:
    fmt = _format(args, "sessions merge")
    if isinstance(fmt, int):
        return fmt
    try:
        groups = [read_sessions(Path(f)) for f in args.files]
    except ExportError as exc:
        return fail("sessions merge", _("{reason}; nothing was written").format(reason=exc))
    merged = merge_sessions(groups)
    sources = [Path(f).name for f in args.files]
    code = _write("sessions merge", merged, args, fmt, merged_from=sources)
    if code:
        return code
    for path, group in zip(args.files, groups, strict=True):
        line = ngettext("{path}: {count} session", "{path}: {count} sessions", len(group))
        line = line.format(path=path, count=len(group))
        print(f"  {line}")
    read = sum(len(g) for g in groups)
    message = ngettext(
        "merged into {path}: {count} session",
        "merged into {path}: {count} sessions",
        len(merged),
    )
    dropped = ngettext(
        "{duplicates} duplicate removed", "{duplicates} duplicates removed", read - len(merged)
    )
    summary = message.format(path=args.output, count=len(merged))
    print(f"{summary}; {dropped.format(duplicates=read - len(merged))}")
    return 0
