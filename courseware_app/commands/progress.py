"""results export|merge and profiles list|create|delete: progress work for trainers' scripts."""

from __future__ import annotations

import sys
from pathlib import Path

from courseware_app import APP_ID, ORG_NAME
from courseware_app.core import paths
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
        "results", parents=[common], help="export quiz results, merge exports from laptops"
    )
    actions = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "export", parents=[common], help="write every attempt of one or all profiles to a file"
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument("--profile", metavar="NAME", help="only this profile")
    who.add_argument("--all", action="store_true", help="every profile (the default)")
    p.add_argument("--format", choices=FORMATS, help="file format (default: from -o's suffix)")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=run_export)

    p = actions.add_parser(
        "merge",
        parents=[common],
        help="merge CSV or JSON exports into one file, without duplicates",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=run_merge)

    profiles = sub.add_parser("profiles", parents=[common], help="list, create or delete profiles")
    actions = profiles.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list", parents=[common], help="one line per profile: name, id"
    ).set_defaults(func=run_list)
    for name, func, text in (
        ("create", run_create, "add a profile"),
        ("delete", run_delete, "delete a profile (restorable in the app until it next starts)"),
    ):
        p = actions.add_parser(name, parents=[common], help=text)
        p.add_argument("name", metavar="NAME")
        p.set_defaults(func=func)


def standard_location() -> str:
    """The GUI's data folder (QStandardPaths AppDataLocation), so both agree without options."""
    try:
        from PySide6.QtCore import QCoreApplication, QStandardPaths
    except ImportError:
        return ""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


def fail(command: str, message: str, code: int = 1) -> int:
    print(f"courseware {command}: {message}", file=sys.stderr)
    return code


def open_store(
    args, command: str, *, create: bool, missing_ok: bool = False
) -> ProgressStore | int:
    """The store in the data folder, or the exit code after saying why it cannot be used."""
    data = paths.data_dir(args.data_dir, standard_location)
    try:
        store = ProgressStore.open(data, create=create)
    except StoreMissingError:
        return 0 if missing_ok else fail(command, f"no progress recorded in {data}")
    except StoreError as exc:
        return fail(command, str(exc))
    if store.recovered is not None:
        r = store.recovered
        fail(command, f"{r.original} was damaged ({r.reason}); moved to {r.moved_to}")
    return store


# ---------------------------------------------------------------- results


def run_export(args) -> int:
    fmt = args.format or format_for(args.output)
    if fmt is None:
        return fail("results export", "say --format csv, json or xlsx (or end -o with one)", 2)
    store = open_store(args, "results export", create=False)
    if isinstance(store, int):
        return store
    try:
        ids = None
        if args.profile:
            profile = store.find_profile(args.profile)
            if profile is None:
                names = ", ".join(p.name for p in store.profiles()) or "none"
                return fail("results export", f"no profile “{args.profile}” (profiles: {names})")
            ids = [profile.id]
        records = export_records(store, ids, responses=fmt == "json")
        write_export(records, Path(args.output), fmt, device=store.device)
    except (OSError, ExportError) as exc:
        return fail("results export", str(exc))
    finally:
        store.close()
    people = len({r["profile_id"] for r in records})
    print(f"exported {len(records)} attempt(s) of {people} profile(s) to {args.output}")
    return 0


def run_merge(args) -> int:
    try:
        exports = [read_export(Path(f)) for f in args.files]
    except ExportError as exc:
        return fail("results merge", f"{exc}; nothing was written")
    kinds = {e.kind for e in exports}
    if len(kinds) > 1:
        return fail("results merge", "give files of one format: all CSV or all JSON", 2)
    fmt = kinds.pop()
    wanted = format_for(args.output)
    if wanted is not None and wanted != fmt:
        return fail("results merge", f"the inputs are {fmt.upper()}; name the output *.{fmt}", 2)
    merged = merge(exports)
    try:
        write_merged(merged, Path(args.output), fmt, [Path(f).name for f in args.files])
    except OSError as exc:
        return fail("results merge", str(exc))
    for export in exports:
        print(f"  {export.path}: {len(export.records)} attempt(s)")
    print(
        f"merged {len(exports)} file(s) into {args.output}: {len(merged.records)} attempt(s) "
        f"of {merged.profiles} profile(s) from {merged.devices} device(s); "
        f"{merged.duplicates} duplicate(s) removed"
    )
    for attempt_id in merged.conflicts:
        print(
            f"warning: attempt {attempt_id} differs between files; kept the first", file=sys.stderr
        )
    return 0


# ---------------------------------------------------------------- profiles


def run_list(args) -> int:
    store = open_store(args, "profiles list", create=False, missing_ok=True)
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
    print(f"created profile “{profile.name}” {profile.id}")
    return 0


def run_delete(args) -> int:
    store = open_store(args, "profiles delete", create=False)
    if isinstance(store, int):
        return store
    try:
        profile = store.find_profile(args.name)
        if profile is None:
            return fail("profiles delete", f"no profile “{args.name}”")
        store.delete_profile(profile).result()
    finally:
        store.close()
    print(
        f"deleted profile “{profile.name}”; it can be restored in the app until Courseware "
        "next starts"
    )
    return 0
