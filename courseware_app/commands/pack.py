"""pack keygen|trust|build|verify|install|list|rollback: signed content updates."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from courseware_app.commands.common import fail
from courseware_app.core import paths
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.packs import ModuleChange, PackError, PackInfo

PASSPHRASE_ENV = "COURSEWARE_PACK_PASSPHRASE"


def register(sub, common) -> None:
    pack = sub.add_parser(
        "pack", parents=[common], help=_("build, verify and install signed content updates")
    )
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    register_publishing(actions, common)
    register_installing(actions, common)


def register_publishing(actions, common) -> None:
    """keygen, trust and build."""
    p = actions.add_parser("keygen", parents=[common], help=_("create a publisher key pair"))
    p.add_argument("-o", "--output", metavar="DIR", required=True, help=_("the folder to create"))
    p.add_argument("--name", help=_("the publisher's name (default: the folder's name)"))
    p.set_defaults(func=run_keygen)

    p = actions.add_parser("trust", parents=[common], help=_("trust a publisher's public key"))
    p.add_argument("key", metavar="PUBLIC_KEY", help=_("the publisher.pub file"))
    p.set_defaults(func=run_trust)

    p = actions.add_parser("build", parents=[common], help=_("build a signed content pack"))
    p.add_argument("dir", metavar="CONTENT_DIR", help=_("the content tree"))
    p.add_argument("--key", metavar="PRIVATE_KEY", required=True, help=_("the publisher.key file"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the .cwpack to write"))
    p.set_defaults(func=run_build)


def register_installing(actions, common) -> None:
    """verify, install, list and rollback."""
    p = actions.add_parser(
        "verify", parents=[common], help=_("say what a pack is and would change, or why not")
    )
    p.add_argument("file", metavar="FILE", help=_("the .cwpack file"))
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p.set_defaults(func=run_verify)

    p = actions.add_parser("install", parents=[common], help=_("install a content pack"))
    p.add_argument("file", metavar="FILE", help=_("the .cwpack file"))
    p.add_argument(
        "--allow-downgrade", action="store_true", help=_("accept modules older than installed")
    )
    p.set_defaults(func=run_install)

    p = actions.add_parser(
        "list", parents=[common], help=_("the bundled and installed content versions")
    )
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p.set_defaults(func=run_list)
    p = actions.add_parser(
        "rollback", parents=[common], help=_("make the previous content version active")
    )
    p.set_defaults(func=run_rollback)


def data_folder(args, command: str) -> Path | int:
    """The data folder, or the exit code after saying that it is not a folder."""
    data = paths.data_dir(args.data_dir)
    if data.exists() and not data.is_dir():
        return fail(command, _("{path} is not a folder").format(path=data))
    return data


def bundled() -> Path:
    return paths.resource_root() / "content"


def passphrase(confirm: bool = False) -> str:
    """$COURSEWARE_PACK_PASSPHRASE, else asked on the terminal (twice with ``confirm``)."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given is None:
        import getpass

        try:
            given = getpass.getpass(_("Passphrase of the publisher key: "))
            if confirm and getpass.getpass(_("The same passphrase again: ")) != given:
                raise PackError(_("the two passphrases differ; nothing was written"))
        except EOFError:
            given = ""
    if not given:
        raise PackError(_("no passphrase given (set {env} or type one)").format(env=PASSPHRASE_ENV))
    return given


# ---------------------------------------------------------------- keys


def run_keygen(args) -> int:
    from courseware_app.core.packs.keys import write_key_pair

    folder = Path(args.output)
    try:
        private, public = write_key_pair(
            folder, args.name or folder.resolve().name, lambda: passphrase(True)
        )
    except PackError as exc:
        return fail("pack keygen", str(exc))
    print(
        _("wrote {private} (keep it secret, with its passphrase) and {public}").format(
            private=private, public=public
        )
    )
    return 0


def run_trust(args) -> int:
    from courseware_app.core.packs.keys import read_public_key, trust_key

    try:
        key = read_public_key(Path(args.key))
    except PackError as exc:
        return fail("pack trust", str(exc))
    print(_("publisher: {name}").format(name=key.name or "?"))
    print(_("key id: {key_id}").format(key_id=key.key_id))
    print(_("fingerprint: {fingerprint}").format(fingerprint=key.fingerprint))
    print(_("Compare the fingerprint with the one the publisher gave you."))
    sys.stdout.write(_("Trust this key to sign content packs? [y/N] "))
    sys.stdout.flush()
    answer = sys.stdin.readline().strip().casefold()
    if answer not in ("y", "yes", _("y").casefold(), _("yes").casefold()):
        print(_("not trusted; nothing was changed"))
        return 1
    data = data_folder(args, "pack trust")
    if isinstance(data, int):
        return data
    path = trust_key(key, data)
    print(_("trusted: {path}").format(path=path))
    return 0


