"""results export|merge and profiles list|create|delete: progress work for trainers' scripts."""

from __future__ import annotations

import sys
from pathlib import Path

from courseware_app.commands.common import cannot_write, fail
from courseware_app.core import paths
from courseware_app.core.i18n import _
from courseware_app.core.progress import (
    ProfileError,
    ProgressStore,
    StoreError,
    StoreMissingError,
)
from courseware_app.core.results import (
    FORMATS,
    ExportError,
    export_records,
    format_for,
    merge,
    read_export,
    write_export,
    write_merged,
)


def register(sub, common) -> None:
    results = sub.add_parser(
        "results", parents=[common], help=_("export quiz results, merge exports from laptops")
    )
    actions = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "export", parents=[common], help=_("write every attempt of one or all profiles to a file")
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument("--profile", metavar="NAME", help=_("only this profile"))
    who.add_argument("--all", action="store_true", help=_("every profile (the default)"))
    p.add_argument("--format", choices=FORMATS, help=_("file format (default: from -o's suffix)"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the file to write"))
    p.set_defaults(func=run_export)

    p = actions.add_parser(
        "merge",
        parents=[common],
        help=_("merge CSV or JSON exports into one file, without duplicates"),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=_("the exports to merge"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the file to write"))
    p.set_defaults(func=run_merge)

    profiles = sub.add_parser(
        "profiles", parents=[common], help=_("list, create or delete profiles")
    )
    actions = profiles.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list", parents=[common], help=_("one line per profile: name, id")
    ).set_defaults(func=run_list)
    for name, func, text in (
        ("create", run_create, _("add a profile")),
        ("delete", run_delete, _("delete a profile (restorable in the app until it next starts)")),
    ):
        p = actions.add_parser(name, parents=[common], help=text)
        p.add_argument("name", metavar="NAME", help=_("the profile's name"))
        p.set_defaults(func=func)


def open_store(
    args, command: str, *, create: bool, missing_ok: bool = False, readonly: bool = False
) -> ProgressStore | int:
    """The store in the data folder, or the exit code after saying why it cannot be used.
    ``readonly`` for commands that only read: nothing is created, migrated or written, so
    a read-only folder (a write-protected stick) can still be listed and exported."""
    data = paths.data_dir(args.data_dir)  # the GUI's folder unless told otherwise
    if data.exists() and not data.is_dir():
        return fail(command, _("{path} is not a folder").format(path=data))
    try:
        if readonly:
            store = ProgressStore.open_for_reading(data)
        else:
            store = ProgressStore.open(data, create=create)
    except StoreMissingError:
        if missing_ok:
            return 0
        return fail(command, _("no progress recorded in {path}").format(path=data))
    except StoreError as exc:
        return fail(command, str(exc))
    if store.recovered is not None:
        r = store.recovered
        message = _("{path} was damaged ({reason}); moved to {moved_to}")
        fail(command, message.format(path=r.original, reason=r.reason, moved_to=r.moved_to))
    return store


# ---------------------------------------------------------------- results


def run_export(args) -> int:
    fmt = args.format or format_for(args.output)
    if fmt is None:
        message = _("say --format csv, json or xlsx (or end -o with one)")
        return fail("results export", message, 2)
    store = open_store(args, "results export", create=False, readonly=True)
    if isinstance(store, int):
        return store
    try:
        ids = None
        if args.profile:
            profile = store.find_profile(args.profile)
            if profile is None:
                names = ", ".join(p.name for p in store.profiles()) or _("none")
                message = _("no profile “{name}” (profiles: {names})")
                return fail("results export", message.format(name=args.profile, names=names))
            ids = [profile.id]
        records = export_records(store, ids, responses=fmt == "json")
        write_export(records, Path(args.output), fmt, device=store.device)
    except OSError as exc:
        return fail("results export", cannot_write(args.output, exc))
    except ExportError as exc:
        return fail("results export", str(exc))
    finally:
        store.close()
    people = len({r["profile_id"] for r in records})
    message = _("exported {attempts} attempt(s) of {profiles} profile(s) to {path}")
    print(message.format(attempts=len(records), profiles=people, path=args.output))
    return 0


def run_merge(args) -> int:
    try:
        exports = [read_export(Path(f)) for f in args.files]
    except ExportError as exc:
        return fail("results merge", _("{reason}; nothing was written").format(reason=exc))
    kinds = {e.kind for e in exports}
    if len(kinds) > 1:
        return fail("results merge", _("give files of one format: all CSV or all JSON"), 2)
    fmt = kinds.pop()
    wanted = format_for(args.output)
    if wanted is not None and wanted != fmt:
        message = _("the inputs are {kind}; name the output *.{suffix}")
        return fail("results merge", message.format(kind=fmt.upper(), suffix=fmt), 2)
    merged = merge(exports)
    try:
        write_merged(merged, Path(args.output), fmt, [Path(f).name for f in args.files])
    except OSError as exc:
        return fail("results merge", cannot_write(args.output, exc))
    for export in exports:
        line = _("{path}: {count} attempt(s)").format(path=export.path, count=len(export.records))
        print(f"  {line}")
    message = _(
        "merged {files} file(s) into {path}: {attempts} attempt(s) of {profiles} profile(s) "
        "from {devices} device(s); {duplicates} duplicate(s) removed"
    )
    print(
        message.format(
            files=len(exports),
            path=args.output,
            attempts=len(merged.records),
            profiles=merged.profiles,
            devices=merged.devices,
            duplicates=merged.duplicates,
        )
    )
    for attempt_id in merged.conflicts:
        message = _("warning: attempt {id} differs between files; kept the first")
        print(message.format(id=attempt_id), file=sys.stderr)
    return 0


# ---------------------------------------------------------------- profiles


def run_list(args) -> int:
    store = open_store(args, "profiles list", create=False, missing_ok=True, readonly=True)
    if isinstance(store, int):
        return store
    try:
        for profile in store.profiles():
            print(f"{profile.name}\t{profile.id}")
    finally:
        store.close()
    return 0


def run_create(args) -> int:
    store = open_store(args, "profiles create", create=True)
    if isinstance(store, int):
        return store
    try:
        profile = store.create_profile(args.name)
        store.flush()
    except ProfileError as exc:
        return fail("profiles create", str(exc))
    finally:
        store.close()
    print(_("created profile “{name}” {id}").format(name=profile.name, id=profile.id))
    return 0


def run_delete(args) -> int:
    store = open_store(args, "profiles delete", create=False)
    if isinstance(store, int):
        return store
    try:
        profile = store.find_profile(args.name)
        if profile is None:
            return fail("profiles delete", _("no profile “{name}”").format(name=args.name))
        store.delete_profile(profile).result()
    finally:
        store.close()
    message = _(
        "deleted profile “{name}”; it can be restored in the app until Courseware next starts"
    )
    print(message.format(name=profile.name))
    return 0
