"""lock and new-module: the content editor's release commands."""

from __future__ import annotations

import sys
from pathlib import Path

from courseware_app.commands.common import BAD_USAGE, cannot_write, fail, load_content, no_course
from courseware_app.core import paths
from courseware_app.core.i18n import _, ngettext


def register(sub, common) -> None:
    p = sub.add_parser(
        "lock",
        parents=[common],
        help=_("record each module file's version and fingerprint in versions.lock"),
    )
    p.add_argument("dir", nargs="?", help=_("the content tree (wins over --content)"))
    p.set_defaults(func=run_lock)

    p = sub.add_parser(
        "new-module",
        parents=[common],
        help=_("create a module with en, ru and fr stubs and add it to a track"),
    )
    p.add_argument("module_id", metavar="ID", help=_("the new module's id (its folder name)"))
    p.add_argument("--track", required=True, help=_("the id of the track it joins"))
    p.add_argument("--title", required=True, help=_("the module's title"))
    p.set_defaults(func=run_new_module)


def run_lock(args) -> int:
    from courseware_app.core.release import LOCK_NAME, write_lock

    course = load_content(args.dir or args.content, "lock")
    if isinstance(course, int):
        return course
    try:
        path = write_lock(course, course.root)
    except OSError as exc:
        return fail("lock", cannot_write(course.root / LOCK_NAME, exc))
    files = sum(len(m.translations) for m in course.modules.values())
    message = ngettext(
        "{path}: {count} module file locked", "{path}: {count} module files locked", files
    )
    print(message.format(path=path, count=files))
    if course.errors:
        print(
            _("modules that do not load are not in the lock; run courseware validate"),
            file=sys.stderr,
        )
    return 0


def run_new_module(args) -> int:
    from courseware_app.core.scaffold import (
        NewModule,
        ScaffoldError,
        ScaffoldRefused,
        create_module,
    )

    folder = paths.content_dir(args.content, args.data_dir)
    missing = no_course(folder, "new-module")
    if missing:
        return missing
    request = NewModule(args.module_id, args.track, args.title)
    try:
        written = create_module(folder, request)
    except ScaffoldRefused as exc:
        return fail("new-module", str(exc), BAD_USAGE)
    except ScaffoldError as exc:
        return fail("new-module", str(exc))
    except OSError as exc:
        return fail("new-module", str(exc))
    for path in written:
        print(Path(path))
    return 0