# ---------------------------------------------------------------- build and verify


def run_build(args) -> int:
    from courseware_app.commands.common import load_content
    from courseware_app.core.packs.build import CourseRefused, build_pack
    from courseware_app.core.packs.keys import read_private_key

    course = load_content(args.dir, "pack build")
    if isinstance(course, int):
        return course
    try:
        key = read_private_key(Path(args.key), passphrase)
        manifest = build_pack(course, key, Path(args.output))
    except CourseRefused as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return fail("pack build", str(exc))
    except PackError as exc:
        return fail("pack build", str(exc))
    message = ngettext(
        "wrote {path}: course {version}, {count} file, signed by key {key_id}",
        "wrote {path}: course {version}, {count} files, signed by key {key_id}",
        len(manifest["files"]),
    )
    print(
        message.format(
            path=args.output,
            version=manifest["course_version"],
            count=len(manifest["files"]),
            key_id=manifest["key_id"],
        )
    )
    return 0


def change_line(change: ModuleChange) -> str:
    if change.old is None:
        return _("added {module} {new}").format(module=change.module, new=change.new)
    if change.new is None:
        return _("removed {module} (was {old})").format(module=change.module, old=change.old)
    message = _("updated {module} {old} → {new}")
    return message.format(module=change.module, old=change.old, new=change.new)


def info_json(info: PackInfo) -> dict[str, object]:
    return {
        "valid": True,
        "path": str(info.path),
        "course_id": info.course_id,
        "course_version": info.course_version,
        "min_app": info.min_app,
        "created_at": info.created_at,
        "key_id": info.key_id,
        "publisher": info.publisher,
        "modules": info.modules,
        "changes": [{"module": c.module, "old": c.old, "new": c.new} for c in info.changes],
        "notes": info.notes,
        "downgrade": info.downgrade,
    }


def print_info(info: PackInfo) -> None:
    message = _("content pack for {course} {version}, made {created}")
    print(
        message.format(course=info.course_id, version=info.course_version, created=info.created_at)
    )
    signer = _("signed by {publisher} (key id {key_id}), a trusted key")
    print(signer.format(publisher=info.publisher or "?", key_id=info.key_id))
    if not info.changes:
        print(_("no module changes: the same versions as the active content"))
    for change in info.changes:
        print(f"  {change_line(change)}")
        notes = info.notes.get(change.module, "") if change.new is not None else ""
        for line in notes.splitlines():
            print(f"      {line}")
    if info.downgrade:
        print(_("this is a downgrade: installing it needs --allow-downgrade"))


def run_verify(args) -> int:
    from courseware_app.core.packs import verify_pack

    data = data_folder(args, "pack verify")
    if isinstance(data, int):
        return data
    try:
        info = verify_pack(Path(args.file), data, bundled=bundled())
    except PackError as exc:
        if args.json:
            print(json.dumps({"valid": False, "error": str(exc)}, ensure_ascii=False, indent=2))
        return fail("pack verify", _("refused: {reason}").format(reason=exc))
    if args.json:
        print(json.dumps(info_json(info), ensure_ascii=False, indent=2))
    else:
        print_info(info)
    return 0


# ---------------------------------------------------------------- install, list, rollback


def run_install(args) -> int:
    from courseware_app.core.packs import install_pack

    data = data_folder(args, "pack install")
    if isinstance(data, int):
        return data
    try:
        info = install_pack(
            Path(args.file),
            data,
            allow_downgrade=args.allow_downgrade,
            bundled=bundled(),
        )
    except PackError as exc:
        return fail("pack install", _("refused: {reason}").format(reason=exc))
    for change in info.changes:
        print(f"  {change_line(change)}")
    print(_("installed: course {version} is now active").format(version=info.course_version))
    return 0


def run_list(args) -> int:
    from courseware_app.core.packs import content_versions

    data = data_folder(args, "pack list")
    if isinstance(data, int):
        return data
    versions = content_versions(data, bundled())
    if args.json:
        rows = [
            {
                "source": v.source,
                "course_version": v.course_version,
                "modules": v.modules,
                "active": v.active,
                "path": str(v.path),
            }
            for v in versions
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for v in versions:
        source = _("bundled") if v.source == "bundled" else _("installed")
        mark = _("active") if v.active else ""
        print(f"{source}\t{v.course_version}\t{mark}\t{v.path}".rstrip())
    return 0


def run_rollback(args) -> int:
    from courseware_app.core.packs import rollback

    data = data_folder(args, "pack rollback")
    if isinstance(data, int):
        return data
    try:
        version = rollback(data, bundled=bundled())
    except PackError as exc:
        return fail("pack rollback", str(exc))
    print(_("rolled back: course {version} is now active").format(version=version))
    return 0
